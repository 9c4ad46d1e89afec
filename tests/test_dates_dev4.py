"""Date classes found on fresh SaudiNewsNet text (bench/holdout2, bench/dev4-dates), on sentences written for the tests."""

from __future__ import annotations

import pytest

from kzcorpus.corpus import Article
from kzcorpus.dates import find_dates

ANCHOR = "2015-07-27 10:00:00"  # a Monday, 11 Shawwal 1436


def found(text: str, published: str = ANCHOR) -> list[tuple[str, str | None, str]]:
    article = Article(id="t", text=text, path="t", meta={"published": published})
    return [(m.text, m.value, m.kind) for m in find_dates(article)]


def test_a_clock_time_before_a_relative_day_is_one_datetime() -> None:
    # «الساعة» stays outside the span; the value is the day at the minute.
    assert found("ووقع الحادث في الساعة ١٨:١٣ مساء اليوم الاثنين على طريق الملك فهد.") == [
        ("١٨:١٣ مساء اليوم الاثنين", "2015-07-27T18:13", "datetime")
    ]
    assert found("ويسري القرار اعتبارا من الساعة الواحدة من صباح أمس الأحد.") == [
        ("الواحدة من صباح أمس الأحد", "2015-07-26T01:00", "datetime")
    ]
    assert found("وبدأت العملية الساعة الثالثة من فجر أمس، وانتهت ظهرا.") == [
        ("الثالثة من فجر أمس", "2015-07-26T03:00", "datetime")
    ]
    # A time of day that opens the weekday itself («صباح الأحد», «مساء الخميس») sets the hour.
    assert found("وقال إن الحظر بدأ الساعة السابعة من مساء الأحد.") == [
        ("السابعة من مساء الأحد", "2015-07-26T19:00", "datetime")
    ]
    assert found("وتعود البعثة الساعة الثالثة من فجر يوم السبت المقبل.") == [
        ("الثالثة من فجر يوم السبت المقبل", "2015-08-01T03:00", "datetime")
    ]


def test_a_clock_time_in_a_daily_rule_is_not_one_date() -> None:
    assert found("ويستمر حظر التجول يوميا من الساعة السابعة مساء وحتى السادسة من صباح اليوم التالي.") == []
    # Without «الساعة» a word is not a clock time («الأولى» of a list): the day alone.
    assert [t for t, _, _ in found("وهي الثانية من مساء الأحد الماضي بعد الأولى.")] == ["الأحد الماضي"]


def test_a_night_between_two_weekdays_is_one_date() -> None:
    assert found("وقتل 13 شخصا ليل السبت الأحد في قرية قريبة من الحدود.") == [("السبت الأحد", "2015-07-25", "relative")]
    assert found("وتجددت الاشتباكات ليل السبت/الأحد في المدينة.") == [("السبت/الأحد", "2015-07-25", "relative")]


def test_a_weekday_in_brackets_after_yawm_keeps_its_qualifier() -> None:
    assert found("وبدأ الترشح يوم (الخميس) الماضي بحضور لجنة من الرئاسة.") == [
        ("يوم (الخميس) الماضي", "2015-07-23", "relative")
    ]
    assert found("وتعقد الجمعية يوم «الأحد» المقبل.") == [("يوم «الأحد» المقبل", "2015-08-02", "relative")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وأصيب 18 شرطيا على الأقل الأحد في انفجار عبوة ناسفة.", "2015-07-26"),
        ("وصادق مجلس النواب الجمعة على مشروع القانون بأغلبية كبيرة.", "2015-07-24"),
        ("ووصل الوزير إلى الدوحة الأحد قادما من القاهرة.", "2015-07-26"),
        ("وقتل 20 شخصا الجمعة في اشتباكات عنيفة.", "2015-07-24"),
    ],
)
def test_a_bare_sunday_friday_or_thursday_after_a_clause_is_a_day(text: str, value: str) -> None:
    assert [(v, k) for _, v, k in found(text)] == [(value, "relative")]


