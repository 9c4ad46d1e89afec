"""Calendars: which years are Hijri, Hijri ↔ Gregorian, and resolving a
candidate against the article's date (:class:`Anchor`) into an ISO value.

``hijridate`` is imported only when a Hijri date is met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kzcorpus.dates.records import ArticleDate, Cand

#: The first Hijri year ``hijridate`` covers (Umm al-Qura); earlier years
#: are converted with the tabular Islamic calendar (``convertdate``).
UMM_AL_QURA_FROM = 1343


def year_ok(y: int, hijri: bool) -> bool:
    return 1 <= y <= 1500 if hijri else 1000 <= y <= 2200


def is_hijri_era(era: str | None) -> bool:
    """Is *era* (folded) a Hijri era mark: «هـ», «هجرية», «للهجرة», «من الهجرة»?"""
    return era is not None and era != "" and (era[0] == "ه" or "هجر" in era)


def hijri_calendar(hy: int) -> str:
    """The calendar a Hijri year is converted with: ``hijri`` (Umm al-Qura,
    from 1343 AH) or ``hijri-tabular`` (the arithmetic calendar, earlier)."""
    return "hijri" if hy >= UMM_AL_QURA_FROM else "hijri-tabular"


def looks_hijri_year(y: int, era: str | None, anchor_year: int | None, strict: bool = False) -> bool:
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
        return is_hijri_era(era)
    if not 1380 <= y <= 1500:
        return False
    if strict:
        return abs((anchor_year - 579) - y) <= 3 if anchor_year is not None else 1400 <= y <= 1470
    if anchor_year is not None:
        if anchor_year < 1900:
            return False
        return y <= anchor_year - 579 + 10
    return y <= 1470


@dataclass(frozen=True)
class Anchor:
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


def parse_anchor(ad: ArticleDate) -> Anchor:
    y = m = d = None
    if ad.value:
        mt = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", ad.value)
        if mt:
            y = int(mt.group(1))
            m = int(mt.group(2)) if mt.group(2) else None
            d = int(mt.group(3)) if mt.group(3) else None
    return Anchor(ad.value, ad.source, y, m, d)


def iso(
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


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _hijri_to_greg(hy: int, hm: int, hd: int) -> date | None:
    if hy < UMM_AL_QURA_FROM:
        return _tabular_to_greg(hy, hm, hd)
    try:
        from hijridate import Hijri

        g = Hijri(hy, hm, hd).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError, ImportError):
        return None


def _tabular_to_greg(hy: int, hm: int, hd: int) -> date | None:
    """A Hijri date before 1343 AH in the tabular Islamic calendar, as a
    proleptic Gregorian date (ISO 8601; a chronicle's Julian date is a few
    days earlier)."""
    if hy < 1 or not 1 <= hm <= 12 or not 1 <= hd <= 30:
        return None
    try:
        from convertdate import islamic

        if hd > islamic.month_length(hy, hm):
            return None
        y, m, d = islamic.to_gregorian(hy, hm, hd)
        return date(y, m, d)
    except (ValueError, OverflowError, ImportError):
        return None


def greg_to_hijri(d: date) -> tuple[int, int, int] | None:
    """The Umm al-Qura date of *d* (``None`` out of its range)."""
    return _greg_to_hijri(d)


def _greg_to_hijri(d: date) -> tuple[int, int, int] | None:
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError, ImportError):
        return None


def resolve(c: Cand, anchor: Anchor) -> tuple[str | None, str | None, bool]:
    """``(value, hijri, uses_anchor)`` of a candidate."""
    if c.unit is not None:
        return _resolve_relative(c, anchor), None, True
    y = c.y
    uses_anchor = False
    if c.calendar == "hijri":
        return _resolve_hijri(c, anchor)
    if y is None:
        uses_anchor = True
        y = implicit_year(c, anchor)
        if y is None:
            return None, None, True
    assert c.m is not None or c.kind == "year"
    if c.d is not None and c.m is not None:
        try:
            date(y, c.m, c.d)
        except ValueError:
            return None, None, uses_anchor
    return iso(y, c.m, c.d, c.hh, c.mi), None, uses_anchor


#: A date said to be past («منذ», a past-tense verb) may still lie this far after the
#: article's date: a crawl or print date can be a few days off the writing day.
LOOK_BACK_SLACK = timedelta(days=7)


def implicit_year(c: Cand, anchor: Anchor) -> int | None:
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
        if (c.since or c.past) and date(y, c.m, min(c.d or 1, 28)) > ad + LOOK_BACK_SLACK:
            continue  # «منذ يناير», «هاجمها مسلحون في يناير»: the January before the article
        dist = abs((dd - ad).days) + (0 if dd <= ad else 1)
        if best_dist is None or dist < best_dist:
            best, best_dist = y, dist
    return best


def _resolve_hijri(c: Cand, anchor: Anchor) -> tuple[str | None, str | None, bool]:
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
        if c.year_offset is not None:
            best = h[0] + c.year_offset  # «رمضان من العام الماضي»: the text counts the Hijri year
        elif c.qual is not None and c.qual != 0:
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
                if (c.since or c.past) and (g if c.d else _hijri_to_greg(y, c.m, 1) or g) > ad + LOOK_BACK_SLACK:
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
    return iso(g.year, g.month, g.day, c.hh, c.mi), hijri, uses


def _resolve_relative(c: Cand, anchor: Anchor) -> str | None:
    if anchor.y is None:
        return None
    ay, am, ad = anchor.y, anchor.m, anchor.d
    if c.unit == "year":
        return iso(ay + c.offset)
    if c.unit == "monthday":
        # «الخامس من الشهر الجاري»: day *d* of the anchor's month moved by *offset*.
        if am is None:
            return iso(ay) if c.offset == 0 else None
        y, m = add_months(ay, am, c.offset)
        assert c.d is not None
        try:
            return date(y, m, c.d).isoformat()
        except ValueError:
            return None
    if c.unit == "month":
        if am is None:
            return iso(ay) if c.offset == 0 else None
        y, m = add_months(ay, am, c.offset)
        return iso(y, m)
    if am is None:
        return iso(ay)
    if ad is None:
        return iso(ay, am)
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
        # «الأربعاء المقبل» the next one, «الأربعاء بعد المقبل» the one after.
        fwd = (c.weekday - base.weekday()) % 7 or 7
        return (base + timedelta(days=fwd + 7 * (c.offset - 1))).isoformat()
    if c.offset < 0:
        return (base - timedelta(days=(delta or 7) + 7 * (-c.offset - 1))).isoformat()
    if c.past:
        return (base - timedelta(days=delta)).isoformat()  # «خطفوا مساء الأربعاء»: the last one
    # No qualifier: the nearest day of that name, the past one on a tie.
    fwd = (c.weekday - base.weekday()) % 7 or 7
    if fwd < delta:
        return (base + timedelta(days=fwd)).isoformat()
    return (base - timedelta(days=delta)).isoformat()
