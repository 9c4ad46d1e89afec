"""Clock times beside a date: «7:39 مساء» after it, «الساعة العاشرة من مساء
الخامس من يونيو 1967» or «الساعة ١٨:١٣ مساء اليوم الأحد» before it, read on
a candidate already found.  «الساعة» itself stays outside the span (the
decision of bench/holdout2's README)."""

from __future__ import annotations

import re

from kzcorpus.dates.patterns import WD
from kzcorpus.dates.records import Cand
from kzcorpus.dates.words import numbered
from kzcorpus.lexicon import alternation

#: Hour words after «الساعة» → hour (1-12).
HOURS = numbered("dates_hours")
_TOD = r"(?P<tod>صباحا|صباح|مساء|مساءا|ظهرا|ظهر|عصرا|عصر|ليلا|ليل|ليله|فجرا|فجر)"

#: «الساعة العاشرة (والنصف) من مساء (يوم الخميس)» right before a date.
TIME_BEFORE_RE = re.compile(
    rf"""(?<![\w:])(?:(?P<at>(?:ال)?ساعه)\s+)?
    (?:(?P<hh>[012]?\d)(?::(?P<mi>[0-5]\d))?|(?P<hw>{alternation(HOURS)}))
    (?:\s+و(?P<frac>النصف|الربع|نصف|ربع))?
    (?:\s+(?:من\s+)?{_TOD})?
    (?:\s+(?:من\s+)?(?:يوم\s+)?(?:{WD})?)?
    [\s,،]*(?:من\s+|في\s+)?$""",
    re.VERBOSE,
)
#: «صباحا», «مساء», «ص», «م» after a clock time.
AMPM_AFTER_RE = re.compile(r"\s*(?P<tod>صباحا|صباح|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|ص|م)(?!\w)")


def on_clock(hh: int, tod: str | None) -> int:
    """*hh* (a 12-hour reading) on the 24-hour clock, given the time of day."""
    if tod is None or hh > 12:
        return hh
    if tod[:2] in ("مس", "عص") or tod == "م":
        return hh + 12 if hh < 12 else hh
    if tod.startswith("ظهر"):
        return hh + 12 if hh < 6 else hh
    if tod.startswith("ليل"):
        return hh + 12 if 6 <= hh < 12 else (0 if hh == 12 else hh)
    return 0 if hh == 12 else hh  # صباحا, فجرا, ص


def ampm_after(folded: str, end: int, hh: int) -> tuple[int, int]:
    """A time of day written after a clock time ending at *end*: ``(hour, new end)``."""
    m = AMPM_AFTER_RE.match(folded, end)
    if m is None:
        return hh, end
    return on_clock(hh, m.group("tod")), m.end()


def time_before(folded: str, c: Cand, tod: str | None = None) -> None:
    """«الساعة العاشرة من مساء الخامس من يونيو», «الساعة الواحدة من صباح أمس
    الأحد»: a clock time before the day *c* (a written day, or a relative day
    or weekday) becomes part of it (*c* is changed in place).  *tod* is a time
    of day that opens *c* itself («صباح الأحد»).  Without «الساعة» only a
    written «18:13» is a clock time; a daily rule («يوميا من الساعة السابعة
    مساء») is not one day's time."""
    if c.hh is not None or (c.d is None and c.unit not in ("day", "weekday")):
        return
    m = TIME_BEFORE_RE.search(folded, max(0, c.fs - 70), c.fs)
    if m is None or not (m.group("at") or m.group("mi")):
        return
    if DAILY_BEFORE_RE.search(folded, max(0, m.start() - 30), m.start()):
        return
    if m.group("hw"):
        hh, mi = HOURS[" ".join(m.group("hw").split())], 0
    else:
        hh, mi = int(m.group("hh")), int(m.group("mi") or 0)
    if m.group("frac"):
        mi = 30 if "نصف" in m.group("frac") else 15
    hh = on_clock(hh, m.group("tod") or tod)
    if hh > 23:
        return
    c.fs = m.start("hh") if m.group("hh") else m.start("hw")
    c.hh, c.mi, c.kind = hh, mi, "datetime"


#: «يوميا», «كل يوم», «كل ليلة» before a clock time: a rule for every day, not one date.
DAILY_BEFORE_RE = re.compile(r"(?<!\w)(?:يوميا|يومي|كل\s+(?:يوم|ليله|ليل|صباح|مساء|اسبوع))(?!\w)[^.\n]*$")
