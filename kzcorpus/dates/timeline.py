"""Dates over a corpus: range filters at each value's precision, the
chronological timeline with each date's sentence, bar counts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from kzcorpus.corpus import Article
from kzcorpus.dates.calendar import add_months
from kzcorpus.dates.find import find_dates
from kzcorpus.dates.records import DateMention
from kzcorpus.doc import Doc, docs

_SPACE_RE = re.compile(r"\s+")


def bounds(value: str) -> tuple[str, str] | None:
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
        ny, nm = add_months(y, mo, 1)
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
    vb = bounds(value)
    if vb is None:
        return False
    if date_from is not None:
        fb = bounds(date_from)
        if fb is None:
            raise ValueError(f"not an ISO date: {date_from!r} (use 2022, 2022-07 or 2022-07-15)")
        if vb[1] < fb[0]:
            return False
    if date_to is not None:
        tb = bounds(date_to)
        if tb is None:
            raise ValueError(f"not an ISO date: {date_to!r} (use 2022, 2022-07 or 2022-07-15)")
        if vb[0] > tb[1]:
            return False
    return True


def _collapse(s: str) -> str:
    return _SPACE_RE.sub(" ", s).strip()


def timeline(
    articles: Iterable[Doc | Article], *, date_from: str | None = None, date_to: str | None = None
) -> list[dict[str, Any]]:
    """Dated mentions of *articles*, chronological, each with its sentence.

    Records: ``value``, ``kind``, ``doc``, ``start``, ``end``, ``text``,
    ``sentence`` (white space collapsed).  Mentions without a value are left
    out.  Sorting is by the first day each value covers, then by precision
    (a year before its months), then article and offset.
    """
    rows = [
        r
        for doc in docs(articles)
        for r in timeline_rows(doc, [m for m in find_dates(doc) if in_range(m.value, date_from, date_to)])
    ]
    return sorted(rows, key=chronological)


def timeline_rows(source: Doc | Article, mentions: Iterable[DateMention]) -> list[dict[str, Any]]:
    """Timeline records of *mentions* already found in *article*, in text
    order (mentions without a value are left out)."""
    dated = [m for m in mentions if m.value]
    if not dated:
        return []
    doc = Doc.of(source)
    text = doc.text
    spans = doc.sentences
    starts = [sp.start for sp in spans]
    rows = []
    for m in dated:
        k = bisect_right(starts, m.start) - 1
        sent = text[spans[k].start : spans[k].end] if k >= 0 and spans[k].end >= m.end else m.text
        if k >= 0 and spans[k].end < m.end:
            # The mention runs across a sentence break: join the pieces.
            j = bisect_right(starts, m.end - 1) - 1
            sent = text[spans[k].start : spans[j].end]
        rows.append(
            {
                "value": m.value,
                "kind": m.kind,
                "doc": doc.id,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "sentence": _collapse(sent),
            }
        )
    return rows


def chronological(row: dict[str, Any]) -> tuple[str, int, str, int]:
    """By the first day the value covers, then precision (a year before its
    months), then article and offset."""
    value: str = row["value"]
    b = bounds(value)
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
            b = bounds(v)
            v = b[0] if b else v
        key = v[:4] if unit == "year" else v[:7]
        if unit == "month" and len(key) < 7:
            continue
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())
