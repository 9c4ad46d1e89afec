"""Date classes found on fresh SaudiNewsNet text (bench/dev2-dates), on sentences written for the tests."""

from __future__ import annotations

import pytest

from kzcorpus.corpus import Article
from kzcorpus.dates import find_dates

ANCHOR = "2015-07-21 02:51:32"  # a Tuesday, 5 Shawwal 1436


def found(text: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", text=text, path="t", meta={"published": ANCHOR})
    return [(m.text, m.value) for m in find_dates(article)]


def test_weekdays_before_a_list_of_days_are_the_days_of_the_list() -> None:
    text = "وتقام المباريات أيام الأحد والاثنين والثلاثاء 10 و11 و12 شوال الجاري في الرياض."
    assert found(text) == [("10", "2015-07-26"), ("11", "2015-07-27"), ("12 شوال الجاري", "2015-07-28")]


def test_a_range_still_has_one_start() -> None:
    assert found("ويقام المعرض من 3 إلى 5 أغسطس المقبل.") == [("3", "2015-08-03"), ("5 أغسطس المقبل", "2015-08-05")]


def test_a_month_without_a_year_is_the_one_nearest_the_article_date() -> None:
    # A present or future verb, or none, keeps the nearest (a past bias by distance alone turned
    # future Decembers («يصدر في ديسمبر») into last year's).
    assert found("وستقام البطولة في نوفمبر بمشاركة عشرين منتخبا.") == [("نوفمبر", "2015-11")]
    assert found("والقرار الرسمي يصدر في ديسمبر باجتماع رؤساء الاتحادات.") == [("ديسمبر", "2015-12")]
    assert found("وقال الوزير إنه سيعلن الخطة في شهر ديسمبر.") == [("ديسمبر", "2015-12")]
    assert found("وقالت الوزارة أمس إن المعرض الذي يفتتح يوم 2 سبتمبر يضم مئة جناح.")[-1] == ("2 سبتمبر", "2015-09-02")
    # A futures contract's delivery month is ahead whatever the verb.
    assert found("وتراجع سعر الذهب في العقود الآجلة لتسليم ديسمبر.") == [("ديسمبر", "2015-12")]


def test_a_past_tense_verb_puts_a_bare_month_before_the_article() -> None:
    # In a July article the nearest December or November is the coming one; the verb says the last.
    assert found("وفي نوفمبر تشرين الثاني تعهدت المنظمة بالدفاع عن حصتها.") == [("نوفمبر تشرين الثاني", "2014-11")]
    assert found("وفي ديسمبر، أعلنت الحكومة خطة جديدة للطاقة.") == [("ديسمبر", "2014-12")]
    assert found("وكانت الثكنة هاجمها مسلحون في كانون الأول الماضي وفي أكتوبر.")[-1] == ("أكتوبر", "2014-10")
    assert found("ورفعت الشركة أسعار الوقود في ديسمبر.") == [("ديسمبر", "2014-12")]
    assert found("وكان السكان غادروا القرية في منتصف نوفمبر.") == [("منتصف نوفمبر", "2014-11")]
    # A month that has begun is not pushed a year back («بدأ شهر يوليو»), nor a day a few days ahead.
    assert found("وبدأ شهر يوليو بموجة حر شديدة.") == [("يوليو", "2015-07")]
    assert found("وانتهت المهلة في 24 يوليو.") == [("24 يوليو", "2015-07-24")]
    # «رفع» bare is also the noun "raising": no past there; «وزارة» is not «و» + «زار» + «ة».
    assert found("وتوقعات برفع أسعار الفائدة وترجيح رفع الرسوم في ديسمبر.") == [("ديسمبر", "2015-12")]
    assert found("وأكدت وزارة التعليم أن الدراسة في نوفمبر.") == [("نوفمبر", "2015-11")]


def test_issue_12_classes_hold() -> None:
    # «أمس (الأحد)» fixes a plain «أمس» later; a Hijri month after «صفر المقبل» is in 1437.
    assert found("وقال مسؤول أمس (الأحد) إن الوفد وصل. وأضاف المسؤول أمس أن الاجتماع سيعقد لاحقا.") == [
        ("أمس (الأحد)", "2015-07-19"),
        ("أمس", "2015-07-19"),
    ]
    assert found("ويبدأ العام في صفر المقبل، على أن تنتهي المرحلة في الرابع عشر من شهر جمادى الثانية.") == [
        ("صفر المقبل", "2015-11"),
        ("الرابع عشر من شهر جمادى الثانية", "2016-03-23"),
    ]
    assert found("وسيتم تكريم الفائزين في نهاية الأسبوع الأول للبرنامج.") == []
    assert found("وعقد الاجتماع في غرفة رقم ( 2022) بمبنى الوزارة.") == []


def test_a_named_yesterday_fixes_the_day_before_yesterday_too() -> None:
    text = "وأطلقت الشركة أمس (السبت) تحذيرا. وكان المتحدث قال أول من أمس إن التحقيق مستمر."
    assert found(text) == [("أمس (السبت)", "2015-07-18"), ("أول من أمس", "2015-07-17")]


def test_a_chronology_year_governs_its_item_and_no_further() -> None:
    text = "في مثل هذا اليوم:\n1962 - استقلال الجزائر.\n1969 - هبط رائد الفضاء على سطح القمر في 20 يوليو.\n"
    assert found(text)[-1] == ("20 يوليو", "1969-07-20")
    text = "- جورج باتاكي: حاكم نيويورك ابان اعتداءات 11 ايلول/سبتمبر 2001. - جون كاسيتش: يعلن ترشحه في 21 تموز/يوليو."
    assert found(text)[-1][1] == "2015-07-21"


def test_an_epithet_between_a_hijri_month_and_its_year() -> None:
    text = "في يوم فارق (الثاني والعشرين من رمضان المبارك عام 1393ه) أمر الملك."
    assert found(text) == [("الثاني والعشرين من رمضان المبارك عام 1393ه", "1973-10-18")]


def test_a_day_beside_a_full_date_of_the_other_calendar_takes_its_year() -> None:
    text = "وقعت المذبحة في 6 أغسطس (آب) 2012، الموافق 17 رمضان، حين كان الجنود يستعدون للإفطار."
    assert found(text) == [("6 أغسطس (آب) 2012", "2012-08-06"), ("17 رمضان", "2012-08-05")]  # Umm al-Qura


def test_a_relative_date_between_ends_the_governing_year() -> None:
    text = "أضعف أداء منذ الأزمة المالية عام 2008، وأظهر مسح الأسبوع الماضي أن إنتاج أوبك بلغ ذروته في يوليو."
    assert found(text)[-1] == ("يوليو", "2015-07")
    assert found("وفي عام 1967 اندلعت الحرب، وفي الخامس من يونيو بدأ الهجوم.")[-1] == ("الخامس من يونيو", "1967-06-05")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number closing a quoted name is a model, not a year
        ("وتسلم الجيش طائرات «ميراج 2000» من فرنسا.", []),
        ("وقال إن الرؤية تمتد إلى 2030.", [("2030", "2030")]),
        # «هذا الشهر» right after «شهر سبتمبر» refers back to it
        ("ويفضل السياح شهر سبتمبر الهادئ. وخلال هذا الشهر تتحسن الخدمات.", [("سبتمبر", "2015-09")]),
        ("وارتفعت الأسعار هذا الشهر بنسبة 3 في المائة.", [("هذا الشهر", "2015-07")]),
        # a day and month after a place noun, or «ثورة 25 يناير», are names; with a year, a date
        ("استأجر شقة قرب مدينة السادس من أكتوبر.", []),
        ("وعبر الموكب جسر 6 أكتوبر في 6 أكتوبر الماضي.", [("6 أكتوبر الماضي", "2014-10-06")]),
        ("أعقاب ثورة 25 يناير التي أطاحت بالرئيس.", []),
        ("أعقاب ثورة 25 يناير (كانون الثاني) 2011.", [("25 يناير (كانون الثاني) 2011", "2011-01-25")]),
        # a slash pair leaves the text's closing parenthesis outside its span
        ("خلال المناظرات (4 حزيران/يونيو).", [("4 حزيران/يونيو", "2015-06-04")]),
    ],
)
def test_names_and_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_date_after_since_is_before_the_article() -> None:
    # «منذ» looks back: the nearest 30 November to a July article would be the coming one.
    assert found("وسجل النفط أدنى مستوى له منذ 30 نوفمبر الذي هبط فيه.") == [("30 نوفمبر", "2014-11-30")]
    assert found("ولم تصرف الرواتب منذ 20 شوال.") == [("20 شوال", "2014-08-16")]  # 1435, not 1436


