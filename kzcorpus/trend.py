"""Hits per period for one or more queries, side by side.

Every hit of a query (found by a :class:`~kzcorpus.doc.HitFinder`: the KWIC
matcher, or an entity's mentions) is placed in a *period*:

- ``by="day"``, ``"week"`` (ISO week, ``2015-W30``), ``"month"``,
  ``"year"``: the period of the article's date (metadata ``published``, else
  inferred from the text: :func:`kzcorpus.slicing.article_date`); with
  ``referenced=True``, the date the hit's own sentence refers to (the date
  expression of that sentence nearest the hit, :func:`kzcorpus.dates.find_dates`);
- ``by="source"``: the article's metadata ``source``;
- ``by=FIELD``: the value of any other metadata field.

A hit whose date (or field) is unknown, or less precise than the period
(an article dated ``2022-06`` counted per day), goes to the period
:data:`UNKNOWN`.  For each (query, period): ``hits``, ``articles`` with
hits, ``period_articles`` (articles in the period), ``tokens`` (body tokens
of those articles, counted as ``kzcorpus stats`` counts ``words``) and
``per_10k = hits * 10000 / tokens``.  With ``referenced=True`` the hits are
placed by what they talk about, not by when the text was written, so there
is no text to divide by: ``period_articles``, ``tokens`` and ``per_10k`` are
null.  Periods between the first and the last one seen are all listed,
with zeros.  Hits are counted in every part of the page unless the slice
names parts; the rate's denominator is always body tokens.

The per-article work is :class:`TrendTask` (picklable, for
:func:`kzcorpus.engine.scan`); :class:`TrendTable` adds its results up.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from kzcorpus.doc import Doc, Hit, HitFinder
from kzcorpus.errors import UsageError
from kzcorpus.schema import TREND
from kzcorpus.slicing import FIND_DATE, Slice, article_date

DATE_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
UNKNOWN = "unknown"


# --------------------------------------------------------------------------
# Periods


def period_of(value: str | None, by: str) -> str:
    """The *by* period (``day``, ``week``, ``month``, ``year``) holding an ISO
    *value* (``2015``, ``2015-07``, ``2015-07-21``, ``2015-07-21T10:29``,
    ``2015-W30``); :data:`UNKNOWN` when *value* is ``None`` or less precise."""
    if not value:
        return UNKNOWN
    if "-W" in value:
        if by == "week":
            return value[:8]
        if by == "year":
            return value[:4]
        return UNKNOWN  # a week may straddle two months
    if by == "year":
        return value[:4]
    if by == "month":
        return value[:7] if len(value) >= 7 else UNKNOWN
    if len(value) < 10:
        return UNKNOWN
    if by == "day":
        return value[:10]
    if by == "week":
        y, w, _ = date.fromisoformat(value[:10]).isocalendar()
        return f"{y:04d}-W{w:02d}"
    raise UsageError(f"unknown period {by!r}; choose one of {', '.join(DATE_UNITS)}")


def _next(label: str, by: str) -> str:
    if by == "year":
        return f"{int(label) + 1:04d}"
    if by == "month":
        y, m = int(label[:4]), int(label[5:7])
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    if by == "week":
        monday = date.fromisocalendar(int(label[:4]), int(label[6:8]), 1) + timedelta(days=7)
        y, w, _ = monday.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return (date.fromisoformat(label) + timedelta(days=1)).isoformat()


#: Longest run of periods filled in between the first and the last.
MAX_FILLED = 20_000


def fill(labels: Iterable[str], by: str) -> list[str]:
    """Every *by* period from the first of *labels* to the last, in order
    (:data:`UNKNOWN` last, if present); other groupings sorted as text."""
    seen = set(labels)
    has_unknown = UNKNOWN in seen
    seen.discard(UNKNOWN)
    if by not in DATE_UNITS:
        return sorted(seen) + ([UNKNOWN] if has_unknown else [])
    out: list[str] = []
    if seen:
        first, last = min(seen), max(seen)
        label = first
        while label <= last and len(out) < MAX_FILLED:
            out.append(label)
            label = _next(label, by)
        out.extend(sorted(s for s in seen if s > out[-1]))  # past the cap: only those seen
    return out + ([UNKNOWN] if has_unknown else [])


# --------------------------------------------------------------------------
# One article


def body_tokens(doc: Doc) -> int:
    """Tokens in the body lines of *doc*: ``words`` of ``kzcorpus stats``."""
    return doc.part_tokens("body")


def group_of(doc: Doc, by: str, date: str | object | None = FIND_DATE) -> str:
    """The period or group *doc* falls in (by its own date, or *date* when
    known already, or by its metadata)."""
    if by in DATE_UNITS:
        value = article_date(doc)[0] if date is FIND_DATE else date
        assert value is None or isinstance(value, str)
        return period_of(value, by)
    value = doc.source if by == "source" else doc.meta.get(by)
    if by in ("title",) and value is None:
        value = doc.title
    return str(value).strip() if value not in (None, "") else UNKNOWN


def referenced_dates(doc: Doc, hits: Sequence[Hit]) -> list[str | None]:
    """For each hit, the value of the date expression of its sentence nearest
    to it (``None`` when the sentence dates nothing)."""
    if not hits:
        return []
    from kzcorpus.dates import find_dates

    dated = [m for m in find_dates(doc) if m.value]
    sents = doc.sentences
    sent_starts = [s.start for s in sents]
    out: list[str | None] = []
    for h in hits:
        k = bisect_right(sent_starts, h.start) - 1
        if k < 0 or sents[k].end < h.start:
            out.append(None)
            continue
        s, e = sents[k]
        inside = [m for m in dated if m.start < e and m.end > s]
        if not inside:
            out.append(None)
            continue
        best = min(inside, key=lambda m: (max(m.start - h.end, h.start - m.end, 0), m.start))
        out.append(best.value)
    return out


class TrendTask:
    """A picklable per-article task: the article's group, body tokens, and
    per query its hits' periods (a :class:`~collections.Counter`)."""

    def __init__(
        self,
        finders: Sequence[HitFinder],
        by: str = "month",
        *,
        slice: Slice | None = None,
        referenced: bool = False,
        tokens: bool = True,
    ) -> None:
        if referenced and by not in DATE_UNITS:
            raise UsageError("hits can be placed at the dates they refer to only by day, week, month or year")
        self.finders = list(finders)
        self.by = by
        self.slice = slice or Slice()
        self.referenced = referenced
        self.tokens = tokens and not referenced

    def may_match(self, text: str) -> bool:
        """Whether any query may match *text* (see :meth:`kzcorpus.kwic.Matcher.may_match`)."""
        for f in self.finders:
            test = getattr(f, "may_match", None)
            if test is None or test(text):
                return True
        return False

    def group(self, doc: Doc | Any, date: str | object | None = FIND_DATE) -> str:
        """The period or group of an article (by its own date or metadata)."""
        return UNKNOWN if self.referenced else group_of(Doc.of(doc), self.by, date)

    def without_tokens(self) -> TrendTask:
        """The same task counting hits only (token totals come from elsewhere)."""
        return TrendTask(self.finders, self.by, slice=self.slice, referenced=self.referenced, tokens=False)

    def __call__(self, doc: Doc) -> dict[str, Any]:
        verdict = self.slice.verdict(doc)
        if verdict != "keep":
            return {"verdict": verdict}
        group = self.group(doc)
        hits: list[dict[str, int]] = []
        may = self.may_match(doc.text)
        for f in self.finders:
            test = getattr(f, "may_match", None)
            found = [] if not may or (test is not None and not test(doc.text)) else list(f.find(doc))
            if self.slice.parts:
                found = [h for h in found if self.slice.keep_part(doc.part_at(h.start))]
            if self.referenced:
                hits.append(dict(Counter(period_of(v, self.by) for v in referenced_dates(doc, found))))
            else:
                hits.append({group: len(found)} if found else {})
        return {
            "verdict": "keep",
            "group": group,
            "tokens": body_tokens(doc) if self.tokens else None,
            "hits": hits,
        }


