"""Finding dates: candidates selected, resolved against the article's date,
linked into ranges, as :class:`~kzcorpus.dates.records.DateMention` objects."""

from __future__ import annotations

from dataclasses import replace

from kzcorpus.corpus import Article
from kzcorpus.dates.anchor import article_date
from kzcorpus.dates.calendar import hijri_calendar, parse_anchor, resolve
from kzcorpus.dates.ranges import context_years, link_ranges
from kzcorpus.dates.records import ArticleDate, DateMention
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
_UNIT_PRECISION = {"year": 4, "month": 7, "week": 8, "day": 10, "weekday": 10, "monthday": 10}
