"""The regular expressions dates are matched with, over folded text.

They are tried only around core words (:mod:`kzcorpus.dates.scan`), never
over a whole text.  Named groups carry the parts a candidate is built from
(:mod:`kzcorpus.dates.candidates`).
"""

from __future__ import annotations

import re

from kzcorpus.dates.words import (
    CLITIC_CHARS,
    CONJUNCTIONS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    ORDINAL_DAYS,
    PERIOD_MODIFIERS,
    PREPOSITIONS,
    QUALIFIERS,
    WEEKDAYS,
)
from kzcorpus.lexicon import alternation

#: Start of a word, allowing attached proclitics (و ف ب ل ك, وب, فل ...).
B = rf"(?:(?<!\w)|(?<=\b[{CLITIC_CHARS}])|(?<=\b[{CONJUNCTIONS}][{PREPOSITIONS}]))"
E = r"(?!\w)"
GM = alternation(GREGORIAN_MONTHS)
HM = alternation(HIJRI_MONTHS)
ORD = alternation(ORDINAL_DAYS)
#: An ordinal day after «ل», whose article's alif «ل» swallows: «الموافق للأول من …» (folded «للاول»).
ORD_L = alternation({"ل" + w[2:]: n for w, n in ORDINAL_DAYS.items() if w.startswith("ال")})
WD = alternation(WEEKDAYS)
MODS = alternation(PERIOD_MODIFIERS)
QUALS = alternation(QUALIFIERS)
#: A Hijri era mark (folded): «هـ», «هجرية», «للهجرة», «من الهجرة».
HIJRI_ERA = r"ه|هجريه|هجري|هجريا|للهجره|من\s+الهجره"
ERA = rf"(?:\s*(?P<era>{HIJRI_ERA}|م|ميلاديه|ميلادي|ميلاديا|للميلاد)(?!\w))?"
#: A year: four digits, or one to three before a Hijri era mark («2هـ», «656 للهجرة»).
YEAR = rf"(?:\d{{4}}|\d{{1,3}}(?=\s*(?:{HIJRI_ERA})(?!\w)))"
#: A short Hijri year, found over the whole text (four-digit years are found by their digits).
SHORT_HIJRI_YEAR_RE = re.compile(rf"(?<![\d.,/:])\d{{1,3}}\s*(?:{HIJRI_ERA})(?!\w)")
#: «عام 15هـ/636م», «15هـ (636م)»: the Gregorian year given beside a Hijri one.
GREGORIAN_BESIDE_RE = re.compile(
    r"\s*(?:/|\(|-|–|الموافق|الموافق\s+ل|الموافق\s+لعام|الموافق\s+لسنه)\s*(?P<year>\d{1,4})\s*(?P<era>م|ميلاديه|ميلادي|للميلاد)(?!\w)"
)
TIME = r"(?:\s*(?:[,،\-–]|الساعه|في\s+تمام\s+الساعه|في\s+الساعه)?\s*(?P<hh>[012]?\d):(?P<mi>[0-5]\d)(?![\d:]))?"
YEARKW = r"(?:عام|العام|سنه|السنه)"


def named_pattern(pair: bool) -> re.Pattern[str]:
    # «(حزيران)» closes its own parenthesis; «حزيران/يونيو)» leaves the text's «)» outside the span.
    second = rf"(?:(?:\s*(?P<open>\()\s*|\s*[/\-–]\s*|\s+)(?P<gm2>{GM})(?(open)(?:\s*\))?))?" if pair else ""
    return re.compile(
        rf"""(?:{B}|(?<=\bال)(?=[0-3]?\d\s*من\s))
        (?:(?P<mod>{MODS})\s+)?
        (?:(?P<day>(?<![\d.,/:])[0-3]?\d|{ORD}|(?<=ل){ORD_L})(?:\s*(?P<min>من)\s+(?:شهر\s+)?|\s*[-\s]\s*))?
        (?P<month>
           (?P<gm1>{GM}){second}
         | (?P<hm>{HM})(?:\s+(?:المبارك|الكريم|المعظم|الحرام)(?=\s*(?:{YEARKW}\s*)?\d))?
        ){E}
        (?:(?P<ysep>\s*[,،]?\s*(?:من\s+|في\s+)?(?:{YEARKW}\s*|ل{YEARKW}\s*|لل(?:عام|سنه)\s*)?)(?P<year>{YEAR})(?!\d){ERA})?
        (?:\s+(?P<qual>{QUALS}){E})?
        {TIME}
        """,
        re.VERBOSE,
    )


