"""Ranges and years the text gives: «من أكتوبر إلى فبراير», «بين 2010 و2014»,
«سبتمبر من السنة نفسها», «مايو ويونيو 2014»."""

from __future__ import annotations

import itertools
import re
from datetime import date

from kzcorpus.dates.calendar import Anchor, greg_to_hijri, implicit_year, resolve
from kzcorpus.dates.records import Cand

_LIST_SEP_RE = re.compile(r"\s*(?:[,،/\-–]\s*)?و?\s*")


def context_years(
    folded: str, chosen: list[Cand], links: dict[int, int], anchor: Anchor
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
    last_year: Cand | None = None
    for c in sorted(chosen, key=lambda c: c.fs):
        if c.same_year and last_year is not None and last_year.y is not None:
            if c.calendar == last_year.calendar:
                out[id(c)] = (last_year.y, False)
            elif c.calendar == "gregorian":
                v, _, _ = resolve(last_year, anchor)
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
            yb = implicit_year(b, anchor)
            ya = None if yb is None else yb - wrap
        elif a.qual is not None or a.year_offset is not None:
            ya = implicit_year(a, anchor)
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
    _paired_calendars(folded, ordered, anchor, out)
    _governing_years(folded, ordered, anchor, out)
    return out


_RANGE_MID_RE = re.compile(r"\s*(?:-|–|—|الي|حتي|و|ول|وحتي|والي)\s*$")
_RANGE_PRE_RE = re.compile(r"(?<!\w)[وف]?(?:من|بين|الفتره\s+من|الفتره\s+بين|ما\s+بين)\s*$")


def link_ranges(folded: str, chosen: list[Cand]) -> dict[int, int]:
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


#: How far back (characters, within one paragraph) a year governs a date without one.
GOVERNING_SPAN = 300


#: «، الموافق», «(الموافق ل»: what joins one day written in both calendars.
_SAME_DAY_RE = re.compile(r"[\s,،(\-–]*(?:و?الموافق(?:\s*ل)?|و?يوافق|و?الموافقه)\s*")


def _paired_calendars(folded: str, ordered: list[Cand], anchor: Anchor, out: dict[int, tuple[int, bool]]) -> None:
    """«6 أغسطس 2012، الموافق 17 رمضان»: a day without a year written as the
    same day as a full date of the other calendar takes its year from that date."""
    for a, b in itertools.pairwise(ordered):
        if b.y is not None or b.m is None or b.d is None or b.unit is not None or id(b) in out:
            continue
        if a.calendar == b.calendar or a.y is None or a.m is None or a.d is None or a.unit is not None:
            continue
        if _SAME_DAY_RE.fullmatch(folded, a.fe, b.fs) is None:
            continue
        value, _, _ = resolve(a, anchor)
        if value is None or len(value) < 10:
            continue
        day = date.fromisoformat(value[:10])
        if b.calendar == "hijri":
            h = greg_to_hijri(day)
            if h is None:
                continue
            y, m = h[0], h[1]
        else:
            y, m = day.year, day.month
        # The year in which that month lies nearest the date («30 ديسمبر» beside 1 Rabi' II is the year before).
        bm = b.m
        out[id(b)] = (min((y - 1, y, y + 1), key=lambda yy: abs((yy - y) * 12 + bm - m)), False)


#: «… 2001 (28 ايار/مايو). - جون كاسيتش …»: a new item of a list run into one paragraph.
_ITEM_BREAK_RE = re.compile(r"[.)؟!]\s*[-–•]\s")


def _governing_years(folded: str, ordered: list[Cand], anchor: Anchor, out: dict[int, tuple[int, bool]]) -> None:
    """«في عام 1967 ... وفي الخامس من يونيو»: a day or month without a year
    (and no «الماضي»/«المقبل» after it) takes the year of the last date
    before it in the same paragraph, in the same calendar, that gives one: a
    year with its word or era mark («عام 1967»), a full date («5 يونيو
    1967»), or a month fixed by a qualifier («صفر المقبل»).  A bare number
    («في 2030») or a month and year in a list («يونيو 2022 وفي تموز») does not
    govern."""
    last: dict[str, tuple[int, int]] = {}  # calendar → (year, end of that date)
    for c in ordered:
        if c.unit is not None:
            # «عام 2008، وأظهر مسح الأسبوع الماضي … في يوليو»: a date counted from the
            # article's own day brings the narrative back to the present.
            last.clear()
            continue
        if c.y is None and c.m is not None and c.qual is None and c.year_offset is None and not c.same_year:
            gov = last.get(c.calendar)
            if (
                gov is not None
                and id(c) not in out
                and c.greg_year is None
                and c.fs - gov[1] <= GOVERNING_SPAN
                and "\n" not in folded[gov[1] : c.fs]
                and _ITEM_BREAK_RE.search(folded, gov[1], c.fs) is None
            ):
                out[id(c)] = (gov[0], False)
            continue
        year = _written_year(c, anchor)
        if c.since:
            continue  # «منذ أواخر عام 2009»: a span reaching the present governs no later date
        if year is not None and (c.d is not None or c.qual is not None or (c.m is None and c.prio >= 20)):
            last[c.calendar] = (year, c.fe)


def _written_year(c: Cand, anchor: Anchor) -> int | None:
    """The year of *c* in its own calendar, when the text gives it."""
    if c.y is not None:
        return c.y
    if c.qual is None and c.year_offset is None:
        return None
    value, hijri, _ = resolve(c, anchor)
    if c.calendar == "hijri":
        return int(hijri[:4]) if hijri else None
    return int(value[:4]) if value else None
