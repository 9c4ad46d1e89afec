"""Candidates: what each pattern's matches say, with the checks that keep
out what is not a date (amounts, «مارس» the verb, «العام» "general"...).

Every function reads matches already found (:mod:`kzcorpus.dates.scan`)
and appends :class:`~kzcorpus.dates.records.Cand` objects to a list.
"""

from __future__ import annotations

import re

from kzcorpus.arabic import FoldMap
from kzcorpus.dates.calendar import is_hijri_era, looks_hijri_year, year_ok
from kzcorpus.dates.clock import ampm_after, time_before
from kzcorpus.dates.daywords import bare_weekday_is_day, quoted_title, tomorrow, unclitic
from kzcorpus.dates.patterns import (
    AFTER_NUMBER_RE,
    AFTER_YEAR_REL_RE,
    BARE_WEEKDAY_SET,
    DAY_BEFORE_MONTH_RE,
    EVERY_WEEK_AFTER_RE,
    EVERY_WEEK_BEFORE_RE,
    GREGORIAN_BESIDE_RE,
    HIJRI_YEAR_AFTER_RE,
    KW_BEFORE_RE,
    LIST_ITEM_AFTER_RE,
    LIST_ITEM_BEFORE_RE,
    MONTH_NAMED_RE,
    MONTH_RANGE_BEFORE_RE,
    NAMED_RE,
    NAMED_SINGLE_RE,
    NEED_AFTER_RE,
    NOT_WEEKDAY_BEFORE,
    ORDINAL_AFTER_RE,
    PAIR_QUALIFIER_RE,
    PRE_DAY_RE,
    QUANTITY_BEFORE_RE,
    QUOTED_NAME_BEFORE_RE,
    SAME_YEAR_RE,
    SCHOOL_YEAR_RE,
    WEEKDAY_LIST_AFTER_RE,
    YEAR_AFTER_QUAL_RE,
    YEAR_AFTER_RELATIVE_RE,
    YEAR_LIST_RE,
    YEAR_PART_BEFORE_RE,
    two_away,
)
from kzcorpus.dates.records import Cand
from kzcorpus.dates.tense import past_tense
from kzcorpus.dates.words import (
    AMBIGUOUS_MONTHS,
    CLITIC_CHARS,
    CONJUNCTIONS,
    GENERAL_NOUNS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    MONTH_CONTEXT,
    MONTH_NAME_NOUNS,
    NAME_NOUNS,
    NUMBER_NOUNS,
    ORDINAL_DAYS,
    QUALIFIERS,
    REPORTING_VERBS,
    UNIT_WORDS,
    WEEKDAYS,
    YEAR_CONTEXT,
    norm_key,
)

_GAP_CHARS = " \n\t\r.,،؛:;!?()«»\"'“”-–—/[]…"


def prev_word(folded: str, pos: int) -> str:
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
        return prev_word(folded, k + max(0, pos - 40))
    # Drop one attached proclitic for the context test («وفي», «ومنذ»).
    if w not in YEAR_CONTEXT and len(w) > 2 and w[0] in CONJUNCTIONS and w[1:] in YEAR_CONTEXT:
        return w[1:]
    return w