NAMED_RE = named_pattern(True)
#: The same without month pairs, for «يناير مارس»-like neighbours.
NAMED_SINGLE_RE = named_pattern(False)

NUMERIC_RE = re.compile(
    rf"""(?<![\d./\-:,])
    (?:(?P<a>[0-3]?\d)\s?(?P<s>[./\-])\s?(?P<b>[01]?\d)\s?(?P=s)\s?(?P<c>\d{{4}})
     | (?P<Y>\d{{4}})\s?(?P<s2>[./\-])\s?(?P<M>[01]?\d)\s?(?P=s2)\s?(?P<D>[0-3]?\d))
    (?![\d%]|[./\-]\d)
    {ERA}
    {TIME}
    """,
    re.VERBOSE,
)

YEAR_RE = re.compile(
    rf"""{B}
    (?:(?P<mod>{MODS})\s+)?
    (?:(?P<kw>{YEARKW}|عامي|سنتي|(?<=ل)عام)\s*)?
    (?:(?<![\d.,٫٬/:\-+$€£])|(?<=\sو\.)|(?<=\sو\.\s))(?P<year>{YEAR})(?![\d%٪]|[.,٫٬]\d|\s*[%٪])
    {ERA}
    """,
    re.VERBOSE,
)

YEAR_RANGE_RE = re.compile(
    rf"(?<![\d.,/:\-])(?P<y1>\d{{4}})\s*(?:ه|هـ)?\s*[-–/]\s*(?P<y2>\d{{2}}|\d{{4}})(?![\d%]|[.,]\d){ERA}"
)

#: «قبل الماضي» (the one before last), «بعد القادم/المقبل» (the one after next): two units away.
TWO_AWAY = r"قبل\s+الماضي|قبل\s+الماضيه|بعد\s+القادم|بعد\s+المقبل|بعد\s+القادمه|بعد\s+المقبله"


def two_away(q: str) -> int | None:
    """The offset of a «قبل الماضي»/«بعد القادم» qualifier (-2, 2), else ``None``."""
    return -2 if q.startswith("قبل") else 2 if q.startswith("بعد") else None


RELATIVE_RE = re.compile(
    rf"""{B}
    (?:(?P<mod>{MODS})\s+)?
    (?:
       (?:هذا|هذه)\s+(?P<u1>العام|السنه|الشهر|الاسبوع)
     | (?P<u2>(?:ال|(?<=ل)ل)(?:عام|سنه|شهر|اسبوع))\s+(?P<q>{QUALS}|{TWO_AWAY})
     | (?P<u3>(?:ال|(?<=ل)ل)(?:عام|سنه|شهر|اسبوع))
    ){E}
    """,
    re.VERBOSE,
)

DAYREL_RE = re.compile(
    rf"""{B}
    (?P<w>اول\s+(?:من\s+)?امس|امس\s+الاول|امس|غدا|بعد\s+غد|غد|اليوم){E}
    (?:\s*(?P<paren>\()?\s*(?P<wd>{WD})(?:\s*\))?)?
    """,
    re.VERBOSE,
)

