"""Entity co-occurrence: pairs of entities named in the same sentence (or article).

Mentions are those of ``kzcorpus entities`` (:func:`kzcorpus.entities.find_mentions`:
every line of the page, aliases resolved, so a surname standing for a full
name counts as that entity).  A *unit* is a sentence (a line break ends
one) or, with ``within="article"``, a whole article.  As in the entity
table (:func:`kzcorpus.entities.rows_from_found`), page residue (a byline, a
«read also» block, an outlet's learned boilerplate: part ``residue`` of
``Doc.part_at``) is left out: its mentions are not counted and its
sentences are not units.  Counts are of units,
not of mentions: an entity named three times in one sentence counts once
there, and a pair counts once per unit that names both.

For a pair of entities *x* and *y* (ids sorted: ``source < target``):

- ``pair_count`` (``f_xy``): units naming both;
- ``articles``: articles with at least one such unit;
- ``source_count``, ``target_count`` (``f_x``, ``f_y``): units naming each;
- ``pmi`` = ``log2(f_xy * N / (f_x * f_y))``, ``N`` the number of units
  (every sentence, or article, of the corpus, with entities or not):
  how much more often the two meet than if they were named independently
  (Church & Hanks 1990); favours rare pairs;
- ``logdice`` = ``14 + log2(2 f_xy / (f_x + f_y))`` (Rychlý 2008): 14 when
  the two are only ever named together, one point less for each halving of
  the overlap; does not depend on ``N`` or on corpus size.

Pairs are listed by ``pair_count``, then ``logdice``, then ids.  The
``source``/``target`` keys are what graph tools take for an edge list
(``networkx.from_pandas_edgelist``, Gephi's edge CSV).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError

if TYPE_CHECKING:
    from kzcorpus.entities import Gazetteer

WITHIN: tuple[str, ...] = ("sentence", "article")
RESIDUE = "residue"


def check_within(within: str) -> None:
    if within not in WITHIN:
        raise UsageError(f"unknown unit {within!r}; choose sentence or article")


class CooccurTask:
    """One article's units (picklable: the gazetteer is named by its files).

    Result: ``units`` (the sorted entity ids of each unit that names at least
    one), ``n_units`` (every unit of the article), ``types`` (id -> type) and
    ``texts`` (id -> its first mention as written).
    """

    def __init__(self, gazetteer_files: Sequence[str] = (), *, within: str = "sentence") -> None:
        check_within(within)
        self.files = tuple(str(f) for f in gazetteer_files)
        self.within = within

    def __call__(self, doc: Doc) -> dict[str, Any]:
        from kzcorpus.entities import find_mentions
        from kzcorpus.tasks import gazetteer_of

        return units_of(doc, find_mentions(doc, gazetteer_of(self.files), parts=False), self.within)


def units_of(doc: Doc, mentions: Iterable[Any], within: str = "sentence") -> dict[str, Any]:
    """:class:`CooccurTask`'s result for *doc* and its *mentions* (objects with ``start``, ``id``, ``type``, ``text``)."""
    check_within(within)
    starts = [s.start for s in doc.sentences] if within == "sentence" else [0]
    units: dict[int, set[str]] = {}
    types: dict[str, str] = {}
    texts: dict[str, str] = {}
    for m in mentions:
        if doc.part_at(m.start) == RESIDUE:
            continue  # page furniture: not counted, as in the entity table
        units.setdefault(max(bisect_right(starts, m.start) - 1, 0), set()).add(m.id)
        types.setdefault(m.id, m.type)
        texts.setdefault(m.id, " ".join(m.text.split()))
    # A sentence (which a line break ends) in a residue line is not a unit.
    n_units = sum(doc.part_at(s) != RESIDUE for s in starts) if within == "sentence" else 1
    return {
        "units": [sorted(units[k]) for k in sorted(units)],
        "n_units": n_units,
        "types": types,
        "texts": texts,
    }


class CooccurTable:
    """Adds up :class:`CooccurTask` results and scores the pairs."""

    def __init__(self, types: Iterable[str] | None = None) -> None:
        self.wanted = None if types is None else set(types)
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.pair_articles: Counter[tuple[str, str]] = Counter()
        self.counts: Counter[str] = Counter()
        self.types: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.n_units = 0
        self.articles = 0

    def add(self, result: dict[str, Any]) -> None:
        self.articles += 1
        self.n_units += result["n_units"]
        for e, t in result["types"].items():
            self.types.setdefault(e, t)
        for e, t in result["texts"].items():
            self.texts.setdefault(e, t)
        seen: set[tuple[str, str]] = set()
        for unit in result["units"]:
            ids = [e for e in unit if self.wanted is None or result["types"][e] in self.wanted]
            self.counts.update(ids)
            for pair in combinations(ids, 2):
                self.pairs[pair] += 1
                seen.add(pair)
        self.pair_articles.update(seen)

    def records(self, gazetteer: Gazetteer | None = None, *, min_count: int = 1) -> list[dict[str, Any]]:
        """Pair records (:data:`kzcorpus.schema.COOCCURRENCE`), see the module notes."""

        def name(e: str) -> str:
            entry = gazetteer.get(e) if gazetteer is not None else None
            return entry.name if entry is not None else self.texts.get(e, e)

        out: list[dict[str, Any]] = []
        for (x, y), f_xy in self.pairs.items():
            if f_xy < min_count:
                continue
            f_x, f_y = self.counts[x], self.counts[y]
            out.append(
                {
                    "source": x,
                    "target": y,
                    "source_name": name(x),
                    "target_name": name(y),
                    "source_type": self.types[x],
                    "target_type": self.types[y],
                    "pair_count": f_xy,
                    "articles": self.pair_articles[(x, y)],
                    "source_count": f_x,
                    "target_count": f_y,
                    "pmi": round(math.log2(f_xy * self.n_units / (f_x * f_y)), 3),
                    "logdice": round(14 + math.log2(2 * f_xy / (f_x + f_y)), 3),
                }
            )
        out.sort(key=lambda r: (-int(r["pair_count"]), -float(r["logdice"]), r["source"], r["target"]))
        return out