def scan_named(folded: str, fm: FoldMap, cands: list[Cand], matches: list[re.Match[str]]) -> None:
    todo = list(reversed(matches))
    while todo:
        m: re.Match[str] = todo.pop()
        shared: int | None = None  # «مايو/يونيو 2014»: the year the next month gives
        gm1, gm2, hm = m.group("gm1"), m.group("gm2"), m.group("hm")
        if gm1:
            month = GREGORIAN_MONTHS[norm_key(gm1)]
            if gm2 and GREGORIAN_MONTHS[norm_key(gm2)] != month:
                # Two different months side by side: not a pair; each is
                # read alone («يونيو - يوليو 2015»).
                second = NAMED_RE.match(folded, m.start("gm2"))
                if second is not None:
                    todo.append(second)
                single = NAMED_SINGLE_RE.match(folded, m.start())
                if single is None:
                    continue
                m, gm2 = single, None
                if second is not None and second.group("year") and not is_hijri_era(second.group("era")):
                    y2 = int(second.group("year"))
                    m2 = GREGORIAN_MONTHS.get(norm_key(second.group("gm1") or ""))
                    if m2 is not None and year_ok(y2, False):
                        shared = y2 - 1 if month > m2 else y2
            cal = "gregorian"
        else:
            month = HIJRI_MONTHS[norm_key(hm)]
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
                    key = norm_key(day_s)
                    day = ORDINAL_DAYS[key if key in ORDINAL_DAYS else "ا" + key]  # «للأول»: ل + الأول
            if day is None or not 1 <= day <= 31:
                fs = m.start("month")
                day = None
                mod = None
            elif mod:
                mod = None
                fs = m.start("day")
        if mod and day is None and norm_key(mod) in FIRST_DAY_WORDS:
            day = 1  # «أول يناير», «غرة رمضان»: the month's first day
        if mod:
            fs = m.start("mod")
        year = int(year_s) if year_s else None
        era = m.group("era")
        fe = m.end("month")
        greg_year = None
        if year is not None:
            hijri_era = is_hijri_era(era)
            bad = False
            if cal == "gregorian":
                bad = hijri_era or not year_ok(year, False)
            elif not year_ok(year, True):
                if 1900 <= year <= 2100 and not hijri_era:
                    greg_year = year  # «رمضان 2015»: the Ramadan of that year
                else:
                    bad = True
            if bad:
                year = era = None
            elif m.group("year"):
                fe = m.end("era") if era else m.end("year")
        pw = prev_word(folded, fs)
        names = NAME_NOUNS if day is not None else MONTH_NAME_NOUNS if gm1 else frozenset()
        if year is None and not m.group("qual") and (pw in names or (pw[:1] in CLITIC_CHARS and pw[1:] in names)):
            continue  # «مدينة السادس من أكتوبر», «أحداث 11 سبتمبر», «ثورة يناير»: a name
        if year is None and not m.group("qual") and EVERY_YEAR_RE.match(folded, m.end("month")):
            continue  # «بنهاية شهر يونيو من كل عام»: every year's June, not one date
        if cal == "hijri" and month == SAFAR and year is None and day_s and _is_score(folded, m):
            continue  # «فاز بنتيجة 3 صفر», «(2 ــ صفر)»: a score, not the month Safar
        counted = None  # «شهر رمضان من العام الماضي»: the year the text counts
        if cal == "hijri" and year is None and day is None and not (m.group("qual") or mod):
            counted = HIJRI_YEAR_AFTER_RE.match(folded, m.end("month"))
            if counted is not None and not counted.group("tie").strip() and pw not in ("شهر", "لشهر", "بشهر"):
                counted = None  # «وقال رمضان العام الماضي»: a name; «شهر رمضان العام الماضي» is the month
            if counted is None:
                continue  # «رمضان», «صفر», «رجب» alone are too often words or names; «رمضان الماضي» is a date
        qual = None
        if year is None and m.group("qual"):
            qual = QUALIFIERS[norm_key(m.group("qual"))]
            fe = m.end("qual")
            late = YEAR_AFTER_QUAL_RE.match(folded, fe) if cal == "hijri" else None
            if late is not None and year_ok(int(late.group(1)), True):
                # «الثامن من رمضان المقبل 1436هـ»: the written year decides.
                year, qual, fe = int(late.group(1)), None, late.end()
        hh = mi = None
        if m.group("hh") and year is not None and day is not None:
            hh, mi = int(m.group("hh")), int(m.group("mi"))
            if hh <= 23:
                hh, fe = ampm_after(folded, m.end("mi"), hh)  # «7:39 مساء»
            else:
                hh = mi = None
        # A lone month name that is also a word needs context.
        if day is None and year is None and qual is None and not gm2 and gm1:
            key = norm_key(gm1)
            start_m = m.start("month")
            if key in AMBIGUOUS_MONTHS:
                if (
                    mod is None
                    and prev_word(folded, start_m) not in MONTH_CONTEXT
                    and MONTH_RANGE_BEFORE_RE.search(folded, max(0, start_m - 30), start_m) is None
                ):
                    continue  # «مارس» alone; «من نوفمبر إلى مارس» is a month
                if key == "اب" and "آ" not in fm.text_of(start_m, start_m + 2):
                    continue  # «أب» (father) vs «آب» (August): only the madda tells
                if start_m > 0 and folded[start_m - 1].isalpha():
                    continue  # a clitic on an ambiguous name: «ومارس» (and practised)
        kind = "day" if day is not None else "month"
        if qual is not None:
            kind = "relative"
        if hh is not None:
            kind = "datetime"
        if greg_year is not None:
            c = Cand(fs, fe, 30, kind, cal, None, month, day, greg_year=greg_year)
            cands.append(c)
            continue
        c = Cand(fs, fe, 30, kind, cal, year, month, day, hh, mi)
        time_before(folded, c)
        c.since = pw == SINCE
        if year is None:
            c.implicit = True
            c.explicit = False
            if qual is not None:
                c.qual = qual
            else:
                after = counted or AFTER_YEAR_REL_RE.match(folded, fe)
                if after:
                    c.year_offset = QUALIFIERS[norm_key(after.group("q"))] if after.group("q") else 0
                elif SAME_YEAR_RE.match(folded, fe):
                    c.same_year = True
                elif not c.since:
                    c.past = past_tense(folded, c.fs, fe)
        cands.append(c)
        if day is not None and day_s and day_s.isdigit():
            _range_start(folded, c, cands)


