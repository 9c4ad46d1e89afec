"""Articles read from an index, in place of a :class:`~kzcorpus.corpus.Corpus`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kzcorpus.boilerplate import Boilerplate
from kzcorpus.corpus import Article, Problem, resolve_ids
from kzcorpus.index.store import Index


class IndexCorpus:
    """The indexed corpus: same articles, same ids, same order as reading the inputs.

    Offers what commands use of a :class:`~kzcorpus.corpus.Corpus`
    (iteration, :meth:`select`, ``problems``, ``notes``), plus
    :meth:`restrict` (only some article numbers, e.g. KWIC candidates) and
    :meth:`with_results` (stored per-article results).
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.problems: list[Problem] = []  # inputs that could not be read were reported at build time
        self.notes: list[str] = []
        self._only_ids: frozenset[str] | None = None
        self._only_ns: set[int] | None = None
        self._boilerplate: Boilerplate | None = None

    def ids(self) -> list[str]:
        return self.index.ids()

    def boilerplate(self) -> Boilerplate:
        """The boilerplate learned when the index was built (:mod:`kzcorpus.boilerplate`)."""
        if self._boilerplate is None:
            self._boilerplate = Boilerplate.from_json(self.index.meta.get("boilerplate", "{}"))
        return self._boilerplate

    def select(self, requested: Iterable[str]) -> list[str]:
        """As :meth:`kzcorpus.corpus.Corpus.select`: ids or unambiguous prefixes."""
        chosen = resolve_ids(requested, self.ids())
        self._only_ids = frozenset(chosen)
        return chosen

    def selected_ids(self) -> list[str]:
        """The ids of the articles read (after :meth:`select`, before :meth:`restrict`), in corpus order."""
        return [i for i in self.ids() if self._only_ids is None or i in self._only_ids]

    def restrict(self, numbers: Iterable[int]) -> None:
        """Only these article numbers (intersected with any earlier restriction)."""
        ns = set(numbers)
        self._only_ns = ns if self._only_ns is None else self._only_ns & ns

    @property
    def whole(self) -> bool:
        """True while no restriction (:meth:`select`, :meth:`restrict`) narrows the corpus."""
        return self._only_ids is None and self._only_ns is None

    def restrict_to_hits(self, finders: Iterable[Any]) -> None:
        """Only the articles the postings say may hold a hit of one of *finders*
        (unchanged when one of them cannot say: e.g. a regular expression)."""
        union: set[int] = set()
        for f in finders:
            tokens = f.index_tokens() if hasattr(f, "index_tokens") else None
            if tokens is None:
                return
            got: set[int] | None = None
            for forms in tokens:
                docs = self.index.docs_with(forms)
                got = set(docs) if got is None else got & set(docs)
            union |= got or set()
        self.restrict(union)

    def stored_vocab(self, scope: str) -> StoredVocab:
        """The word counts of *scope* over the whole corpus, as stored (see :class:`StoredVocab`)."""
        return StoredVocab(self.index, scope)

    def numbered(self) -> Iterator[tuple[int, Article]]:
        for n, article in self.index.articles(self._only_ns):
            if self._only_ids is None or article.id in self._only_ids:
                yield n, article

    def __iter__(self) -> Iterator[Article]:
        for _, article in self.numbered():
            yield article

    def with_figures(self) -> Iterator[tuple[Article, str | None, int, int]]:
        """``(article without its text, date, body tokens, all tokens)`` in corpus order
        (:meth:`kzcorpus.index.store.Index.figures`)."""
        for _, article, date, body, every in self.index.figures(self._only_ns):
            if self._only_ids is None or article.id in self._only_ids:
                yield article, date, body, every

    def with_results(self, kind: str) -> Iterator[tuple[Article, Any]]:
        """``(article, stored result of kind)`` in corpus order."""
        for _, article, result in self.index.articles_with_results(kind, self._only_ns):
            if self._only_ids is None or article.id in self._only_ids:
                yield article, result


class StoredVocab:
    """The folded word counts of one scope (``body`` or ``all``) over every
    live article, their clitic grouping and the token total, read from the
    index (its ``vocab`` and ``figures`` tables) instead of counted again."""

    def __init__(self, index: Index, scope: str) -> None:
        self.index = index
        self.scope = scope
        column = "all_tokens" if scope == "all" else "body_tokens"
        sql = f"SELECT coalesce(sum(f.{column}), 0) FROM figures f JOIN docs d ON d.n = f.n WHERE d.live = 1"
        self.tokens: int = index.con.execute(sql).fetchone()[0]

    def bases(self, words: Iterable[str]) -> dict[str, str]:
        return self.index.bases(self.scope, words)

    def base_counts(self, bases: Iterable[str]) -> dict[str, int]:
        return self.index.base_counts(self.scope, bases)
