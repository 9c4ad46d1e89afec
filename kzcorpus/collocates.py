"""Words (or entities) that keep company with a node.

The *node* is found by a :class:`~kzcorpus.doc.HitFinder` (the KWIC
matcher).  The *counted text* is the body lines of each article (every
line with ``scope="all"``); its tokens are those of ``kzcorpus stats`` and
``kzcorpus words``.  For each hit of the node in the counted text, its
*window* is the ``left`` tokens before it and the ``right`` tokens after it,
in the counted text, stopping at the end of the node's sentence unless
``cross_sentences`` (a line break always ends a sentence).  Tokens that are
themselves part of a hit of the node take their place in a window but are
not counted.

Collocates are counted by folded form and grouped as ``kzcorpus words``
groups them (:func:`kzcorpus.stats.clitic_base` over the counted text of
the whole slice: «والحرب», «للحرب» count with «حرب» when «حرب» occurs);
stopwords (:func:`kzcorpus.stats.is_stopword`) are left out unless asked
for.  For each collocate *c*:

``O`` (``joint``)
    occurrences of *c* in the windows (``left`` + ``right``; a token in the
    windows of two hits counts twice);
``f_n`` (``node_count``)
    hits of the node in the counted text;
``f_c`` (``collocate_count``)
    occurrences of *c* in the counted text;
``N``
    tokens in the counted text (every token, stopwords included);
``E = f_n * f_c / N``
    the joint frequency expected by chance, as in Church & Hanks (1990):
    not corrected for the window's span, so MI grows with the window.

Scores (logarithms base 2 unless said; 3 decimals):

- ``mi`` = ``log2(O / E)`` (Church & Hanks 1990);
- ``mi3`` = ``log2(O³ / E)`` (Daille 1994: favours frequent pairs);
- ``t`` = ``(O − E) / √O``;
- ``logdice`` = ``14 + log2(2·O / (f_n + f_c))`` (Rychlý 2008; 14 at most);
- ``ll`` = Dunning's (1993) ``G² = 2 Σ O_ij · ln(O_ij / E_ij)`` over the
  2×2 table ``O11 = O``, ``O12 = f_n − O``, ``O21 = f_c − O``,
  ``O22 = N − f_n − f_c + O`` (cells below zero taken as 0), ``E_ij`` the
  product of the row and column totals over ``N``; negative when ``O < E``
  (repulsion);
- ``freq`` ranks by ``O``.

With ``entities``, the collocates are the entity mentions (by entity id)
lying inside a window; ``f_c`` is the entity's mentions in the counted text.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from kzcorpus.arabic import WORD_RE, Token
from kzcorpus.doc import Doc, HitFinder, fold_word
from kzcorpus.errors import UsageError
from kzcorpus.schema import COLLOCATE
from kzcorpus.slicing import Slice

SCORES: tuple[str, ...] = ("freq", "mi", "mi3", "t", "logdice", "ll")
MentionFinder = Callable[[Doc], Iterable[tuple[int, int, str, str]]]


def parse_window(spec: str) -> tuple[int, int]:
    """``"5,5"`` (left, right) or ``"4"`` (both) as two token counts."""
    try:
        parts = [int(p) for p in spec.replace(" ", "").split(",")]
    except ValueError:
        raise UsageError(f"the window {spec!r} is not L,R (two numbers of words, e.g. 5,5)") from None
    if len(parts) == 1:
        parts *= 2
    if len(parts) != 2 or min(parts) < 0 or sum(parts) == 0:
        raise UsageError(f"the window {spec!r} must be L,R with 0 or more words on each side, not both 0")
    return parts[0], parts[1]


# --------------------------------------------------------------------------
# Scores


def scores(o: int, f_n: int, f_c: int, n: int) -> dict[str, float | None]:
    """Every score of a pair (see the module notes); ``None`` when undefined."""
    if o <= 0 or f_n <= 0 or f_c <= 0 or n <= 0:
        return dict.fromkeys(("mi", "mi3", "t", "logdice", "ll"))
    e = f_n * f_c / n
    return {
        "mi": math.log2(o / e),
        "mi3": math.log2(o**3 / e),
        "t": (o - e) / math.sqrt(o),
        "logdice": 14 + math.log2(2 * o / (f_n + f_c)),
        "ll": log_likelihood(o, f_n, f_c, n),
    }


def log_likelihood(o: int, f_n: int, f_c: int, n: int) -> float:
    """Signed G² of the 2×2 contingency table (negative when ``o`` is below chance)."""
    cells = [o, max(0, f_n - o), max(0, f_c - o), max(0, n - f_n - f_c + o)]
    rows = [cells[0] + cells[1], cells[2] + cells[3]]
    cols = [cells[0] + cells[2], cells[1] + cells[3]]
    total = sum(cells)
    g2 = 0.0
    for i, obs in enumerate(cells):
        exp = rows[i // 2] * cols[i % 2] / total
        if obs > 0 and exp > 0:
            g2 += obs * math.log(obs / exp)
    g2 *= 2
    return -g2 if o < f_n * f_c / n else g2


# --------------------------------------------------------------------------
# One article


class CollocTask:
    """A picklable per-article task: the counted text's words (every token's
    folded word, a list; entities: a ``Counter``), the node's hits, and what
    stands in their windows."""

    def __init__(
        self,
        finder: HitFinder,
        window: tuple[int, int] = (5, 5),
        *,
        cross_sentences: bool = False,
        scope: str = "body",
        slice: Slice | None = None,
        mentions: MentionFinder | None = None,
        counts: bool = True,
    ) -> None:
        if scope not in ("body", "all"):
            raise UsageError(f"unknown scope {scope!r}; choose body or all")
        self.finder = finder
        self.left, self.right = window
        self.cross = cross_sentences
        self.scope = scope
        self.slice = slice or Slice()
        self.mentions = mentions
        #: False when the counted text's word counts come from elsewhere (an index: :class:`StoredCounts`).
        self.counts = counts

    def may_match(self, text: str) -> bool:
        test = getattr(self.finder, "may_match", None)
        return True if test is None else bool(test(text))

    def __call__(self, doc: Doc) -> dict[str, Any]:
        verdict = self.slice.verdict(doc)
        if verdict != "keep":
            return {"verdict": verdict}
        spans = doc.spans(self.scope)
        out: dict[str, Any] = {"verdict": "keep", "nodes": 0, "window": []}
        if not self.may_match(doc.text):
            # No hit of the node: only the counted text's counts (the tokens are not built).
            if self.mentions is None:
                out["counts"] = doc.part_words(self.scope) if self.counts else []
            else:
                out["tokens"] = doc.part_tokens(self.scope)
                out["counts"] = self._in_scope(doc, list(self.mentions(doc)), spans)
            return out
        hits = [h for h in self.finder.find(doc) if _inside(h.start, spans)]
        near = self._near_hits(doc, hits) if not self.counts and self.mentions is None and not self.cross else None
        if near is not None:
            # Only the words of the hits' sentences are needed (windows stop at a sentence end,
            # the counts come from an index): the rest of the article is not tokenized.
            all_tokens = [t for t in near if _inside(t.start, spans)]
            idx = list(range(len(all_tokens)))
        else:
            all_tokens = doc.tokens
            starts = [t.start for t in all_tokens]
            idx = [i for s, e in spans for i in range(bisect_left(starts, s), bisect_left(starts, e))]
        if self.mentions is None:
            out["counts"] = [doc.words[i] for i in idx] if self.counts else []
        else:
            out["tokens"] = len(idx)
            out["counts"] = Counter()
        tok_starts = [all_tokens[i].start for i in idx]
        tok_ends = [all_tokens[i].end for i in idx]
        node_pos: list[tuple[int, int]] = []
        for h in hits:
            a = bisect_right(tok_ends, h.start)
            b = bisect_left(tok_starts, h.end) - 1
            if a <= b:
                node_pos.append((a, b))
        out["nodes"] = len(node_pos)
        in_node = {p for a, b in node_pos for p in range(a, b + 1)}
        sents = doc.sentences
        sent_starts = [s.start for s in sents]

        def sentence(p: int) -> int:
            return bisect_right(sent_starts, tok_starts[p]) - 1

        mentions = list(self.mentions(doc)) if self.mentions is not None else None
        if mentions is not None:
            out["counts"].update(self._in_scope(doc, mentions, spans))
        window: list[tuple[str, str, str]] = []
        node_spans = [(tok_starts[a], tok_ends[b]) for a, b in node_pos]
        for a, b in node_pos:
            for side, positions in (("left", self._left(a, sentence)), ("right", self._right(b, len(idx), sentence))):
                if mentions is not None:
                    if positions:
                        lo, hi = min(tok_starts[p] for p in positions), max(tok_ends[p] for p in positions)
                        window.extend(
                            (ent, text, side)
                            for ms, me, ent, text in mentions
                            if lo <= ms and me <= hi and not any(_overlaps(ms, me, s, e) for s, e in node_spans)
                        )
                    continue
                window.extend(
                    (fold_word(all_tokens[idx[p]].surface), all_tokens[idx[p]].surface, side)
                    for p in positions
                    if p not in in_node
                )
        out["window"] = window
        return out

    @staticmethod
    def _near_hits(doc: Doc, hits: Sequence[Any]) -> list[Any] | None:
        """The tokens of the sentences holding *hits* (a sentence runs from its
        start to the next one's, as the windows count it), in text order; None
        when a sentence start falls inside a word (then every token is built)."""
        if not hits:
            return []
        text = doc.text
        starts = [sp.start for sp in doc.sentences]
        bounds = [0, *starts, len(text)]
        chosen: set[int] = set()
        for h in hits:
            first = bisect_right(starts, h.start)
            last = bisect_right(starts, max(h.start, h.end - 1))
            chosen.update(range(first, last + 1))
        out: list[Any] = []
        for k in sorted(chosen):
            lo, hi = bounds[k], bounds[k + 1]
            if lo > 0 and (m := WORD_RE.match(text, lo - 1)) is not None and m.end() > lo:
                return None
            for m in WORD_RE.finditer(text, lo):
                if m.start() >= hi:
                    break
                out.append(Token(m.start(), m.end(), m.group()))
        return out

    def _left(self, a: int, sentence: Callable[[int], int]) -> list[int]:
        out = []
        here = sentence(a)
        for p in range(a - 1, max(-1, a - 1 - self.left), -1):
            if not self.cross and sentence(p) != here:
                break
            out.append(p)
        return out

    def _right(self, b: int, n: int, sentence: Callable[[int], int]) -> list[int]:
        out = []
        here = sentence(b)
        for p in range(b + 1, min(n, b + 1 + self.right)):
            if not self.cross and sentence(p) != here:
                break
            out.append(p)
        return out

    @staticmethod
    def _in_scope(
        doc: Doc, mentions: Sequence[tuple[int, int, str, str]], spans: Sequence[tuple[int, int]]
    ) -> Counter[str]:
        return Counter(ent for ms, _me, ent, _t in mentions if _inside(ms, spans))


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= offset < e:
            return True
    return False


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


# --------------------------------------------------------------------------
# The corpus


class StoredCounts(Protocol):
    """The counted text's word counts over a whole corpus, kept elsewhere (an
    index: :class:`kzcorpus.index.StoredVocab`): its token total, the base of
    each word (:func:`kzcorpus.stats.clitic_base` over those counts) and the
    count of each base."""

    tokens: int

    def bases(self, words: Iterable[str]) -> dict[str, str]: ...

    def base_counts(self, bases: Iterable[str]) -> dict[str, int]: ...


class CollocTable:
    """Adds up :class:`CollocTask` results and scores the collocates.

    With *stored* counts, the tasks count nothing (``counts=False``) and
    only the articles with hits of the node need to be read."""

    def __init__(self, *, stopwords: bool = False, entities: bool = False, stored: StoredCounts | None = None) -> None:
        self.keep_stopwords = stopwords
        self.entities = entities
        self.stored = stored
        self.counts: Counter[str] = Counter()
        self.n_tokens = stored.tokens if stored is not None else 0
        self.nodes = 0
        self.left: Counter[str] = Counter()
        self.right: Counter[str] = Counter()
        self.spellings: dict[str, Counter[str]] = {}

    def add(self, result: dict[str, Any]) -> None:
        if result.get("verdict") != "keep":
            return
        # Words come as a list of every token (counted in C), entities as a Counter.
        counts: list[str] | Counter[str] = result["counts"]
        if self.stored is None:
            self.counts.update(counts)
            self.n_tokens += result["tokens"] if self.entities else len(counts)
        self.nodes += result["nodes"]
        for key, surface, side in result["window"]:
            (self.left if side == "left" else self.right)[key] += 1
            sp = self.spellings.get(key)
            if sp is None:
                sp = self.spellings[key] = Counter()
            sp[surface] += 1

    def records(self, by: str = "logdice", *, min_count: int = 3) -> list[dict[str, Any]]:
        """Collocate records, strongest first by *by*, joint at least *min_count*."""
        if by not in SCORES:
            raise UsageError(f"unknown score {by!r}; choose one of {', '.join(SCORES)}")
        total: Callable[[str], int]
        if self.entities:
            base: Callable[[str], str] = lambda w: w  # noqa: E731
            total = self.counts.__getitem__
        elif self.stored is not None:
            bases = self.stored.bases(set(self.left) | set(self.right))
            base = bases.__getitem__
            total = Counter(self.stored.base_counts(set(bases.values()))).__getitem__
        else:
            base, total = self._grouping()
        left: Counter[str] = Counter()
        right: Counter[str] = Counter()
        spell: dict[str, Counter[str]] = {}
        for src, dst in ((self.left, left), (self.right, right)):
            for w, n in src.items():
                dst[base(w)] += n
        for w, sp in self.spellings.items():
            spell.setdefault(base(w), Counter()).update(sp)
        if not self.entities and not self.keep_stopwords:
            from kzcorpus.stats import is_stopword, load_stopwords

            sw = load_stopwords()
            keys = [k for k in set(left) | set(right) if not is_stopword(k, sw)]
        else:
            keys = list(set(left) | set(right))
        rows: list[dict[str, Any]] = []
        for k in keys:
            o = left[k] + right[k]
            if o < min_count:
                continue
            f_c = total(k)
            sc = scores(o, self.nodes, f_c, self.n_tokens)
            spellings = sorted(spell[k].items(), key=lambda kv: (-kv[1], kv[0]))
            rows.append(
                {
                    "collocate": k if self.entities else spellings[0][0],
                    "joint": o,
                    "left": left[k],
                    "right": right[k],
                    "collocate_count": f_c,
                    "node_count": self.nodes,
                    "score": float(o) if by == "freq" else sc[by],
                    **{name: sc[name] for name in ("mi", "mi3", "t", "logdice", "ll")},
                    "forms": [f"{w} ({n})" for w, n in spellings[:8]],
                }
            )
        rows.sort(key=lambda r: (-(r["score"] if r["score"] is not None else -math.inf), -r["joint"], r["collocate"]))
        out = []
        for rank, r in enumerate(rows, 1):
            for name in ("score", "mi", "mi3", "t", "logdice", "ll"):
                if r[name] is not None:
                    r[name] = round(r[name], 3)
            out.append(COLLOCATE.record({"rank": rank, **r}))
        return out

    def _grouping(self) -> tuple[Callable[[str], str], Callable[[str], int]]:
        """The base of each folded word (as ``words`` groups them) and the
        count of a base: its forms are looked up
        (:func:`kzcorpus.stats.words.clitic_forms`), the whole vocabulary is
        never grouped."""
        from kzcorpus.stats.words import Grouper, clitic_forms

        vocab = self.counts
        grouper = Grouper(vocab)
        return grouper, lambda base: sum(vocab[w] for w in clitic_forms(base, vocab, grouper))


def collocates(
    docs: Iterable[Doc],
    finder: HitFinder,
    *,
    window: tuple[int, int] = (5, 5),
    by: str = "logdice",
    min_count: int = 3,
    cross_sentences: bool = False,
    scope: str = "body",
    stopwords: bool = False,
    slice: Slice | None = None,
) -> list[dict[str, Any]]:
    """Collocate records of *docs* in this process (the CLI runs :class:`CollocTask` on every core)."""
    sl = slice or Slice()
    task = CollocTask(finder, window, cross_sentences=cross_sentences, scope=scope, slice=sl)
    table = CollocTable(stopwords=stopwords)
    for doc in docs:
        result = task(Doc.of(doc))
        sl.count(result["verdict"])
        table.add(result)
    return table.records(by, min_count=min_count)