#: Period modifiers that name a month's first day («أول يناير», «غرة رمضان»).
FIRST_DAY_WORDS = frozenset(["اول", "غره"])
#: «من كل عام», «كل سنة», «من كل عام ميلادي» after a month: a yearly date, not one date.
EVERY_YEAR_RE = re.compile(r"\s*(?:\([^()\n]{1,12}\)\s*)?(?:من\s+|في\s+)?كل\s+(?:عام|سنه)(?!\w)")
#: «منذ» (folded): a date after it is on or before the article's date.
SINCE = "منذ"
#: The Hijri month Safar, whose name is also the word "zero".
SAFAR = 2
#: A match score before a day and «صفر»: «فاز بنتيجة 3 صفر», «تعادل ... 1 صفر».
_SCORE_BEFORE_RE = re.compile(
    r"(?<!\w)[وفبل]?(?:بنتيجه|نتيجه|فاز|فوز|تعادل|خسر|هزم|تغلب|بهدف|بهدفين|مباراه|المباراه)(?!\w)"
)


def _is_score(folded: str, m: re.Match[str]) -> bool:
    """Is the day and «صفر» of *m* a match score («3 صفر», «(2 ــ صفر)»)?"""
    between = folded[m.end("day") : m.start("month")]
    if "-" in between or "–" in between:
        return True
    if (
        folded[max(0, m.start() - 2) : m.start()].strip().endswith("(")
        and folded[m.end() : m.end() + 2].lstrip()[:1] == ")"
    ):
        return True  # «(1 ــ صفر)»: a score in brackets (the tatweel is folded away)
    return _SCORE_BEFORE_RE.search(folded, max(0, m.start() - 60), m.start()) is not None


def _range_start(folded: str, c: Cand, cands: list[Cand]) -> None:
    """«من 29 إلى 31 مايو»: a lone day number before *c* is the range's start;
    «10 و11 و12 شوال»: each day of a list is a date of that month."""
    fs, last = c.fs, c.d
    for _ in range(6):
        pre = PRE_DAY_RE.search(folded, max(0, fs - 14), fs)
        if pre is None or last is None:
            return
        d0 = int(pre.group(1))
        if not 1 <= d0 < last:
            return
        c0 = Cand(pre.start(1), pre.end(1), 30, "day", c.calendar, c.y, c.m, d0)
        c0.implicit, c0.explicit = c.implicit, False
        c0.year_offset, c0.qual, c0.greg_year = c.year_offset, c.qual, c.greg_year
        cands.append(c0)
        if not folded[pre.end(1) : fs].strip().startswith("و"):
            return  # a range has one start; only a list «و» goes on
        fs, last = pre.start(1), d0


