"""Glue between analyses: entity and date figures for statistics, and the
part of the page (title, body, comment, residue) for any offset.

Each analysis module stays independent; this module is where one uses
another, so that the CLI stays thin.  Results for the article last asked
about are kept, because ``stats`` asks several questions of each article in
turn; nothing else is cached, so memory does not grow with the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcorpus.corpus import Article

if TYPE_CHECKING:
    from kzcorpus.dates import ArticleDate, DateMention
    from kzcorpus.entities import Gazetteer, Mention


def with_parts(article: Article, records: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Add ``part`` (of the record's ``start``) to each record of *article*."""
    from kzcorpus.doc import Doc

    return Doc(article).with_parts(records)


class Annotator:
    """Entities and dates of one article at a time, for ``stats``."""

    def __init__(self, gazetteer_files: Sequence[str | Path] = ()) -> None:
        self._gazetteer_files = list(gazetteer_files)
        self._gazetteer: Gazetteer | None = None
        self._key: tuple[str, int] | None = None
        self._mentions: list[Mention] = []
        self._dates: list[DateMention] = []
        self._date: ArticleDate | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from kzcorpus.entities import load_gazetteer

            self._gazetteer = load_gazetteer(self._gazetteer_files)
        return self._gazetteer

    def _load(self, article: Article) -> None:
        key = (article.id, id(article.text))
        if key == self._key:
            return
        from kzcorpus.dates import article_date, find_dates
        from kzcorpus.entities import find_mentions

        self._mentions = find_mentions(article, self.gazetteer)
        self._date = article_date(article)
        self._dates = find_dates(article, anchor=self._date)
        self._key = key

    def entity_counter(self, article: Article) -> tuple[int, int]:
        self._load(article)
        return len(self._mentions), len({m.id for m in self._mentions})

    def date_counter(self, article: Article) -> int:
        self._load(article)
        return len(self._dates)

    def infer_published(self, article: Article) -> str | None:
        self._load(article)
        assert self._date is not None
        return self._date.value if self._date.source == "inferred" else None

    def top_entities(self, article: Article, limit: int = 15) -> list[dict[str, Any]]:
        self._load(article)
        counts = Counter(m.id for m in self._mentions)
        first = {m.id: m for m in reversed(self._mentions)}
        rows = []
        for e, n in counts.most_common(limit):
            entry = self.gazetteer.get(e)
            name = entry.name if entry is not None else first[e].text
            rows.append({"id": e, "name": name, "type": first[e].type, "mentions": n})
        return rows

    def dated_events(self, article: Article) -> list[dict[str, Any]]:
        self._load(article)
        from kzcorpus.dates import timeline_rows

        keys = ("value", "kind", "text", "start", "sentence")
        return [{k: r[k] for k in keys} for r in timeline_rows(article, self._dates)]
