"""Articles read from an index, in place of a :class:`~kzcorpus.corpus.Corpus`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

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

    def ids(self) -> list[str]:
        return self.index.ids()

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

    def numbered(self) -> Iterator[tuple[int, Article]]:
        for n, article in self.index.articles(self._only_ns):
            if self._only_ids is None or article.id in self._only_ids:
                yield n, article

    def __iter__(self) -> Iterator[Article]:
        for _, article in self.numbered():
            yield article

    def with_results(self, kind: str) -> Iterator[tuple[Article, Any]]:
        """``(article, stored result of kind)`` in corpus order."""
        for _, article, result in self.index.articles_with_results(kind, self._only_ns):
            if self._only_ids is None or article.id in self._only_ids:
                yield article, result