def scan_numeric(folded: str, cands: list[Cand], matches: list[re.Match[str]]) -> None:
    for m in matches:
        if m.group("a"):
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
            d, mo = (a, b) if b <= 12 else (b, a)
        else:
            y, mo, d = int(m.group("Y")), int(m.group("M")), int(m.group("D"))
        era = m.group("era")
        hijri = is_hijri_era(era) or 1300 <= y <= 1500
        if not (1 <= mo <= 12 and 1 <= d <= 31 and year_ok(y, hijri)):
            continue
        if hijri and d > 30:
            continue
        fe = m.end("era") if era else (m.end("c") if m.group("a") else m.end("D"))
        hh = mi = None
        if m.group("hh") and int(m.group("hh")) <= 23:
            hh, mi = int(m.group("hh")), int(m.group("mi"))
            hh, fe = ampm_after(folded, m.end("mi"), hh)  # «7:39 مساء»
        kind = "datetime" if hh is not None else "day"
        c = Cand(m.start(), fe, 40, kind, "hijri" if hijri else "gregorian", y, mo, d, hh, mi)
        time_before(folded, c)
        cands.append(c)
        _range_start(folded, c, cands)


def is_quantity(folded: str, start: int, end: int) -> bool:
    """Is the bare number (or range) at ``folded[start:end]`` an amount?

    It is when a unit or counted noun follows it («2000 كلم», «1920 عينة»,
    «"2000" دقيقة», «(1200 - 1900) ريال») or an amount's words come before
    it («أكثر من 2000», «نحو 1950»).
    """
    nxt = AFTER_NUMBER_RE.match(folded, end, end + 24)
    if nxt is not None:
        w = nxt.group(1)
        if w in UNIT_WORDS or (
            len(w) > 4 and w[:1] in CLITIC_CHARS and w[1:] in UNIT_WORDS and w[1:] not in ("عام", "سنه", "شهر")
        ):
            return True
    return QUANTITY_BEFORE_RE.search(folded, max(0, start - 24), start) is not None


def is_list_item(folded: str, start: int, end: int) -> bool:
    """Does the number at ``folded[start:end]`` open an item of a chronology
    («⏎1962 - استقلال الجزائر»)?"""
    return (
        LIST_ITEM_BEFORE_RE.search(folded, max(0, start - 8), start) is not None
        and LIST_ITEM_AFTER_RE.match(folded, end) is not None
    )


#: The longest year range read when an era mark or «عام» is written (a war, a reign, a dynasty).
RANGE_SPAN_SAID = 100


