"""Date expressions in Arabic news text, with exact offsets and ISO values.

:func:`find_dates` scans an article's *folded* text (the same text and
offset map as :class:`kzcorpus.arabic.FoldMap`, built faster) with a
handful of compiled patterns, tried only around "core" tokens (a four-digit
number, a month or weekday name, a calendar unit) found with ``str``
methods, so a long text costs little more than folding it:

* named dates: day (digits or an ordinal word), month (Egyptian/Gulf,
  Levantine/Iraqi and Maghreb names, Hijri months, and pairs such as
  «كانون الثاني (يناير)» or «نوفمبر/تشرين الثاني»), year, era mark,
  clock time;
* numeric dates («23.04.2024», «15/7/2022», «2022-07-15», «1436/10/5هـ»);
* years («عام 1989», «أحداث 2014», «بداية عام 2022»);
* relative calendar expressions («هذا العام», «الشهر الماضي», «مطلع
  العام», «أمس», «اليوم (الاثنين)», «الأسبوع المقبل», «يوم الأحد»).

Every value is ISO 8601 at the precision the text gives (``2022``,
``2022-01``, ``2022-01-07``, ``2022-07-15T10:29``; a week is ``2015-W29``).
Hijri dates carry ``hijri`` (``YYYY-MM-DD`` at their precision) and their
Gregorian equivalent in ``value`` (a Hijri month or year is given as the
Gregorian month or year holding its middle day).  Dates without a year and
relative expressions are resolved against the article's date
(:func:`article_date`): a year left out is the one putting the date nearest
the anchor («أغسطس» in a June article is the coming August, «ديسمبر» in a
January article the last one), «الماضي»/«المقبل» pick the previous/next
such month; a weekday is the nearest day of that name («الأحد الماضي» the
previous, «الأحد المقبل» the next); «اليوم (الاثنين)» is the Monday within
five days before or one day after the article's date, which corrects a
crawl date a few days late.  A Hijri month with «القادم»/«المقبل» is its next
occurrence after the anchor, with «الماضي» the last one before it.  An
inferred article date is a lower bound, so a year left out is its year.
When no anchor is known they are still reported, with ``value`` ``None``
and ``anchor_source`` ``"unknown"``.  When the anchor is coarser than the
expression (a month-level article date and «أمس» or «اليوم الاثنين») the
value is given at the anchor's precision and ``anchor_source`` says so with
a ``:coarse`` suffix (``"metadata:coarse"``, ``"inferred:coarse"``).

The text itself gives some years: «سبتمبر من السنة نفسها» takes the year
of the last date before it with a written year; the ends of a range
(«من أكتوبر إلى فبراير», «بين سبتمبر ويناير الماضيين») are placed in
order, from a written year on one end, else a qualifier on one end, else
nearest the anchor.  A year range sharing one era mark («1421/ 1422هـ») is
Hijri on both sides, and a year with no era mark in the Hijri window
(1380 AH up to ten years past the article's Hijri year, in an article
dated after 1900) is Hijri: «عام 1432» in a 2015 Saudi article is 2011.

Not reported: durations («لمدة 30 يوماً»), counts, percentages, «6,2
مليون», a lone number outside a year's context, a bare number (or number
range) followed by a unit or counted noun («2000 كلم», «1920 عينة»,
«(1200 - 1900) ريال») or after an amount's words («أكثر من 2000», «نحو
1950»), «مارس» the verb (an
ambiguous month name alone needs «في», «شهر», «منذ» ... before it),
«اليوم» alone (often "nowadays"), days counted from another event
(«اليوم التالي», «العام التالي»).

Only the standard library is imported at module level; ``hijridate`` is
imported when a Hijri date is met.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal, Protocol

from kzcorpus.arabic import FoldMap, fold, sentences

Kind = Literal["year", "month", "day", "datetime", "relative"]
KINDS: tuple[str, ...] = ("year", "month", "day", "datetime", "relative")


class _ArticleLike(Protocol):
    id: str
    text: str
    meta: dict[str, str]


# --------------------------------------------------------------------------
# Tables (folded spellings: أ إ آ → ا, ة → ه, ى → ي, no diacritics)

#: Gregorian month names, every system, folded → month number.
GREGORIAN_MONTHS: dict[str, int] = {
    # Egyptian / Gulf
    "يناير": 1,
    "فبراير": 2,
    "فبرير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "اغسطوس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1,
    "كانون ثاني": 1,
    "كانون 2": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين اول": 10,
    "تشرين 1": 10,
    "تشرين الثاني": 11,
    "تشرين ثاني": 11,
    "تشرين 2": 11,
    "كانون الاول": 12,
    "كانون اول": 12,
    "كانون 1": 12,
    # Maghreb (Algeria/Tunisia, Morocco)
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "يوليوز": 7,
    "اوت": 8,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}

#: Month names that are also ordinary words («مارَس» practised, «أب» father,
#: «نيسان» the car, «ماي», «جوان», «أوت»): alone they need context.
AMBIGUOUS_MONTHS = frozenset(["مارس", "اب", "نيسان", "ماي", "جوان", "اوت", "ايار", "تموز", "غشت"])

#: Hijri months, folded → month number.
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع اول": 3,
    "ربيع الاخر": 4,
    "ربيع الثاني": 4,
    "ربيع ثاني": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الاخره": 6,
    "جمادي الاخر": 6,
    "جمادي الثانيه": 6,
    "جمادي الثاني": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}

#: Ordinal day words (folded) → day number.
_UNITS = {
    "الاول": 1,
    "الحادي": 1,
    "الواحد": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}
ORDINAL_DAYS: dict[str, int] = {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
for _w, _n in _UNITS.items():
    if _w not in ("الحادي", "الواحد"):
        ORDINAL_DAYS[_w] = _n
    if _w not in ("الاول", "الواحد"):
        ORDINAL_DAYS[f"{_w} عشر"] = 10 + _n
    ORDINAL_DAYS[f"{_w} والعشرين"] = 20 + _n
ORDINAL_DAYS["الحادي والثلاثين"] = 31
ORDINAL_DAYS["الواحد والثلاثين"] = 31

#: Weekdays (folded) → ``date.weekday()`` number.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

#: Qualifiers after a relative unit or a month: offset in that unit.
_QUAL_PAST = (
    "الماضي",
    "الماضيين",
    "الماضيتين",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفائت",
    "الفائته",
    "المنقضي",
    "السابق",
    "السابقه",
)
_QUAL_NEXT = ("المقبل", "المقبلين", "المقبلتين", "القادمين", "المقبله", "القادم", "القادمه", "التالي")
_QUAL_NOW = ("الجاري", "الجاريه", "الحالي", "الحاليه")
QUALIFIERS: dict[str, int] = {q: -1 for q in _QUAL_PAST} | {q: 1 for q in _QUAL_NEXT} | {q: 0 for q in _QUAL_NOW}

#: Words before a period that are part of the date span («مطلع العام»).
PERIOD_MODIFIERS: tuple[str, ...] = (
    "مطلع",
    "اوائل",
    "بدايه",
    "مستهل",
    "منتصف",
    "اواسط",
    "اواخر",
    "نهايه",
    "ختام",
    "اخر",
    "اول",
    "اوخر",
)

#: Words after which a lone year or an ambiguous month name is a date.
YEAR_CONTEXT = frozenset(
    [
        "في",
        "منذ",
        "حتي",
        "خلال",
        "قبل",
        "بعد",
        "احداث",
        "مطلع",
        "بدايه",
        "نهايه",
        "منتصف",
        "اواخر",
        "اوائل",
        "اواسط",
        "مستهل",
        "صيف",
        "شتاء",
        "ربيع",
        "خريف",
        "موسم",
        "موازنه",
        "ميزانيه",
        "انتخابات",
        "تعداد",
        "عامي",
        "سنتي",
        "عاما",
        "اعوام",
        "سنوات",
        "العامين",
        "السنوات",
        "الاعوام",
        "شهر",
        "شهري",
        "اواخر",
        "غضون",
        "طوال",
        "عن",
        "الي",
        "من",
        "بين",
        "مع",
        "لغايه",
        "مقارنه",
        "بحلول",
        "اواخر",
    ]
)
MONTH_CONTEXT = YEAR_CONTEXT - {"من", "عن", "مع", "قبل", "بعد", "الي", "بين"}

#: Nouns before «العام» that make it the adjective "general" («المدير العام السابق»).
_GENERAL_NOUNS = frozenset(
    [
        "الامين",
        "المدير",
        "المدعي",
        "النائب",
        "المراقب",
        "المفتش",
        "المنسق",
        "القائد",
        "المفوض",
        "الرئيس",
        "المستشار",
        "الوكيل",
        "المشرف",
        "المحامي",
        "الراي",
        "القطاع",
        "الامن",
        "الحاكم",
        "الادعاء",
        "المؤتمر",
        "الاتحاد",
        "الامانه",
        "المجلس",
        "المرشد",
        "العفو",
        "التعليم",
        "الصالح",
        "النفع",
        "المال",
        "الاضراب",
        "الاطار",
        "الطابع",
        "الوضع",
        "المشهد",
        "الشان",
        "الشعور",
        "الاتجاه",
        "التوجه",
        "المناخ",
        "النظام",
        "المستوي",
        "الهدف",
    ]
)


def _fold_keys(table: dict[str, int]) -> dict[str, int]:
    return {fold(k): v for k, v in table.items()}


GREGORIAN_MONTHS = _fold_keys(GREGORIAN_MONTHS)
HIJRI_MONTHS = _fold_keys(HIJRI_MONTHS)
ORDINAL_DAYS = _fold_keys(ORDINAL_DAYS)
WEEKDAYS = _fold_keys(WEEKDAYS)
QUALIFIERS = _fold_keys(QUALIFIERS)
AMBIGUOUS_MONTHS = frozenset(fold(w) for w in AMBIGUOUS_MONTHS)
PERIOD_MODIFIERS = tuple(fold(w) for w in PERIOD_MODIFIERS)
YEAR_CONTEXT = frozenset(fold(w) for w in YEAR_CONTEXT)
MONTH_CONTEXT = frozenset(fold(w) for w in MONTH_CONTEXT)
_GENERAL_NOUNS = frozenset(fold(w) for w in _GENERAL_NOUNS)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, spaces flexible."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s*" if w[-1].isdigit() else r"\s+") for w in parts)


# --------------------------------------------------------------------------
# Patterns over folded text

#: Start of a word, allowing attached proclitics (و ف ب ل ك, وب, فل ...).
_B = r"(?:(?<!\w)|(?<=\b[وفبلك])|(?<=\b[وف][بلك]))"
_E = r"(?!\w)"
_GM = _alt(GREGORIAN_MONTHS)
_HM = _alt(HIJRI_MONTHS)
_ORD = _alt(ORDINAL_DAYS)
_WD = _alt(WEEKDAYS)
_MODS = _alt(PERIOD_MODIFIERS)
_QUALS = _alt(QUALIFIERS)
_ERA = r"(?:\s*(?P<era>ه|هـ|هجريه|هجري|م|ميلاديه|ميلادي)(?!\w))?"
_TIME = r"(?:\s*(?:[,،\-–]|الساعه|في\s+تمام\s+الساعه|في\s+الساعه)?\s*(?P<hh>[012]?\d):(?P<mi>[0-5]\d)(?![\d:]))?"
_YEARKW = r"(?:عام|العام|سنه|السنه)"


def _named_pattern(pair: bool) -> re.Pattern[str]:
    second = rf"(?:(?:\s*(?P<open>[(/\-–])\s*|\s+)(?P<gm2>{_GM})(?:\s*\))?)?" if pair else ""
    return re.compile(
        rf"""(?:{_B}|(?<=\bال)(?=[0-3]?\d\s*من\s))
        (?:(?P<mod>{_MODS})\s+)?
        (?:(?P<day>(?<![\d.,/:])[0-3]?\d|{_ORD})(?:\s*(?P<min>من)\s+(?:شهر\s+)?|\s*[-\s]\s*))?
        (?P<month>
           (?P<gm1>{_GM}){second}
         | (?P<hm>{_HM})
        ){_E}
        (?:(?P<ysep>\s*[,،]?\s*(?:من\s+|في\s+)?(?:{_YEARKW}\s*)?)(?P<year>\d{{4}})(?!\d){_ERA})?
        (?:\s+(?P<qual>{_QUALS}){_E})?
        {_TIME}
        """,
        re.VERBOSE,
    )


_NAMED_RE = _named_pattern(True)
#: The same without month pairs, for «يناير مارس»-like neighbours.
_NAMED_SINGLE_RE = _named_pattern(False)

_NUMERIC_RE = re.compile(
    rf"""(?<![\d./\-:,])
    (?:(?P<a>[0-3]?\d)\s?(?P<s>[./\-])\s?(?P<b>[01]?\d)\s?(?P=s)\s?(?P<c>\d{{4}})
     | (?P<Y>\d{{4}})\s?(?P<s2>[./\-])\s?(?P<M>[01]?\d)\s?(?P=s2)\s?(?P<D>[0-3]?\d))
    (?![\d%]|[./\-]\d)
    {_ERA}
    {_TIME}
    """,
    re.VERBOSE,
)

_YEAR_RE = re.compile(
    rf"""{_B}
    (?:(?P<mod>{_MODS})\s+)?
    (?:(?P<kw>{_YEARKW}|عامي|سنتي|(?<=ل)عام)\s*)?
    (?<![\d.,٫٬/:\-+$€£])(?P<year>\d{{4}})(?![\d%٪]|[.,٫٬]\d|\s*[%٪])
    {_ERA}
    """,
    re.VERBOSE,
)

_YEAR_RANGE_RE = re.compile(
    rf"(?<![\d.,/:\-])(?P<y1>\d{{4}})\s*(?:ه|هـ)?\s*[-–/]\s*(?P<y2>\d{{2}}|\d{{4}})(?![\d%]|[.,]\d){_ERA}"
)

_RELATIVE_RE = re.compile(
    rf"""{_B}
    (?:(?P<mod>{_MODS})\s+)?
    (?:
       (?:هذا|هذه)\s+(?P<u1>العام|السنه|الشهر|الاسبوع)
     | (?P<u2>(?:ال|(?<=ل)ل)(?:عام|سنه|شهر|اسبوع))\s+(?P<q>{_QUALS}|قبل\s+الماضي|قبل\s+الماضيه)
     | (?P<u3>(?:ال|(?<=ل)ل)(?:عام|سنه|شهر|اسبوع))
    ){_E}
    """,
    re.VERBOSE,
)

_DAYREL_RE = re.compile(
    rf"""{_B}
    (?P<w>اول\s+(?:من\s+)?امس|امس\s+الاول|امس|غدا|بعد\s+غد|غد|اليوم){_E}
    (?:\s*(?P<paren>\()?\s*(?P<wd>{_WD})(?:\s*\))?)?
    """,
    re.VERBOSE,
)

_TIME_OF_DAY = "صباح|مساء|ليل|ليله|ظهر|فجر|عصر|ظهيره|منتصف\\s+ليل|منتصف\\s+ليله|مطلع"
#: Weekday names that are seldom anything else when they stand alone.
_BARE_WEEKDAYS = "الثلاثاء|الاربعاء|الاثنين|السبت"
_WEEKDAY_RE = re.compile(
    rf"""{_B}
    (?:(?P<tod>{_TIME_OF_DAY})\s+)?
    (?:(?P<yawm>يوم)\s+)?
    (?P<wd>{_WD}){_E}
    (?:\s+(?P<q>{_QUALS}){_E})?
    """,
    re.VERBOSE,
)
_BARE_WEEKDAY_SET = frozenset(_BARE_WEEKDAYS.split("|"))
_COMMA_AROUND_RE = re.compile(r".*[،,]\s*\|.*|.*\|\s*[،,].*", re.DOTALL)
_THAT_AFTER_RE = re.compile(r"\s+(?:ان|انه|انها)(?!\w)")
#: Verbs after which a weekday is the day something was said or done.
_REPORTING_VERBS = frozenset(
    fold(w)
    for w in (
        "قال قالت أعلن أعلنت أكد أكدت ذكر ذكرت أفاد أفادت أوضح أوضحت صرح صرحت أضاف أضافت "
        "أشار أشارت نفى نفت دعا دعت توفي قتل قتلت اعتقل اعتقلت وصل وصلت بدأ بدأت انطلق انطلقت "
        "أعلنوا قالوا أكدوا وقع وقعت أصدر أصدرت نشر نشرت عقد عقدت التقى التقت استقبل استقبلت"
    ).split()
)
_NOT_WEEKDAY_BEFORE = frozenset(["بين", "كلا", "هذين", "ان", "الي", "مع", "من", "عن"])

_AFTER_YEAR_REL_RE = re.compile(
    rf"\s*(?:من|في)?\s*(?:(?:هذا|هذه)\s+(?:العام|السنه)|(?:العام|السنه)\s+(?P<q>{_QUALS}))(?!\w)"
)
_SAME_YEAR_RE = re.compile(
    r"\s*(?:من|في)?\s*(?:(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها)|(?:نفس|ذات)\s+(?:العام|السنه))(?!\w)"
)
_NEED_AFTER_RE = re.compile(r"\s+(?:ال)?حاج")
_ORDINAL_AFTER_RE = re.compile(rf"\s+(?:{_ORD}|التالي|السابق|الاخير|الوطني|العالمي|الدولي)(?!\w)")
_SCHOOL_YEAR_RE = re.compile(r"\s+(?:الدراسي|المالي|الاكاديمي|التدريبي|الرياضي)")


# --------------------------------------------------------------------------
# Public records


@dataclass
class ArticleDate:
    """When an article was written, as far as it can be known."""

    value: str | None
    source: Literal["metadata", "inferred", "unknown"]
    evidence: str

    def record(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "evidence": self.evidence}


@dataclass
class DateMention:
    """One date expression: ``article.text[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None
    kind: str
    calendar: str = "gregorian"
    hijri: str | None = None
    implicit_year: bool = False
    anchor: str | None = None
    anchor_source: str | None = None
    range: str | None = None
    sentence: str | None = field(default=None, repr=False)

    def record(self) -> dict[str, Any]:
        """The JSON-ready record (``sentence`` is not part of it)."""
        out: dict[str, Any] = {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "calendar": self.calendar,
        }
        if self.hijri is not None:
            out["hijri"] = self.hijri
        if self.implicit_year:
            out["implicit_year"] = True
        if self.anchor_source is not None:
            out["anchor"] = self.anchor
            out["anchor_source"] = self.anchor_source
        if self.range is not None:
            out["range"] = self.range
        return out


# --------------------------------------------------------------------------
# Candidates found in folded text, before resolution


@dataclass
class _Cand:
    fs: int
    fe: int
    prio: int  # higher wins an overlap of equal length
    kind: str  # year, month, day, datetime, relative
    calendar: str = "gregorian"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    # Resolution against the anchor:
    implicit: bool = False  # year left out
    year_offset: int | None = None  # «من العام الماضي» after a month: -1
    qual: int | None = None  # «الماضي» -1, «المقبل» +1, «الجاري» 0 after a month
    unit: str | None = None  # relative: year, month, week, day
    offset: int = 0  # relative offset in *unit*
    weekday: int | None = None
    range_with: int | None = None  # index of the other end
    greg_year: int | None = None  # a Hijri month with a Gregorian year
    explicit: bool = True  # a full date written out (used to infer the article date)
    same_year: bool = False  # «... من العام نفسه»: the year of the last written year


_YEAR_LIST_RE = re.compile(r"\s*(?:،|,)?\s*و\s*(?:19|20)\d\d(?!\d)")
_GAP_CHARS = " \n\t\r.,،؛:;!?()«»\"'“”-–—/[]…"


def _prev_word(folded: str, pos: int) -> str:
    """The word just before *pos* (at most three spaces or marks between)."""
    seg = folded[max(0, pos - 40) : pos]
    head = seg.rstrip(_GAP_CHARS)
    if len(seg) - len(head) > 3 or not head:
        return ""
    k = len(head)
    while k > 0 and (head[k - 1].isalnum() and head[k - 1] != "_"):
        k -= 1
    w = head[k:]
    if w in ("ب", "ل", "و", "بال", "لل") and k > 0:
        # A proclitic written apart («مقارنة بـ2013»): the word before it.
        return _prev_word(folded, k + max(0, pos - 40))
    # Drop one attached proclitic for the context test («وفي», «ومنذ»).
    if w not in YEAR_CONTEXT and len(w) > 2 and w[0] in "وف" and w[1:] in YEAR_CONTEXT:
        return w[1:]
    return w


def _year_ok(y: int, hijri: bool) -> bool:
    return 1343 <= y <= 1500 if hijri else 1000 <= y <= 2200


def _looks_hijri_year(y: int, era: str | None, anchor_year: int | None, strict: bool = False) -> bool:
    """Is a year Hijri?  An era mark decides; without one, a year in the
    Hijri window is Hijri.

    In news written after 1900 (Gregorian anchor year), a year from 1380 AH
    (1960) up to ten years past the article's Hijri year («عام 1432» in a
    2015 Saudi article) is far more likely Hijri than a medieval Gregorian
    year; without an anchor the window is 1380-1470.  *strict* (a bare
    number range, no «عام» or era mark) narrows it to three years around
    the article's Hijri year.
    """
    if era:
        return era.startswith("ه")
    if not 1380 <= y <= 1500:
        return False
    if strict:
        return abs((anchor_year - 579) - y) <= 3 if anchor_year is not None else 1400 <= y <= 1470
    if anchor_year is not None:
        if anchor_year < 1900:
            return False
        return y <= anchor_year - 579 + 10
    return y <= 1470


#: Every date expression holds one of these: a four-digit number, a month
#: or weekday name, or a calendar unit.  Only around them are the patterns
#: tried.  They are found as whole tokens (with their proclitics), which is
#: much faster than a regex over the whole text.
_CORE_WORDS = sorted(
    {w.split()[0] for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS]}
    | {"عام", "سنه", "شهر", "اسبوع", "امس", "غدا", "غد", "اليوم"}
)
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_CLITICS_ART = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")
_MONTH_FIRST_WORDS = frozenset(w.split()[0] for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS])
#: Token (as written, proclitics included) → (core word, length of the proclitics).
_CORE_TOKENS: dict[str, tuple[str, int]] = {}
for _w in _CORE_WORDS:
    for _p in _CLITICS if _w in _MONTH_FIRST_WORDS else _CLITICS + _CLITICS_ART:
        _CORE_TOKENS.setdefault(_p + _w, (_w, len(_p)))
