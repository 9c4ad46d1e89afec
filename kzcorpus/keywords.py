"""Keywords: words (or entities) over- and under-used in a target set of articles.

The *target* and the *reference* are two sets of articles, each chosen by a
:class:`~kzcorpus.slicing.Slice` (dates, sources, metadata conditions) and/or
a list of article ids.  The reference is by default the rest of the corpus
(every article not in the target); given a slice or ids of its own, it is the
articles that match them and are not in the target (an article in both
counts in the target only); it may also be another corpus altogether.

Counting is that of ``kzcorpus stats DOC`` (:mod:`kzcorpus.stats.keyness`):
the tokens of each article's scope (body lines, or every line), folded; the
clitic forms of a word counted with its base word, the grouping decided over
the target and the reference together (:func:`kzcorpus.stats.clitic_base`);
stopwords and numbers left out of the list but not of the token totals.
``stats DOC``'s keywords are the special case target = one article,
reference = the rest of the corpus.  With entities, the items are entity
ids (mentions in the scope's lines), and the totals are still the tokens.

For an item seen ``a`` times in ``c`` target tokens and ``b`` times in
``d`` reference tokens:

- ``g2``: Dunning's log-likelihood ``2 * (a ln(a/E1) + b ln(b/E2))``,
  ``E1 = c (a+b)/(c+d)``, ``E2 = d (a+b)/(c+d)``;
- ``p``: the chance of a G2 this large if the item were used alike in both,
  from the chi-square distribution with one degree of freedom
  (``erfc(sqrt(G2/2))``), 3 significant digits;
- ``log_ratio``: Hardie's (2014) ``log2((a/c) / (b/d))``, a zero count
  taken as 0.5 (each point doubles the ratio of relative frequencies);
- ``pct_diff``: Gabrielatos & Marchi's (2012) %DIFF,
  ``100 * (a/c - b/d) / (b/d)``; null when ``b`` is 0 (infinite).

Over-used items (``use = "over"``): ``a/c > b/d``, ``a >= min_count`` and
``g2 >= threshold`` (3.84: p < 0.05).  Under-used items (``use =
"under"``, asked for): ``a/c < b/d``, ``b >= min_count`` and the same G2
threshold.  Each list is ranked by G2 (then by the folded word).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kzcorpus.doc import Doc
from kzcorpus.slicing import Slice, Verdict
from kzcorpus.stats.keyness import G2_CRITICAL, KEYNESS_MIN_COUNT, g2
from kzcorpus.stats.measures import check_scope, scoped
from kzcorpus.stats.words import Grouper, Tally, is_stopword, load_stopwords

TARGET = "target"
REFERENCE = "reference"


@dataclass
class Selection:
    """A set of articles: a slice, and/or article ids (both must hold when both are given)."""

    slice: Slice = field(default_factory=Slice)
    ids: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return self.slice.selects_articles or bool(self.ids)

    def verdict(self, doc: Doc) -> Verdict:
        if self.ids and doc.id not in self.ids:
            return "out"
        return self.slice.verdict(doc)


class KeyCountTask:
    """Which side an article is on, and its counts (picklable; see the module notes).

    Result: ``side`` (``target``, ``reference`` or null), ``verdicts``
    (target's, then reference's: for counting what a date range left out),
    ``tokens``, ``counts`` (folded word -> n), ``spellings`` (folded word ->
    {surface: n}), ``numbers`` (folded words written as numbers) and, with
    *entities*, ``entities`` (id -> mentions) and ``entity_forms``.
    """

    def __init__(
        self,
        target: Selection,
        reference: Selection | None = None,
        *,
        scope: str = "body",
        fixed_side: str | None = None,
        gazetteer_files: Sequence[str] | None = None,
    ) -> None:
        check_scope(scope)
        self.target = target
        self.reference = reference
        self.scope = scope
        self.fixed_side = fixed_side
        self.gazetteer_files = None if gazetteer_files is None else tuple(str(f) for f in gazetteer_files)

    def side(self, doc: Doc) -> tuple[str | None, list[Verdict]]:
        if self.fixed_side is not None:
            sel = self.reference if self.fixed_side == REFERENCE else self.target
            v = sel.verdict(doc) if sel is not None else "keep"
            return (self.fixed_side if v == "keep" else None), [v]
        t = self.target.verdict(doc)
        if t == "keep":
            return TARGET, [t]
        if self.reference is None or not self.reference:
            return REFERENCE, [t]
        r = self.reference.verdict(doc)
        return (REFERENCE if r == "keep" else None), [t, r]

    def __call__(self, doc: Doc) -> dict[str, Any]:
        side, verdicts = self.side(doc)
        out: dict[str, Any] = {"side": side, "verdicts": verdicts}
        if side is None:
            return out
        c = scoped(doc, self.scope)
        tally = Tally()
        tally.add(c.tokens, c.words)
        out.update(tokens=tally.tokens, counts=tally.counts, spellings=tally.spellings, numbers=sorted(tally.is_number))
        if self.gazetteer_files is not None:
            from kzcorpus.entities import find_mentions
            from kzcorpus.tasks import gazetteer_of

            ents: Counter[str] = Counter()
            forms: dict[str, Counter[str]] = {}
            for m in find_mentions(doc, gazetteer_of(self.gazetteer_files), parts=False):
                if any(s <= m.start < e for s, e in c.spans):
                    ents[m.id] += 1
                    forms.setdefault(m.id, Counter())[" ".join(m.text.split())] += 1
            out.update(entities=ents, entity_forms=forms)
        return out


class Side:
    """The counts of one side (target or reference), added up."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.articles = 0
        self.entities: Counter[str] = Counter()
        self.entity_forms: dict[str, Counter[str]] = {}

    def add(self, result: dict[str, Any]) -> None:
        t = self.tally
        self.articles += 1
        t.tokens += result["tokens"]
        t.counts.update(result["counts"])
        for w, sp in result["spellings"].items():
            t.spellings.setdefault(w, Counter()).update(sp)
        t.is_number.update(result["numbers"])
        self.entities.update(result.get("entities", {}))
        for e, f in result.get("entity_forms", {}).items():
            self.entity_forms.setdefault(e, Counter()).update(f)


