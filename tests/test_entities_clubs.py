"""Clubs named alone in a sports story, their towns, their names repeated (kzcorpus.entities.clubs): handmade sentences."""

from __future__ import annotations

import pytest

from kzcorpus.entities import Gazetteer, find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.type, m.id, m.found_by) for m in find_mentions(text, gz, parts=False)]


def test_a_club_after_a_sports_role(gz: Gazetteer) -> None:
    got = _found(gz, "تعاقد النادي مع مدافع الخلود ومهاجم الصفا قبل انطلاق الدوري")
    assert got == [
        ("الخلود", "ORG", "الخلود", "rule:club(مدافع)"),
        ("الصفا", "ORG", "الصفا", "rule:club(مهاجم)"),
    ]
    # Bracketed after «فريق», with its town after «ب».
    got = _found(gz, "انضم اللاعب من فريق (مضر) بالقديح إلى تدريبات النادي")
    assert got == [("مضر", "ORG", "مضر", "rule:club(فريق)"), ("القديح", "LOC", "القديح", "rule:club-town")]


def test_a_known_club_by_its_ambiguous_name_gets_its_id(gz: Gazetteer) -> None:
    got = _found(gz, "كسب فريق الهلال المباراة الودية، وقدم الهلال مستوى جيدا في المباراة")
    assert [(g[0], g[2], g[3]) for g in got] == [
        ("الهلال", "Al-Hilal SFC", "rule:club(فريق)"),
        ("الهلال", "Al-Hilal SFC", "alias:Al-Hilal SFC"),
    ]


def test_no_club_outside_a_sports_story_or_after_a_position(gz: Gazetteer) -> None:
    assert _found(gz, "وصل فريق الدراسة إلى القرية وبدأ فريق التحقيق عمله") == []
    assert _found(gz, "سجل لاعب الوسط وتصدى حارس المرمى في المباراة") == []
    # A demonym, a verbal noun and a word in quotes after «لاعب» are no clubs.
    assert _found(gz, "أجرى الكشف الطبي للاعب البرازيلي في الدوري") == []
    assert _found(gz, "يحق للاعب الانتقال دون الرجوع لناديه") == []
    assert _found(gz, "وبيد كل لاعب «الشون» في المباراة") == []
    # «فريق الوزارة» in a story that mentions a match far away.
    far = "زار فريق الوزارة المريض في بيته." + " وتحدث الطبيب عن العلاج طويلا" * 5 + " ثم شاهد المباراة"
    assert _found(gz, far) == []


def test_a_club_named_by_nadi_stands_for_itself_later(gz: Gazetteer) -> None:
    text = "ظفرت إدارة نادي النور بسنابس، بخدمات اللاعب. يذكر أن النور قدم مستوى مميزا في الدوري"
    got = _found(gz, text)
    assert got == [
        ("نادي النور", "ORG", "نادي النور", "rule:head(نادي)"),
        ("سنابس", "LOC", "سنابس", "rule:club-town"),
        ("النور", "ORG", "نادي النور", "alias:نادي النور"),
    ]
    # «نادى» (called) folds like «نادي»: no story about a club, no alias.
    got = _found(gz, "نادى النادل وقال له شيئا ثم ابتسم النادل")
    assert [g[0] for g in got if g[3].startswith("alias:")] == []
    assert "النادل" in _found(gz, "نادى النادل وقال له شيئا ثم ابتسم النادل في الملعب")[-1]
    # After «ب» a club named after its town is the town.
    got = _found(gz, "لعب نادي العلمة المباراة على ملعب المدينة بالعلمة")
    assert [g[0] for g in got] == ["نادي العلمة"]


def test_a_word_that_starts_with_ba_after_a_club_is_no_town(gz: Gazetteer) -> None:
    got = _found(gz, "أشار الموقع إلى أن قيمة لاعبي الهلال بلغت 12 مليون في الدوري")
    assert [g[3] for g in got] == ["rule:club(لاعبي)"]


def test_a_clubs_town_does_not_depend_on_a_role_elsewhere(gz: Gazetteer) -> None:
    # No sports word: «فريق الشباب» is no club here, and that must not cost «نادي النور»'s town.
    club_and_town = [
        ("نادي النور", "ORG", "نادي النور", "rule:head(نادي)"),
        ("سنابس", "LOC", "سنابس", "rule:club-town"),
    ]
    assert _found(gz, "افتتح نادي النور بسنابس، مقره الجديد.") == club_and_town
    assert _found(gz, "افتتح نادي النور بسنابس، مقره الجديد، وحضر فريق الشباب الحفل.") == club_and_town
