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

from collections.abc import Callable
from typing import Any

from kzcorpus.doc import Doc


def date_records(doc: Doc) -> list[dict[str, Any]]:
    """Every date expression of *doc* as a date record (:data:`kzcorpus.schema.DATE`)."""
    from kzcorpus.dates import find_dates

    return [m.record() for m in find_dates(doc)]


def timeline_records(doc: Doc) -> list[dict[str, Any]]:
    """The dated expressions of *doc* with their sentences (:data:`kzcorpus.schema.TIMELINE`), in text order."""
    from kzcorpus.dates import find_dates, timeline_rows

    return timeline_rows(doc, find_dates(doc))


#: What every index stores: kind -> task.
STORED: dict[str, Callable[[Doc], Any]] = {
    "dates": date_records,
    "timeline": timeline_records,
}