def scan_years(
    folded: str, cands: list[Cand], anchor_year: int | None, ranges: list[re.Match[str]], years: list[re.Match[str]]
) -> None:
    hijri_first: set[int] = set()  # where the first year of a Hijri range starts
    for m in ranges:
        y1 = int(m.group("y1"))
        y2s = m.group("y2")
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        era = m.group("era")
        kwm = KW_BEFORE_RE.search(folded, max(0, m.start("y1") - 12), m.start("y1"))
        # Without an era mark or «عام» before it, a range («تحويله 1420 – 1422»)
        # is Hijri only near the article's Hijri year.
        hijri = looks_hijri_year(y2, era, anchor_year, strict=kwm is None)
        # An era mark or «عام» written says the numbers are years: a historical
        # period («(1494 - 1517 م)», «(1914 - 1945 م)») may be old and long.
        said = bool(era) or kwm is not None
        span, oldest = (RANGE_SPAN_SAID, 1000) if said else (30, 1343 if hijri else 1800)
        if not (y1 < y2 and y2 - y1 <= span and oldest <= y1 and y2 <= (1500 if hijri else 2100)):
            continue
        if not era and is_quantity(folded, m.start("y1"), m.end("y2")):
            continue  # «(1200 - 1900) ريال»: a range of amounts
        cal = "hijri" if hijri else "gregorian"
        if hijri:
            hijri_first.add(m.start("y1"))
        fs1 = m.start("y1")
        if kwm is not None:
            fs1 = kwm.start(1)  # «سنة 1421/ 1422هـ»: the keyword is part of the first end
        c1 = Cand(fs1, m.end("y1"), 21, "year", cal, y=y1)
        c2 = Cand(m.start("y2"), m.end("era") if era else m.end("y2"), 21, "year", cal, y=y2)
        c1.range_with = len(cands) + 1
        c2.range_with = len(cands)
        cands.extend([c1, c2])
    for m in years:
        y = int(m.group("year"))
        era = m.group("era")
        kw = m.group("kw")
        mod = m.group("mod")
        item = False  # a year opening a chronology item governs the dates of that item
        if not kw and not mod and not era:
            # A lone number is a year only in a year's context.
            prev = prev_word(folded, m.start("year"))
            nxt = folded[m.end("year") : m.end("year") + 2]
            lone_ok = prev in YEAR_CONTEXT or (nxt[:1] in (".", "،", ",", "؛", ")", "»", '"', "\n", "") and prev != "")
            if re.search(r"و\.?\s*$", folded[max(0, m.start("year") - 4) : m.start("year")]) and any(
                c.fe >= m.start("year") - 9 and c.fe <= m.start("year") and c.kind == "year" for c in cands
            ):
                # «2006 و2010»; «بين 2004 و.2006»: a sentence's closing period that
                # right-to-left rendering moved before the last number.
                lone_ok = True
            if YEAR_LIST_RE.match(folded, m.end("year")):
                lone_ok = True  # «(2006 و2010 و2014)»
            if is_list_item(folded, m.start("year"), m.end("year")):
                lone_ok = item = True  # «1962 - استقلال الجزائر» in a chronology
            if YEAR_PART_BEFORE_RE.search(folded, max(0, m.start("year") - 24), m.start("year")):
                lone_ok = True  # «الربع الثاني 2015»
            # After a year's word («في 1890», «بحلول 2030») the window is wider.
            lo, hi = (1800, 25) if prev in YEAR_CONTEXT else (1900, 10)
            # «بنهاية العام المالي 1435»: a Hijri year near the article's, after a year's word.
            near_hijri = prev in YEAR_CONTEXT and looks_hijri_year(y, None, anchor_year, strict=True)
            if not lone_ok or not (lo <= y <= (anchor_year or 2030) + hi or near_hijri):
                continue
            if prev in NUMBER_NOUNS or is_quantity(folded, m.start("year"), m.end("year")):
                continue  # «غرفة رقم (2022)», «2000 كلم»
            if (
                prev not in YEAR_CONTEXT
                and nxt[:1] in ("»", '"', "”")
                and QUOTED_NAME_BEFORE_RE.search(folded, max(0, m.start("year") - 26), m.start("year"))
            ):
                continue  # «ميراج 2000»: a number closing a quoted name is a model, not a year
        # A range sharing one era mark («1421/ 1422هـ») is Hijri on both sides.
        hijri = m.start("year") in hijri_first or looks_hijri_year(y, era, anchor_year)
        if not year_ok(y, hijri):
            continue
        fs = m.start("mod") if mod else (m.start("kw") if kw else m.start("year"))
        fe = m.end("era") if era else m.end("year")
        yc = Cand(fs, fe, 20 if (kw or mod or era or item) else 10, "year", "hijri" if hijri else "gregorian", y)
        yc.since = SINCE in folded[max(0, fs - 12) : fs] and prev_word(folded, fs) == SINCE
        cands.append(yc)
        beside = GREGORIAN_BESIDE_RE.match(folded, fe) if hijri and era else None
        if beside is not None and 1 <= int(beside.group("year")) <= 2200:
            # «عام 15هـ/636م»: the Gregorian year written beside it is a date of its own.
            cands.append(
                Cand(beside.start("year"), beside.end("era"), 20, "year", "gregorian", int(beside.group("year")))
            )


#: Qualifiers after a unit that count from another time named in the text, not from the article's date.
COUNTED_FROM_ANOTHER_TIME = frozenset(["التالي", "السابق", "السابقه"])

#: «في بيان له اليوم», «في وقت سابق اليوم»: words before a plain «اليوم» meaning "today".
_TODAY_BEFORE = frozenset(["له", "لها", "قوله", "قولها", "سابق", "لاحق"])
#: «... اليوم بزيارة»: an event of the day after a plain «اليوم».
_TODAY_EVENT_AFTER_RE = re.compile(r"\s+ب(?:زياره|جوله|افتتاح|تدشين|تكريم|استقبال|توقيع|اطلاق|تسليم|عقد)(?!\w)")