_CORE_TOKEN_SET = frozenset(_CORE_TOKENS)
#: Punctuation that may be glued to a token; it is blanked before splitting.
_TOKEN_PUNCT = "/()-،.,:؛»«\"“”!؟?[]'–—…"


def _core_hits(folded: str) -> list[tuple[int, str]]:
    """``(position, core)`` of each core word (``core`` is ``"####"`` for a year-like number)."""
    blank = folded
    for ch in _TOKEN_PUNCT:
        if ch in blank:
            blank = blank.replace(ch, " ")
    hits: list[tuple[int, str]] = []
    n = len(blank)
    for tok in _CORE_TOKEN_SET.intersection(blank.split()):
        core, plen = _CORE_TOKENS[tok]
        size = len(tok)
        j = blank.find(tok)
        while j >= 0:
            e = j + size
            if (j == 0 or blank[j - 1].isspace()) and (e == n or blank[e].isspace()):
                hits.append((j + plen, core))
            j = blank.find(tok, j + 1)
    for digit in "12":
        j = folded.find(digit)
        while j >= 0:
            if folded[j : j + 4].isdigit() and not folded[j + 4 : j + 5].isdigit() and not folded[j - 1 : j].isdigit():
                hits.append((j, "####"))
            j = folded.find(digit, j + 1)
    hits.sort()
    return hits