# --------------------------------------------------------------------------
# The corpus


class TrendTable:
    """Adds up :class:`TrendTask` results: counts per (query, period)."""

    def __init__(self, queries: Sequence[str], by: str, *, referenced: bool = False, rates: bool = True) -> None:
        self.queries = list(queries)
        self.by = by
        self.referenced = referenced
        self.rates = rates and not referenced
        self.hits: list[Counter[str]] = [Counter() for _ in queries]
        self.articles: list[Counter[str]] = [Counter() for _ in queries]
        self.period_articles: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()

    def add(self, result: dict[str, Any], *, articles: bool = True) -> None:
        """Add a task's result; *articles* False when the article itself was
        already counted (:meth:`add_article`) and only its hits are new."""
        if result.get("verdict") != "keep":
            return
        group = result["group"]
        if articles and not self.referenced:
            self.period_articles[group] += 1
            if result.get("tokens") is not None:
                self.tokens[group] += result["tokens"]
        for q, per in enumerate(result["hits"]):
            for period, n in per.items():
                self.hits[q][period] += n
                self.articles[q][period] += 1

    def add_article(self, group: str, tokens: int | None) -> None:
        """An article read without its hits (e.g. token totals stored in an index)."""
        self.period_articles[group] += 1
        if tokens is not None:
            self.tokens[group] += tokens

    def periods(self) -> list[str]:
        labels: set[str] = set(self.period_articles)
        for h in self.hits:
            labels |= set(h)
        return fill(labels, self.by)

    def records(self) -> list[dict[str, Any]]:
        """One record per (period, query), periods in order, queries as given."""
        out = []
        for period in self.periods():
            tokens = self.tokens.get(period, 0) if self.rates else None
            for q, query in enumerate(self.queries):
                n = self.hits[q].get(period, 0)
                out.append(
                    TREND.record(
                        {
                            "query": query,
                            "period": period,
                            "hits": n,
                            "articles": self.articles[q].get(period, 0),
                            "period_articles": None if self.referenced else self.period_articles.get(period, 0),
                            "tokens": tokens,
                            "per_10k": round(n * 10000 / tokens, 2) if tokens else None,
                        }
                    )
                )
        return out

    def total(self, q: int) -> int:
        return sum(self.hits[q].values())