def test_a_year_after_since_governs_no_later_month() -> None:
    text = "وهبطت الأسعار إلى أدنى متوسط منذ أواخر عام 2009. وبلغ المؤشر 160 نقطة في يوليو مقارنة بشهر يونيو."
    assert found(text) == [("أواخر عام 2009", "2009"), ("يوليو", "2015-07"), ("يونيو", "2015-06")]


def test_units_counted_from_another_time_and_weeks_are_not_reported() -> None:
    # «الشهر السابق» is the month before the one just named (June here), not the article's last month.
    text = "وتراجع المؤشر إلى 51 في يوليو من 53 في الشهر السابق، وارتفعت المبيعات 4 في المئة عن العام السابق."
    assert found(text) == [("يوليو", "2015-07")]
    assert found("وتنتهي المسابقة في نهاية الأسبوع المقبل، وكانت بدأت الأسبوع الماضي.") == []


def test_events_named_by_their_date_and_match_scores() -> None:
    assert found("وتغيرت السياسة بعد أحداث 11 سبتمبر، وتبدلت أمور كثيرة منذ ثورة يناير وحرب أكتوبر.") == []
    assert found("وفاز الفريق على ضيفه بنتيجة 3 صفر، ثم تعادل مع منافسه (1 - صفر).") == []
    text = "ويبدأ التسجيل يوم الأحد 3 صفر المقبل، والموعد الأخير الموافق 17 صفر 1437هـ."
    assert found(text) == [("3 صفر المقبل", "2015-11-15"), ("17 صفر 1437هـ", "2015-11-29")]