TIME_OF_DAY = "صباح|مساء|ليل|ليله|ظهر|فجر|عصر|ظهيره|منتصف\\s+ليل|منتصف\\s+ليله|مطلع"
#: Weekday names that are seldom anything else when they stand alone.
BARE_WEEKDAYS = "الثلاثاء|الاربعاء|الاثنين|السبت"
#: «يوم الأحد الماضي», «مساء الخميس», «يوم (الخميس) الماضي» (the weekday in
#: brackets or quotes), «ليل السبت الأحد» / «ليل السبت/الأحد» (one night: ``wd2``).
WEEKDAY_RE = re.compile(
    rf"""{B}
    (?:(?P<tod>(?P<night>ليل|ليله)|{TIME_OF_DAY})\s+)?
    (?:(?P<yawm>يوم)(?:\s*(?P<open>[(«"])\s*|\s+))?
    (?P<wd>{WD}){E}
    (?(open)\s*[)»"])
    (?(night)(?:\s*[/\-–]?\s*(?P<wd2>{WD}){E})?)
    (?:\s+(?P<q>{QUALS}|{TWO_AWAY}){E})?
    """,
    re.VERBOSE,
)
BARE_WEEKDAY_SET = frozenset(BARE_WEEKDAYS.split("|"))
#: Verbs after which a weekday is the day something was said or done.
NOT_WEEKDAY_BEFORE = frozenset(["بين", "كلا", "هذين", "ان", "الي", "مع", "من", "عن"])

AFTER_YEAR_REL_RE = re.compile(
    rf"\s*(?:من|في)?\s*(?:(?:هذا|هذه)\s+(?:العام|السنه)|(?:العام|السنه)\s+(?P<q>{QUALS}))(?!\w)"
)
#: «شهر رمضان من العام الماضي», «رمضان المبارك للعام الحالي»: a Hijri month in a year the text counts.
HIJRI_YEAR_AFTER_RE = re.compile(
    rf"""\s*(?P<tie>(?:(?:المبارك|الكريم|المعظم)\s*)?[,،]?\s*(?:من|في|ل)?)\s*
    (?:(?:هذا|هذه)\s+(?:العام|السنه)|(?:ال|(?<=ل)ل)(?:عام|سنه)\s+(?P<q>{QUALS}))(?!\w)""",
    re.VERBOSE,
)
SAME_YEAR_RE = re.compile(
    r"\s*(?:من|في)?\s*(?:(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها)|(?:نفس|ذات)\s+(?:العام|السنه))(?!\w)"
)
NEED_AFTER_RE = re.compile(r"\s+(?:ال)?حاج")
ORDINAL_AFTER_RE = re.compile(rf"\s+(?:{ORD}|التالي|السابق|الاخير|الوطني|العالمي|الدولي)(?!\w)")
SCHOOL_YEAR_RE = re.compile(r"\s+(?:الدراسي|المالي|الاكاديمي|التدريبي|الرياضي)")

