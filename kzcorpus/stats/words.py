"""Word lists: stopwords, clitic grouping, frequencies and n-grams.

Word lists (:func:`word_frequencies`, ``top_words`` of
:func:`kzcorpus.stats.article_detail`): ``rank``, ``word`` (the commonest
spelling of the type), ``count``, ``per_10k`` (per 10,000 tokens of the
scope, before stopwords are dropped), ``docs`` (articles it occurs in),
``forms`` (the spellings counted under it, as written, with counts,
commonest first: ``["الروسية (27)", "روسية (4)"]``).  ``word`` is the base
word (proclitics removed when the rule below allows) in its commonest
spelling.

Clitics: with ``group_clitics`` (the default) a word's proclitics (a
conjunction, then a preposition, the article, or a preposition with the
article: :func:`kzcorpus.lexicon.proclitics`) are removed *only when what
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

Stopwords: the list ``stopwords`` of :mod:`kzcorpus.lexicon` (or a file of
one's own, :func:`load_stopwords`), folded like the text, so «إلى» and «الى»
both match.  A word is a stopword when its folded form is listed or it is a
conjunction + a listed word (:func:`is_stopword`).  Numbers are not content
words: ``top_words`` and keywords leave them out; :func:`word_frequencies`
keeps them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from functools import lru_cache
from pathlib import Path
from typing import Any

from kzcorpus import lexicon
from kzcorpus.arabic import Token
from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, docs
from kzcorpus.errors import UsageError
from kzcorpus.stats.measures import Scope, check_scope, scoped, script

#: Minimum letters left after removing proclitics.
MIN_BASE = 3
#: A base must occur at least this fraction as often as the clitic form:
#: «كانت» (1413 times in a day of SaudiNewsNet) is not ك + «انت» (89).
BASE_MIN_RATIO = 0.1

# --------------------------------------------------------------------------
# Stopwords


@lru_cache(maxsize=4)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """The stopword list, folded: the package's, or the one in file *path*
    (one entry per line, ``#`` comments and blank lines skipped)."""
    if path is None:
        return lexicon.folded("stopwords")
    words: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(lexicon.norm(entry))
    return frozenset(words)


def is_stopword(word: str, stopwords: frozenset[str] | None = None) -> bool:
    """Whether folded *word* is a stopword, alone or after a conjunction (و/ف)."""
    sw = load_stopwords() if stopwords is None else stopwords
    if word in sw:
        return True
    return len(word) > 1 and word[0] in lexicon.conjunctions() and word[1:] in sw


# --------------------------------------------------------------------------
# Clitics

#: Words whose first letters only look like proclitics; never split
#: (the lexicon list ``clitic_lookalikes``, folded).
NO_SPLIT = lexicon.folded("clitic_lookalikes")


@lru_cache(maxsize=1)
def _stacks() -> tuple[tuple[str, ...], tuple[str, ...], str, frozenset[str]]:
    """Conjunctions (``""`` first); the stacks after one, longest first
    (preposition, article, preposition + article, ``""`` last); the article;
    the stacks that end in the article after a preposition (بال كال لل),
    whose remainder may also keep the article («للحرب» → «الحرب»)."""
    conj = ("", *lexicon.conjunctions())
    stacks = lexicon.proclitics(article=True, conjunction=False)
    plain = set(lexicon.proclitics(conjunction=False))
    with_article = [s for s in stacks if s not in plain]
    article = next(s for s in with_article if s[:1] not in lexicon.prepositions())
    keeps = frozenset(s for s in with_article if s != article)
    return conj, stacks, article, keeps


def clitic_base(word: str, vocabulary: Mapping[str, int] | Set[str]) -> str:
    """The base *word* counts under (see the module notes); folded input.

    A proclitic stack is removed only if the remainder has at least
    :data:`MIN_BASE` letters and is in *vocabulary*; given counts, the
    remainder must also occur at least :data:`BASE_MIN_RATIO` times as often
    as *word*.  A conjunction whose remainder is a word is removed first and
    the remainder decides alone («وكانت» → «كانت», which stays whole).
    Words in :data:`NO_SPLIT` are kept.  Of several remainders the shortest
    wins.
    """
    if word in NO_SPLIT:
        return word
    conjunctions, stacks, article, keeps_article = _stacks()
    counts = vocabulary if isinstance(vocabulary, Mapping) else None
    need = counts.get(word, 0) * BASE_MIN_RATIO if counts is not None else 0.0

    def ok(cand: str) -> bool:
        return cand in vocabulary and (counts is None or counts[cand] >= need)

    if word[:1] in conjunctions[1:] and len(word) - 1 >= MIN_BASE and ok(word[1:]):
        return clitic_base(word[1:], vocabulary)
    best = word
    for conj in conjunctions:
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in stacks:
            if not prep or not rest.startswith(prep):
                continue
            core = rest[len(prep) :]
            if len(core) < MIN_BASE:
                continue
            options = [core, article + core] if prep in keeps_article else [core]
            for cand in options:
                if cand != word and (best == word or len(cand) < len(best)) and ok(cand):
                    best = cand
    return best


def clitic_forms(base: str, vocabulary: Mapping[str, int] | Set[str], grouper: Grouper | None = None) -> list[str]:
    """The words of *vocabulary* whose :func:`clitic_base` is *base* (itself
    included when it is in the vocabulary), found without grouping the whole
    vocabulary: such a word is *base* behind a conjunction and a proclitic
    stack (one ending in the article may stand for the base's own article),
    or behind a further conjunction, one letter at a time, so only those
    spellings are looked up and their bases checked."""
    conjunctions, stacks, article, keeps_article = _stacks()
    cores = [(base, stacks)]
    if base.startswith(article):
        cores.append((base[len(article) :], tuple(keeps_article)))
    found = {base} if base in vocabulary else set()
    for core, preps in cores:
        for conj in conjunctions:
            for prep in preps:
                w = conj + prep + core
                if w in vocabulary:
                    found.add(w)
    todo = list(found)
    while todo:
        w = todo.pop()
        for c in conjunctions[1:]:
            longer = c + w
            if longer in vocabulary and longer not in found:
                found.add(longer)
                todo.append(longer)
    of = grouper or Grouper(vocabulary)
    return sorted(w for w in found if of(w) == base)


class Grouper:
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
# Counting


class Tally:
    """Folded word counts of a set of articles, with spellings and doc counts."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.spellings: dict[str, Counter[str]] = {}
        self.tokens = 0
        self.is_number: set[str] = set()
        self.doc_sets: list[frozenset[str]] = []

    def add(self, tokens: Sequence[Token], words: Sequence[str]) -> None:
        self.tokens += len(words)
        self.counts.update(words)
        self.doc_sets.append(frozenset(words))
        for t, w in zip(tokens, words, strict=True):
            sp = self.spellings.get(w)
            if sp is None:
                sp = self.spellings[w] = Counter()
            sp[t.surface] += 1
            if script(t.surface) == "number":
                self.is_number.add(w)

    def add_results(self, results: Iterable[Mapping[str, Any]]) -> None:
        """Add articles' words as :class:`WordsTask` returns them, in corpus
        order: the same totals, spellings and article counts as :meth:`add`
        on each, counted in C (the spellings as ``word\\0surface`` keys, split
        at the end in the order :meth:`add` would have met them)."""
        pairs: Counter[str] = Counter()
        for result in results:
            words: list[str] = result["words"]
            self.tokens += len(words)
            self.counts.update(words)
            self.doc_sets.append(frozenset(words))
            pairs.update(result["pairs"])
            self.is_number.update(result["numbers"])
        for key, n in pairs.items():
            w, _, surface = key.partition(_PAIR)
            sp = self.spellings.get(w)
            if sp is None:
                sp = self.spellings[w] = Counter()
            sp[surface] += n

    def grouped(self, grouper: Grouper) -> tuple[Counter[str], dict[str, Counter[str]]]:
        """Counts per base, and per base the folded forms counted under it."""
        out: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        for w, n in self.counts.items():
            base = grouper(w)
            out[base] += n
            forms.setdefault(base, Counter())[w] += n
        return out, forms

    def group_docs(self, grouper: Grouper) -> Counter[str]:
        """Articles each base occurs in (under any of its forms)."""
        out: Counter[str] = Counter()
        for types in self.doc_sets:
            out.update({grouper(w) for w in types})
        return out

    def spelling(self, base: str, forms: Counter[str] | None = None) -> str:
        """The commonest spelling of *base* (or of its commonest form)."""
        sp = self.spellings.get(base)
        if sp:
            return sp.most_common(1)[0][0]
        if forms:
            first = forms.most_common(1)[0][0]
            sp = self.spellings.get(first)
            if sp:
                return sp.most_common(1)[0][0]
        return base

    def forms(self, folded_forms: Counter[str], limit: int = 8) -> list[str]:
        """The spellings counted under one word, as written, commonest first:
        ``["الروسية (27)", "روسية (4)"]``."""
        spellings: Counter[str] = Counter()
        for form in folded_forms:
            spellings.update(self.spellings.get(form, Counter({form: folded_forms[form]})))
        return [f"{w} ({n})" for w, n in spellings.most_common(limit)]


def ranked(counts: Counter[Any], min_count: int = 1, top: int | None = None) -> list[tuple[Any, int]]:
    """``(key, count)`` by count, then key; at least *min_count*, the first *top*."""
    items = [(k, n) for k, n in counts.items() if n >= min_count]
    items.sort(key=lambda kv: (-kv[1], str(kv[0])))
    return items[:top] if top is not None else items


#: Joins a folded word and a spelling in :class:`WordsTask`'s pairs (in neither).
_PAIR = "\0"


class WordsTask:
    """A picklable per-article task (for :func:`kzcorpus.engine.scan`): the
    article's word tally in *scope*, for ``word_frequencies(results=…)``."""

    def __init__(self, scope: Scope = "body") -> None:
        check_scope(scope)
        self.scope = scope

    def __call__(self, doc: Doc) -> dict[str, Any]:
        c = scoped(doc, self.scope)
        words = list(c.words)
        return {
            "words": words,
            "pairs": [w + _PAIR + t.surface for t, w in zip(c.tokens, words, strict=True)],
            "numbers": sorted({w for t, w in zip(c.tokens, words, strict=True) if script(t.surface) == "number"}),
        }


def word_frequencies(
    articles: Iterable[Doc | Article],
    *,
    stopwords: bool = True,
    ngram: int = 1,
    scope: Scope = "body",
    group_clitics: bool = True,
    top: int | None = None,
    min_count: int = 1,
    results: Iterable[Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """A frequency list of *articles* (one article for ``words --doc``).

    *stopwords*: ``True`` drops stopwords (for n-grams: those that start or
    end with one), ``False`` keeps every word.  *ngram*: 1 for words, N for
    sequences of N tokens inside one sentence; clitics are grouped for
    single words only.  Records: ``rank``, ``word``, ``count``,
    ``per_10k``, ``docs``, ``forms`` (see the module docstring).
    *results*: the articles' :class:`WordsTask` results in corpus order
    (e.g. computed on every core), instead of counting *articles* here
    (single words only); the list is the same.
    """
    check_scope(scope)
    if ngram < 1:
        raise UsageError("the n-gram length must be 1 or more")
    if ngram > 1:
        return _ngram_frequencies(articles, ngram, stopwords, scope, top, min_count)
    tally = Tally()
    if results is not None:
        tally.add_results(results)
    else:
        for doc in docs(articles):
            c = scoped(doc, scope)
            tally.add(c.tokens, c.words)
    grouper = Grouper(tally.counts, group_clitics)
    counts, forms = tally.grouped(grouper)
    if stopwords:
        sw = load_stopwords()
        counts = Counter({w: n for w, n in counts.items() if not is_stopword(w, sw)})
    in_docs = tally.group_docs(grouper)
    per = 10000 / tally.tokens if tally.tokens else 0.0
    return [
        {
            "rank": rank,
            "word": tally.spelling(base, forms[base]),
            "count": n,
            "per_10k": round(n * per, 2),
            "docs": in_docs.get(base, 0),
            "forms": tally.forms(forms[base]),
        }
        for rank, (base, n) in enumerate(ranked(counts, min_count, top), 1)
    ]


def _ngram_frequencies(
    articles: Iterable[Doc | Article], n: int, stopwords: bool, scope: str, top: int | None, min_count: int
) -> list[dict[str, Any]]:
    """Sequences of *n* tokens inside one sentence (no clitic grouping)."""
    sw = load_stopwords()
    tokens = 0
    grams: Counter[tuple[str, ...]] = Counter()
    gram_docs: Counter[tuple[str, ...]] = Counter()
    gram_spell: dict[tuple[str, ...], Counter[str]] = {}
    for doc in docs(articles):
        c = scoped(doc, scope)
        tokens += len(c.words)
        seen: set[tuple[str, ...]] = set()
        i = 0
        for s in c.sentences:
            # the tokens of this sentence: c.tokens is in text order
            while i < len(c.tokens) and c.tokens[i].start < s.start:
                i += 1
            j = i
            while j < len(c.tokens) and c.tokens[j].start < s.end:
                j += 1
            for k in range(i, j - n + 1):
                key = tuple(c.words[k : k + n])
                if stopwords and (is_stopword(key[0], sw) or is_stopword(key[-1], sw)):
                    continue
                grams[key] += 1
                seen.add(key)
                gram_spell.setdefault(key, Counter())[" ".join(t.surface for t in c.tokens[k : k + n])] += 1
            i = j
        gram_docs.update(seen)
    per = 10000 / tokens if tokens else 0.0
    return [
        {
            "rank": rank,
            "word": gram_spell[key].most_common(1)[0][0],
            "count": count,
            "per_10k": round(count * per, 2),
            "docs": gram_docs[key],
            "forms": [f"{w} ({k})" for w, k in gram_spell[key].most_common(8)],
        }
        for rank, (key, count) in enumerate(ranked(grams, min_count, top), 1)
    ]