def test_a_year_after_li_aam_belongs_to_the_date() -> None:
    # «لعام/للعام» joins a year to the month before it, as «من عام» does.
    assert found("وفي الثاني من ديسمبر لعام 2010 أعلن الاتحاد النتيجة.") == [
        ("الثاني من ديسمبر لعام 2010", "2010-12-02")
    ]
    assert found("وصدر العدد الأخير في مايو للعام 2014.") == [("مايو للعام 2014", "2014-05")]


def test_the_one_after_next_and_the_one_before_last() -> None:
    # The article is a Tuesday (21 July): the next Wednesday is the 22nd, the one after next the 29th.
    assert found("ويلتقي الفريقان الأربعاء بعد المقبل في نهائي الكأس.") == [("الأربعاء بعد المقبل", "2015-07-29")]
    assert found("وكان ذلك الخميس قبل الماضي.") == [("الخميس قبل الماضي", "2015-07-09")]
    assert found("وينتهي المشروع في العام بعد القادم.") == [("العام بعد القادم", "2017")]


def test_a_bare_weekday_with_a_past_tense_verb_is_the_last_one() -> None:
    # The article is a Tuesday: the nearest Wednesday or Thursday is this week's, the verb says last week's.
    assert found("واقتحم المسلحون الثكنة مساء الأربعاء قرب المدينة.") == [("الأربعاء", "2015-07-15")]
    assert found("وضربت الصواعق المنطقة منذ ليل الخميس.") == [("الخميس", "2015-07-16")]
    assert found("وسيلتقي الوزير نظيره يوم الخميس في الرياض.") == [("يوم الخميس", "2015-07-23")]


def test_a_hijri_year_written_after_a_relative_year() -> None:
    assert found("وزاد الإنتاج في العام الماضي 1435.") == [("العام الماضي 1435", "2014")]


def test_yearly_dates_amounts_and_verbal_nouns() -> None:
    # «من كل عام»: every year's June, not one date; «1000 يورو» is an amount, not a year.
    assert found("وتنتهي السنة المالية بنهاية شهر يونيو من كل عام.") == []
    assert found("وكان يصرف العام الماضي 1000 يورو في الشهر.") == [("العام الماضي", "2014")]
    # «تبني»/«رفض» bare are verbal nouns ("adopting", "rejecting"), not past-tense verbs.
    assert found("ومن شأن تبني قرار بالرفض في 17 سبتمبر أن يمنع الرئيس.") == [("17 سبتمبر", "2015-09-17")]


def test_a_date_once_scheduled_and_events_of_a_recent_month() -> None:
    # «كان مقررا … 8 ذي القعدة»: a past auxiliary, but the date was (and is) ahead.
    text = "وتأجل الموعد إلى 16 ذي الحجة بدلا مما كان مقررا سابقا 8 ذي القعدة."
    assert found(text) == [("16 ذي الحجة", "2015-09-29"), ("8 ذي القعدة", "2015-08-23")]
    assert found("ووصف المسؤول أحداث مايو بأنها تسونامي.") == [("مايو", "2015-05")]
