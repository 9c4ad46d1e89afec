"""Clock times beside a date: «7:39 مساء» after it, «الساعة العاشرة من مساء
الخامس من يونيو 1967» before it, read on a candidate already found."""

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
    rf"""(?<!\w)(?P<at>(?:ال)?ساعه)\s+
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


def time_before(folded: str, c: Cand) -> None:
    """«الساعة العاشرة من مساء الخامس من يونيو»: a clock time before the day
    *c* becomes part of it (*c* is changed in place)."""
    if c.d is None or c.hh is not None:
        return
    m = TIME_BEFORE_RE.search(folded, max(0, c.fs - 70), c.fs)
    if m is None:
        return
    if m.group("hw"):
        hh, mi = HOURS[" ".join(m.group("hw").split())], 0
    else:
        hh, mi = int(m.group("hh")), int(m.group("mi") or 0)
    if m.group("frac"):
        mi = 30 if "نصف" in m.group("frac") else 15
    hh = on_clock(hh, m.group("tod"))
    if hh > 23:
        return
    c.fs, c.hh, c.mi, c.kind = m.start("at"), hh, mi, "datetime"
