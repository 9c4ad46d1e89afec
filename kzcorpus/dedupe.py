"""``--dedupe``: each group of near-duplicate articles counts once; and ``kwic``'s ``copies``.

The groups are those of :mod:`kzcorpus.dupes` at its defaults (Jaccard
:data:`~kzcorpus.dupes.THRESHOLD` of body shingles of
:data:`~kzcorpus.dupes.SHINGLE` words, articles of at least
:data:`~kzcorpus.dupes.MIN_WORDS` body words), formed among the articles a
command reads (its inputs, ``--include``/``--exclude``, ``--doc``) *before*
any slicing option: a story syndicated by several outlets counts once, for
the article that carried it first, and a slice then selects among what is
left.  The earliest article of a group (:class:`~kzcorpus.dupes.DupeSet`)
represents it; the others are left out, and :meth:`DedupedCorpus.note` says
how many.

The groups come from a first pass over the articles (a MinHash sketch of
each, on every core), or, for an index that stores them
(:meth:`kzcorpus.index.store.Index.dupe_pairs`), from the index with no
pass at all.  Either way they are the same: a pair is kept or not by the
two articles alone (LSH proposes it from their sketches, the exact Jaccard
check decides), so the pairs among the articles read are the stored pairs
between them, and the groups their connected components.

``copies`` of a ``kwic`` hit: how many articles of the hit article's group
(itself included) have a sentence with the same folded words as the
sentence the hit is in (:func:`kzcorpus.dupes.passage_key`); 1 for an
article in no group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.dupes import MIN_WORDS, THRESHOLD, DupeFinder, SketchTask

#: Runs a task over articles: ``(article, result)`` in corpus order.
Scanner = Callable[[Iterable[Article], Callable[[Doc], Any]], Iterable[tuple[Article, Any]]]


def earliest_key(published: str | None, position: int) -> tuple[bool, str, int]:
    """How a group's representative is chosen: least published date (dated
    first), then corpus order."""
    return (published is None, published or "", position)


@dataclass
class DupeSet:
    """Near-duplicate groups among some articles, each with its representative first."""

    #: Articles the groups were formed among.
    articles: int
    #: Each group's ids: the representative, then the others in corpus order.
    groups: list[tuple[str, ...]]
    _group_of: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for g in self.groups:
            for member in g:
                self._group_of[member] = g

    @classmethod
    def build(cls, order: Iterable[tuple[str, str | None]], pairs: Iterable[tuple[str, str]]) -> DupeSet:
        """Groups from the articles read (``(id, published)`` in corpus order)
        and the kept pairs between them (pairs naming other articles are ignored)."""
        position: dict[str, tuple[int, str | None]] = {}
        for i, (doc_id, published) in enumerate(order):
            position[doc_id] = (i, published)
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            root = x
            while parent.get(root, root) != root:
                root = parent[root]
            while x != root:
                parent[x], x = root, parent[x]
            return root

        for a, b in pairs:
            if a in position and b in position:
                parent.setdefault(a, a)
                parent.setdefault(b, b)
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb, key=lambda d: position[d][0])] = min(ra, rb, key=lambda d: position[d][0])
        members: dict[str, list[str]] = {}
        for x in parent:
            members.setdefault(find(x), []).append(x)
        groups = []
        for ms in members.values():
            ms.sort(key=lambda d: position[d][0])
            rep = min(ms, key=lambda d: earliest_key(position[d][1], position[d][0]))
            groups.append((rep, *(m for m in ms if m != rep)))
        groups.sort(key=lambda g: position[g[0]][0])
        return cls(len(position), groups)

    def group_of(self, doc_id: str) -> tuple[str, ...] | None:
        """The group *doc_id* is in (representative first), or ``None``."""
        return self._group_of.get(doc_id)

    def is_copy(self, doc_id: str) -> bool:
        """True for a member of a group that is not its representative."""
        g = self._group_of.get(doc_id)
        return g is not None and g[0] != doc_id

    @property
    def dropped(self) -> int:
        """Articles that are not their group's representative."""
        return sum(len(g) - 1 for g in self.groups)


def serial_scanner(articles: Iterable[Article], task: Callable[[Doc], Any]) -> Iterable[tuple[Article, Any]]:
    from kzcorpus.engine import scan

    return scan(articles, task)


def scan_dupes(
    articles: Iterable[Article], *, passages: bool = False, scanner: Scanner = serial_scanner
) -> tuple[DupeSet, dict[str, frozenset[int]]]:
    """The groups among *articles* (one sketch pass), and, with *passages*,
    the passage keys of every article in a group."""
    finder = DupeFinder(THRESHOLD, MIN_WORDS)
    order: list[tuple[str, str | None]] = []
    keys: dict[str, frozenset[int]] = {}
    for article, sketch in scanner(articles, SketchTask(passages=passages)):
        order.append((article.id, article.published))
        finder.add(article.id, article.source, article.published, sketch)
        if sketch.passages is not None:
            keys[article.id] = sketch.passages
    ds = DupeSet.build(order, ((a, b) for a, b, _ in finder.id_pairs()))
    return ds, {k: v for k, v in keys.items() if ds.group_of(k) is not None}


