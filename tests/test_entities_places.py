"""Local places, organisations named after a place, datelines (kzcorpus.entities.places): handmade sentences."""

from __future__ import annotations

import pytest

from kzcorpus.entities import Gazetteer, find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.found_by) for m in find_mentions(text, gz, parts=False)]


def test_streets_and_districts_keep_their_head(gz: Gazetteer) -> None:
    got = _found(gz, "دارت مواجهات في شارع الخمسين وشمال حي الصفيحة ثم بحي المروج")
    assert got == [
        ("شارع الخمسين", "LOC", "rule:street(شارع)"),
        ("حي الصفيحة", "LOC", "rule:street(حي)"),
        ("حي المروج", "LOC", "rule:street(حي)"),
    ]
    # Two foreign-looking words after «حي»; an indefinite name after «حي».
    got = _found(gz, "يقع الفندق في حي بروك لاين قرب حي عصيفرة")
    assert got == [("حي بروك لاين", "LOC", "rule:street(حي)"), ("حي عصيفرة", "LOC", "rule:street(حي)")]


def test_what_follows_a_street_head_is_not_always_a_name(gz: Gazetteer) -> None:
    assert _found(gz, "يسكن في حي سكني هادئ وشارع رئيسي") == []
    assert _found(gz, "خبر مفاجئ للشارع الرياضي") == []
    assert _found(gz, "نزع ملكية عقار لصالح شارع عرض 30م ودخل في شارع ضيق") == []
    assert _found(gz, "افتتح 24 نادياً حي للبنين والبنات") == []
    assert _found(gz, "تواصل معه عن طريق الهاتف وهو في طريق العودة") == []


def test_roads_need_a_place_word_or_a_road_adjective(gz: Gazetteer) -> None:
    got = _found(gz, "الزحام على طريق الحرمين السريع وعلى طريق بئر مسعود")
    assert got == [
        ("طريق الحرمين السريع", "LOC", "rule:street(طريق)"),
        ("طريق بئر مسعود", "LOC", "rule:street(طريق)"),
    ]


def test_a_base_named_with_its_adjective_and_then_alone(gz: Gazetteer) -> None:
    got = _found(gz, "سيطرت القوات على قاعدة الوحش الجوية، وبعد ذلك دخلت قاعدة الوحش")
    assert got == [
        ("قاعدة الوحش الجوية", "LOC", "rule:street(قاعدة)"),
        ("قاعدة الوحش", "LOC", "rule:street(قاعدة)"),
    ]
    assert _found(gz, "أنشأت قاعدة البيانات") == []


def test_an_institution_named_after_a_place_wins_over_the_place(gz: Gazetteer) -> None:
    got = _found(gz, "نقل المصابون إلى مستشفى برج بريدة المركزي.")
    assert got == [("مستشفى برج بريدة المركزي", "ORG", "rule:placed(مستشفى)")]
    got = _found(gz, "قال رئيس رابطة مشجعي نيجيريا إن")
    assert got == [("رابطة مشجعي نيجيريا", "ORG", "rule:placed(رابطة)")]
    # An administrative unit between the head and the place is not that noun.
    assert ("مجلس مدينة جدة", "ORG", "rule:placed(مجلس)") not in _found(gz, "اجتمع مجلس مدينة جدة")


def test_a_town_named_like_a_title_keeps_its_first_word(gz: Gazetteer) -> None:
    got = _found(gz, "نقل إلى مستشفى الشيخ زويد ثم عاد إلى الشيخ زويد")
    assert got[1][:2] == ("الشيخ زويد", "LOC")


def test_dateline_after_a_masthead(gz: Gazetteer) -> None:
    got = _found(gz, "محمد العتيبي- سبق- بني عمرو: أعلنت البلدية")
    assert got[-1] == ("بني عمرو", "LOC", "rule:dateline")
    # The masthead opening a line, the tatweel of «سبق ـ أبها» folded away.
    got = _found(gz, "عنوان الخبر\nسبق ـ أبها: أقام المستشفى")
    assert [g[:2] for g in got] == [("سبق", "ORG"), ("أبها", "LOC")]
    got = _found(gz, "سبق- النماص: أقام المستشفى")
    assert [g[:2] for g in got] == [("سبق", "ORG"), ("النماص", "LOC")]
    # Not a place: the news came from agencies.
    assert [g[:2] for g in _found(gz, "سبق- وكالات: أعلن الجيش")] == [("سبق", "ORG")]


def test_an_organisation_named_by_a_word_and_a_nisba(gz: Gazetteer) -> None:
    got = _found(gz, "بالتعاون مع مؤسسة دان التطوعية أقيم المهرجان")
    assert got == [("مؤسسة دان التطوعية", "ORG", "rule:org-name(مؤسسة)")]
    # An adjective or a verb-like word is no name.
    assert _found(gz, "أنشئت جمعية خيرية المحلية") == []


def test_a_ministry_of_an_indefinite_noun_and_a_definite_one(gz: Gazetteer) -> None:
    got = _found(gz, "ممثلة في وزارة حقوق الإنسان في رصد الانتهاكات")
    assert got == [("وزارة حقوق الإنسان", "ORG", "rule:head(وزارة)")]
    assert _found(gz, "لا بد من وزارة لتشكيل الوعي العام") == []


def test_a_dateline_town_named_again(gz: Gazetteer) -> None:
    got = _found(gz, "سعد الغامدي- سبق- بني عمرو: أغلقت بلدية بني عمرو محلا")
    assert got[-2:] == [("بني عمرو", "LOC", "rule:dateline"), ("بني عمرو", "LOC", "alias:بني عمرو")]


def test_no_dateline_without_a_dash_inside_a_line(gz: Gazetteer) -> None:
    got = _found(gz, "عنوان\nتحدث عن ورشة الفن في سوق عكاظ قائلاً: جاءت الورشة")
    assert all(g[2] != "rule:dateline" for g in got)


def test_a_dateline_closed_by_a_slash(gz: Gazetteer) -> None:
    got = _found(gz, "عنوان\nعين اليوم – المخلاف / أكدت التقارير")
    assert got[-1] == ("المخلاف", "LOC", "rule:dateline")
