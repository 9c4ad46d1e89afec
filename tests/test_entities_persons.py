"""Persons with a compound given name «X الدين» (kzcorpus.entities.persons): handmade sentences."""

from __future__ import annotations

import pytest

from kzcorpus.entities import Gazetteer, find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.found_by) for m in find_mentions(text, gz, parts=False)]


def test_a_compound_given_name_and_a_family_name(gz: Gazetteer) -> None:
    assert _found(gz, "التقى وزير الخارجية مع عز الدين الأصبحي أمس") == [("عز الدين الأصبحي", "PER", "rule:din-name")]
    # A foreign family name, and a name that wins over the province «صلاح الدين».
    assert _found(gz, "قال زعيم الحزب صلاح الدين دميرتاش إن") == [("صلاح الدين دميرتاش", "PER", "rule:din-name")]
    # A given name and a family name after it.
    assert _found(gz, "وكتب جلال الدين حسن الكردي مقالا") == [("جلال الدين حسن الكردي", "PER", "rule:din-name")]


def test_not_a_compound_given_name(gz: Gazetteer) -> None:
    # No list word first; no name after; a verb or «و» + another name after.
    assert _found(gz, "حضر رجال الدين وأعداء الدين") == []
    assert _found(gz, "نزح سكان صلاح الدين حاولوا العودة")[0][2] == "gazetteer"
    assert _found(gz, "شارك علاء الدين وسنية صالح") == []
    # The group named after the person keeps the name.
    assert _found(gz, "أعلنت كتائب الشهيد عز الدين القسام") == []


def test_abd_and_its_name_written_apart(gz: Gazetteer) -> None:
    got = _found(gz, "قال الدكتور عبد اللطيف الحمادي إن الهدنة صامدة. وأكد الحمادي أن")
    assert got == [
        ("عبد اللطيف الحمادي", "PER", "rule:title(الدكتور)"),
        ("الحمادي", "PER", "alias:عبداللطيف الحمادي"),
    ]
    # After a title that is also a common word, and with no title.
    assert _found(gz, "حضر الفريق عبد الله القرني") == [("عبد الله القرني", "PER", "rule:title(الفريق)")]
    assert _found(gz, "وقال عبد الرحمن الحربي إن") == [("عبد الرحمن الحربي", "PER", "rule:given-name")]


def test_a_royal_title_and_one_name_that_is_also_a_word(gz: Gazetteer) -> None:
    assert _found(gz, "كان الأمير نايف رحمه الله يقول") == [("نايف", "PER", "rule:title(الأمير)")]
    # Another title needs more than a word-like name.
    assert _found(gz, "كان الدكتور نايف يقول") == []


def test_a_quoted_name_after_a_title(gz: Gazetteer) -> None:
    got = _found(gz, 'بدأ المدير الفني "نيبوشا" التدريبات بالجري')
    assert got == [("نيبوشا", "PER", "rule:quoted-title(المدير)")]
    got = _found(gz, "تحدثت الكاتبة الفرنسية «فرنسواز ساجان» عن الحب")
    assert got == [("فرنسواز ساجان", "PER", "rule:quoted-title(الكاتبة)")]
    # A verbal noun after a clitic, a pronoun, a title that is also a common word.
    assert _found(gz, "قام رجل «بإلقاء قنبلة» باتجاه الحافلة") == []
    assert _found(gz, "أشاد الفريق المفاوض «لتدبيره وشجاعته»") == []
