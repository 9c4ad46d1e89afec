"""Figures of each article and of the corpus: the rows of ``kzcorpus stats``.

Words are the :attr:`~kzcorpus.doc.Doc.tokens` of the scope's lines; a
word's *type* is its folded form (:attr:`~kzcorpus.doc.Doc.words`: no
diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ/ئ→و/ي, Arabic-Indic digits →
0-9, lower case).  Entity and date figures come from
:func:`kzcorpus.entities.find_mentions` and :mod:`kzcorpus.dates`, asked with
the same ``Doc``.

Fields of an :func:`article_stats` record (one row of ``kzcorpus stats``)
=========================  ==================================================
key                        definition
=========================  ==================================================
``doc``                    article id (``TOTAL`` on the corpus row)
``title``                  the metadata title if there is one, else the
                           title found in the text (the line
                           :mod:`kzcorpus.parts` calls title), else null
``title_from``             ``metadata``, ``text`` or null
``title_in_text``          the title line found in the text, or null
``published``              publication date from metadata, else (with
                           *dates*) the one :func:`kzcorpus.dates.article_date`
                           infers, else null
``published_from``         ``metadata``, ``inferred`` or null
``source``                 ``source`` from metadata, or null
``scope``                  ``body`` or ``all``: which lines were counted
``characters``             characters of the counted lines, each line trimmed
                           of surrounding white space, line breaks excluded
``words``                  tokens in the counted lines
``words_arabic``           tokens whose first script character is Arabic
``words_latin``            tokens whose first script character is Latin
``words_number``           tokens that start with a digit (``2022``, ``6.2``
                           is two tokens)
``words_other``            any other token (another script)
``distinct_words``         number of types (distinct folded tokens)
``ttr``                    type/token ratio: ``distinct_words / words``
``mattr``                  moving-average TTR: the mean TTR of every window
                           of ``mattr_window`` consecutive tokens (Covington
                           & McFall 2010); a text shorter than the window
                           gets its plain TTR
``mattr_window``           the MATTR window, in tokens (50)
``hapax``                  types that occur exactly once
``sentences``              sentences in the counted lines (a line break
                           always ends a sentence)
``mean_sentence_words``    ``words / sentences``
``mean_word_length``       mean length of the folded tokens, in characters
``entity_mentions``        entity mentions (with a *gazetteer*; else null)
``entities_distinct``      distinct entities (same; null on the TOTAL row:
                           not additive)
``date_expressions``       date expressions (with *dates*; else null)
``lines_<part>``           non-blank lines classified as ``title``,
                           ``body``, ``comment``, ``residue``
``chars_<part>``           characters of those lines (trimmed)
``residue_share``          ``chars_residue`` / characters of all non-blank
                           lines: how much of the file is page residue
``articles``               1, or the number of articles on the TOTAL row
=========================  ==================================================

On the ``TOTAL`` row counts are sums; ``distinct_words``, ``ttr`` and
``hapax`` are computed over the pooled corpus (a word once in each of two
articles is not a hapax); ``mattr`` is the mean over the windows of every
article (windows never cross articles; an article shorter than the window
counts as one window); means are ratios of the sums.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, docs
from kzcorpus.parts import PART_NAMES, count_parts
from kzcorpus.stats.analyses import date_mentions, mentions, own_date
from kzcorpus.stats.measures import (
    MATTR_WINDOW,
    Scope,
    Scoped,
    check_scope,
    check_window,
    mean_word_length,
    ratio,
    rounded,
    scoped,
    script_counts,
)

if TYPE_CHECKING:
    from kzcorpus.entities import Gazetteer

#: Field names of a stats row, in order.
STATS_FIELDS: tuple[str, ...] = (
    "doc",
    "title",
    "title_from",
    "title_in_text",
    "published",
    "published_from",
    "source",
    "scope",
    "characters",
    "words",
    "words_arabic",
    "words_latin",
    "words_number",
    "words_other",
    "distinct_words",
    "ttr",
    "mattr",
    "mattr_window",
    "hapax",
    "sentences",
    "mean_sentence_words",
    "mean_word_length",
    "entity_mentions",
    "entities_distinct",
    "date_expressions",
    *(f"lines_{n}" for n in PART_NAMES),
    *(f"chars_{n}" for n in PART_NAMES),
    "residue_share",
    "articles",
)

_ADDITIVE = frozenset(
    ["characters", "words", "words_arabic", "words_latin", "words_number", "words_other", "sentences"]
    + ["entity_mentions", "date_expressions", "articles"]
    + [f"lines_{n}" for n in PART_NAMES]
    + [f"chars_{n}" for n in PART_NAMES]
)


# --------------------------------------------------------------------------
# Rows


def article_stats(
    article: Doc | Article,
    *,
    scope: Scope = "body",
    gazetteer: Gazetteer | None = None,
    dates: bool = False,
    window: int = MATTR_WINDOW,
) -> dict[str, Any]:
    """One row of ``kzcorpus stats`` (fields: see the module docstring).

    With *gazetteer*, the entity figures; with *dates*, the date figures and
    a publication date inferred from the text when the metadata has none.
    """
    check_scope(scope)
    check_window(window)
    return stats_row(scoped(Doc.of(article), scope), gazetteer, dates, window)


def stats_row(c: Scoped, gazetteer: Gazetteer | None, dates: bool, window: int) -> dict[str, Any]:
    """The row of *c* (:func:`article_stats` once the arguments are checked)."""
    doc = c.doc
    text_title = next((doc.text[p.start : p.end] for p in doc.parts if p.part == "title"), None)
    title, title_from = (doc.title, "metadata") if doc.title else (text_title, "text" if text_title else None)
    published, published_from = doc.published, "metadata" if doc.published else None
    if published is None and dates:
        own = own_date(doc)
        published = own.value if own.source == "inferred" else None
        published_from = "inferred" if published else None
    scripts = script_counts(c.tokens)
    words = c.words
    n_mentions: int | None = None
    n_entities: int | None = None
    if gazetteer is not None:
        found = mentions(doc, gazetteer)
        n_mentions, n_entities = len(found), len({m.id for m in found})
    per_part = count_parts(doc.parts)
    nonblank = sum(v["chars"] for v in per_part.values())
    win_total, win_n = c.windows(window)
    n_sentences = len(c.sentences)
    types = c.counts
    row: dict[str, Any] = {
        "doc": doc.id,
        "title": title,
        "title_from": title_from,
        "title_in_text": text_title,
        "published": published,
        "published_from": published_from,
        "source": doc.source,
        "scope": c.scope,
        "characters": sum(e - s for s, e in c.spans),
        "words": len(words),
        "words_arabic": scripts["arabic"],
        "words_latin": scripts["latin"],
        "words_number": scripts["number"],
        "words_other": scripts["other"],
        "distinct_words": len(types),
        "ttr": rounded(ratio(len(types), len(words))),
        "mattr": rounded(ratio(win_total, win_n)),
        "mattr_window": window,
        "hapax": sum(1 for k in types.values() if k == 1),
        "sentences": n_sentences,
        "mean_sentence_words": rounded(ratio(len(words), n_sentences), 2),
        "mean_word_length": rounded(mean_word_length(words), 2),
        "entity_mentions": n_mentions,
        "entities_distinct": n_entities,
        "date_expressions": len(date_mentions(doc)) if dates else None,
    }
    for name in PART_NAMES:
        row[f"lines_{name}"] = per_part[name]["lines"]
    for name in PART_NAMES:
        row[f"chars_{name}"] = per_part[name]["chars"]
    row["residue_share"] = rounded(ratio(per_part["residue"]["chars"], nonblank))
    row["articles"] = 1
    return row


def iter_corpus_stats(
    articles: Iterable[Doc | Article],
    *,
    scope: Scope = "body",
    gazetteer: Gazetteer | None = None,
    dates: bool = False,
    window: int = MATTR_WINDOW,
) -> Iterator[dict[str, Any]]:
    """One row per article, streamed, then a row with ``doc`` = ``TOTAL``."""
    check_scope(scope)
    check_window(window)
    found = (doc_stats(doc, scope=scope, gazetteer=gazetteer, dates=dates, window=window) for doc in docs(articles))
    return stats_rows(found, scope=scope, entities=gazetteer is not None, dates=dates, window=window)


def doc_stats(
    doc: Doc,
    *,
    scope: Scope = "body",
    gazetteer: Gazetteer | None = None,
    dates: bool = False,
    window: int = MATTR_WINDOW,
) -> dict[str, Any]:
    """What one article contributes to ``kzcorpus stats``, JSON-able (a
    per-article result, :mod:`kzcorpus.tasks`): its ``row``, its folded
    ``words`` with counts (for the pooled figures of the total), its MATTR
    window sums and the characters of its words."""
    c = scoped(doc, scope)
    t, n = c.windows(window)
    return {
        "row": stats_row(c, gazetteer, dates, window),
        "words": dict(Counter(c.words)),
        "windows": [t, n],
        "word_chars": sum(len(w) for w in c.words),
    }


def stats_rows(
    found: Iterable[dict[str, Any]],
    *,
    scope: Scope = "body",
    entities: bool = True,
    dates: bool = True,
    window: int = MATTR_WINDOW,
) -> Iterator[dict[str, Any]]:
    """The rows of per-article results (:func:`doc_stats`), then ``TOTAL``."""
    pooled: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    win_total, win_n = 0.0, 0
    word_chars = 0
    for result in found:
        row = result["row"]
        pooled.update(result["words"])
        win_total += result["windows"][0]
        win_n += result["windows"][1]
        word_chars += result["word_chars"]
        for key, value in row.items():
            if key in _ADDITIVE and isinstance(value, int):
                sums[key] += value
        yield row
    words = sums["words"]
    nonblank = sum(sums[f"chars_{name}"] for name in PART_NAMES)
    total: dict[str, Any] = {
        "doc": "TOTAL",
        "title": None,
        "title_from": None,
        "title_in_text": None,
        "published": None,
        "published_from": None,
        "source": None,
        "scope": scope,
        "characters": sums["characters"],
        "words": words,
        "words_arabic": sums["words_arabic"],
        "words_latin": sums["words_latin"],
        "words_number": sums["words_number"],
        "words_other": sums["words_other"],
        "distinct_words": len(pooled),
        "ttr": rounded(ratio(len(pooled), words)),
        "mattr": rounded(ratio(win_total, win_n)),
        "mattr_window": window,
        "hapax": sum(1 for v in pooled.values() if v == 1),
        "sentences": sums["sentences"],
        "mean_sentence_words": rounded(ratio(words, sums["sentences"]), 2),
        "mean_word_length": rounded(ratio(word_chars, words), 2),
        "entity_mentions": sums["entity_mentions"] if entities else None,
        "entities_distinct": None,
        "date_expressions": sums["date_expressions"] if dates else None,
    }
    for name in PART_NAMES:
        total[f"lines_{name}"] = sums[f"lines_{name}"]
    for name in PART_NAMES:
        total[f"chars_{name}"] = sums[f"chars_{name}"]
    total["residue_share"] = rounded(ratio(sums["chars_residue"], nonblank))
    total["articles"] = sums["articles"]
    yield total


def corpus_stats(
    articles: Iterable[Doc | Article],
    *,
    scope: Scope = "body",
    gazetteer: Gazetteer | None = None,
    dates: bool = False,
    window: int = MATTR_WINDOW,
) -> list[dict[str, Any]]:
    """:func:`iter_corpus_stats` as a list."""
    return list(iter_corpus_stats(articles, scope=scope, gazetteer=gazetteer, dates=dates, window=window))
