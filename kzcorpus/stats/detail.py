"""``kzcorpus stats DOC``: one article in detail.

Its stats row, the lines' parts, its top content words, its keywords
against the rest of the corpus (the special case of :mod:`kzcorpus.keywords`
with the article as the target and every other article as the reference:
its counting, clitic grouping and scores), and, when asked, its top
entities and dated events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, docs
from kzcorpus.stats.analyses import mentions, timeline
from kzcorpus.stats.article import stats_row
from kzcorpus.stats.keyness import G2_CRITICAL, KEYNESS_MIN_COUNT
from kzcorpus.stats.measures import MATTR_WINDOW, Scope, check_scope, check_window, scoped
from kzcorpus.stats.words import ranked

if TYPE_CHECKING:
    from kzcorpus.entities import Gazetteer


def top_entities(doc: Doc | Article, gazetteer: Gazetteer, limit: int = 15) -> list[dict[str, Any]]:
    """The entities mentioned most in *doc*: ``id``, ``name``, ``type``, ``mentions``."""
    found = mentions(Doc.of(doc), gazetteer)
    counts = Counter(m.id for m in found)
    first = {m.id: m for m in reversed(found)}
    rows = []
    for e, n in counts.most_common(limit):
        entry = gazetteer.get(e)
        name = entry.name if entry is not None else first[e].text
        rows.append({"id": e, "name": name, "type": first[e].type, "mentions": n})
    return rows


def dated_events(doc: Doc | Article) -> list[dict[str, Any]]:
    """The dated expressions of *doc* with their sentences: ``value``,
    ``kind``, ``text``, ``start``, ``sentence``."""
    keys = ("value", "kind", "text", "start", "sentence")
    return [{k: r[k] for k in keys} for r in timeline(Doc.of(doc))]


def article_detail(
    article: Doc | Article,
    corpus_articles: Iterable[Doc | Article],
    *,
    scope: Scope = "body",
    top: int = 20,
    keyness_top: int = 20,
    gazetteer: Gazetteer | None = None,
    dates: bool = False,
    window: int = MATTR_WINDOW,
) -> dict[str, Any]:
    """``kzcorpus stats DOC``: *article* against the rest of *corpus_articles*
    (the article itself, by id, is skipped there).

    Keys: ``stats`` (an :func:`~kzcorpus.stats.article_stats` row, with the
    entity figures given a *gazetteer* and the date figures with *dates*),
    ``parts`` (per line: ``line``, ``start``, ``end``, ``part``, ``reason``,
    ``text``), ``top_words`` (word-list records), ``keywords`` (``rank``,
    ``word``, ``count``, ``per_10k``, ``ref_count``, ``ref_per_10k``,
    ``g2``, ``log_ratio``, ``forms``), ``keyness`` (the method, stated:
    ``measure``, ``effect_size``, ``reference``, ``reference_articles``,
    ``reference_tokens``, ``target_tokens``, ``min_count``, ``threshold``),
    ``top_entities`` (the first *top*; ``None`` without a *gazetteer*) and
    ``dated_events`` (``None`` without *dates*).
    """
    check_scope(scope)
    check_window(window)
    from kzcorpus.keywords import TARGET, KeyCountTask, KeyTable, Selection

    doc = Doc.of(article)
    c = scoped(doc, scope)
    stats = stats_row(c, gazetteer, dates, window)
    # keywords' own counting and scoring: target = this article, reference = the rest.
    task = KeyCountTask(Selection(ids=frozenset({doc.id})), scope=scope)
    table = KeyTable()
    table.add({**task(doc), "side": TARGET})
    for other in docs(corpus_articles):
        if other.id != doc.id:
            table.add(task(other))
    target, ref = table.target.tally, table.reference.tally
    g = table.grouped()
    content = g.content(g.target)
    per = 10000 / target.tokens if target.tokens else 0.0
    top_words = [
        {
            "rank": i,
            "word": target.spelling(w, g.target_forms[w]),
            "count": n,
            "per_10k": round(n * per, 2),
            "docs": 1,
            "forms": target.forms(g.target_forms[w]),
        }
        for i, (w, n) in enumerate(ranked(content, 1, top), 1)
    ]
    kept = ("rank", "word", "count", "per_10k", "ref_count", "ref_per_10k", "g2", "log_ratio", "forms")
    keys = [{k: r[k] for k in kept} for r in table.records(min_count=KEYNESS_MIN_COUNT, threshold=G2_CRITICAL)]
    keys = keys[:keyness_top]
    return {
        "stats": stats,
        "parts": [p.record(doc.text) for p in doc.parts],
        "top_words": top_words,
        "keywords": keys,
        "keyness": {
            "measure": "log-likelihood G2 (Dunning 1993)",
            "effect_size": "log ratio, log2 of the ratio of relative frequencies (Hardie 2014)",
            "reference": "the rest of the corpus",
            "reference_articles": table.reference.articles,
            "reference_tokens": ref.tokens,
            "target_tokens": target.tokens,
            "min_count": KEYNESS_MIN_COUNT,
            "threshold": G2_CRITICAL,
        },
        "top_entities": top_entities(doc, gazetteer, top) if gazetteer is not None else None,
        "dated_events": dated_events(doc) if dates else None,
    }
