"""One row per entity over a corpus: mentions, articles, forms, adjectives."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.entities.gazetteer import TYPES, Gazetteer
from kzcorpus.entities.mentions import find_adjectives, find_mentions
from kzcorpus.errors import UsageError


def entity_rows(
    articles: Iterable[Doc | Article],
    gazetteer: Gazetteer,
    *,
    types: Iterable[str] | None = None,
    min_count: int = 1,
) -> list[dict[str, Any]]:
    """One row per entity, sorted by mentions (desc), then id; mentions in
    page furniture (``residue``) are not counted."""
    return rows_from_found(
        (doc_entities(Doc.of(a), gazetteer) for a in articles), gazetteer, types=types, min_count=min_count
    )


def doc_entities(doc: Doc, gazetteer: Gazetteer) -> dict[str, Any]:
    """What one article contributes: ``mentions`` (mention records, each with
    its page part, which :func:`rows_from_found` needs) and ``adjectives``
    (the entity id of each adjective), JSON-able (a per-article result,
    :mod:`kzcorpus.tasks`)."""
    adjectives = [a.id for a in find_adjectives(doc, gazetteer, parts=False)] if gazetteer.adjectives else []
    return {"mentions": [m.record() for m in find_mentions(doc, gazetteer)], "adjectives": adjectives}


def rows_from_found(
    found: Iterable[dict[str, Any]],
    gazetteer: Gazetteer,
    *,
    types: Iterable[str] | None = None,
    min_count: int = 1,
) -> list[dict[str, Any]]:
    """Entity rows from per-article results (:func:`doc_entities`, with
    parts), in corpus order.  A mention in page furniture (part ``residue``:
    a byline, an outlet's learned boilerplate such as «رابط الخبر بصحيفة
    الوئام») is not counted: it says how the page was made, not what the
    article is about (``--mentions`` still lists it, with its part)."""
    wanted = check_types(types)
    agg: dict[str, dict[str, Any]] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    adjectives: Counter[str] = Counter()
    for result in found:
        adjectives.update(result["adjectives"])
        for m in result["mentions"]:
            if m.get("part") == "residue" or (wanted is not None and m["type"] not in wanted):
                continue
            eid = m["id"]
            row = agg.get(eid)
            if row is None:
                entry = gazetteer.get(eid)
                row = agg[eid] = {
                    "id": eid,
                    "name": entry.name if entry else m["text"],
                    "type": m["type"],
                    "mentions": 0,
                    "articles": 0,
                    "per_article": {},
                    "forms": [],
                }
            row["mentions"] += 1
            pa = row["per_article"]
            doc = m["doc"]
            if doc not in pa:
                row["articles"] += 1
            pa[doc] = pa.get(doc, 0) + 1
            forms[eid][" ".join(m["text"].split())] += 1
    rows = []
    for eid, row in agg.items():
        if row["mentions"] < min_count:
            continue
        row["forms"] = [f"{f} ({n})" for f, n in sorted(forms[eid].items(), key=lambda x: (-x[1], x[0]))]
        row["adjectives"] = adjectives.get(eid, 0)
        rows.append(row)
    rows.sort(key=lambda r: (-r["mentions"], r["id"]))
    return rows


def check_types(types: Iterable[str] | None) -> set[str] | None:
    """*types* upper-cased, checked against :data:`TYPES` (None: every type)."""
    if types is None:
        return None
    out = {t.upper() for t in types}
    bad = sorted(out - set(TYPES))
    if bad:
        raise UsageError(f"unknown entity type {bad[0]!r}; choose from {', '.join(TYPES)}")
    return out or None