@pytest.mark.parametrize(
    "text",
    [
        "وقال أحمد الخميس إن القرار نهائي.",  # a family name after a given name
        "وشارك محمد الجمعة وفهد السبيعي في اللقاء.",
        "ودخل الأحد عشر لاعبا أرض الملعب.",  # «الأحد عشر»: eleven
        "وأدى المصلون صلاة الجمعة في المسجد.",
        "ودخل المسجد خلال أداء المصلين لصلاة الجمعة.",  # «ل» + «صلاة»
        "ولا إله إلا الله الواحد الأحد.",
        "واستهل الدكتور الجمعة جولته بزيارة المستشفى.",  # a family name after an honorific
        "وشهد مستشفى الخميس المدني زيارة الوفد.",  # a place
        "ويرفض العمال إلغاء عطلة الأحد في اليونان.",  # every Sunday
        "وتكون المحال مغلقة عادة أيام الأحد.",
        "ومنعت السلطات إقامة الجمعة وصلاة العيد.",
    ],
)
def test_a_bare_weekday_name_that_is_a_name_or_a_word(text: str) -> None:
    assert found(text) == []


def test_a_weekday_before_a_day_and_month_it_does_not_read_is_left_out() -> None:
    # «10/14» (14 Shawwal) is not read; the weekday alone would be the wrong Thursday.
    assert found("وحددت الكلية أيام الثلاثاء 10/12 والأربعاء 10/13 والخميس 10/14 مواعيد للمراجعة.") == []
    assert [t for t, _, _ in found("وتنطلق يومي السبت والأحد في التاسع والعاشر من الشهر المقبل.")] == ["الشهر المقبل"]


def test_weekdays_before_a_list_of_days_with_al_muwafiq() -> None:
    # The days of the list are the dates (bench/dev2-dates' README), «الموافق» or not.
    assert found("وذلك في يومي الأربعاء والخميس الموافق 20 و21 شوال الجاري.") == [
        ("20", "2015-08-05", "day"),
        ("21 شوال الجاري", "2015-08-06", "relative"),
    ]


def test_historical_year_ranges_with_an_era_mark() -> None:
    text = "ومن أمثلتها الحروب الإيطالية (1494 - 1517 م) والحربان العالميتان (1914 - 1945 م)."
    assert [(t, v) for t, v, _ in found(text)] == [
        ("1494", "1494"),
        ("1517 م", "1517"),
        ("1914", "1914"),
        ("1945 م", "1945"),
    ]
    # Without an era mark or «عام» a long or old range of bare numbers is not read.
    assert found("وسجل المؤشر ما بين (1494 - 1517) نقطة.") == []


def test_original_text_is_read_at_original_offsets() -> None:
    # Tatweel and diacritics before «غداً» shift folded offsets: the tanwin is still seen.
    assert found("تبليسي ـ ـ ـ الموافق يلتقي الفريقان غداً في النهائي.") == [("غداً", "2015-07-28", "relative")]
    # «آب» (August) is told from «أب» (father) by its madda, read in the original.
    assert found("وتُعقَد الدَّورةُ القادمةُ في آب.") == [("آب", "2015-08", "month")]


@pytest.mark.parametrize(
    "text",
    [
        "على أن يقام دوري الشباب يوم الجمعة والناشئين يوم السبت من كل أسبوع.",
        "وتستأنف العروض في يومي الخميس والجمعة من كل أسبوع.",
        "وكانت تذهب ثلاث مرات أسبوعيا (السبت، والثلاثاء، والخميس) إلى المستشفى.",
    ],
)
def test_weekdays_of_a_weekly_rule_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_qualifier_after_a_pair_of_weekdays_holds_for_both() -> None:
    assert found("وأقيم الملتقى يومي الجمعة والسبت الماضيين في الرياض.") == [
        ("الجمعة", "2015-07-24", "relative"),
        ("السبت الماضيين", "2015-07-25", "relative"),
    ]
    assert found("ويعقد الاجتماع يومي الأحد والاثنين المقبلين.") == [
        ("الأحد", "2015-08-02", "relative"),
        ("الاثنين المقبلين", "2015-08-03", "relative"),
    ]


def test_ordinal_tens_in_the_nominative() -> None:
    assert found("وفي صباح يوم الأحد الموافق الرابع والعشرون من شهر شوال تلقى المركز بلاغا.") == [
        ("يوم الأحد", "2015-08-09", "relative"),
        ("الرابع والعشرون من شهر شوال", "2015-08-09", "day"),
    ]