def _today_said(folded: str, prev: str, end: int) -> bool:
    """Is the plain «اليوم» ending at *end* the day something was said or done?"""
    if prev in _TODAY_BEFORE or prev in REPORTING_VERBS or (prev[:1] in ("و", "ف") and prev[1:] in REPORTING_VERBS):
        return True
    return _TODAY_EVENT_AFTER_RE.match(folded, end) is not None


def scan_relative(
    folded: str,
    fm: FoldMap,
    cands: list[Cand],
    relative: list[re.Match[str]],
    dayrel: list[re.Match[str]],
    weekday: list[re.Match[str]],
) -> None:
    for m in relative:
        unit_s = m.group("u1") or m.group("u2") or m.group("u3")
        if m.group("u3") and (
            not m.group("mod") or SCHOOL_YEAR_RE.match(folded, m.end()) or ORDINAL_AFTER_RE.match(folded, m.end())
        ):
            # «العام» alone is not a date; «مطلع العام» is, «بداية العام الدراسي» is not,
            # nor «نهاية الأسبوع الأول للبرنامج» (a week counted from an event).
            continue
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
            two = two_away(q)
            offset = two if two is not None else QUALIFIERS[norm_key(q)]
        if m.group("u2") or m.group("u3"):
            prev = prev_word(folded, m.start("u2") if m.group("u2") else m.start("u3"))
            if prev in GENERAL_NOUNS:
                continue  # «الأمين العام السابق»: "general", not "year"
        if q and norm_key(q) in COUNTED_FROM_ANOTHER_TIME:
            # «العام التالي», «الشهر السابق» («52.2 في يوليو من 54.0 في الشهر السابق»):
            # counted from another time the text names, not from the article's date.
            continue
        fs = m.start("mod") if m.group("mod") else m.start()
        written = YEAR_AFTER_RELATIVE_RE.match(folded, m.end()) if unit == "year" and q else None
        wy = int(written.group(1)) if written is not None else 0
        if (
            written is not None
            and (1300 <= wy <= 1500 or 1800 <= wy <= 2100)
            and not is_quantity(folded, written.start(1), written.end(1))
        ):
            # «العام الماضي 2014»: the year is written, so it does not depend on the article date;
            # «العام بعد القادم 1438» is a Hijri year; «العام الماضي 1000 يورو» is an amount.
            cands.append(Cand(fs, written.end(1), 25, "year", "hijri" if wy <= 1500 else "gregorian", y=wy))
            continue
        day = DAY_BEFORE_MONTH_RE.search(folded, max(0, fs - 30), fs) if unit == "month" and not m.group("u3") else None
        if day is not None:
            d = int(day.group("d")) if day.group("d") else ORDINAL_DAYS[norm_key(day.group("o"))]
            if 1 <= d <= 31:
                # «الخامس عشر من الشهر الجاري»: a day of the month the article dates.
                c = Cand(day.start(), m.end(), 26, "relative", d=d, unit="monthday", offset=offset, explicit=False)
                cands.append(c)
                continue
        lo = max(0, fs - 160, folded.rfind("\n", 0, fs) + 1)
        if m.group("u1") and unit == "month" and MONTH_NAMED_RE.search(folded, lo, fs):
            continue  # «شهر سبتمبر ... وخلال هذا الشهر»: the month just named, not the article's
        cands.append(Cand(fs, m.end(), 25, "relative", unit=unit, offset=offset, explicit=False))
    for m in dayrel:
        w = norm_key(m.group("w"))
        wd = WEEKDAYS[norm_key(m.group("wd"))] if m.group("wd") else None
        fs, fe = m.start("w"), m.end()
        if wd is None:
            fe = m.end("w")
        if w == "اليوم":
            prev = prev_word(folded, fs)
            if (
                wd is None
                and prev not in ("صباح", "مساء", "ظهر", "فجر", "عصر", "ليله", "ظهيره", "مطلع")
                and not _today_said(folded, prev, fe)
            ):
                continue  # «اليوم» alone often means "nowadays"
            if ORDINAL_AFTER_RE.match(folded, m.end("w")):
                continue  # «اليوم الثاني», «اليوم التالي»: a day counted from an event
            off = 0
        elif w == "امس":
            if folded[max(0, fs - 2) : fs] == "ال" or folded[max(0, fs - 3) : fs] in ("بال", "كال"):
                continue
            if folded[fs - 1 : fs] == "ل" or NEED_AFTER_RE.match(folded, fe):
                continue  # «لامس» (touched), «في أمس الحاجة» (in dire need)
            off = -1
        elif w in ("اول امس", "امس الاول", "اول من امس"):
            off = -2
        elif w == "غدا":
            bare = "\u064b" not in fm.text_of(m.start("w"), m.end("w")) or quoted_title(folded, fs)
            if wd is None and bare and not tomorrow(folded, prev_word(folded, fs), fs, fe):
                continue  # «غدا» without tanwin is often the verb "became"; «"غداً نلتقي"» a title
            off = 1
        elif w == "غد":
            if wd is None and prev_word(folded, fs) not in ("يوم", "صباح", "مساء", "ظهر", "عصر", "ليله", "فجر"):
                continue  # «الغد», «غد أفضل»
            off = 1
        else:  # بعد غد
            off = 2
        c = Cand(fs, fe, 25, "relative", unit="day", offset=off, weekday=wd, explicit=False)
        time_before(folded, c)  # «الساعة ١٨:١٣ مساء اليوم الأحد»
        cands.append(c)
    for m in weekday:
        q = m.group("q")
        two = two_away(q) if q else None
        off = two if two is not None else QUALIFIERS[norm_key(q)] if q else 0
        if q and norm_key(q) == "التالي":
            continue
        fs = m.start("yawm") if m.group("yawm") else m.start("wd")
        wd_name: str = m.group("wd")
        if not q and WEEKDAY_LIST_AFTER_RE.match(folded, m.end()):
            continue  # «أيام الأحد والاثنين 10 و11 شوال»: the days of the list are the dates
        if not q and (
            EVERY_WEEK_AFTER_RE.match(folded, m.end())
            or EVERY_WEEK_BEFORE_RE.search(folded, max(0, m.start() - 60), m.start())
        ):
            continue  # «يوم الجمعة والسبت من كل أسبوع», «أسبوعيا (السبت، والخميس)»: a weekly rule
        if not q:
            pair_q = PAIR_QUALIFIER_RE.match(folded, m.end())
            if pair_q is not None:
                # «يومي الجمعة والسبت الماضيين»: the qualifier after the pair is the first day's too.
                q = pair_q.group("q")
                off = QUALIFIERS[norm_key(q)] if norm_key(q) in QUALIFIERS else 0
        if not (m.group("tod") or m.group("yawm") or q):
            prev = prev_word(folded, fs)
            if prev in NOT_WEEKDAY_BEFORE or prev in ("صلاه", "خطبه", "صلوات", "خطب", "منبر", "بن", "ابن"):
                continue  # «بين الاثنين» (the two), «صلاة الجمعة»
            if unclitic(prev) in ("صلاه", "خطبه"):
                continue  # «لصلاة الجمعة», «بخطبة الجمعة»
            if prev.startswith(("عبد", "ابو")):
                continue  # «عبدالوهاب الخميس»: a family name
            if prev == "ايام":
                continue  # «مغلقة عادة أيام الأحد»: Sundays, not one Sunday («أيام الأحد والاثنين 10 و11»: the list says)
            if wd_name not in BARE_WEEKDAY_SET and not bare_weekday_is_day(folded, prev, m.start("wd"), m.end()):
                continue
        c = Cand(fs, m.end(), 15, "relative", unit="weekday", offset=off, weekday=WEEKDAYS[wd_name])
        c.explicit = False
        if not q:
            # «خطفوا مساء الأربعاء», «منذ ليل الخميس»: the last one, not the nearest.
            c.since = SINCE in folded[max(0, m.start() - 12) : m.start()] and prev_word(folded, m.start()) == SINCE
            c.past = c.since or past_tense(folded, m.start(), m.end())
        time_before(folded, c, m.group("tod"))  # «الساعة الواحدة من صباح الأحد»
        cands.append(c)
