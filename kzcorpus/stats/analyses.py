"""What the entity and date analyses say about a :class:`~kzcorpus.doc.Doc`, for statistics.

The analyses are asked with the same ``Doc`` the statistics read; they keep
their work on it (:meth:`~kzcorpus.doc.Doc.memo`), so each is done once per
article however often it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzcorpus.doc import Doc

if TYPE_CHECKING:
    from kzcorpus.dates import ArticleDate, DateMention
    from kzcorpus.entities import Gazetteer, Mention


def mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """:func:`kzcorpus.entities.find_mentions` of *doc* (counts need no page parts)."""
    from kzcorpus.entities import find_mentions

    return find_mentions(doc, gazetteer, parts=False)


def own_date(doc: Doc) -> ArticleDate:
    """:func:`kzcorpus.dates.article_date` of *doc*."""
    from kzcorpus.dates import article_date

    return article_date(doc)


def date_mentions(doc: Doc) -> list[DateMention]:
    """:func:`kzcorpus.dates.find_dates` of *doc*, anchored on its own date."""
    from kzcorpus.dates import find_dates

    return find_dates(doc, anchor=own_date(doc))


def timeline(doc: Doc) -> list[dict[str, Any]]:
    """:func:`kzcorpus.dates.timeline_rows` of the dates of *doc*."""
    from kzcorpus.dates import timeline_rows

    return timeline_rows(doc, date_mentions(doc))