#: Which pattern a core word anchors, and how far back (characters, words)
#: its match may begin.
_CORE_KIND: dict[str, tuple[str, int, int]] = {
    w.split()[0]: ("named", 40, 5) for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS]
}
_CORE_KIND |= {w: ("weekday", 20, 3) for w in WEEKDAYS}
_CORE_KIND |= {w: ("relative", 20, 3) for w in ("عام", "سنه", "شهر", "اسبوع")}
_CORE_KIND |= {w: ("dayrel", 14, 3) for w in ("امس", "غدا", "غد", "اليوم")}
_SEPARATORS = frozenset("./-–")


_MONTH_AT_RE = re.compile(rf"(?:{_GM}|{_HM}){_E}")


def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "named": _NAMED_RE,
        "relative": _RELATIVE_RE,
        "dayrel": _DAYREL_RE,
        "weekday": _WEEKDAY_RE,
        "numeric": _NUMERIC_RE,
        "year_range": _YEAR_RANGE_RE,
        "year": _YEAR_RE,
    }


_LEADING = frozenset(" \n\t(«\"'/-[“")


def _starts(folded: str, hit: int, width: int, words: int) -> list[int]:
    """Where a match holding the core at *hit* may begin: the starts of the
    last *words* tokens before it (within *width* characters), and the
    letters after one or two proclitics."""
    lo = hit - width if hit > width else 0
    parts = folded[lo:hit].replace("\n", " ").split(" ")
    out = [hit]
    pos = hit + 1
    n = 0
    for part in reversed(parts):
        pos -= len(part) + 1
        if not part:
            continue
        k = pos
        while k < hit and folded[k] in _LEADING:
            k += 1
        out.append(k)
        c0 = folded[k : k + 1]
        if c0 in _CLITIC_CHARS:
            out.append(k + 1)
            if folded[k + 1 : k + 2] in _BLK:
                out.append(k + 2)
        elif c0 == "ا" and folded[k + 1 : k + 2] == "ل" and folded[k + 2 : k + 3].isdigit():
            out.append(k + 2)  # «الـ15 من مارس»
        n += 1
        if n == words:
            break
    return sorted({p for p in out if p <= hit})


_CLITIC_CHARS = frozenset("وفبلك")
_BLK = frozenset("بلك")


def _matches(folded: str) -> dict[str, list[re.Match[str]]]:
    """Matches of every pattern that hold a core word, by pattern, in order."""
    pats = _patterns()
    found: dict[str, dict[int, re.Match[str]]] = {k: {} for k in pats}

    def attempt(name: str, starts: Iterable[int], hs: int) -> None:
        pat = pats[name]
        for st in starts:
            m = pat.match(folded, st)
            if m is not None and m.end() > hs:
                old = found[name].get(m.start())
                if old is None or old.end() < m.end():
                    found[name][m.start()] = m
                return

    for hs, core in _core_hits(folded):
        if core == "####":
            after = folded[hs + 4 : hs + 9].replace("ه", "").lstrip()[:1]
            if after in _SEPARATORS:
                attempt("year_range", (hs,), hs)
            attempt("year", _starts(folded, hs, 24, 3), hs)
            # Numeric dates: «2022-07-15» starts here, «15/7/2022» a little before.
            num_starts = [hs] if after in _SEPARATORS else []
            if any(ch in _SEPARATORS for ch in folded[max(0, hs - 3) : hs]):
                num_starts[:0] = [
                    p for p in range(max(0, hs - 12), hs) if folded[p].isdigit() and not folded[p - 1 : p].isdigit()
                ]
            if num_starts:
                attempt("numeric", num_starts, hs)
            continue
        name, width, words = _CORE_KIND[core]
        if name == "named" and _MONTH_AT_RE.match(folded, hs) is None:
            continue  # «ذي» (who) is not «ذي القعدة»
        attempt(name, _starts(folded, hs, width, words), hs)
    return {k: [v[i] for i in sorted(v)] for k, v in found.items()}