#: A year opening an item of a chronology («⏎1962 - استقلال الجزائر»): at a
#: line's start (or a sentence's) and followed by a dash or colon and words.
LIST_ITEM_BEFORE_RE = re.compile(r"(?:^|[\n.؛:])[ \t*•·\-–]*$")
LIST_ITEM_AFTER_RE = re.compile(r"[ \t]*[-–—:][ \t]*[^\W\d_]")
#: «الربع الثاني 2015», «النصف الأول من عام 2014»: a quarter or half of a year.
YEAR_PART_BEFORE_RE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:ربع|نصف)\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\s*(?:من\s+)?$"
)
#: «العام الماضي 2014»: the year written after a relative year.
YEAR_AFTER_RELATIVE_RE = re.compile(r"\s*[(]?\s*(\d{4})(?!\d)\s*[)]?")
#: «الخامس عشر من الشهر الجاري», «15 من هذا الشهر»: the day before a relative month.
DAY_BEFORE_MONTH_RE = re.compile(rf"(?<![\w.,/:])(?:ال)?(?:(?P<d>[0-3]?\d)|(?P<o>{ORD}))\s+من\s+$")
YEAR_LIST_RE = re.compile(r"\s*(?:،|,)?\s*و\s*(?:19|20)\d\d(?!\d)")
YEAR_AFTER_QUAL_RE = re.compile(r"\s*(\d{4})\s*(?:هـ|ه)(?!\w)")
MONTH_RANGE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{GM})\s*(?:الي|حتي|وحتي|والي|-|–)\s*$")
#: «أيام الأحد والاثنين والثلاثاء 10 و11 و12 شوال»: weekdays before a list of days (named by the days).
#: Also «يومي السبت والأحد في التاسع والعاشر من الشهر المقبل», and «الخميس 10/14» (a day and month
#: without a year, which is not read: the weekday alone would be the wrong Thursday).
WEEKDAY_LIST_AFTER_RE = re.compile(
    rf"""(?:\s*[,،]?\s*و?\s*(?:{WD}))*\s+(?:الموافق\s+|في\s+)?
    (?:\d{{1,2}}\s*و\s*\d|(?>{ORD})\s+و\s*(?:{ORD})(?!\w)|\(?\d{{1,2}}\s*/\s*\d{{1,2}}(?![\d/]|\s*/\s*\d))""",
    re.VERBOSE,
)
#: «يوم الجمعة والسبت من كل أسبوع», «الشباب يوم الجمعة والناشئين يوم السبت من كل
#: أسبوع»: weekdays of a weekly rule, not one date.
EVERY_WEEK_AFTER_RE = re.compile(
    rf"(?:[^.\n؛]{{0,25}}?(?:(?<!\w)|(?<=\bو))(?:{WD}))*\s*(?:من\s+|في\s+)?كل\s+اسبوع(?!\w)"
)
#: «ثلاث مرات أسبوعيا (السبت، والثلاثاء، والخميس)»: a weekly rule before a list of weekdays.
EVERY_WEEK_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:اسبوعيا|كل\s+اسبوع)\s*[(:،,]?\s*(?:(?:و\s*)?(?:{WD})\s*[،,]?\s*)*(?:و\s*)?$"
)
#: «يومي الجمعة والسبت الماضيين»: a qualifier after a pair of weekdays.
PAIR_QUALIFIER_RE = re.compile(rf"\s*و\s*(?:{WD})\s+(?P<q>{QUALS})(?!\w)")
#: «ميراج 2000»: a number closing a short quoted name («…» or “…”) right before it.
QUOTED_NAME_BEFORE_RE = re.compile(r"[«“\"][^«»“”\"\n.،,]{1,24}$")
#: «شهر سبتمبر»: a month named with «شهر», which a following «هذا الشهر» may refer back to.
MONTH_NAMED_RE = re.compile(rf"{B}شهر\s+(?:{GM}|{HM}){E}")
PRE_DAY_RE = re.compile(r"(?<![\d.,/:])([0-3]?\d)\s*(?:-|–|الي|حتي|وحتي|و)\s*$")
AFTER_NUMBER_RE = re.compile(r"[\s\"'”“»)\]]*(\w+)")
KW_BEFORE_RE = re.compile(rf"{B}({YEARKW}|عامي|سنتي)\s*$")
MONTH_AT_RE = re.compile(rf"(?:{GM}|{HM}){E}")
GLUE_RE = re.compile(r"[\s,،()\-–]*(?:الموافق|الموافقه|الموافق ل|بتاريخ|وتاريخ|تاريخ)?[\s,،()\-–]*")
QUANTITY_BEFORE_RE = re.compile(
    rf"(?<!\w)[{CLITIC_CHARS}]?(?:(?:اكثر|اقل|اكبر|اعلي|ادني|اصغر|يزيد|تزيد|يقل|تقل|زهاء|ما\s+يزيد|ما\s+يقارب)\s+(?:من|عن|علي)"
    r"|نحو|حوالي|حوالى|قرابه|زهاء|يقارب|تقارب|بواقع|بمعدل|بلغ|بلغت|يبلغ|تبلغ|يتجاوز|تتجاوز|تجاوز|تجاوزت|مجموع|اجمالي)"
    r"[\s\"'“«(]*$"
)
