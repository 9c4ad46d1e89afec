"""Dispersion: how evenly a word is spread over the articles of a corpus (or over equal slices of it),
and a dispersion plot (:func:`barcode`, :class:`PlotTask`): where in each article a query's hits fall.

For a word with frequency ``v_i`` in each of ``n`` parts (``f = sum(v_i)``),
and parts of ``size_i`` tokens (``s_i = size_i / sum(size)``, the part's share
of the corpus):

- ``range``: the parts with ``v_i > 0``.
- Gries' DP (Gries 2008, "Dispersions and adjusted frequencies in corpora",
  *IJCL* 13(4)): ``DP = 0.5 * sum(|v_i / f - s_i|)``.  0 when the word is
  spread exactly as the parts' sizes; it approaches 1 when all of it sits in
  one small part.
- ``DPnorm`` (Lijffijt & Gries 2012, "Correction to Stefan Th. Gries'
  'Dispersions and adjusted frequencies in corpora'", *IJCL* 17(1)):
  ``DP / (1 - min(s_i))``, so that all hits in the smallest part give 1.
- Juilland's D (Juilland & Chang-Rodríguez 1964): with the relative
  frequencies ``p_i = v_i / size_i`` (so parts of unequal size compare), their
  mean ``p̄`` and population standard deviation ``sd``, the coefficient of
  variation ``CV = sd / p̄`` and ``D = 1 - CV / sqrt(n - 1)``.  1 when every
  part has the same relative frequency, 0 when one part holds all; undefined
  (``None``) for a single part.

Parts with no tokens (an article with no body text) hold no word and take
no share of the corpus: they are left out (``n`` counts the others).

Parts are the articles by default; ``parts=N`` cuts the corpus (its tokens
in corpus order, in the counted scope) into *N* slices of as equal a number
of tokens as can be (the first ``total % N`` slices one token longer), so
article length does not weigh in.

Figures are computed from the parts where the word occurs only (sparse):
``sum(|v_i/f - s_i|)`` over the parts without it is ``1 - sum(s_i)`` of
the parts with it, and the mean and variance of ``p_i`` need only the
non-zero terms.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, HitFinder, docs, fold_word
from kzcorpus.errors import UsageError
from kzcorpus.schema import PLOT
from kzcorpus.stats.measures import Scope, scoped
from kzcorpus.stats.words import Grouper, word_frequencies

#: Decimals of D, DP and DPnorm.
DECIMALS = 4


class Dispersion(NamedTuple):
    range: int
    juilland_d: float | None
    dp: float | None
    dp_norm: float | None


def dispersion(hits: Mapping[int, int], sizes: Sequence[int]) -> Dispersion:
    """Range, Juilland's D, DP and DPnorm of a word with ``hits[part] = v_i``
    over parts of *sizes* tokens (see the module notes).  ``None`` figures
    when the word never occurs (or D for a single part)."""
    live = [s for s in sizes if s > 0]
    total = sum(live)
    n = len(live)
    f = sum(v for v in hits.values() if v > 0)
    rng = sum(1 for v in hits.values() if v > 0)
    if f == 0 or total == 0:
        return Dispersion(rng, None, None, None)
    dev = 0.0
    share_with = 0.0
    sum_p = 0.0
    sum_p2 = 0.0
    for i, v in hits.items():
        if v <= 0:
            continue
        if sizes[i] <= 0:
            raise ValueError(f"part {i} has hits but no tokens")
        s = sizes[i] / total
        share_with += s
        dev += abs(v / f - s)
        p = v / sizes[i]
        sum_p += p
        sum_p2 += p * p
    dp = 0.5 * (dev + max(0.0, 1.0 - share_with))
    smallest = min(live) / total
    dp_norm = dp / (1 - smallest) if smallest < 1 else None
    d: float | None = None
    if n > 1:
        mean = sum_p / n
        var = max(0.0, sum_p2 / n - mean * mean)
        d = 1 - (math.sqrt(var) / mean) / math.sqrt(n - 1)
    return Dispersion(
        rng,
        None if d is None else _round(d),
        _round(dp),
        None if dp_norm is None else _round(dp_norm),
    )


def _round(x: float) -> float:
    return round(x, DECIMALS) + 0.0  # + 0.0: no -0.0


def slice_sizes(total: int, parts: int) -> list[int]:
    """Sizes of *parts* slices of *total* tokens, as equal as can be."""
    q, r = divmod(total, parts)
    return [q + 1 if i < r else q for i in range(parts)]


class _Recorder:
    """Passes articles through, keeping each one's scoped folded words (for the parts)."""

    def __init__(self, articles: Iterable[Doc | Article], scope: Scope) -> None:
        self.articles = articles
        self.scope = scope
        self.words: list[list[str]] = []

    def __iter__(self) -> Iterator[Doc]:
        for doc in docs(self.articles):
            self.words.append(scoped(doc, self.scope).words)
            yield doc


