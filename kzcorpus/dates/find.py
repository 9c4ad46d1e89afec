"""Finding dates: candidates selected, resolved against the article's date,
linked into ranges, as :class:`~kzcorpus.dates.records.DateMention` objects."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from kzcorpus.corpus import Article
from kzcorpus.dates.anchor import article_date
from kzcorpus.dates.calendar import hijri_calendar, parse_anchor, resolve
from kzcorpus.dates.ranges import context_years, link_ranges
from kzcorpus.dates.records import ArticleDate, Cand, DateMention
from kzcorpus.dates.scan import candidates, select
from kzcorpus.doc import Doc


def find_dates(source: Doc | Article, *, anchor: ArticleDate | None = None) -> list[DateMention]:
    """Every date expression in *source*, in text order.

    *anchor* (default :func:`article_date`) resolves relative expressions and
    dates without a year; those mentions carry ``anchor`` and
    ``anchor_source`` (``"<source>:coarse"`` when the anchor is less
    precise than the expression, e.g. «أمس» against a month-level date,
    and the value is given at the anchor's precision).  With an unknown
    anchor they are reported with value ``None``.  Each mention gives the
    page part it stands in (``part``, from ``Doc.part_at``).

    The article is scanned once: :func:`article_date` and this function
    share the scan of a :class:`~kzcorpus.doc.Doc`.
    """
    doc = Doc.of(source)
    text = doc.text
    fm = doc.fmap
    folded = fm.folded
    if anchor is None:
        anchor = article_date(doc)
    anc = parse_anchor(anchor)
    # Hijri years without «هـ» are recognised near the anchor's year.
    chosen = select(folded, candidates(doc, anc.y))
    mentions: list[DateMention] = []
    range_ids: dict[int, str] = {}
    links = link_ranges(folded, chosen)
    years = context_years(folded, chosen, links, anc)
    # A week («الأسبوع الماضي», «نهاية الأسبوع») is found, and ends a governing year, but is
    # not reported: a date's value is a year, month, day or time (the gold's guidelines).
    chosen = [c for c in chosen if c.unit != "week"]
    for c in chosen:
        given = years.get(id(c))
        if given is not None:
            value, hijri, uses_anchor = resolve(replace(c, y=given[0]), anc)
            uses_anchor = given[1]
        else:
            value, hijri, uses_anchor = resolve(c, anc)
        s, e = fm.span(c.fs, c.fe)
        calendar = c.calendar
        if calendar == "hijri" and hijri is not None:
            calendar = hijri_calendar(int(hijri[:4]))  # «hijri-tabular» before 1343 AH
        dm = DateMention(doc.id, s, e, text[s:e], value, c.kind, calendar)
        dm.source = doc
        dm.hijri = hijri
        if given is not None:
            dm.implicit_year = True
            dm.implicit_year_from = "anchor" if given[1] else "text"
        if uses_anchor:
            dm.implicit_year = c.implicit
            dm.implicit_year_from = "anchor"
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
    _same_day_words(chosen, mentions)
    for c, dm in zip(chosen, mentions, strict=True):
        if c.unit is not None and c.hh is not None and dm.value is not None and len(dm.value) == 10:
            dm.value += f"T{c.hh:02d}:{c.mi or 0:02d}"  # «الساعة الواحدة من صباح أمس الأحد»
    return mentions


def _same_day_words(chosen: list[Cand], mentions: list[DateMention]) -> None:
    """«أمس (الأحد)» fixes what a plain «أمس» means in the same article (and
    «اليوم الثلاثاء» a plain «اليوم»): the plain word takes the value of the
    nearest one with a weekday before it, else the first after it."""
    by_start = {c.fs: dm for c, dm in zip(chosen, mentions, strict=True)}
    for c, dm in zip(chosen, mentions, strict=True):
        other = by_start.get(c.same_as) if c.same_as is not None else None
        if other is not None and other.value is not None and len(other.value) >= 10 and c.weekday is not None:
            if date.fromisoformat(other.value[:10]).weekday() == c.weekday:
                dm.value = other.value[:10]  # «الأحد الموافق 10 شوال»: that Sunday
    named: dict[int, list[tuple[int, str]]] = {}  # offset → [(start, value)]
    for c, dm in zip(chosen, mentions, strict=True):
        if c.unit == "day" and c.weekday is not None and dm.value is not None and len(dm.value) == 10:
            named.setdefault(c.offset, []).append((c.fs, dm.value))
    if not named:
        return
    every = sorted((s, k, v) for k, known in named.items() for s, v in known)
    for c, dm in zip(chosen, mentions, strict=True):
        if c.unit != "day" or c.weekday is not None or dm.value is None or len(dm.value) != 10:
            continue
        known = named.get(c.offset)
        if known:
            before = [v for s, v in known if s < c.fs]
            dm.value = before[-1] if before else known[0][1]
            continue
        # «أمس (السبت)» … «أول من أمس»: the day before that Saturday, not two days before the anchor.
        near = [(k, v) for s, k, v in every if s < c.fs] or [(k, v) for _, k, v in every[:1]]
        k, v = near[-1]
        dm.value = (date.fromisoformat(v) + timedelta(days=c.offset - k)).isoformat()


#: Length of a relative value at its own precision (shorter: the anchor was coarser).
_UNIT_PRECISION = {"year": 4, "month": 7, "day": 10, "weekday": 10, "monthday": 10}