def _scan(folded: str, original: str, anchor_year: int | None) -> list[_Cand]:
    cands: list[_Cand] = []
    ms = _matches(folded)
    _scan_named(folded, original, cands, anchor_year, ms["named"])
    _scan_numeric(folded, cands, ms["numeric"])
    _scan_years(folded, cands, anchor_year, ms["year_range"], ms["year"])
    _scan_relative(folded, original, cands, ms["relative"], ms["dayrel"], ms["weekday"])
    return cands


def _scan_named(
    folded: str, original: str, cands: list[_Cand], anchor_year: int | None, matches: list[re.Match[str]]
) -> None:
    todo = list(reversed(matches))
    while todo:
        m: re.Match[str] = todo.pop()
        shared: int | None = None  # «مايو/يونيو 2014»: the year the next month gives
        gm1, gm2, hm = m.group("gm1"), m.group("gm2"), m.group("hm")
        if gm1:
            month = GREGORIAN_MONTHS[_norm_key(gm1)]
            if gm2 and GREGORIAN_MONTHS[_norm_key(gm2)] != month:
                # Two different months side by side: not a pair; each is
                # read alone («يونيو - يوليو 2015»).
                second = _NAMED_RE.match(folded, m.start("gm2"))
                if second is not None:
                    todo.append(second)
                single = _NAMED_SINGLE_RE.match(folded, m.start())
                if single is None:
                    continue
                m, gm2 = single, None
                if second is not None and second.group("year") and not (second.group("era") or "").startswith("ه"):
                    y2 = int(second.group("year"))
                    m2 = GREGORIAN_MONTHS.get(_norm_key(second.group("gm1") or ""))
                    if m2 is not None and _year_ok(y2, False):
                        shared = y2 - 1 if month > m2 else y2
            cal = "gregorian"
        else:
            month = HIJRI_MONTHS[_norm_key(hm)]
            cal = "hijri"
        day_s, year_s = m.group("day"), m.group("year")
        if year_s is None and shared is not None:
            year_s = str(shared)
        day: int | None = None
        fs = m.start()
        mod = m.group("mod")
        if day_s:
            if day_s.isdigit():
                day = int(day_s)
                if m.group("min") is None and "-" in folded[m.start("day") : m.start("month")]:
                    day = None  # «2-مارس»-like noise: keep the month only
            else:
                if m.group("min") is None:
                    day = None  # an ordinal word needs «من»: «التاسع من نوفمبر»
                else:
                    day = ORDINAL_DAYS[_norm_key(day_s)]
            if day is None or not 1 <= day <= 31:
                fs = m.start("month")
                day = None
                mod = None
            elif mod:
                mod = None
                fs = m.start("day")
        if mod:
            fs = m.start("mod")
        year = int(year_s) if year_s else None
        era = m.group("era")
        fe = m.end("month")
        greg_year = None
        if year is not None:
            hijri_era = bool(era and era.startswith("ه"))
            bad = False
            if cal == "gregorian":
                bad = hijri_era or not _year_ok(year, False)
            elif not _year_ok(year, True):
                if 1900 <= year <= 2100 and not hijri_era:
                    greg_year = year  # «رمضان 2015»: the Ramadan of that year
                else:
                    bad = True
            if bad:
                year = era = None
            elif m.group("year"):
                fe = m.end("era") if era else m.end("year")
        if cal == "hijri" and year is None and day is None and not (m.group("qual") or mod):
            continue  # «رمضان», «صفر», «رجب» alone are too often words or names; «رمضان الماضي» is a date
        qual = None
        if year is None and m.group("qual"):
            qual = QUALIFIERS[_norm_key(m.group("qual"))]
            fe = m.end("qual")
            late = _YEAR_AFTER_QUAL_RE.match(folded, fe) if cal == "hijri" else None
            if late is not None and _year_ok(int(late.group(1)), True):
                # «الثامن من رمضان المقبل 1436هـ»: the written year decides.
                year, qual, fe = int(late.group(1)), None, late.end()
        hh = mi = None
        if m.group("hh") and year is not None and day is not None:
            hh, mi = int(m.group("hh")), int(m.group("mi"))
            if hh <= 23:
                fe = m.end("mi")
            else:
                hh = mi = None
        # A lone month name that is also a word needs context.
        if day is None and year is None and qual is None and not gm2 and gm1:
            key = _norm_key(gm1)
            start_m = m.start("month")
            if key in AMBIGUOUS_MONTHS:
                if (
                    mod is None
                    and _prev_word(folded, start_m) not in MONTH_CONTEXT
                    and _MONTH_RANGE_BEFORE_RE.search(folded, max(0, start_m - 30), start_m) is None
                ):
                    continue  # «مارس» alone; «من نوفمبر إلى مارس» is a month
                if key == "اب" and "آ" not in original[start_m : start_m + 3]:
                    continue  # «أب» (father) vs «آب» (August): only the madda tells
                if start_m > 0 and folded[start_m - 1].isalpha():
                    continue  # a clitic on an ambiguous name: «ومارس» (and practised)
        kind = "day" if day is not None else "month"
        if qual is not None:
            kind = "relative"
        if hh is not None:
            kind = "datetime"
        if greg_year is not None:
            c = _Cand(fs, fe, 30, kind, cal, None, month, day, greg_year=greg_year)
            cands.append(c)
            continue
        c = _Cand(fs, fe, 30, kind, cal, year, month, day, hh, mi)
        if year is None:
            c.implicit = True
            c.explicit = False
            if qual is not None:
                c.qual = qual
            else:
                after = _AFTER_YEAR_REL_RE.match(folded, fe)
                if after:
                    c.year_offset = QUALIFIERS[_norm_key(after.group("q"))] if after.group("q") else 0
                elif _SAME_YEAR_RE.match(folded, fe):
                    c.same_year = True
        cands.append(c)
        if day is not None and day_s and day_s.isdigit():
            _range_start(folded, c, cands)


_YEAR_AFTER_QUAL_RE = re.compile(r"\s*(\d{4})\s*(?:هـ|ه)(?!\w)")
_MONTH_RANGE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_GM})\s*(?:الي|حتي|وحتي|والي|-|–)\s*$")
_PRE_DAY_RE = re.compile(r"(?<![\d.,/:])([0-3]?\d)\s*(?:-|–|الي|حتي|وحتي|و)\s*$")


def _range_start(folded: str, c: _Cand, cands: list[_Cand]) -> None:
    """«من 29 إلى 31 مايو»: a lone day number before *c* is the range's start."""
    lo = max(0, c.fs - 14)
    pre = _PRE_DAY_RE.search(folded, lo, c.fs)
    if pre is None or c.d is None:
        return
    d0 = int(pre.group(1))
    if not 1 <= d0 < c.d:
        return
    c0 = _Cand(pre.start(1), pre.end(1), 30, "day", c.calendar, c.y, c.m, d0)
    c0.implicit, c0.explicit = c.implicit, False
    c0.year_offset, c0.qual, c0.greg_year = c.year_offset, c.qual, c.greg_year
    cands.append(c0)


def _scan_numeric(folded: str, cands: list[_Cand], matches: list[re.Match[str]]) -> None:
    for m in matches:
        if m.group("a"):
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
            d, mo = (a, b) if b <= 12 else (b, a)
        else:
            y, mo, d = int(m.group("Y")), int(m.group("M")), int(m.group("D"))
        era = m.group("era")
        hijri = (era or "").startswith("ه") or 1300 <= y <= 1500
        if not (1 <= mo <= 12 and 1 <= d <= 31 and _year_ok(y, hijri)):
            continue
        if hijri and d > 30:
            continue
        fe = m.end("era") if era else (m.end("c") if m.group("a") else m.end("D"))
        hh = mi = None
        if m.group("hh") and int(m.group("hh")) <= 23:
            hh, mi = int(m.group("hh")), int(m.group("mi"))
            fe = m.end("mi")
        kind = "datetime" if hh is not None else "day"
        c = _Cand(m.start(), fe, 40, kind, "hijri" if hijri else "gregorian", y, mo, d, hh, mi)
        cands.append(c)
        _range_start(folded, c, cands)