class DedupedCorpus:
    """A corpus (read or indexed) with each near-duplicate group's copies
    left out (*drop*), or only annotated (``kwic --copies`` alone); the
    groups are found on first use (see the module notes)."""

    def __init__(
        self,
        corpus: Any,
        *,
        drop: bool = True,
        passages: bool = False,
        scanner: Scanner = serial_scanner,
        on_ready: Callable[[DedupedCorpus], None] | None = None,
    ) -> None:
        self._corpus = corpus
        self._on_ready = on_ready
        self.drop = drop
        self._passages_wanted = passages
        self._scanner = scanner
        self._dupes: DupeSet | None = None
        self._keys: dict[str, frozenset[int]] = {}
        self._index_numbers: dict[str, int] = {}
        index = getattr(corpus, "index", None)
        # The articles read, fixed now: a later restriction (kwic's candidates) must not change the groups.
        self._stored = index is not None and index.has_dupes()
        self._universe = corpus.selected_ids() if self._stored else None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._corpus, name)

    @property
    def dupes(self) -> DupeSet:
        if self._dupes is None:
            if self._stored:
                self._dupes = self._from_index()
            else:
                quiet = getattr(self._corpus, "_quiet", None)
                if quiet is not None:  # problems with inputs are reported once, by the pass that counts
                    self._corpus._quiet = True
                try:
                    self._dupes, self._keys = scan_dupes(
                        self._corpus, passages=self._passages_wanted, scanner=self._scanner
                    )
                finally:
                    if quiet is not None:
                        self._corpus._quiet = quiet
            if self._on_ready is not None:
                self._on_ready(self)
        return self._dupes

    def _from_index(self) -> DupeSet:
        index = self._corpus.index
        assert self._universe is not None
        wanted = set(self._universe)
        pairs = []
        published: dict[str, str | None] = {}
        for (na, ida, pa), (nb, idb, pb) in index.dupe_pairs():
            if ida in wanted and idb in wanted:
                pairs.append((ida, idb))
                published[ida], published[idb] = pa, pb
                self._index_numbers[ida], self._index_numbers[idb] = na, nb
        return DupeSet.build(((d, published.get(d)) for d in self._universe), pairs)

    def __iter__(self) -> Iterator[Article]:
        ds = self.dupes
        for article in self._corpus:
            if not (self.drop and ds.is_copy(article.id)):
                yield article

    def with_results(self, kind: str) -> Iterator[tuple[Article, Any]]:
        ds = self.dupes
        for article, result in self._corpus.with_results(kind):
            if not (self.drop and ds.is_copy(article.id)):
                yield article, result

    def with_figures(self) -> Iterator[tuple[Article, str | None, int, int]]:
        """The indexed corpus's stored figures, copies left out as :meth:`__iter__` leaves them."""
        ds = self.dupes
        for row in self._corpus.with_figures():
            if not (self.drop and ds.is_copy(row[0].id)):
                yield row

    @property
    def whole(self) -> bool:
        """Never the whole corpus once copies are left out (so corpus-wide
        stored counts, which include them, are not used)."""
        return bool(getattr(self._corpus, "whole", False)) and not (self.drop and self.dupes.dropped)

    def copies(self, doc_id: str, key: int) -> int:
        """Articles of *doc_id*'s group (itself included) with a sentence of passage key *key*."""
        group = self.dupes.group_of(doc_id)
        if group is None:
            return 1
        missing = [d for d in group if d not in self._keys]
        if missing:
            self._load_keys(missing)
        return sum(1 for d in group if key in self._keys[d])

    def _load_keys(self, ids: list[str]) -> None:
        """Passage keys of articles the first pass did not keep them for (read from the index)."""
        from kzcorpus.doc import boilerplate_for
        from kzcorpus.dupes import passage_keys

        model = boilerplate_for(self._corpus)  # parted as the first pass parted them
        numbers = {self._index_numbers[d]: d for d in ids}
        for n, article in self._corpus.index.articles(numbers):
            self._keys[numbers[n]] = frozenset(k for _, _, k in passage_keys(Doc(article, model)))

    def note(self) -> str:
        """What was left out (or, without *drop*, found), for stderr."""
        ds = self.dupes
        n, g = ds.dropped, len(ds.groups)
        groups = f"{g:,} group{'s' if g != 1 else ''} of near-duplicate articles"
        if not self.drop:
            return f"{groups} among {ds.articles:,}"
        return (
            f"{n:,} article{'s' if n != 1 else ''} of {ds.articles:,} left out as near-copies "
            f"({groups}, each counted once, by its earliest article)"
        )