class KeyTable:
    """Target and reference counts, and their keyness records."""

    def __init__(self) -> None:
        self.target = Side()
        self.reference = Side()

    def add(self, result: dict[str, Any]) -> None:
        if result["side"] == TARGET:
            self.target.add(result)
        elif result["side"] == REFERENCE:
            self.reference.add(result)

    def records(
        self,
        *,
        entities: bool = False,
        under: bool = False,
        min_count: int = KEYNESS_MIN_COUNT,
        threshold: float = G2_CRITICAL,
        group_clitics: bool = True,
    ) -> list[dict[str, Any]]:
        """Over-used items, then (with *under*) under-used ones; see the module notes."""
        c, d = self.target.tally.tokens, self.reference.tally.tokens
        label: Callable[[str, Side], tuple[str, list[str]]]
        if entities:
            t_counts, r_counts = self.target.entities, self.reference.entities
            forms = {e: self.target.entity_forms.get(e, Counter()) for e in t_counts}
            for e, f in self.reference.entity_forms.items():
                forms.setdefault(e, f)

            def label(item: str, side: Side) -> tuple[str, list[str]]:
                return item, [f"{w} ({n})" for w, n in sorted(forms[item].items(), key=lambda x: (-x[1], x[0]))][:8]

            t_content, r_content = t_counts, r_counts
        else:
            g = self.grouped(group_clitics)
            t_counts, r_counts = g.target, g.reference
            t_content, r_content = g.content(t_counts), g.content(r_counts)
            label = g.label

        out = _ranked(t_content, r_counts, c, d, "over", min_count, threshold)
        if under:
            out += _ranked(r_content, t_counts, d, c, "under", min_count, threshold)
        records = []
        for rank, (use, item, score) in enumerate(out, 1):
            a, b = t_counts.get(item, 0), r_counts.get(item, 0)
            word, fms = label(item, self.target if use == "over" else self.reference)
            records.append(keyness_record(rank, word, a, b, c, d, score, use, fms))
        return records

    def grouped(self, group_clitics: bool = True) -> Grouped:
        """Both sides' words grouped by base, the grouping decided over both."""
        return Grouped(self, group_clitics)


