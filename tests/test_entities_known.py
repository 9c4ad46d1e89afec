"""Bodies and events of 2015 that SaudiNewsNet names often, known to the package gazetteer: handmade sentences."""

from __future__ import annotations

import pytest

from kzcorpus.entities import Gazetteer, find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.id) for m in find_mentions(text, gz, parts=False)]


def test_yemen_war_bodies(gz: Gazetteer) -> None:
    got = _found(gz, "اشتبك الجيش الوطني والمقاومة الشعبية مع الحرس الجمهوري اليمني بدعم من التحالف العربي")
    assert got == [
        ("المقاومة الشعبية", "ORG", "Popular Resistance (Yemen)"),
        ("الحرس الجمهوري اليمني", "ORG", "Republican Guard (Yemen)"),
        ("التحالف العربي", "ORG", "Saudi-led coalition in Yemen"),
    ]
    # The longer name is another body.
    assert _found(gz, "أعلنت لجان المقاومة الشعبية") == [
        ("لجان المقاومة الشعبية", "ORG", "Popular Resistance Committees")
    ]


def test_other_bodies_and_events(gz: Gazetteer) -> None:
    assert _found(gz, "درس في جامعة أم القرى") == [("جامعة أم القرى", "ORG", "Umm al-Qura University")]
    assert _found(gz, "الاتفاق بين إيران ودول 5+1")[-1] == ("دول 5+1", "ORG", "P5+1")
    assert _found(gz, "في دول الاتحاد الأوربي") == [("الاتحاد الأوربي", "ORG", "European Union")]
    got = _found(gz, "شارك الوفد في الجامبوري الكشفي العالمي الثالث والعشرين")
    assert got == [("الجامبوري الكشفي العالمي", "MISC", "World Scout Jamboree")]


def test_people_named_often_without_a_title(gz: Gazetteer) -> None:
    assert _found(gz, "فاز مورينيو بلقب الدوري") == [("مورينيو", "PER", "José Mourinho")]
    got = _found(gz, "أكد عبداللطيف الزياني أن الهدنة صامدة")
    assert got == [("عبداللطيف الزياني", "PER", "Abdullatif bin Rashid Al Zayani")]


def test_a_quoted_or_bracketed_event_after_its_head(gz: Gazetteer) -> None:
    got = [(m.text, m.type, m.found_by) for m in find_mentions('افتتح مهرجان "حقلنا وناسه" أمس', gz, parts=False)]
    assert got == [("حقلنا وناسه", "MISC", "rule:quoted(مهرجان)")]
    got = [
        (m.text, m.type, m.found_by) for m in find_mentions("فازت بالذهبية في مسابقة (PX3) للتصوير", gz, parts=False)
    ]
    assert got == [("PX3", "MISC", "rule:quoted(مسابقة)")]