def test_a_closing_period_moved_before_the_last_year_of_a_list() -> None:
    # Right-to-left rendering put the sentence's period after «و»: «بين 2004 و.2006».
    assert [(t, v) for t, v, _ in found("ودرب المنتخب في الفترة ما بين 2004 و.2006 وفقا للوكالة.")] == [
        ("2004", "2004"),
        ("2006", "2006"),
    ]
    assert found("وبلغت الحصيلة 3 و.2006 مليون") == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("وتغادر بعثة الفريق غدا إلى العاصمة البريطانية لندن.", [("غدا", "2015-07-28")]),
        ("وتختتم الجولة غدا بلقاء الفريقين.", [("غدا", "2015-07-28")]),
        ("وسيقام المعسكر في المنطقة الشرقية غدا، استعدادا للموسم.", [("غدا", "2015-07-28")]),
        ("وقد غدا التقدم هدفا بعيدا.", []),  # the verb "became", its subject after it
        ("فالسواد غدا أكثر من راية وشعار.", []),  # ... its predicate after it
        ("والفريق سيلتقي غدا أحد أبرز منافسيه.", [("غدا", "2015-07-28")]),  # after a future verb
        ("وقال إن جلسة مجلس الوزراء غدا ستبدأ بالنقاش.", [("غدا", "2015-07-28")]),
        ("ولذا غدا منذ صغره كبيرا بمواقفه.", []),
        ("ونحن سنبيع اللاعب الآن أو غدا.", []),
        ('وعرض مسلسل "غدا نلتقي" في رمضان الماضي.', [("رمضان الماضي", "2015-07")]),
        ('وتابع الجمهور مسلسل "غداً نلتقي" باهتمام.', []),  # tanwin, but a quoted title
    ],
)
def test_ghadan_without_tanwin(text: str, dates: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, v, _ in found(text)] == dates


def test_a_family_name_the_article_gives_is_not_a_day_elsewhere_in_it() -> None:
    text = "أوضح رئيس اللجنة الأهلية محمد الخميس أن ثلاث جهات تعمل على البرنامج. وأعلن الخميس عن حزمة من البرامج."
    assert found(text) == []
    # Without the full name the same sentence is a day.
    assert found("وأعلن الخميس عن حزمة من البرامج.") == [("الخميس", "2015-07-23", "relative")]


def test_a_hijri_month_in_a_year_the_text_counts() -> None:
    aug = "2015-08-09 10:00:00"  # 24 Shawwal 1436
    assert found("مقارنة مع 15 مليار ريال لشهر رمضان من العام الماضي.", aug) == [
        ("رمضان", "2014-07", "month"),
        ("العام الماضي", "2014", "relative"),
    ]
    assert found("وستكون التصفيات في شهر رمضان للعام المقبل.", aug)[0] == ("رمضان", "2016-06", "month")
    assert found("ولم ترد شكاوى في شهر رمضان المبارك لهذا العام.", aug)[0] == ("رمضان", "2015-07", "month")
    # «رمضان» right before «العام الماضي» with nothing between is a name unless «شهر» says the month.
    assert found("وقال رمضان العام الماضي إن الفريق سيعود.", aug) == [("العام الماضي", "2014", "relative")]


def test_an_ordinal_day_after_lam() -> None:
    # «ل» + «الأول» is written «للأول»: the span keeps what is left of the article («لأول»).
    assert found("وتعقد الجمعية يوم (الأحد) الموافق للأول من شهر ذي القعدة المقبل.") == [
        ("يوم (الأحد)", "2015-08-16", "relative"),
        ("لأول من شهر ذي القعدة المقبل", "2015-08-16", "relative"),
    ]
    assert found("الموافق للعشرين من شهر يوليو 2015م") == [("لعشرين من شهر يوليو 2015م", "2015-07-20", "day")]
    assert found("وخصصت للأولاد من عمر سنتين.") == []


def test_a_year_after_a_fiscal_or_school_year() -> None:
    assert [(t, v) for t, v, _ in found("وانخفضت الإيرادات عن العام المالي 2013 بنسبة 3%.")] == [("2013", "2013")]
    # A Hijri year near the article's, after a year's word, without «هـ».
    assert [(t, v) for t, v, _ in found("وبلغ عدد المستفيدين بنهاية العام المالي 1435 نحو 400 ألف.")] == [
        ("1435", "2014")
    ]
    assert found("وقدم الصندوق الدعم المالي 2000 ريال لكل أسرة.") == []
