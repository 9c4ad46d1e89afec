"""Per-article results: the unit of work every command is made of.

A *task* turns one :class:`~kzcorpus.doc.Doc` into JSON-able data.  The same
task runs in worker processes (:func:`kzcorpus.engine.scan`) and is what an
index stores (:mod:`kzcorpus.index`), so a command gives the same output
whether it computes a result or reads it back.  :data:`STORED` lists the
tasks every index keeps, by kind.

Tasks are module-level functions or small picklable classes (a gazetteer is
named by its files and loaded once per process).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kzcorpus.doc import Doc

if TYPE_CHECKING:
    from kzcorpus.entities import Gazetteer


@lru_cache(maxsize=4)
def gazetteer_of(files: tuple[str, ...]) -> Gazetteer:
    """The gazetteer of *files*, loaded once per process."""
    from kzcorpus.entities import load_gazetteer

    return load_gazetteer(files)


def date_records(doc: Doc) -> list[dict[str, Any]]:
    """Every date expression of *doc* as a date record (:data:`kzcorpus.schema.DATE`)."""
    from kzcorpus.dates import find_dates

    return [m.record() for m in find_dates(doc)]


def timeline_records(doc: Doc) -> list[dict[str, Any]]:
    """The dated expressions of *doc* with their sentences (:data:`kzcorpus.schema.TIMELINE`), in text order."""
    from kzcorpus.dates import find_dates, timeline_rows

    return timeline_rows(doc, find_dates(doc))


class EntityTask:
    """An article's entity mentions, each with its page part, and adjectives
    (:func:`kzcorpus.entities.doc_entities`); the gazetteer is named by its
    files, so the task pickles small."""

    def __init__(self, gazetteer_files: Sequence[str] = ()) -> None:
        self.files = tuple(str(f) for f in gazetteer_files)

    def __call__(self, doc: Doc) -> dict[str, Any]:
        from kzcorpus.entities import doc_entities

        return doc_entities(doc, gazetteer_of(self.files))


class LearnTask:
    """What :class:`kzcorpus.entities.learned.NameLearner` reads of an article:
    its mention records that are evidence for a learned name or a person's
    (what the learner reads of them), and its folded words (every part:
    mentions are found in every part)."""

    def __init__(self, gazetteer_files: Sequence[str] = ()) -> None:
        self.files = tuple(str(f) for f in gazetteer_files)

    def __call__(self, doc: Doc) -> dict[str, Any]:
        from kzcorpus.entities import doc_entities
        from kzcorpus.entities.learned import evidence
        from kzcorpus.parts import PART_NAMES

        found = doc_entities(doc, gazetteer_of(self.files))
        keys = ("text", "type", "found_by", "id")
        return {
            "mentions": [
                {k: m[k] for k in keys} for m in found["mentions"] if m["type"] == "PER" or evidence(m) is not None
            ],
            "words": doc.part_words(PART_NAMES),
        }


class StatsTask:
    """An article's ``kzcorpus stats`` contribution (:func:`kzcorpus.stats.doc_stats`),
    entities counted with the gazetteer of *gazetteer_files*, dates too."""

    def __init__(self, gazetteer_files: Sequence[str] = (), *, scope: str = "body") -> None:
        self.files = tuple(str(f) for f in gazetteer_files)
        self.scope = scope

    def __call__(self, doc: Doc) -> dict[str, Any]:
        from kzcorpus.stats import doc_stats

        return doc_stats(doc, scope=self.scope, gazetteer=gazetteer_of(self.files), dates=True)  # type: ignore[arg-type]


def figures(doc: Doc) -> dict[str, Any]:
    """What an index keeps of an article beside its results, for the analyses
    that count every article (``trend``'s rates, ``collocates``' word
    counts): the article's ``date`` (:func:`kzcorpus.slicing.article_date`),
    ``body_tokens`` (``words`` of ``kzcorpus stats``), ``all_tokens`` (every
    line), and the folded word counts of the body lines (``body_words``) and
    of the other lines (``other_words``)."""
    from kzcorpus.parts import PART_NAMES
    from kzcorpus.slicing import article_date

    body = Counter(doc.part_words("body"))
    other = Counter(doc.part_words([p for p in PART_NAMES if p != "body"]))
    return {
        "date": article_date(doc)[0],
        "body_tokens": sum(body.values()),
        "all_tokens": sum(body.values()) + sum(other.values()),
        "body_words": dict(body),
        "other_words": dict(other),
    }


def stored(gazetteer_files: Sequence[str] = ()) -> dict[str, Callable[[Doc], Any]]:
    """What every index stores: kind -> task (``figures`` goes to tables of its own,
    :mod:`kzcorpus.index.store`, not to the per-article results)."""
    return {
        "dates": date_records,
        "timeline": timeline_records,
        "entities": EntityTask(gazetteer_files),
        "stats": StatsTask(gazetteer_files),
        "figures": figures,
    }


#: What an index stores with the package's own gazetteer (no ``--gazetteer`` files).
STORED: dict[str, Callable[[Doc], Any]] = stored()