def stored_figures(corpus: Any) -> Iterable[tuple[Any, str | None, int]] | None:
    """Hook: ``(article without its text, date, body tokens)`` for every
    article of an indexed corpus (:meth:`kzcorpus.index.IndexCorpus.with_figures`),
    ``None`` for a corpus read from its files (the tokens are then counted)."""
    with_figures = getattr(corpus, "with_figures", None)
    if with_figures is None or getattr(corpus, "index", None) is None:
        return None
    return ((article, date, body) for article, date, body, _ in with_figures())


def trend(
    docs: Iterable[Doc],
    finders: Sequence[HitFinder],
    queries: Sequence[str],
    by: str = "month",
    *,
    slice: Slice | None = None,
    referenced: bool = False,
) -> list[dict[str, Any]]:
    """Trend records of *docs* in this process (the CLI runs :class:`TrendTask` on every core)."""
    sl = slice or Slice()
    task = TrendTask(finders, by, slice=sl, referenced=referenced)
    table = TrendTable(queries, by, referenced=referenced)
    for doc in docs:
        result = task(Doc.of(doc))
        sl.count(result["verdict"])
        table.add(result)
    return table.records()


# --------------------------------------------------------------------------
# Charts (plain text; the CLI shapes Arabic labels)

_EIGHTHS = " ▏▎▍▌▋▊▉"
_SPARK = "▁▂▃▄▅▆▇█"


def bar(value: float, peak: float, width: int) -> str:
    """A horizontal bar of *value* against *peak* in *width* cells (eighths of a cell)."""
    if peak <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / peak * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def bar_chart(
    series: Sequence[tuple[str, float | None]],
    *,
    width: int = 40,
    digits: int = 2,
    cells: Callable[[str], int] = len,
) -> list[str]:
    """One line per period: label, bar, value (``-`` for none); labels are
    right-aligned by *cells* (the terminal cells a label takes: a label
    shaped for a terminal holds invisible direction marks)."""
    peak = max((v for _, v in series if v is not None), default=0.0)
    label_w = max((cells(lbl) for lbl, _ in series), default=0)
    out = []
    for label, v in series:
        shown = "-" if v is None else (f"{v:,.{digits}f}" if isinstance(v, float) and digits else f"{v:,}")
        out.append(f"{' ' * (label_w - cells(label))}{label} │{bar(v or 0.0, peak, width)} {shown}")
    return out


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value, ``▁`` (zero) to ``█`` (the peak); blank for none."""
    peak = max((v for v in values if v is not None), default=0.0)
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif peak <= 0 or v <= 0:
            out.append(_SPARK[0])
        else:
            out.append(_SPARK[min(7, max(1, math.ceil(v / peak * 7)))])
    return "".join(out)
