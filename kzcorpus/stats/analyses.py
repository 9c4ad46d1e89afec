"""What the entity and date analyses say about a :class:`~kzcorpus.doc.Doc`, for statistics.

The analyses are asked with the same ``Doc`` the statistics read, so work
they keep on it (:meth:`~kzcorpus.doc.Doc.memo`) is done once per article
however often it is asked for.  Until they keep it themselves, each answer
is kept on the ``Doc`` here (``stats DOC`` asks for the mentions and dates
twice; an article without a metadata date needs its own date twice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzcorpus.doc import Doc

if TYPE_CHECKING:
    from kzcorpus.dates import ArticleDate, DateMention
    from kzcorpus.entities import Gazetteer, Mention


def _as_article(doc: Doc) -> Any:
    # entities and dates read .id .text .meta (a Doc has them all) and are
    # typed for an Article until they take a Doc; the Doc itself is passed
    # so that what they keep on it stays there.
    return doc


def mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """:func:`kzcorpus.entities.find_mentions` of *doc*."""
    from kzcorpus.entities import find_mentions

    return doc.memo(("stats.mentions", gazetteer), lambda d: find_mentions(_as_article(d), gazetteer))


def own_date(doc: Doc) -> ArticleDate:
    """:func:`kzcorpus.dates.article_date` of *doc*."""
    from kzcorpus.dates import article_date

    return doc.memo("stats.own_date", lambda d: article_date(_as_article(d)))


def date_mentions(doc: Doc) -> list[DateMention]:
    """:func:`kzcorpus.dates.find_dates` of *doc*, anchored on its own date."""
    from kzcorpus.dates import find_dates

    return doc.memo("stats.dates", lambda d: find_dates(_as_article(d), anchor=own_date(d)))


def timeline(doc: Doc) -> list[dict[str, Any]]:
    """:func:`kzcorpus.dates.timeline_rows` of the dates of *doc*."""
    from kzcorpus.dates import timeline_rows

    return timeline_rows(_as_article(doc), date_mentions(doc))
