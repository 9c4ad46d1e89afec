"""Per-article statistics, corpus totals, word lists and keyness.

Pure functions over :class:`~kzcorpus.corpus.Article` records (no CLI, no
terminal code).  Every measure is computed on a *scope* of the text:
``"body"`` (the default: the lines :func:`kzcorpus.parts.classify` calls
body, so not the title, the comments or the page residue) or ``"all"``
(every line).  Words are :func:`kzcorpus.arabic.tokenize` tokens; a word's
*type* is its folded form (:func:`kzcorpus.arabic.fold`: no diacritics or
tatweel, one alef, ى→ي, ة→ه, ؤ/ئ→و/ي, Arabic-Indic digits → 0-9, lower
case).

Fields of an :func:`article_stats` record (one row of ``kzcorpus stats``)
=========================  ==================================================
key                        definition
=========================  ==================================================
``doc``                    article id (``TOTAL`` on the corpus row)
``title``                  the metadata title if there is one, else the
                           title found in the text (:func:`kzcorpus.parts.title_of`),
                           else null
``title_from``             ``metadata``, ``text`` or null
``title_in_text``          the title line found in the text, or null
``published``              publication date from metadata, else the one the
                           ``infer_published`` callable gives, else null
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
``sentences``              sentences in the counted lines
                           (:func:`kzcorpus.arabic.sentences` on each line:
                           a line break always ends a sentence)
``mean_sentence_words``    ``words / sentences``
``mean_word_length``       mean length of the folded tokens, in characters
``entity_mentions``        entity mentions (from ``entity_counter``; null
                           without it)
``entities_distinct``      distinct entities (same; null on the TOTAL row:
                           not additive)
``date_expressions``       date expressions (from ``date_counter``; null
                           without it)
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

Word lists (:func:`word_frequencies`, ``top_words`` of
:func:`article_detail`): ``rank``, ``word`` (the commonest spelling of the
type), ``count``, ``per_10k`` (per 10,000 tokens of the scope, before
stopwords are dropped), ``docs`` (articles it occurs in), ``forms`` (the
spellings counted under it, as written, with counts, commonest first:
``["الروسية (27)", "روسية (4)"]``).  ``word`` is the base word (proclitics
removed when the rule below allows) in its commonest spelling.

Clitics: with ``group_clitics`` (the default) a word's proclitics (و/ف,
then ب/ك/ل, the article ال, or بال/كال/لل) are removed *only when what
remains is itself a word of the text being counted*, has at least 3
letters, and occurs at least a tenth as often as the clitic form (so
«كانت» is not read as ك + «انت»).  A conjunction whose remainder is a word
is removed first, and the remainder is then treated alone («وكانت» →
«كانت»).  Of several remainders the shortest wins, so «والحرب», «الحرب»,
«للحرب» count with «حرب» when «حرب» occurs, else with «الحرب».  Nothing is
stripped blindly: «بوتين» stays «بوتين» unless «وتين» occurs.  A short
list of words that only look like clitic forms (:data:`NO_SPLIT`: «فيصل»,
«بعيد», «كامل», «ولاية», …) is never split.  Folding makes «والي»
(governor) look like و + «الى» (إلى); such a word then counts with «الى».
Which words "occur" is decided over the article and the rest of the
corpus for ``stats DOC`` (top words and keyness alike), and over the
listed articles for ``words``.

Stopwords: :func:`load_stopwords` reads ``kzcorpus/data/stopwords_ar.txt``
and folds every entry like the text, so «إلى» and «الى» both match.  A word
is a stopword when its folded form is listed or it is و/ف + a listed word
(:func:`is_stopword`).  Numbers are not content words: ``top_words`` and
keywords leave them out; :func:`word_frequencies` keeps them.

Keyness (``keywords`` of :func:`article_detail`): the article (its scope)
against the rest of the corpus (same scope), both counted with the same
clitic grouping, stopwords and numbers left out of the list but not of the
token totals.  ``g2`` is Dunning's log-likelihood
``2 * (a*ln(a/E1) + b*ln(b/E2))`` with ``E1 = c*(a+b)/(c+d)`` and
``E2 = d*(a+b)/(c+d)`` (``a``, ``b``: the word's count in the article and
in the rest; ``c``, ``d``: their token totals).  ``log_ratio`` is Hardie's
effect size ``log2((a/c) / (b/d))`` (a zero ``b`` is taken as 0.5).  Only
words used more in the article than in the rest, with ``a >= 2`` and
``g2 >= 3.84`` (p < 0.05, one degree of freedom), are listed, by ``g2``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from kzcorpus.arabic import WORD_RE, Token, fold, script_of, sentences
from kzcorpus.corpus import Article
from kzcorpus.errors import UsageError
from kzcorpus.parts import PART_NAMES, Part, classify, count_parts, title_of

Scope = Literal["body", "all"]
SCOPES: tuple[str, ...] = ("body", "all")
MATTR_WINDOW = 50
#: Minimum letters left after removing proclitics (as in KWIC).
MIN_BASE = 3
#: G2 for p < 0.05 with one degree of freedom.
G2_CRITICAL = 3.84
KEYNESS_MIN_COUNT = 2
STOPWORDS_FILE = Path(__file__).resolve().parent / "data" / "stopwords_ar.txt"

EntityCounter = Callable[[Article], tuple[int, int]]
DateCounter = Callable[[Article], int]
PublishedInferrer = Callable[[Article], "str | None"]
Lister = Callable[[Article], list[dict[str, Any]]]

_CONJ = ("", "\u0648", "\u0641")  # و ف
_ART = "\u0627\u0644"  # ال
#: Prepositions and the article, as written after folding; the three that
#: end in the article may also keep it («للحرب» → «الحرب»).
_PREPS = ("\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644", _ART, "\u0628", "\u0643", "\u0644", "")
_KEEPS_ARTICLE = frozenset(["\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644"])


# --------------------------------------------------------------------------
# Stopwords


@lru_cache(maxsize=4)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """The stopword list, folded (``#`` comments and blank lines skipped)."""
    file = Path(path) if path else STOPWORDS_FILE
    words: set[str] = set()
    for line in file.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(" ".join(fold(entry).split()))
    return frozenset(words)


def is_stopword(word: str, stopwords: frozenset[str] | None = None) -> bool:
    """Whether folded *word* is a stopword, alone or after و/ف."""
    sw = load_stopwords() if stopwords is None else stopwords
    if word in sw:
        return True
    return len(word) > 1 and word[0] in "\u0648\u0641" and word[1:] in sw


# --------------------------------------------------------------------------
# Scope


def _check_scope(scope: str) -> None:
    if scope not in SCOPES:
        raise UsageError(f"unknown scope {scope!r}; choose body or all")


def scope_spans(parts: Sequence[Part], scope: str = "body") -> list[tuple[int, int]]:
    """``(start, end)`` of the lines counted in *scope*."""
    _check_scope(scope)
    return [(p.start, p.end) for p in parts if scope == "all" or p.part == "body"]


def scope_tokens(text: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """Tokens of *text* inside *spans* (as :func:`kzcorpus.arabic.tokenize`
    finds them), with offsets into *text*."""
    out: list[Token] = []
    for start, end in spans:
        out.extend(Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end))
    return out


def scope_sentences(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans inside *spans* (a span never continues a sentence)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        out.extend((s.start + start, s.end + start) for s in sentences(text[start:end]))
    return out


# --------------------------------------------------------------------------
# Measures (small and pure; *words* are folded tokens)


def n_words(tokens: Sequence[Any]) -> int:
    return len(tokens)


_FOLDED: dict[str, str] = {}
_SCRIPT: dict[str, str] = {}
_CACHE_MAX = 500_000


def _cached(cache: dict[str, str], fn: Callable[[str], str], key: str) -> str:
    value = cache.get(key)
    if value is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        value = cache[key] = fn(key)
    return value


def script_counts(tokens: Iterable[Token]) -> dict[str, int]:
    """Tokens per script: ``arabic``, ``latin``, ``number``, ``other``."""
    out = dict.fromkeys(("arabic", "latin", "number", "other"), 0)
    for t in tokens:
        out[_cached(_SCRIPT, script_of, t.surface)] += 1
    return out


def folded_words(tokens: Iterable[Token]) -> list[str]:
    """The folded form of each token."""
    return [_cached(_FOLDED, fold, t.surface) for t in tokens]


def distinct(words: Iterable[str]) -> int:
    return len(set(words))


def ttr(words: Sequence[str]) -> float | None:
    """Types / tokens; ``None`` for no tokens."""
    return len(set(words)) / len(words) if words else None


def _mattr_sum(words: Sequence[str], window: int) -> tuple[float, int]:
    """Sum of window TTRs and number of windows (one for a short text)."""
    n = len(words)
    if n == 0:
        return 0.0, 0
    if n <= window:
        return len(set(words)) / n, 1
    counts: Counter[str] = Counter(words[:window])
    types = len(counts)
    total = types / window
    for i in range(window, n):
        new, old = words[i], words[i - window]
        if new != old:
            counts[new] += 1
            if counts[new] == 1:
                types += 1
            counts[old] -= 1
            if counts[old] == 0:
                del counts[old]
                types -= 1
        total += types / window
    return total, n - window + 1


def mattr(words: Sequence[str], *, window: int = MATTR_WINDOW) -> float | None:
    """Moving-average type/token ratio over windows of *window* tokens.

    A text of at most *window* tokens gets its TTR; no tokens, ``None``.
    """
    if window < 1:
        raise UsageError("the MATTR window must be at least 1 token")
    total, n = _mattr_sum(words, window)
    return total / n if n else None


def hapax(words: Iterable[str]) -> int:
    """Types that occur exactly once."""
    return sum(1 for c in Counter(words).values() if c == 1)


def mean_word_length(words: Sequence[str]) -> float | None:
    """Mean characters per folded token."""
    return sum(len(w) for w in words) / len(words) if words else None


def mean_sentence_words(words: int, n_sentences: int) -> float | None:
    return words / n_sentences if n_sentences else None


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _round(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(x, digits)


# --------------------------------------------------------------------------
# Clitics


#: A base must occur at least this fraction as often as the clitic form:
#: «كانت» (1413 times in a day of SaudiNewsNet) is not ك + «انت» (89).
BASE_MIN_RATIO = 0.1
#: Words whose first letters only look like proclitics; never split.
#: Written as in print; folded at import.
NO_SPLIT = frozenset(
    fold(w)
    for w in (
        "فيصل بعيد بعيدا بعيدة كامل كاملا كاملة كاملين ولاية ولايات وحدة وحده وحدها وحدات بطولة بطولات"
        " فني فنية فنيين فكرة فكرته والي واحد واحدة وجود وزارة وزير وطني وطنية وكالة لجنة لبنان كبير كبيرة"
        " كثير كثيرا كثيرة بيان بنك بلد كتاب فريق فرنسا فترة بريطانيا بلدية لقاء لقب ولد بحث"
        " كانت كلها كلهم كله وادي وجبة وجبات والد والدة كيري بلاتيني كمية كميات بكين بوست باتت وكالات بطاقة بطاقات"
    ).split()
)


def clitic_base(word: str, vocabulary: Mapping[str, int] | Set[str]) -> str:
    """The base *word* counts under (see the module notes); folded input.

    A proclitic sequence (و/ف, then ب/ك/ل, ال, بال, كال, لل) is removed
    only if the remainder has at least :data:`MIN_BASE` letters and is in
    *vocabulary*; given counts, the remainder must also occur at least
    :data:`BASE_MIN_RATIO` times as often as *word*.  A conjunction whose
    remainder is a word is removed first and the remainder decides alone
    («وكانت» → «كانت», which stays whole).  Words in :data:`NO_SPLIT` are
    kept.  Of several remainders the shortest wins.
    """
    if word in NO_SPLIT:
        return word
    counts = vocabulary if isinstance(vocabulary, Mapping) else None
    need = counts.get(word, 0) * BASE_MIN_RATIO if counts is not None else 0.0

    def ok(cand: str) -> bool:
        return cand in vocabulary and (counts is None or counts[cand] >= need)

    if word[:1] in _CONJ[1:] and len(word) - 1 >= MIN_BASE and ok(word[1:]):
        return clitic_base(word[1:], vocabulary)
    best = word
    for conj in _CONJ:
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in _PREPS:
            if not prep or not rest.startswith(prep):
                continue
            core = rest[len(prep) :]
            if len(core) < MIN_BASE:
                continue
            options = [core, _ART + core] if prep in _KEEPS_ARTICLE else [core]
            for cand in options:
                if cand != word and (best == word or len(cand) < len(best)) and ok(cand):
                    best = cand
    return best


class _Grouper:
    """Cached :func:`clitic_base` over one vocabulary."""

    def __init__(self, vocabulary: Mapping[str, int] | Set[str], enabled: bool = True) -> None:
        self.vocab = vocabulary
        self.enabled = enabled
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        if not self.enabled:
            return word
        base = self._cache.get(word)
        if base is None:
            base = self._cache[word] = clitic_base(word, self.vocab)
        return base


# --------------------------------------------------------------------------
# One article


class _Counted:
    """What one article contributes, computed once."""

    def __init__(self, article: Article, scope: str, parts: Sequence[Part] | None = None) -> None:
        _check_scope(scope)
        self.article = article
        self.parts = list(parts) if parts is not None else classify(article.text)
        self.spans = scope_spans(self.parts, scope)
        self.tokens = scope_tokens(article.text, self.spans)
        self.words = folded_words(self.tokens)
        self.sentences = scope_sentences(article.text, self.spans)
        self._windows: tuple[int, float, int] | None = None

    def windows(self, window: int) -> tuple[float, int]:
        """:func:`_mattr_sum` of the words, computed once per window size."""
        if self._windows is None or self._windows[0] != window:
            self._windows = (window, *_mattr_sum(self.words, window))
        return self._windows[1], self._windows[2]


def _forms(tally: _Tally, folded_forms: Counter[str], limit: int = 8) -> list[str]:
    """The spellings counted under one word, as written, commonest first:
    ``["الروسية (27)", "روسية (4)"]``."""
    spellings: Counter[str] = Counter()
    for form in folded_forms:
        spellings.update(tally.spellings.get(form, Counter({form: folded_forms[form]})))
    return [f"{w} ({n})" for w, n in spellings.most_common(limit)]


def article_stats(
    article: Article,
    *,
    scope: Scope = "body",
    entity_counter: EntityCounter | None = None,
    date_counter: DateCounter | None = None,
    infer_published: PublishedInferrer | None = None,
    window: int = MATTR_WINDOW,
    parts: Sequence[Part] | None = None,
) -> dict[str, Any]:
    """One row of ``kzcorpus stats`` (fields: see the module docstring)."""
    return _row(_Counted(article, scope, parts), scope, entity_counter, date_counter, infer_published, window)


def _mattr_of(c: _Counted, window: int) -> float | None:
    if window < 1:
        raise UsageError("the MATTR window must be at least 1 token")
    total, n = c.windows(window)
    return total / n if n else None


def _row(
    c: _Counted,
    scope: str,
    entity_counter: EntityCounter | None,
    date_counter: DateCounter | None,
    infer_published: PublishedInferrer | None,
    window: int,
) -> dict[str, Any]:
    a = c.article
    text_title = next((a.text[p.start : p.end] for p in c.parts if p.part == "title"), None)
    title, title_from = (a.title, "metadata") if a.title else (text_title, "text" if text_title else None)
    published, published_from = a.published, "metadata" if a.published else None
    if published is None and infer_published is not None:
        published = infer_published(a)
        published_from = "inferred" if published else None
    scripts = script_counts(c.tokens)
    words = c.words
    mentions: int | None = None
    ents: int | None = None
    if entity_counter is not None:
        mentions, ents = entity_counter(a)
    per_part = count_parts(c.parts)
    nonblank = sum(v["chars"] for v in per_part.values())
    row: dict[str, Any] = {
        "doc": a.id,
        "title": title,
        "title_from": title_from,
        "title_in_text": text_title,
        "published": published,
        "published_from": published_from,
        "source": a.source,
        "scope": scope,
        "characters": sum(e - s for s, e in c.spans),
        "words": len(words),
        "words_arabic": scripts["arabic"],
        "words_latin": scripts["latin"],
        "words_number": scripts["number"],
        "words_other": scripts["other"],
        "distinct_words": distinct(words),
        "ttr": _round(ttr(words)),
        "mattr": _round(_mattr_of(c, window)),
        "mattr_window": window,
        "hapax": hapax(words),
        "sentences": len(c.sentences),
        "mean_sentence_words": _round(mean_sentence_words(len(words), len(c.sentences)), 2),
        "mean_word_length": _round(mean_word_length(words), 2),
        "entity_mentions": mentions,
        "entities_distinct": ents,
        "date_expressions": date_counter(a) if date_counter is not None else None,
    }
    for name in PART_NAMES:
        row[f"lines_{name}"] = per_part[name]["lines"]
    for name in PART_NAMES:
        row[f"chars_{name}"] = per_part[name]["chars"]
    row["residue_share"] = _round(_ratio(per_part["residue"]["chars"], nonblank))
    row["articles"] = 1
    return row


def iter_corpus_stats(
    articles: Iterable[Article],
    *,
    scope: Scope = "body",
    entity_counter: EntityCounter | None = None,
    date_counter: DateCounter | None = None,
    infer_published: PublishedInferrer | None = None,
    window: int = MATTR_WINDOW,
) -> Iterator[dict[str, Any]]:
    """Rows of :func:`corpus_stats`, streamed; the TOTAL row comes last."""
    _check_scope(scope)
    pooled: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    if window < 1:
        raise UsageError("the MATTR window must be at least 1 token")
    win_total, win_n = 0.0, 0
    word_chars = 0
    have_entities = entity_counter is not None
    have_dates = date_counter is not None
    for article in articles:
        c = _Counted(article, scope)
        row = _row(c, scope, entity_counter, date_counter, infer_published, window)
        pooled.update(c.words)
        t, n = c.windows(window)
        win_total += t
        win_n += n
        word_chars += sum(len(w) for w in c.words)
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
        "ttr": _round(_ratio(len(pooled), words)),
        "mattr": _round(_ratio(win_total, win_n)),
        "mattr_window": window,
        "hapax": sum(1 for v in pooled.values() if v == 1),
        "sentences": sums["sentences"],
        "mean_sentence_words": _round(_ratio(words, sums["sentences"]), 2),
        "mean_word_length": _round(_ratio(word_chars, words), 2),
        "entity_mentions": sums["entity_mentions"] if have_entities else None,
        "entities_distinct": None,
        "date_expressions": sums["date_expressions"] if have_dates else None,
    }
    for name in PART_NAMES:
        total[f"lines_{name}"] = sums[f"lines_{name}"]
    for name in PART_NAMES:
        total[f"chars_{name}"] = sums[f"chars_{name}"]
    total["residue_share"] = _round(_ratio(sums["chars_residue"], nonblank))
    total["articles"] = sums["articles"]
    yield total


_ADDITIVE = frozenset(
    ["characters", "words", "words_arabic", "words_latin", "words_number", "words_other", "sentences"]
    + ["entity_mentions", "date_expressions", "articles"]
    + [f"lines_{n}" for n in PART_NAMES]
    + [f"chars_{n}" for n in PART_NAMES]
)

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


def corpus_stats(
    articles: Iterable[Article],
    *,
    scope: Scope = "body",
    entity_counter: EntityCounter | None = None,
    date_counter: DateCounter | None = None,
    infer_published: PublishedInferrer | None = None,
    window: int = MATTR_WINDOW,
) -> list[dict[str, Any]]:
    """One row per article, then a row with ``doc`` = ``TOTAL``."""
    return list(
        iter_corpus_stats(
            articles,
            scope=scope,
            entity_counter=entity_counter,
            date_counter=date_counter,
            infer_published=infer_published,
            window=window,
        )
    )


# --------------------------------------------------------------------------
# Word counts


class _Tally:
    """Folded word counts of a set of articles, with spellings and doc counts."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.docs: Counter[str] = Counter()
        self.spellings: dict[str, Counter[str]] = {}
        self.tokens = 0
        self.is_number: set[str] = set()
        self.doc_sets: list[frozenset[str]] = []

    def add(self, tokens: Sequence[Token], words: Sequence[str]) -> None:
        self.tokens += len(words)
        self.counts.update(words)
        types = frozenset(words)
        self.docs.update(types)
        self.doc_sets.append(types)
        for t, w in zip(tokens, words, strict=True):
            sp = self.spellings.get(w)
            if sp is None:
                sp = self.spellings[w] = Counter()
            sp[t.surface] += 1
            if t.script == "number":
                self.is_number.add(w)

    def grouped(self, grouper: _Grouper) -> tuple[Counter[str], dict[str, Counter[str]]]:
        """Counts per base, and per base the folded forms counted under it."""
        out: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        for w, n in self.counts.items():
            base = grouper(w)
            out[base] += n
            forms.setdefault(base, Counter())[w] += n
        return out, forms

    def spelling(self, base: str, forms: Counter[str] | None = None) -> str:
        sp = self.spellings.get(base)
        if sp:
            return sp.most_common(1)[0][0]
        if forms:
            first = forms.most_common(1)[0][0]
            sp = self.spellings.get(first)
            if sp:
                return sp.most_common(1)[0][0]
        return base


def word_frequencies(
    articles: Iterable[Article],
    *,
    stopwords: bool = True,
    ngram: int = 1,
    scope: Scope = "body",
    group_clitics: bool = True,
    top: int | None = None,
    min_count: int = 1,
) -> list[dict[str, Any]]:
    """A frequency list of *articles* (one article for ``words --doc``).

    *stopwords*: ``True`` drops stopwords (for n-grams: those that start or
    end with one), ``False`` keeps every word.  *ngram*: 1 for words, N for
    sequences of N tokens inside one sentence; clitics are grouped for
    single words only.  Records: ``rank``, ``word``, ``count``,
    ``per_10k``, ``docs``, ``forms`` (see the module docstring).
    """
    _check_scope(scope)
    if ngram < 1:
        raise UsageError("--ngram must be 1 or more")
    sw = load_stopwords()
    tally = _Tally()
    grams: Counter[tuple[str, ...]] = Counter()
    gram_docs: Counter[tuple[str, ...]] = Counter()
    gram_spell: dict[tuple[str, ...], Counter[str]] = {}
    for article in articles:
        c = _Counted(article, scope)
        tally.add(c.tokens, c.words)
        if ngram > 1:
            seen: set[tuple[str, ...]] = set()
            starts = [t.start for t in c.tokens]
            for s, e in c.sentences:
                idx = range(bisect_left(starts, s), bisect_left(starts, e))
                for k in range(len(idx) - ngram + 1):
                    ids = idx[k : k + ngram]
                    key = tuple(c.words[i] for i in ids)
                    if stopwords and (is_stopword(key[0], sw) or is_stopword(key[-1], sw)):
                        continue
                    grams[key] += 1
                    seen.add(key)
                    gram_spell.setdefault(key, Counter())[" ".join(c.tokens[i].surface for i in ids)] += 1
            gram_docs.update(seen)
    per = 10000 / tally.tokens if tally.tokens else 0.0
    out: list[dict[str, Any]] = []
    if ngram > 1:
        for rank, (key, n) in enumerate(_ranked(grams, min_count, top), 1):
            out.append(
                {
                    "rank": rank,
                    "word": gram_spell[key].most_common(1)[0][0],
                    "count": n,
                    "per_10k": round(n * per, 2),
                    "docs": gram_docs[key],
                    "forms": [f"{w} ({k})" for w, k in gram_spell[key].most_common(8)],
                }
            )
        return out
    grouper = _Grouper(tally.counts, group_clitics)
    counts, forms = tally.grouped(grouper)
    if stopwords:
        counts = Counter({w: n for w, n in counts.items() if not is_stopword(w, sw)})
    docs = _group_docs(tally, grouper)
    for rank, (base, n) in enumerate(_ranked(counts, min_count, top), 1):
        out.append(
            {
                "rank": rank,
                "word": tally.spelling(base, forms[base]),
                "count": n,
                "per_10k": round(n * per, 2),
                "docs": docs.get(base, 0),
                "forms": _forms(tally, forms[base]),
            }
        )
    return out


def _group_docs(tally: _Tally, grouper: _Grouper) -> Counter[str]:
    """Articles each base occurs in (under any of its forms)."""
    out: Counter[str] = Counter()
    for types in tally.doc_sets:
        out.update({grouper(w) for w in types})
    return out


def _ranked(counts: Counter[Any], min_count: int, top: int | None) -> list[tuple[Any, int]]:
    items = [(k, n) for k, n in counts.items() if n >= min_count]
    items.sort(key=lambda kv: (-kv[1], str(kv[0])))
    return items[:top] if top is not None else items


# --------------------------------------------------------------------------
# One article in detail


def g2(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood for a word seen *a* times in *c* tokens and
    *b* times in *d* tokens."""
    if c <= 0 or d <= 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    out = 0.0
    if a:
        out += a * math.log(a / e1)
    if b:
        out += b * math.log(b / e2)
    return 2 * out


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's Log Ratio: ``log2((a/c) / (b/d))``, a zero *b* taken as 0.5."""
    return math.log2((a / c) / ((b if b else 0.5) / d))


def keywords(
    target: Counter[str],
    target_tokens: int,
    reference: Counter[str],
    reference_tokens: int,
    *,
    min_count: int = KEYNESS_MIN_COUNT,
    threshold: float = G2_CRITICAL,
    top: int | None = 20,
) -> list[dict[str, Any]]:
    """Words over-used in *target* against *reference*, by G2."""
    out: list[dict[str, Any]] = []
    if not target_tokens or not reference_tokens:
        return out
    for w, a in target.items():
        b = reference.get(w, 0)
        if a < min_count or a / target_tokens <= b / reference_tokens:
            continue
        score = g2(a, b, target_tokens, reference_tokens)
        if score < threshold:
            continue
        out.append(
            {
                "word": w,
                "count": a,
                "per_10k": round(a * 10000 / target_tokens, 2),
                "ref_count": b,
                "ref_per_10k": round(b * 10000 / reference_tokens, 2),
                "g2": round(score, 2),
                "log_ratio": round(log_ratio(a, b, target_tokens, reference_tokens), 2),
            }
        )
    out.sort(key=lambda r: (-r["g2"], r["word"]))
    if top is not None:
        out = out[:top]
    return [{"rank": i, **r} for i, r in enumerate(out, 1)]


def article_detail(
    article: Article,
    corpus_articles: Iterable[Article],
    *,
    scope: Scope = "body",
    top: int = 20,
    keyness_top: int = 20,
    entity_counter: EntityCounter | None = None,
    date_counter: DateCounter | None = None,
    infer_published: PublishedInferrer | None = None,
    top_entities: Lister | None = None,
    dated_events: Lister | None = None,
    window: int = MATTR_WINDOW,
) -> dict[str, Any]:
    """``kzcorpus stats DOC``: the stats row, the lines' parts, the top
    content words, keywords against the rest of *corpus_articles* (the
    article itself, by id, is skipped there), and the entity and date lists
    the callables give (``None`` without them).

    Keys: ``stats`` (an :func:`article_stats` row), ``parts`` (per line:
    ``line``, ``start``, ``end``, ``part``, ``reason``, ``text``),
    ``top_words`` (word-list records), ``keywords`` (``rank``, ``word``,
    ``count``, ``per_10k``, ``ref_count``, ``ref_per_10k``, ``g2``,
    ``log_ratio``, ``forms``), ``keyness`` (the method, stated:
    ``measure``, ``effect_size``, ``reference``, ``reference_articles``,
    ``reference_tokens``, ``min_count``, ``threshold``), ``top_entities``,
    ``dated_events``.
    """
    c = _Counted(article, scope)
    stats = _row(c, scope, entity_counter, date_counter, infer_published, window)
    target = _Tally()
    target.add(c.tokens, c.words)
    ref = _Tally()
    ref_docs = 0
    for other in corpus_articles:
        if other.id == article.id:
            continue
        oc = _Counted(other, scope)
        ref.add(oc.tokens, oc.words)
        ref_docs += 1
    sw = load_stopwords()
    grouper = _Grouper(target.counts + ref.counts)
    t_counts, t_forms = target.grouped(grouper)
    r_counts, _ = ref.grouped(grouper)
    numbers = target.is_number | ref.is_number
    content = Counter({w: n for w, n in t_counts.items() if w not in numbers and not is_stopword(w, sw)})
    per = 10000 / target.tokens if target.tokens else 0.0
    top_words = [
        {
            "rank": i,
            "word": target.spelling(w, t_forms[w]),
            "count": n,
            "per_10k": round(n * per, 2),
            "docs": 1,
            "forms": _forms(target, t_forms[w]),
        }
        for i, (w, n) in enumerate(_ranked(content, 1, top), 1)
    ]
    keys = keywords(content, target.tokens, r_counts, ref.tokens, top=keyness_top)
    for r in keys:
        base = r["word"]
        r["forms"] = _forms(target, t_forms[base])
        r["word"] = target.spelling(base, t_forms[base])
    return {
        "stats": stats,
        "parts": [p.record(article.text) for p in c.parts],
        "top_words": top_words,
        "keywords": keys,
        "keyness": {
            "measure": "log-likelihood G2 (Dunning 1993)",
            "effect_size": "log ratio, log2 of the ratio of relative frequencies (Hardie 2014)",
            "reference": "the rest of the corpus",
            "reference_articles": ref_docs,
            "reference_tokens": ref.tokens,
            "target_tokens": target.tokens,
            "min_count": KEYNESS_MIN_COUNT,
            "threshold": G2_CRITICAL,
        },
        "top_entities": top_entities(article) if top_entities is not None else None,
        "dated_events": dated_events(article) if dated_events is not None else None,
    }


__all__ = [
    "MATTR_WINDOW",
    "SCOPES",
    "STATS_FIELDS",
    "article_detail",
    "article_stats",
    "clitic_base",
    "corpus_stats",
    "distinct",
    "folded_words",
    "g2",
    "hapax",
    "is_stopword",
    "iter_corpus_stats",
    "keywords",
    "load_stopwords",
    "log_ratio",
    "mattr",
    "mean_sentence_words",
    "mean_word_length",
    "n_words",
    "scope_sentences",
    "scope_spans",
    "scope_tokens",
    "script_counts",
    "title_of",
    "ttr",
    "word_frequencies",
]