#: Units and counted nouns: a bare number directly before one is an amount,
#: not a year («2000 كلم», «1920 عينة», «(1200 - 1900) ريال», «2000 عام»).
_UNIT_WORDS = (
    "مليون ملايين مليار مليارات الف الاف الفا تريليون دولار دولارا ريال ريالا يورو جنيه جنيها درهم دينار ليره "
    "روبل روبيه فرنك استرليني "
    "كلم كم كيلو كيلومتر كيلومترا كيلومترات كجم كغ كيلوغرام كيلوجرام غرام جرام ملم سم متر مترا امتار ميل "
    "هكتار دونم لتر لترا برميل طن طنا اطنان ميجاوات ميغاوات ميجاواط ميغاواط ميغاواط واط كيلوواط جيجاوات "
    "ميجابايت جيجابايت بايت حصان درجه "
    "تعليق تعليقا عينه دقيقه دقائق ثانيه ساعه ساعات يوما ايام اسبوع اسابيع شهر شهرا اشهر عام عاما اعوام سنه سنوات "
    "شخص شخصا اشخاص فرد فردا نسمه مواطن مواطنا مقيم زائر زائرا حاج حاجا معتمر طالب طالبا طالبه موظف موظفا موظفه "
    "عامل عاملا عماله مريض مريضا حاله حالات مصاب قتيل قتيلا جريح جريحا لاجئ مهاجر معتقل جندي مقاتل عنصر عنصرا "
    "مشارك مشاركا متسابق لاعب لاعبا متدرب متدربا متطوع مستفيد مشترك عضو عضوا مخالف مخالفه اسره عائله "
    "رساله رسائل مكالمه صوت صوتا نقطه هدف هدفا مباراه مقعد مقعدا سرير سريرا غرفه وحده وحدات منزل منزلا مسكن شقه "
    "فيلا قطعه قطع نسخه صفحه كتاب كتابا جهاز جهازا سياره مركبه شاحنه طائره مشروع مشروعا مدرسه مسجد فرصه "
    "وظيفه سهم سهما صفقه عقد عقود طلب طلبا بلاغ بلاغا شكوي مخالفات جوله رحله مره مرات ضعف سلعه منتج صنف "
    "شجره نخله راس كيس عبوه حبه قرص"
).split()
_UNIT_SET = frozenset(_UNIT_WORDS)
_AFTER_NUMBER_RE = re.compile(r"[\s\"'”“»)\]]*(\w+)")
#: An amount's context before a number: «أكثر من», «نحو», «حوالي» ...
_QUANTITY_BEFORE_RE = re.compile(
    r"(?<!\w)[وفبلك]?(?:(?:اكثر|اقل|اكبر|اعلي|ادني|اصغر|يزيد|تزيد|يقل|تقل|زهاء|ما\s+يزيد|ما\s+يقارب)\s+(?:من|عن|علي)"
    r"|نحو|حوالي|حوالى|قرابه|زهاء|يقارب|تقارب|بواقع|بمعدل|بلغ|بلغت|يبلغ|تبلغ|يتجاوز|تتجاوز|تجاوز|تجاوزت|مجموع|اجمالي)"
    r"[\s\"'“«(]*$"
)


_KW_BEFORE_RE = re.compile(rf"{_B}({_YEARKW}|عامي|سنتي)\s*$")


def _is_quantity(folded: str, start: int, end: int) -> bool:
    """Is the bare number (or range) at ``folded[start:end]`` an amount?

    It is when a unit or counted noun follows it («2000 كلم», «1920 عينة»,
    «"2000" دقيقة», «(1200 - 1900) ريال») or an amount's words come before
    it («أكثر من 2000», «نحو 1950»).
    """
    nxt = _AFTER_NUMBER_RE.match(folded, end, end + 24)
    if nxt is not None:
        w = nxt.group(1)
        if w in _UNIT_SET or (
            len(w) > 4 and w[:1] in "وفبلك" and w[1:] in _UNIT_SET and w[1:] not in ("عام", "سنه", "شهر")
        ):
            return True
    return _QUANTITY_BEFORE_RE.search(folded, max(0, start - 24), start) is not None


def _scan_years(
    folded: str, cands: list[_Cand], anchor_year: int | None, ranges: list[re.Match[str]], years: list[re.Match[str]]
) -> None:
    hijri_first: set[int] = set()  # where the first year of a Hijri range starts
    for m in ranges:
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        era = m.group("era")
        kwm = _KW_BEFORE_RE.search(folded, max(0, m.start("y1") - 12), m.start("y1"))
        # Without an era mark or «عام» before it, a range («تحويله 1420 – 1422»)
        # is Hijri only near the article's Hijri year.
        hijri = _looks_hijri_year(y2, era, anchor_year, strict=kwm is None)
        if not (y1 < y2 and y2 - y1 <= 30 and (1343 <= y1 and y2 <= 1500 if hijri else 1800 <= y1 and y2 <= 2100)):
            continue
        if not era and _is_quantity(folded, m.start("y1"), m.end("y2")):
            continue  # «(1200 - 1900) ريال»: a range of amounts
        cal = "hijri" if hijri else "gregorian"
        if hijri:
            hijri_first.add(m.start("y1"))
        fs1 = m.start("y1")
        if kwm is not None:
            fs1 = kwm.start(1)  # «سنة 1421/ 1422هـ»: the keyword is part of the first end
        c1 = _Cand(fs1, m.end("y1"), 21, "year", cal, y=y1)
        c2 = _Cand(m.start("y2"), m.end("era") if era else m.end("y2"), 21, "year", cal, y=y2)
        c1.range_with = len(cands) + 1
        c2.range_with = len(cands)
        cands.extend([c1, c2])
    for m in years:
        y = int(m.group("year"))
        era = m.group("era")
        kw = m.group("kw")
        mod = m.group("mod")
        if not kw and not mod and not era:
            # A lone number is a year only in a year's context.
            prev = _prev_word(folded, m.start("year"))
            nxt = folded[m.end("year") : m.end("year") + 2]
            lone_ok = prev in YEAR_CONTEXT or (nxt[:1] in (".", "،", ",", "؛", ")", "»", '"', "\n", "") and prev != "")
            if re.search(r"و\s*$", folded[max(0, m.start("year") - 3) : m.start("year")]) and any(
                c.fe >= m.start("year") - 8 and c.fe <= m.start("year") and c.kind == "year" for c in cands
            ):
                lone_ok = True  # «2006 و2010»
            if _YEAR_LIST_RE.match(folded, m.end("year")):
                lone_ok = True  # «(2006 و2010 و2014)»
            if not lone_ok or not 1900 <= y <= (anchor_year or 2030) + 10:
                continue
            if _is_quantity(folded, m.start("year"), m.end("year")):
                continue
        # A range sharing one era mark («1421/ 1422هـ») is Hijri on both sides.
        hijri = m.start("year") in hijri_first or _looks_hijri_year(y, era, anchor_year)
        if not _year_ok(y, hijri):
            continue
        fs = m.start("mod") if mod else (m.start("kw") if kw else m.start("year"))
        fe = m.end("era") if era else m.end("year")
        cands.append(_Cand(fs, fe, 20 if (kw or mod or era) else 10, "year", "hijri" if hijri else "gregorian", y))


def _scan_relative(
    folded: str,
    original: str,
    cands: list[_Cand],
    relative: list[re.Match[str]],
    dayrel: list[re.Match[str]],
    weekday: list[re.Match[str]],
) -> None:
    for m in relative:
        unit_s = m.group("u1") or m.group("u2") or m.group("u3")
        if m.group("u3") and (not m.group("mod") or _SCHOOL_YEAR_RE.match(folded, m.end())):
            continue  # «العام» alone is not a date; «مطلع العام» is, «بداية العام الدراسي» is not
        if unit_s.endswith("عام"):
            unit = "year"
        elif unit_s.endswith("سنه"):
            unit = "year"
        elif unit_s.endswith("شهر"):
            unit = "month"
        else:
            unit = "week"
        q = m.group("q")
        offset = 0
        if q:
            offset = -2 if q.startswith("قبل") else QUALIFIERS[_norm_key(q)]
        if m.group("u2") or m.group("u3"):
            prev = _prev_word(folded, m.start("u2") if m.group("u2") else m.start("u3"))
            if prev in _GENERAL_NOUNS:
                continue  # «الأمين العام السابق»: "general", not "year"
        if q and _norm_key(q) == "التالي":
            continue  # «العام التالي» counts from another event, not the article date
        fs = m.start("mod") if m.group("mod") else m.start()
        cands.append(_Cand(fs, m.end(), 25, "relative", unit=unit, offset=offset, explicit=False))
    for m in dayrel:
        w = _norm_key(m.group("w"))
        wd = WEEKDAYS[_norm_key(m.group("wd"))] if m.group("wd") else None
        fs, fe = m.start("w"), m.end()
        if wd is None:
            fe = m.end("w")
        if w == "اليوم":
            prev = _prev_word(folded, fs)
            if wd is None and prev not in ("صباح", "مساء", "ظهر", "فجر", "عصر", "ليله", "ظهيره", "مطلع"):
                continue  # «اليوم» alone often means "nowadays"
            if _ORDINAL_AFTER_RE.match(folded, m.end("w")):
                continue  # «اليوم الثاني», «اليوم التالي»: a day counted from an event
            off = 0
        elif w == "امس":
            if folded[max(0, fs - 2) : fs] == "ال" or folded[max(0, fs - 3) : fs] in ("بال", "كال"):
                continue
            if folded[fs - 1 : fs] == "ل" or _NEED_AFTER_RE.match(folded, fe):
                continue  # «لامس» (touched), «في أمس الحاجة» (in dire need)
            off = -1
        elif w in ("اول امس", "امس الاول", "اول من امس"):
            off = -2
        elif w == "غدا":
            span = original[m.start("w") : m.end("w") + 2]
            if wd is None and "\u064b" not in span:
                continue  # «غدا» without tanwin is often the verb "became"
            off = 1
        elif w == "غد":
            if wd is None and _prev_word(folded, fs) not in ("يوم", "صباح", "مساء", "ظهر", "عصر", "ليله", "فجر"):
                continue  # «الغد», «غد أفضل»
            off = 1
        else:  # بعد غد
            off = 2
        cands.append(_Cand(fs, fe, 25, "relative", unit="day", offset=off, weekday=wd, explicit=False))
    for m in weekday:
        q = m.group("q")
        off = QUALIFIERS[_norm_key(q)] if q else 0
        if q and _norm_key(q) == "التالي":
            continue
        fs = m.start("yawm") if m.group("yawm") else m.start("wd")
        wd_name: str = m.group("wd")
        if not (m.group("tod") or m.group("yawm") or q):
            prev = _prev_word(folded, fs)
            if prev in _NOT_WEEKDAY_BEFORE or prev in ("صلاه", "خطبه", "صلوات", "خطب", "منبر", "بن", "ابن"):
                continue  # «بين الاثنين» (the two), «صلاة الجمعة»
            if (
                wd_name not in _BARE_WEEKDAY_SET
                and prev not in _REPORTING_VERBS
                and not (prev[:1] in ("و", "ف") and prev[1:] in _REPORTING_VERBS)
                and not _THAT_AFTER_RE.match(folded, m.end())
                and not _COMMA_AROUND_RE.fullmatch(folded[max(0, fs - 3) : fs] + "|" + folded[m.end() : m.end() + 3])
            ):
                # «الأحد», «الجمعة», «الخميس» alone are often words or names;
                # «، الخميس،», «قال الخميس», «الخميس إن» are days.
                continue
        cands.append(_Cand(fs, m.end(), 15, "relative", unit="weekday", offset=off, weekday=WEEKDAYS[wd_name]))
        cands[-1].explicit = False


