"""One article, processed once: the :class:`Doc` every analysis reads.

An :class:`~kzcorpus.corpus.Article` is what a file holds; a :class:`Doc`
adds what analyses derive from it, each built on first use and then kept:

- ``fmap`` / ``folded``: the folded text and its map back to original
  offsets (:class:`~kzcorpus.arabic.FoldMap`) — the only fold of the text;
- ``tokens``: the words with original offsets; ``words``: their folded forms;
- ``lines``: line numbers of offsets;
- ``sentences``: sentence spans;
- ``parts``: the page part of every line (:mod:`kzcorpus.parts`; with
  :attr:`Doc.boilerplate`, the corpus's learned boilerplate, when the
  article was read from a corpus), and
  :meth:`Doc.part_at`, the one place any record gets its ``part``;
- :meth:`Doc.memo`: a result of an analysis (dates, entity mentions) that
  another analysis of the same article asks for again.

A ``Doc`` holds one article only; streaming a corpus through ``Doc`` objects
keeps memory flat.  It pickles as its article (every derived structure is
rebuilt on demand, and the boilerplate model travels once per worker with
the task, :func:`kzcorpus.engine.scan`), so sending one to a worker process
costs no more than sending the text.

Imports flow one way: analyses → ``Doc`` → text primitives
(:mod:`kzcorpus.arabic`, :mod:`kzcorpus.parts`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar, cast

from kzcorpus.arabic import WORD_RE, FoldMap, LineIndex, Span, Token, fold
from kzcorpus.arabic import sentences as _sentences
from kzcorpus.corpus import Article

if TYPE_CHECKING:
    from kzcorpus.boilerplate import Boilerplate
    from kzcorpus.parts import Part, PartName

T = TypeVar("T")

#: Folded forms of words seen so far (words repeat across articles: a word
#: is folded once per process).  Bounded: cleared when it grows past the cap.
_WORD_FOLDS: dict[str, str] = {}
_WORD_FOLDS_CAP = 200_000


def _folded_words(surfaces: list[str]) -> list[str]:
    """:func:`fold_word` of each of *surfaces*: looked up in C (``map``), folded
    only where never seen (a cached fold may be "", so ``None`` is tested)."""
    known: Callable[[str], str | None] = _WORD_FOLDS.get
    found: list[str | None] = list(map(known, surfaces))
    if None in found:
        found = [w if w is not None else fold_word(t) for w, t in zip(found, surfaces, strict=True)]
    return cast("list[str]", found)


def fold_word(word: str) -> str:
    """``fold(word)``, remembered across articles."""
    got = _WORD_FOLDS.get(word)
    if got is None:
        if len(_WORD_FOLDS) >= _WORD_FOLDS_CAP:
            _WORD_FOLDS.clear()
        got = _WORD_FOLDS[word] = fold(word)
    return got


class Doc:
    """An article plus everything derived from it, each computed once."""

    __slots__ = (
        "_fmap",
        "_folded",
        "_lines",
        "_memo",
        "_part_starts",
        "_parts",
        "_sentences",
        "_tokens",
        "_words",
        "article",
        "boilerplate",
    )

    def __init__(self, article: Article, boilerplate: Boilerplate | None = None) -> None:
        self.article = article
        #: The corpus's learned boilerplate (:mod:`kzcorpus.boilerplate`), if any:
        #: :attr:`parts` uses its outlet for this article's source.
        self.boilerplate = boilerplate
        self._fmap: FoldMap | None = None
        self._folded: str | None = None
        self._lines: LineIndex | None = None
        self._tokens: list[Token] | None = None
        self._words: list[str] | None = None
        self._sentences: list[Span] | None = None
        self._parts: list[Part] | None = None
        self._part_starts: list[int] | None = None
        self._memo: dict[Hashable, Any] = {}

    @classmethod
    def of(cls, source: Doc | Article | str, doc_id: str = "text") -> Doc:
        """*source* as a ``Doc``: a ``Doc`` as it is, an article or a bare text wrapped."""
        if isinstance(source, Doc):
            return source
        if isinstance(source, str):
            return cls(Article(doc_id, source, "<text>"))
        return cls(source)

    def __reduce__(self) -> tuple[type[Doc], tuple[Article]]:
        return (Doc, (self.article,))

    def __repr__(self) -> str:
        return f"Doc({self.article.id!r}, {len(self.article.text)} chars)"

    # -- the article ---------------------------------------------------------

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str | None:
        return self.article.title

    @property
    def meta(self) -> dict[str, str]:
        return self.article.meta

    @property
    def published(self) -> str | None:
        return self.article.published

    @property
    def source(self) -> str | None:
        return self.article.source

    # -- derived, each once --------------------------------------------------

    @property
    def fmap(self) -> FoldMap:
        """The folded text and its offset map (the article's only fold)."""
        if self._fmap is None:
            self._fmap = FoldMap(self.article.text, folded=self._folded)
        return self._fmap

    @property
    def folded(self) -> str:
        """The folded text (without building its offset map, which page parts
        do not need; :attr:`fmap` reuses it)."""
        if self._fmap is not None:
            return self._fmap.folded
        if self._folded is None:
            self._folded = fold(self.article.text)
        return self._folded

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.article.text)
        return self._lines

    def line(self, offset: int) -> int:
        """1-based line number of *offset*."""
        return self.lines.line(offset)

    @property
    def tokens(self) -> list[Token]:
        """Every word of the text, with original offsets."""
        if self._tokens is None:
            self._tokens = [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(self.article.text)]
        return self._tokens

    @property
    def words(self) -> list[str]:
        """The folded form of each of :attr:`tokens`."""
        if self._words is None:
            self._words = [fold_word(t.surface) for t in self.tokens]
        return self._words

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(_sentences(self.article.text))
        return self._sentences

    @property
    def parts(self) -> list[Part]:
        """The part of every non-blank line (:func:`kzcorpus.parts.classify`,
        with the outlet's learned boilerplate when :attr:`boilerplate` is set)."""
        if self._parts is None:
            from kzcorpus.parts import classify

            outlet = self.boilerplate.outlet(self.article.source) if self.boilerplate else None
            self._parts = classify(self.article.text, self.folded, outlet)
            self._part_starts = [p.start for p in self._parts]
        return self._parts

    def part_at(self, offset: int) -> PartName:
        """The page part holding *offset*: the one place a record gets its ``part``.

        Blank lines and line breaks belong to the part before them; an
        offset before the first line to the first part (``body`` in a text
        with no lines).
        """
        parts = self.parts
        assert self._part_starts is not None
        i = bisect_right(self._part_starts, offset) - 1
        if i < 0:
            return parts[0].part if parts else "body"
        return parts[i].part

    def _parts_in(self, which: str | Sequence[str]) -> list[Part]:
        """The parts named *which* (``"all"``: every part)."""
        if which == "all":
            return self.parts
        wanted = {which} if isinstance(which, str) else set(which)
        return [p for p in self.parts if p.part in wanted]

    def _surfaces(self, part: Part) -> list[str]:
        """A part's words as written: those it was classified with."""
        found = part.surfaces
        return found if found is not None else WORD_RE.findall(self.article.text, part.start, part.end)

    def spans(self, which: str | Sequence[str] = "body") -> list[tuple[int, int]]:
        """``(start, end)`` of the lines in part(s) *which* (``"all"``: every line)."""
        return [(p.start, p.end) for p in self._parts_in(which)]

    def part_tokens(self, which: str | Sequence[str] = "body") -> int:
        """How many tokens the lines in part(s) *which* hold (``"all"``: every
        line), from the words the parts were classified with."""
        return sum(len(self._surfaces(p)) for p in self._parts_in(which))

    def part_words(self, which: str | Sequence[str] = "body") -> list[str]:
        """The folded words (:attr:`words`) of the lines in part(s) *which*,
        in order (a list, which a ``Counter`` counts in C), from the words
        the parts were classified with: the text is not scanned again."""
        return _folded_words([w for p in self._parts_in(which) for w in self._surfaces(p)])

    def with_parts(self, records: Iterable[dict[str, Any]], key: str = "start") -> Iterable[dict[str, Any]]:
        """Set ``part`` on each record from its offset *key*."""
        for rec in records:
            rec["part"] = self.part_at(rec[key])
            yield rec

    def memo(self, key: Hashable, compute: Callable[[Doc], T]) -> T:
        """``compute(self)``, once per *key* for this article.

        Analyses use it for results another analysis of the same article
        asks for again (the date scan, entity mentions for a gazetteer).
        """
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = compute(self)
            return value


class Hit(NamedTuple):
    """A match in a text: original offsets plus how it matched (e.g. ``ل + روسيا``)."""

    start: int
    end: int
    match: str


class HitFinder(Protocol):
    """Anything that finds hits in an article: a KWIC matcher, an entity's mentions…"""

    def find(self, doc: Doc) -> Iterable[Hit]: ...


def boilerplate_for(articles: Any, task: Any = None) -> Boilerplate | None:
    """The learned boilerplate the Docs of *articles* get (for *task*): the
    corpus's (``articles.boilerplate()``), or none when the task never reads
    page parts (``needs_parts = False``) or *articles* is no corpus."""
    if not getattr(task, "needs_parts", True):
        return None
    learn = getattr(articles, "boilerplate", None)
    return learn() if callable(learn) else None


def docs(articles: Iterable[Article | Doc]) -> Iterable[Doc]:
    """Each article as a :class:`Doc`, one at a time (with the corpus's
    learned boilerplate when *articles* is a corpus)."""
    model = boilerplate_for(articles)
    for a in articles:
        yield a if isinstance(a, Doc) else Doc(a, model)
