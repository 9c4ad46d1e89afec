"""What a date scan yields: mentions (:class:`DateMention`), article dates
(:class:`ArticleDate`) and, inside the package, candidates (:class:`Cand`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kzcorpus.schema import DATE

if TYPE_CHECKING:
    from kzcorpus.doc import Doc

Kind = Literal["year", "month", "day", "datetime", "relative"]
KINDS: tuple[str, ...] = ("year", "month", "day", "datetime", "relative")
#: The keys of :meth:`DateMention.record`, in order (:data:`kzcorpus.schema.DATE`).
FIELDS: tuple[str, ...] = tuple(DATE.keys)


@dataclass
class ArticleDate:
    """When an article was written, as far as it can be known."""

    value: str | None
    source: Literal["metadata", "inferred", "unknown"]
    evidence: str

    def record(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "evidence": self.evidence}


@dataclass
class DateMention:
    """One date expression: ``article.text[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str
    value: str | None
    kind: str
    calendar: str = "gregorian"
    hijri: str | None = None
    implicit_year: bool = False
    #: Where a year left out came from: ``"text"`` (a governing year, «من
    #: السنة نفسها», a range end) or ``"anchor"`` (the article's date).
    implicit_year_from: str | None = None
    anchor: str | None = None
    anchor_source: str | None = None
    range: str | None = None
    #: The article the mention was found in: gives :attr:`part`.
    source: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def part(self) -> str | None:
        """The page part the mention stands in (``Doc.part_at``), found on
        first use: the timeline, which does not print it, does not pay for it."""
        return self.source.part_at(self.start) if self.source is not None else None

    def record(self) -> dict[str, Any]:
        """The JSON-ready record: every key of :data:`FIELDS`, ``None`` when
        not given (``implicit_year`` is ``True`` or ``None``; ``sentence`` is
        not part of it)."""
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "calendar": self.calendar,
            "hijri": self.hijri,
            "implicit_year": True if self.implicit_year else None,
            "implicit_year_from": self.implicit_year_from if self.implicit_year else None,
            "anchor": self.anchor,
            "anchor_source": self.anchor_source,
            "range": self.range,
            "part": self.part,
        }


@dataclass
class Cand:
    """A date found in folded text (``fs``-``fe``), before it is resolved."""

    fs: int
    fe: int
    prio: int  # higher wins an overlap of equal length
    kind: str  # year, month, day, datetime, relative
    calendar: str = "gregorian"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    hh: int | None = None
    mi: int | None = None
    # Resolution against the anchor:
    implicit: bool = False  # year left out
    year_offset: int | None = None  # «من العام الماضي» after a month: -1
    qual: int | None = None  # «الماضي» -1, «المقبل» +1, «الجاري» 0 after a month
    unit: str | None = None  # relative: year, month, week, day
    offset: int = 0  # relative offset in *unit*
    weekday: int | None = None
    range_with: int | None = None  # index of the other end
    greg_year: int | None = None  # a Hijri month with a Gregorian year
    explicit: bool = True  # a full date written out (used to infer the article date)
    same_year: bool = False
    since: bool = False  # after «منذ»: on or before the article's date, and it governs no later date
    past: bool = False  # a past-tense verb in its clause: on or before the article's date
    same_as: int | None = (
        None  # «الأحد الموافق 10 شوال»: where the date the weekday names starts  # «... من العام نفسه»: the year of the last written year
    )
