"""Which articles (and which parts of them) an analysis looks at.

A :class:`Slice` is built once from what the user asked for and tested on
every article:

- a date range (*date_from*, *date_to*: ISO prefixes, ``2015``,
  ``2015-07``, ``2015-07-21``): the article's date is its metadata
  ``published`` when it has one, else the date inferred from its text
  (:func:`kzcorpus.dates.article_date`, which says which).  A date overlaps
  the range at its own precision (an article dated ``2022-06`` is in a range
  from ``2022-06-15``).  An article whose date is unknown is left out of a
  date range and counted in :attr:`Slice.undated`;
- sources (*sources*: the metadata ``source``, compared case-insensitively,
  any of them);
- metadata conditions (*where*: ``FIELD=VALUE`` for an exact value,
  ``FIELD~REGEX`` for a pattern searched in the value; every condition must
  hold; ``id`` is the article id, ``title`` its title);
- parts of the page (*parts*: ``title``, ``body``, ``comment``,
  ``residue``): a test on records that carry ``part``
  (:meth:`Slice.keep_record`), not on articles.

:meth:`Slice.keep` tests one article (in this process, counting what it
leaves out); :meth:`Slice.verdict` gives the same answer without counting,
for a task run in a worker process, and :meth:`Slice.count` counts a verdict
back in the main process.  A slice pickles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError

PART_CHOICES: tuple[str, ...] = ("title", "body", "comment", "residue")

Verdict = Literal["keep", "out", "undated"]
#: The ``date`` argument meaning "find the article's date" (:func:`article_date`).
FIND_DATE = object()


@dataclass(frozen=True)
class Condition:
    """``FIELD=VALUE`` (exact) or ``FIELD~REGEX`` (searched) on a metadata field."""

    field: str
    value: str
    regex: bool = False

    @classmethod
    def parse(cls, spec: str) -> Condition:
        """``FIELD=VALUE`` or ``FIELD~REGEX``: the first ``=`` or ``~`` splits."""
        m = re.match(r"\s*([^=~\s]+)\s*([=~])(.*)\Z", spec, re.S)
        if not m:
            raise UsageError(f"the condition {spec!r} is not FIELD=VALUE or FIELD~REGEX")
        name, op, value = m.group(1), m.group(2), m.group(3).strip()
        if op == "~":
            try:
                re.compile(value)
            except re.error as exc:
                raise UsageError(f"invalid regular expression {value!r} in {spec!r}: {exc}") from None
        return cls(name, value, op == "~")

    def holds(self, values: Mapping[str, Any]) -> bool:
        got = values.get(self.field)
        if got is None or got == "":
            return False
        text = str(got)
        if self.regex:
            return re.search(self.value, text) is not None
        return text.strip() == self.value

    def __str__(self) -> str:
        return f"{self.field}{'~' if self.regex else '='}{self.value}"


def _fields(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = dict(article.meta)
    out["id"] = article.id
    if article.title is not None:
        out["title"] = article.title
    return out


def _bound(value: str | None, which: str) -> str | None:
    if value is None:
        return None
    from kzcorpus.dates import normalise_date

    if normalise_date(value) is None:
        raise UsageError(f"the {which} date {value!r} is not a date; use ISO 8601: 2022, 2022-07 or 2022-07-15")
    return value.strip()


@dataclass
class Slice:
    """A selection of articles and parts (see the module notes)."""

    date_from: str | None = None
    date_to: str | None = None
    sources: tuple[str, ...] = ()
    where: tuple[Condition, ...] = ()
    parts: frozenset[str] = frozenset()
    #: Articles :meth:`keep`/:meth:`count` left out because their date is unknown.
    undated: int = field(default=0, compare=False)
    #: Articles left out for any reason (undated ones included).
    excluded: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        self.date_from = _bound(self.date_from, "first")
        self.date_to = _bound(self.date_to, "last")
        if self.date_from and self.date_to:
            first = self.date_from[:10] + "0000-01-01"[len(self.date_from[:10]) :]
            last = self.date_to[:10] + "0000-12-31"[len(self.date_to[:10]) :]
            if first > last:
                raise UsageError(f"the first date {self.date_from} is after the last date {self.date_to}")
        unknown = set(self.parts) - set(PART_CHOICES)
        if unknown:
            raise UsageError(f"unknown part {', '.join(sorted(unknown))}; choose from {', '.join(PART_CHOICES)}")
        self._sources = {s.casefold() for s in self.sources}

    @classmethod
    def build(
        cls,
        date_from: str | None = None,
        date_to: str | None = None,
        sources: Iterable[str] | None = None,
        where: Iterable[str] | None = None,
        parts: Iterable[str] | None = None,
    ) -> Slice:
        """A slice from option values (``where`` as ``FIELD=VALUE`` strings)."""
        return cls(
            date_from,
            date_to,
            tuple(sources or ()),
            tuple(Condition.parse(w) for w in where or ()),
            frozenset(p.lower() for p in parts or ()),
        )

    # -- what is asked ------------------------------------------------------

    @property
    def dated(self) -> bool:
        """True when the slice has a date range (undated articles are left out)."""
        return self.date_from is not None or self.date_to is not None

    @property
    def selects_articles(self) -> bool:
        return self.dated or bool(self.sources) or bool(self.where)

    def __bool__(self) -> bool:
        return self.selects_articles or bool(self.parts)

    # -- articles -----------------------------------------------------------

    def metadata_ok(self, article: Article | Doc) -> bool:
        """The tests that need no text: sources and metadata conditions."""
        a = article.article if isinstance(article, Doc) else article
        if self._sources and (a.source or "").casefold() not in self._sources:
            return False
        if self.where:
            values = _fields(a)
            return all(c.holds(values) for c in self.where)
        return True

    def verdict(self, doc: Doc | Article, date: str | object | None = FIND_DATE) -> Verdict:
        """``keep``, ``out``, or ``undated`` (left out by a date range for want of a date).

        *date*: the article's date when it is known already (e.g. stored in
        an index: the article may then come without its text)."""
        if not self.metadata_ok(doc):
            return "out"
        if not self.dated:
            return "keep"
        value = article_date(doc)[0] if date is FIND_DATE else date
        assert value is None or isinstance(value, str)
        if value is None:
            return "undated"
        from kzcorpus.dates import in_range

        return "keep" if in_range(value, self.date_from, self.date_to) else "out"

    def count(self, verdict: Verdict) -> bool:
        """Count *verdict* (from a worker) here; True when the article is kept."""
        if verdict != "keep":
            self.excluded += 1
            if verdict == "undated":
                self.undated += 1
        return verdict == "keep"

    def keep(self, doc: Doc | Article) -> bool:
        """Whether the article is in the slice (counting what is left out)."""
        return self.count(self.verdict(doc))

    # -- records --------------------------------------------------------------

    def keep_part(self, part: str | None) -> bool:
        return not self.parts or part in self.parts

    def keep_record(self, record: Mapping[str, Any]) -> bool:
        """Whether a record that carries ``part`` is in the parts asked for."""
        return self.keep_part(record.get("part"))

    def note(self) -> str | None:
        """What the date range left out for want of a date, or ``None``."""
        if not self.undated:
            return None
        n = self.undated
        return (
            f"{n:,} article{'s' if n != 1 else ''} left out of the date range: "
            "no published date in the metadata and none could be inferred from the text"
        )


def article_date(doc: Doc | Article) -> tuple[str | None, str]:
    """The date an article is sliced and grouped by, and where it comes from:
    ``(value, "metadata" | "inferred" | "unknown")``."""
    from kzcorpus.dates import article_date as _article_date

    got = _article_date(Doc.of(doc))
    return got.value, got.source


class SlicedCorpus:
    """A corpus (read or indexed) seen through a slice: only its articles."""

    def __init__(self, corpus: Any, sl: Any) -> None:
        self._corpus = corpus
        self._slice = sl

    def __getattr__(self, name: str) -> Any:
        return getattr(self._corpus, name)

    def __iter__(self) -> Any:
        for article in self._corpus:
            if self._slice.keep(article):
                yield article

    def with_results(self, kind: str) -> Any:
        for article, result in self._corpus.with_results(kind):
            if self._slice.keep(article):
                yield article, result