class Grouped:
    """Target and reference word counts by base (clitic forms with their base
    word, decided over both sides), with the forms under each base."""

    def __init__(self, table: KeyTable, group_clitics: bool = True) -> None:
        self.table = table
        tt, rt = table.target.tally, table.reference.tally
        grouper = Grouper(tt.counts + rt.counts, group_clitics)
        self.target, self.target_forms = tt.grouped(grouper)
        self.reference, self.reference_forms = rt.grouped(grouper)
        self.numbers = tt.is_number | rt.is_number
        self._stopwords = load_stopwords()

    def content(self, counts: Counter[str]) -> Counter[str]:
        """*counts* without stopwords and numbers."""
        sw, numbers = self._stopwords, self.numbers
        return Counter({w: n for w, n in counts.items() if w not in numbers and not is_stopword(w, sw)})

    def label(self, item: str, side: Side) -> tuple[str, list[str]]:
        """The commonest spelling of a base on *side*, and its forms there."""
        if side is self.table.target:
            tally, fm = self.table.target.tally, self.target_forms
        else:
            tally, fm = self.table.reference.tally, self.reference_forms
        return tally.spelling(item, fm[item]), tally.forms(fm[item])


def _ranked(
    mine: Counter[str], other: Counter[str], c: int, d: int, use: str, min_count: int, threshold: float
) -> list[tuple[str, str, float]]:
    """Items of *mine* used relatively more than in *other*, by G2."""
    if not c or not d:
        return []
    found = []
    for w, a in mine.items():
        b = other.get(w, 0)
        if a < min_count or a / c <= b / d:
            continue
        score = g2(a, b, c, d)
        if score >= threshold:
            found.append((use, w, round(score, 2)))
    found.sort(key=lambda r: (-r[2], r[1]))
    return found


def p_value(g: float) -> float:
    """Chi-square survival with one degree of freedom, 3 significant digits."""
    return float(f"{math.erfc(math.sqrt(max(g, 0.0) / 2)):.3g}")


def pct_diff(a: int, b: int, c: int, d: int) -> float | None:
    """%DIFF (Gabrielatos & Marchi 2012); ``None`` when *b* is 0."""
    if not b:
        return None
    ref = b / d
    return round(100 * (a / c - ref) / ref, 2)


def keyness_record(
    rank: int, word: str, a: int, b: int, c: int, d: int, score: float, use: str, forms: list[str]
) -> dict[str, Any]:
    """A keyword record (:data:`kzcorpus.schema.KEYWORD`)."""
    return {
        "rank": rank,
        "word": word,
        "use": use,
        "count": a,
        "per_10k": round(a * 10000 / c, 2),
        "ref_count": b,
        "ref_per_10k": round(b * 10000 / d, 2),
        "g2": score,
        "p": p_value(g2(a, b, c, d)),
        "log_ratio": round(math.log2(((a or 0.5) / c) / ((b or 0.5) / d)), 2),
        "pct_diff": pct_diff(a, b, c, d),
        "forms": forms,
    }


def keyness(
    target: Iterable[Doc],
    reference: Iterable[Doc] | None = None,
    *,
    target_selection: Selection | None = None,
    reference_selection: Selection | None = None,
    scope: str = "body",
    under: bool = False,
    min_count: int = KEYNESS_MIN_COUNT,
    threshold: float = G2_CRITICAL,
    gazetteer_files: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Keyword records of *target* against *reference*, in this process.

    Without *reference*, the articles of *target* are split by
    *target_selection* (and *reference_selection*); with it, every article of
    *target* that passes *target_selection* is the target and every article of
    *reference* that passes *reference_selection* the reference.
    """
    table = KeyTable()
    for result in _results(target, reference, target_selection, reference_selection, scope, gazetteer_files):
        table.add(result)
    return table.records(entities=gazetteer_files is not None, under=under, min_count=min_count, threshold=threshold)


def _results(
    target: Iterable[Doc],
    reference: Iterable[Doc] | None,
    tsel: Selection | None,
    rsel: Selection | None,
    scope: str,
    gazetteer_files: Sequence[str] | None,
) -> Iterator[dict[str, Any]]:
    tsel = tsel or Selection()
    if reference is None:
        task = KeyCountTask(tsel, rsel, scope=scope, gazetteer_files=gazetteer_files)
        yield from (task(Doc.of(d)) for d in target)
        return
    t_task = KeyCountTask(tsel, None, scope=scope, fixed_side=TARGET, gazetteer_files=gazetteer_files)
    r_task = KeyCountTask(tsel, rsel, scope=scope, fixed_side=REFERENCE, gazetteer_files=gazetteer_files)
    yield from (t_task(Doc.of(d)) for d in target)
    yield from (r_task(Doc.of(d)) for d in reference)