_SPACE_RE = re.compile(r"\s+")


def _norm_key(s: str) -> str:
    return _SPACE_RE.sub(" ", s.strip())


_GLUE_RE = re.compile(r"[\s,،()\-–]*(?:الموافق|الموافقه|الموافق ل|بتاريخ|وتاريخ|تاريخ)?[\s,،()\-–]*")


def _select(folded: str, cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then higher priority."""
    order = sorted(range(len(cands)), key=lambda i: (-(cands[i].fe - cands[i].fs), -cands[i].prio, cands[i].fs))
    taken: list[tuple[int, int]] = []
    keep: list[int] = []
    for i in order:
        c = cands[i]
        if any(c.fs < e and s < c.fe for s, e in taken):
            continue
        taken.append((c.fs, c.fe))
        keep.append(i)
    kept = set(keep)
    # A weekday right before a written date («الاثنين 20 يوليو») is part of it.
    out = []
    by_start = {cands[i].fs: cands[i] for i in keep}
    for i in sorted(keep, key=lambda i: cands[i].fs):
        c = cands[i]
        if c.unit in ("weekday", "day"):
            # «الأحد 26 يوليو», «يوم الأحد الموافق 26 يوليو»: the written date says it.
            nxt = [
                d
                for s, d in by_start.items()
                if c.fe <= s <= c.fe + 14 and d.d is not None and d.unit is None and _GLUE_RE.fullmatch(folded, c.fe, s)
            ]
            if nxt and (c.unit == "weekday" or c.weekday is not None):
                continue
        if c.range_with is not None and c.range_with not in kept:
            c.range_with = None
        out.append(c)
    return out


# --------------------------------------------------------------------------
# Resolution


@dataclass(frozen=True)
class _Anchor:
    value: str | None
    source: str
    y: int | None = None
    m: int | None = None
    d: int | None = None

    @property
    def day(self) -> date | None:
        if self.y is None:
            return None
        return date(self.y, self.m or 7, self.d or (15 if self.m else 1))


def _parse_anchor(ad: ArticleDate) -> _Anchor:
    y = m = d = None
    if ad.value:
        mt = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", ad.value)
        if mt:
            y = int(mt.group(1))
            m = int(mt.group(2)) if mt.group(2) else None
            d = int(mt.group(3)) if mt.group(3) else None
    return _Anchor(ad.value, ad.source, y, m, d)


def _iso(
    y: int | None, m: int | None = None, d: int | None = None, hh: int | None = None, mi: int | None = None
) -> str | None:
    if y is None:
        return None
    s = f"{y:04d}"
    if m is not None:
        s += f"-{m:02d}"
        if d is not None:
            s += f"-{d:02d}"
            if hh is not None and mi is not None:
                s += f"T{hh:02d}:{mi:02d}"
    return s


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _hijri_to_greg(hy: int, hm: int, hd: int) -> date | None:
    try:
        from hijridate import Hijri

        g = Hijri(hy, hm, hd).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError, ImportError):
        return None


def _greg_to_hijri(d: date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError, ImportError):
        return None


def _resolve(c: _Cand, anchor: _Anchor) -> tuple[str | None, str | None, bool]:
    """``(value, hijri, uses_anchor)`` of a candidate."""
    if c.unit is not None:
        return _resolve_relative(c, anchor), None, True
    y = c.y
    uses_anchor = False
    if c.calendar == "hijri":
        return _resolve_hijri(c, anchor)
    if y is None:
        uses_anchor = True
        y = _implicit_year(c, anchor)
        if y is None:
            return None, None, True
    assert c.m is not None or c.kind == "year"
    if c.d is not None and c.m is not None:
        try:
            date(y, c.m, c.d)
        except ValueError:
            return None, None, uses_anchor
    return _iso(y, c.m, c.d, c.hh, c.mi), None, uses_anchor


def _implicit_year(c: _Cand, anchor: _Anchor) -> int | None:
    if anchor.y is None or c.m is None:
        return None
    ay, am = anchor.y, anchor.m
    if c.year_offset is not None:
        return ay + c.year_offset
    if am is None or (anchor.source == "inferred" and c.qual is None):
        # An inferred date is only a lower bound: keep to its year.
        return ay
    if c.qual is not None:
        if c.qual == 0:
            return ay
        if c.qual < 0:
            before = c.m < am or (c.m == am and c.d is not None and anchor.d is not None and c.d < anchor.d)
            return ay if before else ay - 1
        after = c.m > am or (c.m == am and c.d is not None and anchor.d is not None and c.d > anchor.d)
        return ay if after else ay + 1
    ad = anchor.day
    assert ad is not None
    best, best_dist = ay, None
    for y in (ay - 1, ay, ay + 1):
        try:
            dd = date(y, c.m, min(c.d or 15, 28))
        except ValueError:
            continue
        dist = abs((dd - ad).days) + (0 if dd <= ad else 1)
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def _resolve_hijri(c: _Cand, anchor: _Anchor) -> tuple[str | None, str | None, bool]:
    hy, uses = c.y, False
    if hy is None and c.greg_year is not None and c.m is not None:
        for y in (c.greg_year - 580, c.greg_year - 579, c.greg_year - 578):
            g = _hijri_to_greg(y, c.m, c.d or 15)
            if g is not None and g.year == c.greg_year:
                hy = y
                break
        if hy is None:
            return None, None, False
    if hy is None:
        uses = True
        ad = anchor.day
        if ad is None or c.m is None:
            return None, None, True
        h = _greg_to_hijri(ad)
        if h is None:
            return None, None, True
        best, best_dist = None, None
        if c.qual is not None and c.qual != 0:
            # «رمضان القادم»: the first one (its first day, or the day
            # given) after the anchor; «رمضان الماضي»: the last one (its
            # last day, or the day given) before it.
            ys = (h[0], h[0] + 1, h[0] + 2) if c.qual > 0 else (h[0], h[0] - 1, h[0] - 2)
            for y in ys:
                g = _hijri_to_greg(y, c.m, c.d or (1 if c.qual > 0 else 29))
                if g is not None and (g > ad if c.qual > 0 else g < ad):
                    best = y
                    break
        else:
            for y in (h[0] - 1, h[0], h[0] + 1):
                g = _hijri_to_greg(y, c.m, c.d or 15)
                if g is None:
                    continue
                dist = abs((g - ad).days)
                if best_dist is None or dist < best_dist:
                    best, best_dist = y, dist
        hy = best
        if hy is None:
            return None, None, True
    if c.m is None:
        hijri = f"{hy:04d}"
        g = _hijri_to_greg(hy, 7, 1)
        return (f"{g.year:04d}" if g else None), hijri, uses
    if c.d is None:
        hijri = f"{hy:04d}-{c.m:02d}"
        g = _hijri_to_greg(hy, c.m, 15)
        return (f"{g.year:04d}-{g.month:02d}" if g else None), hijri, uses
    hijri = f"{hy:04d}-{c.m:02d}-{c.d:02d}"
    g = _hijri_to_greg(hy, c.m, c.d)
    if g is None:
        return None, hijri, uses
    return _iso(g.year, g.month, g.day, c.hh, c.mi), hijri, uses


def _resolve_relative(c: _Cand, anchor: _Anchor) -> str | None:
    if anchor.y is None:
        return None
    ay, am, ad = anchor.y, anchor.m, anchor.d
    if c.unit == "year":
        return _iso(ay + c.offset)
    if c.unit == "month":
        if am is None:
            return _iso(ay) if c.offset == 0 else None
        y, m = _add_months(ay, am, c.offset)
        return _iso(y, m)
    if am is None:
        return _iso(ay)
    if ad is None:
        return _iso(ay, am)
    base = date(ay, am, ad)
    if c.unit == "week":
        iy, iw, _ = (base + timedelta(weeks=c.offset)).isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if c.unit == "day":
        target = base + timedelta(days=c.offset)
        if c.weekday is not None:
            # «اليوم (الاثنين)»: the weekday names the day.  An article date
            # from a crawl is on or after the writing day, so the named day
            # is looked for up to five days back or one day ahead.
            delta = (c.weekday - target.weekday()) % 7
            target = target + timedelta(days=delta if delta <= 1 else delta - 7)
        return target.isoformat()
    # weekday: «الأحد الماضي» the last one, «الأحد المقبل» the next, «يوم الأحد» the nearest.
    assert c.weekday is not None
    delta = (base.weekday() - c.weekday) % 7
    if c.offset > 0:
        fwd = (c.weekday - base.weekday()) % 7 or 7
        return (base + timedelta(days=fwd)).isoformat()
    if c.offset < 0:
        return (base - timedelta(days=delta or 7)).isoformat()
    # No qualifier: the nearest day of that name, the past one on a tie.
    fwd = (c.weekday - base.weekday()) % 7 or 7
    if fwd < delta:
        return (base + timedelta(days=fwd)).isoformat()
    return (base - timedelta(days=delta)).isoformat()


# --------------------------------------------------------------------------
# Article dates


_PUBLISHED_RE = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?)?)?")


def normalise_date(value: str) -> str | None:
    """A metadata date («2015-07-21 02:51:32», «2022-06») as ISO at its precision."""
    m = _PUBLISHED_RE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        assert mo is not None
        try:
            date(y, mo, d)
        except ValueError:
            return None
    hh = int(m.group(4)) if m.group(4) else None
    mi = int(m.group(5)) if m.group(5) else None
    return _iso(y, mo, d, hh, mi)


_UNKNOWN = ArticleDate(None, "unknown", "no published date in the metadata and no full date in the text")


def article_date(article: _ArticleLike) -> ArticleDate:
    """The article's own date: metadata ``published``, else inferred, else unknown.

    Inference, strongest evidence first: the earliest dated timestamp
    (reader comments are stamped after publication), else the latest full
    day-precision date written in the text before any "read also" block
    (unless the text names a later year: then that date is a past event),
    else unknown.  A month and year alone («مارس 2014») is not used: it
    most often names a past event.  On SaudiNewsNet (metadata hidden) the
    latest full date is still only within 60 days before the real date in
    about half of the articles that have one: metadata is much better.
    """
    published = article.meta.get("published")
    if published:
        value = normalise_date(published)
        if value:
            return ArticleDate(value, "metadata", f"metadata published={published!r}")
    fm = FoldMap(article.text)
    return _infer(fm, _scan(fm.folded, article.text, None))


_RELATED_RE = re.compile(
    r"(?:اقر(?:ا|او|اوا)\s+(?:ايضا|المزيد)|مواضيع\s+ذات\s+صله|اخبار\s+ذات\s+صله|مقالات\s+ذات\s+صله|قد\s+يهمك)"
)


def _infer(fm: FoldMap, cands: list[_Cand]) -> ArticleDate:
    none = _Anchor(None, "unknown")
    dated: list[tuple[str, _Cand]] = []
    related = _RELATED_RE.search(fm.folded)
    cut = related.start() if related else len(fm.folded)
    latest_year = 0  # the latest year written anywhere (a year, a month, a date)
    for c in _select(fm.folded, cands):
        if c.y is not None and c.unit is None:
            yv, _, _ = _resolve(c, none)
            if yv:
                latest_year = max(latest_year, int(yv[:4]))
        if not c.explicit or c.kind not in ("day", "datetime"):
            continue
        if c.fs >= cut and c.kind != "datetime":
            continue  # bylines of related articles are not this article's date
        value, _, _ = _resolve(c, none)
        if value:
            dated.append((value, c))
    if not dated:
        return _UNKNOWN

    def quote(c: _Cand) -> str:
        s, e = fm.span(c.fs, c.fe)
        return f"«{fm.original[s:e]}» at {s}"

    stamps = [(v, c) for v, c in dated if c.kind == "datetime"]
    if stamps:
        v, c = min(stamps, key=lambda t: t[0])
        return ArticleDate(v[:10], "inferred", f"earliest timestamp in the text: {quote(c)}")
    days = [(v, c) for v, c in dated if c.kind == "day"]
    if days:
        v, c = max(days, key=lambda t: t[0])
        if int(v[:4]) < latest_year:
            # The text names a later year: this date is a past event.
            return ArticleDate(
                None, "unknown", f"latest full date {quote(c)} is older than a year the text names ({latest_year})"
            )
        return ArticleDate(v, "inferred", f"latest full date in the text: {quote(c)}")
    # A month and year alone («مارس 2014») is weak evidence: it most often
    # names a past event, so it does not date the article.
    return _UNKNOWN


# --------------------------------------------------------------------------
# Finding dates


def find_dates(article: _ArticleLike, *, anchor: ArticleDate | None = None) -> list[DateMention]:
    """Every date expression in *article*, in text order.

    *anchor* (default :func:`article_date`) resolves relative expressions and
    dates without a year; those mentions carry ``anchor`` and
    ``anchor_source`` (``"<source>:coarse"`` when the anchor is less
    precise than the expression, e.g. «أمس» against a month-level date,
    and the value is given at the anchor's precision).  With an unknown
    anchor they are reported with value ``None``.
    """
    text = article.text
    fm = FoldMap(text)
    folded = fm.folded
    if anchor is None:
        published = article.meta.get("published")
        anchor = article_date(article) if published else None
    cands = _scan(folded, text, _parse_anchor(anchor).y if anchor else None)
    if anchor is None:
        anchor = _infer(fm, cands)
    anc = _parse_anchor(anchor)
    if anchor.source != "metadata" and anc.y is not None:
        # Re-scan: Hijri years without «هـ» are recognised near the anchor.
        cands = _scan(folded, text, anc.y)
    chosen = _select(folded, cands)
    mentions: list[DateMention] = []
    range_ids: dict[int, str] = {}
    links = _link_ranges(folded, chosen)
    years = _context_years(folded, chosen, links, anc)
    for c in chosen:
        given = years.get(id(c))
        if given is not None:
            value, hijri, uses_anchor = _resolve(replace(c, y=given[0]), anc)
            uses_anchor = given[1]
        else:
            value, hijri, uses_anchor = _resolve(c, anc)
        s, e = fm.span(c.fs, c.fe)
        dm = DateMention(article.id, s, e, text[s:e], value, c.kind, "hijri" if c.calendar == "hijri" else "gregorian")
        dm.hijri = hijri
        if given is not None:
            dm.implicit_year = True
        if uses_anchor:
            dm.implicit_year = c.implicit
            dm.anchor = anchor.value
            dm.anchor_source = anchor.source
            if value is not None and c.unit is not None and len(value) < _UNIT_PRECISION[c.unit]:
                # «أمس» against a month-level anchor: the value is the anchor's month, marked.
                dm.anchor_source = f"{anchor.source}:coarse"
        if id(c) in links:
            rid = range_ids.get(links[id(c)]) or f"r{len(range_ids) // 2 + 1}"
            range_ids[id(c)] = rid
            dm.range = rid
        mentions.append(dm)
    return mentions


#: Length of a relative value at its own precision (shorter: the anchor was coarser).
_UNIT_PRECISION = {"year": 4, "month": 7, "week": 8, "day": 10, "weekday": 10}


_LIST_SEP_RE = re.compile(r"\s*(?:[,،/\-–]\s*)?و?\s*")


def _context_years(
    folded: str, chosen: list[_Cand], links: dict[int, int], anchor: _Anchor
) -> dict[int, tuple[int, bool]]:
    """Years the text around a date gives it: ``id()`` → ``(year, from the anchor?)``.

    * «سبتمبر من السنة نفسها»: the year of the last date before it with a
      written year.
    * «مايو ويونيو 2014», «مايو/يونيو 2014»: a month right before another
      with a year shares it.
    * A range of months or days with a year left out on one or both ends
      («من أكتوبر إلى فبراير», «من 15 يونيو حتى 15 سبتمبر 2015», «بين
      سبتمبر ويناير الماضيين»): the ends are placed in order (an end month
      before the start month is in the next year).  A written year on one end
      places the other; else a qualifier on one end («الماضيين», «المقبل»)
      places that end and the other follows; else the pair is put where it
      lies nearest the anchor (the anchor's year for an inferred anchor).
    """
    out: dict[int, tuple[int, bool]] = {}
    last_year: _Cand | None = None
    for c in sorted(chosen, key=lambda c: c.fs):
        if c.same_year and last_year is not None and last_year.y is not None:
            if c.calendar == last_year.calendar:
                out[id(c)] = (last_year.y, False)
            elif c.calendar == "gregorian":
                v, _, _ = _resolve(last_year, anchor)
                if v:
                    out[id(c)] = (int(v[:4]), False)
        if c.y is not None and c.unit is None:
            last_year = c
    ordered = sorted(chosen, key=lambda c: c.fs)
    for a, nxt in itertools.pairwise(ordered):
        # «مايو (أيار) ويونيو (حزيران) 2014»: a list of months shares the year after it.
        if (
            a.y is None
            and nxt.y is not None
            and a.m is not None
            and nxt.m is not None
            and a.unit is None
            and nxt.unit is None
            and a.qual is None
            and a.year_offset is None
            and not a.same_year
            and a.calendar == nxt.calendar == "gregorian"
            and (a.m, a.d or 0) <= (nxt.m, nxt.d or 0)
            and _LIST_SEP_RE.fullmatch(folded, a.fe, nxt.fs)
        ):
            out[id(a)] = (nxt.y, False)
    by_id = {id(c): c for c in chosen}
    for a in chosen:
        b = by_id.get(links.get(id(a), 0))
        if b is None or b.fs < a.fs or id(a) in out or id(b) in out:
            continue
        if a.calendar != "gregorian" or b.calendar != "gregorian" or a.m is None or b.m is None:
            continue
        if a.unit is not None or b.unit is not None or (a.y is not None and b.y is not None):
            continue
        if a.d is None and b.d is None:
            wrap = 1 if b.m <= a.m else 0  # «من يونيو 2014 حتى يونيو»: a year later
        else:
            wrap = 1 if (b.m, b.d or 31) < (a.m, a.d or 1) else 0
        if a.y is not None:
            out[id(b)] = (a.y + wrap, False)
            continue
        if b.y is not None:
            out[id(a)] = (b.y - wrap, False)
            continue
        if anchor.y is None:
            continue
        ya: int | None
        if b.qual is not None or b.year_offset is not None:
            yb = _implicit_year(b, anchor)
            ya = None if yb is None else yb - wrap
        elif a.qual is not None or a.year_offset is not None:
            ya = _implicit_year(a, anchor)
        elif anchor.source == "inferred" or anchor.m is None:
            ya = anchor.y
        else:
            ad = anchor.day
            assert ad is not None
            ya, best = None, None
            for y in (anchor.y - 1, anchor.y, anchor.y + 1):
                try:
                    first = date(y, a.m, a.d or 1)
                    last = date(y + wrap, b.m, b.d or 28)
                except ValueError:
                    continue
                dist = (first - ad).days + 1 if first > ad else (ad - last).days if last < ad else 0
                if best is None or dist < best:
                    ya, best = y, dist
        if ya is not None:
            out[id(a)] = (ya, True)
            out[id(b)] = (ya + wrap, True)
    return out


_RANGE_MID_RE = re.compile(r"\s*(?:-|–|—|الي|حتي|و|ول|وحتي|والي)\s*$")
_RANGE_PRE_RE = re.compile(r"(?<!\w)[وف]?(?:من|بين|الفتره\s+من|الفتره\s+بين|ما\s+بين)\s*$")


def _link_ranges(folded: str, chosen: list[_Cand]) -> dict[int, int]:
    """``id()`` of each range end → ``id()`` of the other end."""
    out: dict[int, int] = {}
    ordered = sorted(chosen, key=lambda c: c.fs)
    for k in range(len(ordered) - 1):
        a, b = ordered[k], ordered[k + 1]
        if a.unit is not None or b.unit is not None or id(a) in out:
            continue
        between = folded[a.fe : b.fs]
        if a.range_with is not None and b.range_with is not None and len(between) <= 3:
            pass  # «2010-2014»
        elif len(between) > 12 or not _RANGE_MID_RE.fullmatch(between):
            continue
        elif not re.fullmatch(r"\s*(?:-|–|—|الي|حتي|وحتي|والي)\s*", between) and not _RANGE_PRE_RE.search(
            folded[max(0, a.fs - 16) : a.fs]
        ):
            continue  # «و» links only after «بين»/«من»: «بين 2010 و2014»
        out[id(a)] = id(b)
        out[id(b)] = id(a)
    return out


# --------------------------------------------------------------------------
# Filters, timeline, bars


def _bounds(value: str) -> tuple[str, str] | None:
    """First and last day (``YYYY-MM-DD``) a value covers."""
    m = re.match(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2):
        first = date.fromisocalendar(y, int(m.group(2)), 1)
        return first.isoformat(), (first + timedelta(days=6)).isoformat()
    if m.group(4):
        d = f"{y:04d}-{m.group(3)}-{m.group(4)}"
        return d, d
    if m.group(3):
        mo = int(m.group(3))
        ny, nm = _add_months(y, mo, 1)
        last = date(ny, nm, 1) - timedelta(days=1)
        return f"{y:04d}-{mo:02d}-01", last.isoformat()
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def in_range(value: str | None, date_from: str | None = None, date_to: str | None = None) -> bool:
    """Does *value* overlap ``[date_from, date_to]``?  Bounds are ISO prefixes.

    «2022» as ``date_from`` starts on 1 January 2022, as ``date_to`` ends on
    31 December 2022; a month-level value overlaps any day of its month.
    A ``None`` value is in range only when no bound is given.
    """
    if date_from is None and date_to is None:
        return True
    if value is None:
        return False
    vb = _bounds(value)
    if vb is None:
        return False
    if date_from is not None:
        fb = _bounds(date_from)
        if fb is None:
            raise ValueError(f"not an ISO date: {date_from!r} (use 2022, 2022-07 or 2022-07-15)")
        if vb[1] < fb[0]:
            return False
    if date_to is not None:
        tb = _bounds(date_to)
        if tb is None:
            raise ValueError(f"not an ISO date: {date_to!r} (use 2022, 2022-07 or 2022-07-15)")
        if vb[0] > tb[1]:
            return False
    return True


def _collapse(s: str) -> str:
    return _SPACE_RE.sub(" ", s).strip()


def timeline(
    articles: Iterable[_ArticleLike], *, date_from: str | None = None, date_to: str | None = None
) -> list[dict[str, Any]]:
    """Dated mentions of *articles*, chronological, each with its sentence.

    Records: ``value``, ``kind``, ``doc``, ``start``, ``end``, ``text``,
    ``sentence`` (white space collapsed).  Mentions without a value are left
    out.  Sorting is by the first day each value covers, then by precision
    (a year before its months), then article and offset.
    """
    rows = [
        r
        for art in articles
        for r in timeline_rows(art, [m for m in find_dates(art) if in_range(m.value, date_from, date_to)])
    ]
    return sorted(rows, key=_chronological)


def timeline_rows(article: _ArticleLike, mentions: Iterable[DateMention]) -> list[dict[str, Any]]:
    """Timeline records of *mentions* already found in *article*, in text
    order (mentions without a value are left out)."""
    dated = [m for m in mentions if m.value]
    if not dated:
        return []
    spans = list(sentences(article.text))
    starts = [sp.start for sp in spans]
    rows = []
    for m in dated:
        k = bisect_right(starts, m.start) - 1
        sent = article.text[spans[k].start : spans[k].end] if k >= 0 and spans[k].end >= m.end else m.text
        if k >= 0 and spans[k].end < m.end:
            # The mention runs across a sentence break: join the pieces.
            j = bisect_right(starts, m.end - 1) - 1
            sent = article.text[spans[k].start : spans[j].end]
        rows.append(
            {
                "value": m.value,
                "kind": m.kind,
                "doc": article.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "sentence": _collapse(sent),
            }
        )
    return rows


def _chronological(row: dict[str, Any]) -> tuple[str, int, str, int]:
    """By the first day the value covers, then precision (a year before its
    months), then article and offset."""
    value: str = row["value"]
    b = _bounds(value)
    return (b[0] if b else value, len(value), row["doc"], row["start"])


def bars(records: Iterable[dict[str, Any]], unit: str = "year") -> list[tuple[str, int]]:
    """Counts of *records* per year (``unit="year"``) or per month, in order.

    A year-level value counts in its year; for ``unit="month"`` values less
    precise than a month are left out.  Weeks count in their Monday's month.
    """
    if unit not in ("year", "month"):
        raise ValueError("unit must be 'year' or 'month'")
    counts: dict[str, int] = {}
    for r in records:
        v = r.get("value")
        if not v:
            continue
        if "-W" in v:
            b = _bounds(v)
            v = b[0] if b else v
        key = v[:4] if unit == "year" else v[:7]
        if unit == "month" and len(key) < 7:
            continue
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


# --------------------------------------------------------------------------
# Scoring


def _val_match(found: str | None, gold: str | None) -> bool:
    if found is None or gold is None:
        return found == gold
    return found[: len(gold)] == gold


def score(found: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 as in the gold guidelines.

    A found record matches a gold one when ``doc`` is the same, the spans
    overlap and the found value equals the gold value at the gold's
    precision.  Recall is over non-optional gold lines; a found record that
    matches only optional gold lines is neither a true nor a false positive.
    """
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)

    def matches(f: dict[str, Any], g: dict[str, Any]) -> bool:
        return bool(f["start"] < g["end"] and g["start"] < f["end"] and _val_match(f.get("value"), g.get("value")))

    matched_gold: set[int] = set()
    tp_found = fp = neutral = 0
    false_pos: list[dict[str, Any]] = []
    for f in found:
        hits = [g for g in by_doc.get(f["doc"], []) if matches(f, g)]
        real = [g for g in hits if not g.get("optional")]
        if real:
            tp_found += 1
            matched_gold.update(id(g) for g in real)
        elif hits:
            neutral += 1
        else:
            fp += 1
            false_pos.append(f)
    required = [g for g in gold if not g.get("optional")]
    tp = sum(1 for g in required if id(g) in matched_gold)
    fn = [g for g in required if id(g) not in matched_gold]
    p = tp_found / (tp_found + fp) if tp_found + fp else 0.0
    r = tp / len(required) if required else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": len(fn),
        "neutral": neutral,
        "gold": len(required),
        "found": len(found),
        "false_positives": false_pos,
        "false_negatives": fn,
    }
