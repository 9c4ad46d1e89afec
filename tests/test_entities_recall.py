"""Entities that SaudiNewsNet names often and the first rounds missed (issue 12): handmade sentences."""

from __future__ import annotations

import pytest

from kzcorpus.entities import Gazetteer, find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return load_gazetteer()


def _found(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.id) for m in find_mentions(text, gz, parts=False)]


def test_saudi_bodies_by_their_short_names(gz: Gazetteer) -> None:
    assert _found(gz, "وأعلنت الجوازات تمديد المهلة") == [
        ("الجوازات", "ORG", "General Directorate of Passports (Saudi Arabia)")
    ]
    assert _found(gz, "حضر نائب مدير عام المباحث والمستشار بالديوان الملكي") == [
        ("المباحث", "ORG", "General Investigation Directorate"),
        ("الديوان الملكي", "ORG", "Royal Court of Saudi Arabia"),
    ]
    # The longer name wins: another court, another bureau.
    assert _found(gz, "استقبله رئيس الديوان الملكي الهاشمي") == [
        ("الديوان الملكي الهاشمي", "ORG", "Royal Hashemite Court")
    ]
    assert _found(gz, "تابعت المباحث الإدارية القضية") == [
        ("المباحث الإدارية", "ORG", "Administrative Investigation (Saudi Arabia)")
    ]
    got = _found(gz, "زار مقر قوات الطوارئ الخاصة ثم قوة الطوارئ الخاصة بأبها")
    assert [m[2] for m in got[:2]] == ["Special Emergency Forces", "Special Emergency Forces"]
    assert _found(gz, "وقعت أمانة العاصمة المقدسة عقدا") == [
        ("أمانة العاصمة المقدسة", "ORG", "Holy Capital Municipality")
    ]
    got = _found(gz, "وأكد مدير الشؤون الصحية بالمنطقة")
    assert got == [("الشؤون الصحية", "ORG", "Saudi regional directorates of health affairs")]


def test_latin_brand_names_and_an_ambiguous_arabic_form(gz: Gazetteer) -> None:
    got = _found(gz, "للاشتراك أرسل الرمز إلى 1234 - Stc 5678 - Mobily 9012 - Zain")
    assert got == [
        ("Stc", "ORG", "Saudi Telecom Company"),
        ("Mobily", "ORG", "Mobily"),
        ("Zain", "ORG", "Zain"),
    ]
    # A Latin form does not make the ambiguous «زين» the company elsewhere in the article.
    got = _found(gz, "زين الشارع بالأعلام. للاشتراك أرسل إلى Zain")
    assert got == [("Zain", "ORG", "Zain")]
    # An Arabic form does.
    got = _found(gz, "أعلنت شركة زين أرباحها وقالت زين إن")
    assert [m[:2] for m in got] == [("شركة زين", "ORG"), ("زين", "ORG")]


def test_place_spellings(gz: Gazetteer) -> None:
    assert _found(gz, "عرض منافس من قازاخستان") == [("قازاخستان", "LOC", "Kazakhstan")]
    assert _found(gz, "نقل المعتقلين من خليج غوانتانامو") == [("خليج غوانتانامو", "LOC", "Guantánamo Bay")]


def test_quoted_names_after_a_media_or_company_head(gz: Gazetteer) -> None:
    got = _found(gz, "وكتبت صحيفة «ميلييت» الموالية للحكومة")
    assert got == [("ميلييت", "ORG", "ميلييت")]
    got = _found(gz, "وبحسب لصحيفة “صنداي إكسبرس” البريطانية")
    assert [(m[0], m[2]) for m in got] == [("صنداي إكسبرس", "صنداي إكسبرس")]
    assert _found(gz, 'اشترى حصة في شركة "نوفا تك" للبرمجيات')[0][:2] == ("نوفا تك", "ORG")
    # Function words spelling letters are names there: «إن تي في».
    assert _found(gz, 'ونقلت قناة "إن تي في" التلفزيونية')[0][:2] == ("إن تي في", "ORG")
    # No head, a word between the head and the quote, or a sentence in quotes: nothing.
    assert _found(gz, "وقال: «ميلييت» كلمة غريبة") == []
    assert _found(gz, "نشرت صحيفة اسمها «ميلييت»") == []
    assert _found(gz, "قالت الصحيفة «إن الوضع خطير جدا هذه المرة»") == []