def word_dispersion(
    articles: Iterable[Doc | Article],
    *,
    parts: int | None = None,
    stopwords: bool = True,
    scope: Scope = "body",
    group_clitics: bool = True,
    top: int | None = None,
    min_count: int = 1,
) -> list[dict[str, Any]]:
    """:func:`kzcorpus.stats.word_frequencies` records, each with ``range``,
    ``juilland_d``, ``dp`` and ``dp_norm`` over the articles (or *parts*
    equal slices).  Single words only: a word's forms count under its base
    as in the frequency list."""
    if parts is not None and parts < 1:
        raise UsageError("the number of parts must be at least 1")
    rec = _Recorder(articles, scope)
    rows = word_frequencies(
        rec, stopwords=stopwords, scope=scope, group_clitics=group_clitics, top=top, min_count=min_count
    )
    vocab: Counter[str] = Counter()
    for ws in rec.words:
        vocab.update(ws)
    grouper = Grouper(vocab, group_clitics)
    wanted = {fold_word(r["word"]) for r in rows}
    hits: dict[str, Counter[int]] = {w: Counter() for w in wanted}
    if parts is None:
        sizes = [len(ws) for ws in rec.words]
        for i, ws in enumerate(rec.words):
            for w, k in Counter(ws).items():
                base = grouper(w)
                if base in hits:
                    hits[base][i] += k
    else:
        sizes = slice_sizes(sum(len(ws) for ws in rec.words), parts)
        for ws, slice_of in zip(rec.words, _slices(rec.words, sizes), strict=True):
            for w, i in zip(ws, slice_of, strict=True):
                base = grouper(w)
                if base in hits:
                    hits[base][i] += 1
    out = []
    for r in rows:
        d = dispersion(hits[fold_word(r["word"])], sizes)
        out.append({**r, **d._asdict()})
    return out


def _slices(words: Sequence[Sequence[str]], sizes: Sequence[int]) -> Iterator[list[int]]:
    """Per article, the slice of each of its tokens."""
    part, left = 0, sizes[0] if sizes else 0
    for ws in words:
        out = []
        for _ in ws:
            while left == 0:
                part += 1
                left = sizes[part]
            out.append(part)
            left -= 1
        yield out


# --------------------------------------------------------------------------
# Dispersion plot: where in each article the hits fall

#: Barcode cells: no hit, one hit, two or more.
EMPTY, ONE, MANY = ".", "|", "#"


def barcode(length: int, starts: Iterable[int], width: int) -> str:
    """A bar of *width* cells standing for a text of *length* characters
    (left: its start), each cell marked by the hits starting in it:
    ``.`` none, ``|`` one, ``#`` two or more."""
    if width < 1:
        raise UsageError("the bar width must be at least 1")
    cells = [0] * width
    for s in starts:
        cells[min(width - 1, max(0, s) * width // length) if length > 0 else 0] += 1
    return "".join(EMPTY if n == 0 else ONE if n == 1 else MANY for n in cells)


class PlotTask:
    """Per-article task: the hits of *finder* and their barcode (picklable), or ``None`` for no hits."""

    def __init__(self, finder: HitFinder, width: int = 60) -> None:
        if width < 1:
            raise UsageError("the bar width must be at least 1")
        self.finder = finder
        self.width = width

    def __call__(self, doc: Doc) -> dict[str, Any] | None:
        starts = [h.start for h in self.finder.find(doc)]
        if not starts:
            return None
        n = len(doc.text)
        return PLOT.record(
            {
                "doc": doc.id,
                "title": doc.title,
                "hits": len(starts),
                "chars": n,
                "barcode": barcode(n, starts, self.width),
                "first": round(min(starts) / n, 3) if n else 0.0,
                "offsets": starts,
            }
        )
