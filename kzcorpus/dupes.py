"""Syndicated and near-duplicate articles: groups of articles whose body text is the same or nearly so.

Method (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, ch. 3):

1. Each article's body words (the lines :mod:`kzcorpus.parts` calls body:
   no title, reader comments or page residue, so a copy with another byline
   block or other page furniture still matches) are taken folded
   (:attr:`kzcorpus.doc.Doc.words`), and cut into overlapping *shingles*
   of :data:`SHINGLE` words.  Each shingle is hashed to 64 bits (BLAKE2b).
2. A MinHash sketch of the shingle set (``datasketch``, :data:`NUM_PERM`
   permutations) is computed per article by :class:`SketchTask`, a
   picklable task that :func:`kzcorpus.engine.scan` runs on every core.
3. Locality-sensitive hashing (``datasketch.MinHashLSH``, tuned
   :data:`LSH_MARGIN` below the threshold so that pairs near it are
   proposed too) proposes candidate pairs; each is then checked with the
   *exact* Jaccard similarity of the two shingle sets,
   ``|A ∩ B| / |A ∪ B|``, and kept when it is at least the threshold.  LSH
   may still miss a pair (a false negative); the exact check removes false
   positives.
4. Kept pairs are joined into groups (connected components, i.e. single
   linkage): a group's ``similarity_min``/``similarity_max`` are over its
   kept pairs.  Two members joined through a third may be less alike than
   the threshold (versions of one wire story edited in different ways).

Articles with fewer than ``min_words`` body words are left out (a two-line
caption matches every other copy of the caption, and tells little).

:class:`DupeSet` is what ``--dedupe`` and ``kwic``'s ``copies`` read: the
groups among a set of articles, each with its *representative*, the
earliest article: the least metadata ``published`` date (compared as ISO
8601 text, so ``2015-07`` comes before ``2015-07-21``), then the first in
corpus order; an article without a ``published`` date comes after every
dated one.  :func:`passage_key` names a sentence by its folded words, so
that two articles "carry the same passage" when one of their sentences has
the same folded words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError
from kzcorpus.schema import DUPE_GROUP

#: Words per shingle.
SHINGLE = 5
#: MinHash permutations.
NUM_PERM = 128
#: MinHash seed (every process must use the same).
SEED = 1
#: Default Jaccard threshold.
THRESHOLD = 0.8
#: LSH proposes pairs from this far below the threshold: at the threshold itself
#: it missed 22 of 246 pairs at 0.8 in a day of SaudiNewsNet, 0.1 below 1, 0.2 below none.
LSH_MARGIN = 0.2
#: Default minimum body words.
MIN_WORDS = 20


class Sketch(NamedTuple):
    """What :class:`SketchTask` returns for one article."""

    words: int
    shingles: Any  # np.ndarray[uint64], sorted, unique
    hashvalues: Any  # np.ndarray[uint64], the MinHash
    #: :func:`passage_keys` of the article, when the task was asked for them.
    passages: frozenset[int] | None = None


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The MinHash permutations of :data:`SEED`, made once per process (not once per article)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, scheme="affine64").permutations


def body_words(doc: Doc) -> list[str]:
    """The folded words of *doc*'s body lines, in order."""
    spans = doc.spans("body")
    out: list[str] = []
    i = 0
    tokens, words = doc.tokens, doc.words
    for start, end in spans:
        while i < len(tokens) and tokens[i].start < start:
            i += 1
        while i < len(tokens) and tokens[i].start < end:
            out.append(words[i])
            i += 1
    return out


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def passage_keys(doc: Doc) -> list[tuple[int, int, int]]:
    """``(start, end, key)`` of each sentence of *doc*: *key* hashes the
    sentence's folded words (64 bits), so spacing, punctuation and spelling
    variants that fold alike do not tell two copies of a sentence apart."""
    tokens, words = doc.tokens, doc.words
    out = []
    i = 0
    for start, end in doc.sentences:
        while i < len(tokens) and tokens[i].start < start:
            i += 1
        j = i
        while j < len(tokens) and tokens[j].start < end:
            j += 1
        out.append((start, end, _hash64(" ".join(words[i:j]))))
        i = j
    return out


def passage_key(doc: Doc, offset: int) -> int:
    """The key of the sentence of *doc* holding *offset* (the sentence that
    starts last at or before it; 0 when there is none)."""
    return doc.memo("passage_keys", _passage_index).get(offset)


class _PassageIndex:
    def __init__(self, keys: list[tuple[int, int, int]]) -> None:
        self.starts = [s for s, _, _ in keys]
        self.keys = [k for _, _, k in keys]

    def get(self, offset: int) -> int:
        from bisect import bisect_right

        i = bisect_right(self.starts, offset) - 1
        return self.keys[i] if i >= 0 else (self.keys[0] if self.keys else 0)


def _passage_index(doc: Doc) -> _PassageIndex:
    return _PassageIndex(passage_keys(doc))


_MULT = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


@lru_cache(maxsize=1 << 19)
def _word_hash(word: str) -> int:
    """A folded word's 64-bit hash, remembered across articles (per process)."""
    return _hash64(word)