def test_a_quoted_short_name_after_an_organisation(gz: Gazetteer) -> None:
    got = _found(gz, 'وقال لهيئة الإذاعة البريطانية "بي.بي.سي" إن')
    assert got == [("هيئة الإذاعة البريطانية", "ORG", "BBC"), ("بي.بي.سي", "ORG", "BBC")]
    got = _found(gz, "وقعت الهيئة الوطنية للتطوير العقاري «نماء» اتفاقية")
    assert [m[:2] for m in got] == [("الهيئة الوطنية للتطوير العقاري", "ORG"), ("نماء", "ORG")]
    # A quoted adjective or verb after an organisation is not its name.
    got = _found(gz, 'وصف حزب العمال الكردستاني "المحظور" بأنه')
    assert [m[0] for m in got] == ["حزب العمال الكردستاني"]
    got = _found(gz, 'إن مجلس الأمن الدولي "يرحب" بالاتفاق')
    assert [m[0] for m in got] == ["مجلس الأمن الدولي"]


def test_a_speaker_between_a_verb_of_saying_and_a_role(gz: Gazetteer) -> None:
    got = _found(gz, "وقالت مارتا كوفالسكا وزيرة الصحة البولندية إن الخطة جاهزة")
    assert got == [("مارتا كوفالسكا", "PER", "مارتا كوفالسكا")]
    got = _found(gz, "وأوضح ديرك هالبرغ، المتحدث باسم الشركة، أن")
    assert [m[:2] for m in got] == [("ديرك هالبرغ", "PER")]
    assert [m[0] for m in _found(gz, "قال تومي ليند الذي يدير المتجر")] == ["تومي ليند"]
    # Common words, a definite word or a one-letter word between verb and role: nobody.
    assert _found(gz, "وقال مصدر مسؤول الذي رفض ذكر اسمه") == []
    assert _found(gz, "وقال بيان المجلس الذي صدر أمس") == []
    assert _found(gz, "وقال جورو و الذي يعمل هناك") == []


def test_a_person_after_yudaa(gz: Gazetteer) -> None:
    assert _found(gz, 'أنقذت امرأة تدعى "هيلين ماركس" طفلا') == [("هيلين ماركس", "PER", "هيلين ماركس")]
    assert _found(gz, "وقال ساكن آخر يُدعى بافل إن") == [("بافل", "PER", "بافل")]
    assert _found(gz, "ومن هؤلاء صياد يدعى هزاع المهيري قال") == [("هزاع المهيري", "PER", "هزاع المهيري")]
    # «يدعي» with «ي» is «claims»; Latin names and common words after «يدعى» are left alone.
    assert _found(gz, "والذي يدعي أصحابه أنهم على حق") == []
    assert _found(gz, "جهاز جديد يدعى «WalkCar» للتنقل") == []


def test_a_surname_after_the_long_and_the_short_form_of_one_name(gz: Gazetteer) -> None:
    text = "وصل الدكتور ناصر بن فهد القحطاني أمس. وقال الدكتور ناصر القحطاني إن الزيارة مهمة. وأكد الدكتور القحطاني"
    got = _found(gz, text)
    assert [m[0] for m in got] == ["ناصر بن فهد القحطاني", "ناصر القحطاني", "القحطاني"]
    assert got[-1][2] == "ناصر بن فهد القحطاني"
    # Two persons with other first names share the surname: it names neither.
    text = "وصل الدكتور ناصر القحطاني ثم الدكتور سعد القحطاني. وقال القحطاني"
    assert [m[0] for m in _found(gz, text)] == ["ناصر القحطاني", "سعد القحطاني"]