def shingles(words: Sequence[str], size: int = SHINGLE) -> Any:
    """Sorted unique 64-bit hashes of the *size*-word shingles of *words*
    (one shingle of all the words when there are fewer).

    A shingle's hash combines its words' hashes (BLAKE2b, remembered per
    word) in order, ``h = h * K + w`` modulo 2**64, then mixes the bits:
    vectorised, some ten times faster than hashing each shingle's text.
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    k = min(size, len(words))
    m = len(words) - k + 1
    h = ids[:m].copy()
    for j in range(1, k):
        h *= _MULT
        h += ids[j : j + m]
    h ^= h >> np.uint64(31)
    h *= _MIX
    h ^= h >> np.uint64(29)
    return np.unique(h)


def jaccard(a: Any, b: Any) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if not len(a) and not len(b):
        return 1.0
    inter = int(np.intersect1d(a, b, assume_unique=True).size)
    return inter / (len(a) + len(b) - inter)


class SketchTask:
    """Per-article task: body words → shingles → MinHash (picklable)."""

    def __init__(self, shingle: int = SHINGLE, num_perm: int = NUM_PERM, *, passages: bool = False) -> None:
        if shingle < 1:
            raise UsageError("the shingle length must be at least 1 word")
        self.shingle = shingle
        self.num_perm = num_perm
        self.passages = passages

    def __call__(self, doc: Doc) -> Sketch:
        from datasketch import MinHash

        words = body_words(doc)
        sh = shingles(words, self.shingle)
        m = MinHash(
            num_perm=self.num_perm,
            seed=SEED,
            hashfunc=_identity,
            scheme="affine64",
            permutations=_permutations(self.num_perm),
        )
        if len(sh):
            m.update_batch(sh.tolist())
        keys = frozenset(k for _, _, k in passage_keys(doc)) if self.passages else None
        return Sketch(len(words), sh, m.hashvalues, keys)


class _Entry(NamedTuple):
    id: Any  # an article id, or an index's article number
    source: str | None
    date: str | None
    shingles: Any


class DupeFinder:
    """Collects sketches (:meth:`add`) and groups near-duplicates (:meth:`groups`)."""

    def __init__(self, threshold: float = THRESHOLD, min_words: int = MIN_WORDS, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise UsageError("the similarity threshold must be above 0 and at most 1")
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.min_words = min_words
        self.num_perm = num_perm
        # LSH below the threshold: pairs near it are proposed too (the exact check decides).
        self.lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=num_perm)
        self.entries: list[_Entry] = []
        self.pairs: list[tuple[int, int, float]] = []
        self.candidates = 0
        self.skipped = 0

    def add(self, doc_id: Any, source: str | None, date: str | None, sketch: Sketch) -> None:
        """Add one article; pairs it with earlier ones above the threshold."""
        from datasketch import LeanMinHash

        if sketch.words < self.min_words or not len(sketch.shingles):
            self.skipped += 1
            return
        m = LeanMinHash(seed=SEED, hashvalues=sketch.hashvalues, scheme="affine64")
        k = len(self.entries)
        self.entries.append(_Entry(doc_id, source, date, sketch.shingles))
        for j in self.lsh.query(m):
            self.candidates += 1
            sim = jaccard(self.entries[j].shingles, sketch.shingles)
            if sim >= self.threshold:
                self.pairs.append((j, k, sim))
        self.lsh.insert(k, m, check_duplication=False)

    def id_pairs(self) -> list[tuple[Any, Any, float]]:
        """The kept pairs, as ``(id, id, similarity)`` (ids as given to :meth:`add`)."""
        return [(self.entries[a].id, self.entries[b].id, s) for a, b, s in self.pairs]

    def groups(self) -> list[dict[str, Any]]:
        """One record per group, largest first (then by first article)."""
        parent = list(range(len(self.entries)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b, _ in self.pairs:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        members: dict[int, list[int]] = {}
        sims: dict[int, list[float]] = {}
        for a, _, s in self.pairs:
            sims.setdefault(find(a), []).append(s)
        for i in range(len(self.entries)):
            r = find(i)
            if r in sims:
                members.setdefault(r, []).append(i)
        ordered = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        out = []
        for n, (root, idx) in enumerate(ordered, 1):
            es = [self.entries[i] for i in idx]
            out.append(
                DUPE_GROUP.record(
                    {
                        "group": n,
                        "size": len(es),
                        "docs": [e.id for e in es],
                        "sources": [e.source for e in es],
                        "dates": [e.date for e in es],
                        "similarity_min": round(min(sims[root]), 3),
                        "similarity_max": round(max(sims[root]), 3),
                    }
                )
            )
        return out


def find_dupes(
    docs: Iterable[Doc],
    *,
    threshold: float = THRESHOLD,
    shingle: int = SHINGLE,
    min_words: int = MIN_WORDS,
) -> list[dict[str, Any]]:
    """Groups of near-duplicate articles among *docs*, in this process (see the module notes)."""
    task = SketchTask(shingle)
    finder = DupeFinder(threshold, min_words)
    for d in docs:
        d = Doc.of(d)
        finder.add(d.id, d.source, d.published, task(d))
    return finder.groups()
