"""Keyword in context.

A query is compiled once into a :class:`Matcher`; each article is folded
once, searched, and every hit is mapped back to offsets in the original
text.  Context is counted in words, never characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, get_args

from kzcorpus.arabic import WORD_RE, FoldMap, Token, clean_for_display, fold, fold_table
from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, Hit, HitFinder, docs
from kzcorpus.errors import PatternTooSlow, UsageError
from kzcorpus.schema import HIT

MatchMode = Literal["clitic", "normalized", "exact", "regex"]
MATCH_MODES: tuple[str, ...] = get_args(MatchMode)
SortKey = Literal["position", "article", "keyword", "before1", "before2", "before3", "after1", "after2", "after3"]
SORT_KEYS: tuple[str, ...] = get_args(SortKey)
ALEF = "\u0627"
LAM = "\u0644"
ARTICLE = ALEF + LAM  # ال
#: Proclitics as they look after folding.  Conjunction, then preposition,
#: then article; ل + ال is written لل.
_CONJ = "[\u0648\u0641]"  # و ف
_PREP_ART = "|".join(
    [
        "\u0628\u0627\u0644",  # بال
        "\u0643\u0627\u0644",  # كال
        "\u0627\u0644",  # ال
        "\u0644\u0644",  # لل
        "\u0628",  # ب
        "\u0643",  # ك
        "\u0644",  # ل
    ]
)
_WORDCHAR = r"[^\W_]"
_TOKEN_RE = re.compile(r"[^\W_]+")
_CONJ_FORMS = ("", "\u0648", "\u0641")
_PREP_ART_FORMS = ("", *_PREP_ART.split("|"))
_MIN_CORE = 3  # «الله» keeps its ال: a two-letter core would match «له»
#: Seconds a user regular expression may take on one article (the regex module
#: gives up some 2-2.5 times later than asked: about 2.5 s in practice).
REGEX_TIMEOUT = 1.0


@dataclass
class KwicHit:
    """One concordance line.  ``article.text[start:end] == keyword``."""

    doc: str
    start: int
    end: int
    line: int
    before: str
    keyword: str
    after: str
    match: str
    part: str | None = None
    #: Articles carrying the hit's passage (:mod:`kzcorpus.dedupe`); None when not asked for.
    copies: int | None = None
    #: The passage key of the hit's sentence (:func:`kzcorpus.dupes.passage_key`), when copies are asked for.
    passage: int | None = field(default=None, repr=False)
    words_before: list[str] = field(default_factory=list, repr=False)
    words_after: list[str] = field(default_factory=list, repr=False)

    @property
    def ref(self) -> str:
        """``DOC:START-END``: what ``kzcorpus show`` opens."""
        return f"{self.doc}:{self.start}-{self.end}"

    def record(self) -> dict[str, Any]:
        """The hit record (:data:`kzcorpus.schema.HIT`)."""
        return {k: getattr(self, k) for k in HIT.keys}


class Matcher:
    """A compiled query: ``find(article)`` yields :class:`Hit` records."""

    def __init__(self, query: str, mode: MatchMode = "clitic", *, lookalikes: bool = False) -> None:
        if mode not in MATCH_MODES:
            raise UsageError(f"unknown match mode {mode!r}; choose one of {', '.join(MATCH_MODES)}")
        if not query.strip():
            raise UsageError("the query is empty; give a word, a phrase in quotes, or --regex PATTERN")
        self.query = query
        self.mode = mode
        #: With ``clitic``: keep hits whose token is a word of its own that
        #: only looks like proclitics + the query («بعيد» = ب + «عيد» is "far";
        #: the list ``clitic_lookalikes``).  Off: such hits are left out.
        self.lookalikes = lookalikes
        self._words: list[tuple[str, bool]] = []  # (core, had article)
        self._regex: Any = None
        self._prefilter: Callable[[str], bool] | None = None
        if mode == "regex":
            self._regex = _compile_user_regex(query)
            return
        words = query.split()
        if mode == "exact":
            self._pattern = re.compile(_bounded(r"\s+".join(re.escape(w) for w in words)))
            longest = max(words, key=len)
            self._prefilter = lambda text: longest in text
            return
        folded = [fold(w) for w in words]
        folded = [w for w in folded if w.strip()]
        if not folded or not any(re.search(_WORDCHAR, w) for w in folded):
            raise UsageError(
                f"the query {query!r} has no letters or digits once diacritics are removed; give a word to search for"
            )
        self._folded = folded
        if mode == "normalized":
            self._pattern = re.compile(_bounded(r"\s+".join(re.escape(w) for w in folded)))
            self._prefilter = prefilter(max(folded, key=len))
            return
        parts = []
        for i, w in enumerate(folded):
            core, had_article = w, False
            if w.startswith(ARTICLE) and len(w) - 2 >= _MIN_CORE:
                core, had_article = w[2:], True
            self._words.append((core, had_article))
            if re.match(_WORDCHAR, core):
                parts.append(f"(?P<c{i}>{_CONJ})?(?P<p{i}>{_PREP_ART})?(?P<w{i}>{re.escape(core)})")
            else:
                parts.append(f"(?P<w{i}>{re.escape(core)})")
        self._pattern = re.compile(_bounded(r"\s+".join(parts)))
        self._prefilter = prefilter(max((core for core, _ in self._words), key=len))

    def may_match(self, text: str) -> bool:
        """False when *text* cannot hold a hit: a test on the raw text, before
        any folding, that accepts every spelling folding would accept (see
        :func:`prefilter`).  Always true for regular expressions."""
        if self._prefilter is None:
            return True
        return self._prefilter(text)

    def index_tokens(self) -> list[set[str]] | None:
        """Folded tokens an article must hold for a hit: one set per token the
        query spans, any token of a set will do (``None``: no such test,
        for ``exact`` and ``regex`` modes, which must scan).  Tokens are runs
        of letters and digits in the folded text, as the index stores them."""
        if self.mode in ("exact", "regex"):
            return None
        out: list[set[str]] = []
        words = [core for core, _ in self._words] if self.mode == "clitic" else self._folded
        for w in words:
            runs = _TOKEN_RE.findall(w)
            for i, run in enumerate(runs):
                if self.mode == "clitic" and i == 0 and w.startswith(run):
                    out.append({c + p + run for c in _CONJ_FORMS for p in _PREP_ART_FORMS})
                else:
                    out.append({run})
        return out

    def find(self, doc: Doc) -> Iterator[Hit]:
        """Hits in *doc*, in text order, with original offsets."""
        text = doc.text
        if self.mode == "regex":
            try:
                for m in self._regex.finditer(text, timeout=REGEX_TIMEOUT):
                    if m.end() > m.start():
                        yield Hit(m.start(), m.end(), "regex")
            except TimeoutError:
                raise PatternTooSlow(f"pattern too slow on {doc.id}; simplify it") from None
            return
        if self.mode == "exact":
            for m in self._pattern.finditer(text):
                yield Hit(m.start(), m.end(), "exact")
            return
        fmap = doc.fmap
        for m in self._pattern.finditer(fmap.folded):
            start, end = fmap.span(m.start(), m.end())
            if self.mode != "clitic":
                yield Hit(start, end, "normalized")
                continue
            word = self._lookalike(m)
            if word is not None and not self.lookalikes:
                continue
            how = self._explain(m, fmap)
            yield Hit(start, end, how if word is None else f"{how} (also a word of its own: {word})")

    def _lookalike(self, m: re.Match[str]) -> str | None:
        """The matched token, when proclitics were read off a word that is a
        word of its own (``clitic_lookalikes``: «بعيد», «ولاية», «كانت») and
        the next word does not make the clitic reading clear: a definite noun
        after it is read as a construct («بعيد الفطر» = ب + عيد الفطر)."""
        for i in range(len(self._words)):
            first = m.start(f"c{i}") if m.group(f"c{i}") else m.start(f"p{i}") if m.group(f"p{i}") else -1
            if first >= 0:
                token = m.string[first : m.end(f"w{i}")]
                if token in _lookalike_words() and not _DEFINITE_NEXT_RE.match(m.string, m.end(f"w{i}")):
                    return token
        return None

    def _explain(self, m: re.Match[str], fmap: FoldMap) -> str:
        words = []
        for i, (_core, had_article) in enumerate(self._words):
            pieces = []
            conj = m.groupdict().get(f"c{i}")
            prep = m.groupdict().get(f"p{i}")
            if conj:
                pieces.append(fmap.text_of(m.start(f"c{i}"), m.end(f"c{i}")))
            if prep:
                pieces.append(fmap.text_of(m.start(f"p{i}"), m.end(f"p{i}")))
            word = fmap.text_of(m.start(f"w{i}"), m.end(f"w{i}"))
            pieces.append(word)
            desc = " + ".join(pieces)
            if had_article and not (prep and prep.endswith((ARTICLE, LAM + LAM))):
                desc += " (without ال)"
            words.append(desc)
        return " ".join(words)


# --------------------------------------------------------------------------
# Prefilter: reject articles without folding them


@lru_cache(maxsize=1)
def _unfolded() -> tuple[dict[str, set[str]], str]:
    """Folded character -> the characters that fold to it; and a class of the
    characters folding deletes."""
    table = fold_table()
    sources: dict[str, set[str]] = {}
    deleted = []
    for cp, rep in table.items():
        if rep is None:
            deleted.append(chr(cp))
        elif len(rep) == 1:
            sources.setdefault(rep, set()).add(chr(cp))
    return sources, "[" + re.escape("".join(sorted(deleted))) + "]*"


@lru_cache(maxsize=1)
def _lowered_from() -> dict[str, set[str]]:
    """Lower-case character -> every character whose ``lower()`` it is
    (e.g. «k» <- «K», KELVIN SIGN).  Built on first use, for cased queries."""
    out: dict[str, set[str]] = {}
    for cp in range(0x30000):
        ch = chr(cp)
        low = ch.lower()
        if low != ch and len(low) == 1:
            out.setdefault(low, set()).add(ch)
    return out


def prefilter(folded_word: str) -> Callable[[str], bool]:
    """A test that is true for every text in which folding could produce
    *folded_word*: each letter may be written in any form that folds to it
    (أ إ آ for ا, ى for ي, Persian letters, Arabic-Indic digits,
    presentation forms, either case) with marks, tatweel or invisible
    characters between letters.  A text holding a ligature that folding
    expands to several letters (lam-alef «ﻻ») passes when the ligature
    holds a letter of the word."""
    sources, skip = _unfolded()
    pieces = []
    for ch in folded_word:
        alts = {ch, *sources.get(ch, ())}
        if ch.upper() != ch:
            alts |= _lowered_from().get(ch, set())
        alts |= {a for alt in list(alts) for a in _lowered_from().get(alt, ())} if ch.upper() != ch else set()
        pieces.append("[" + re.escape("".join(sorted(alts))) + "]" if len(alts) > 1 else re.escape(ch))
    search = re.compile(skip.join(pieces)).search
    # A ligature can only take part in a match if it expands to a letter of the word.
    letters = set(folded_word)
    ligatures = [chr(cp) for cp, rep in fold_table().items() if rep and len(rep) > 1 and letters & set(rep.lower())]

    def may_match(text: str) -> bool:
        return search(text) is not None or any(lig in text for lig in ligatures)

    return may_match


_DEFINITE_NEXT_RE = re.compile(r"\s+(?:ال|لل)[^\W_]")


@lru_cache(maxsize=1)
def _lookalike_words() -> frozenset[str]:
    from kzcorpus import lexicon

    return lexicon.folded("clitic_lookalikes")


def _bounded(pattern: str) -> str:
    return rf"(?<!{_WORDCHAR})(?:{pattern})(?!{_WORDCHAR})"


def _compile_user_regex(pattern: str) -> Any:
    import regex

    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise UsageError(f"invalid regular expression {pattern!r}: {exc}") from None


# --------------------------------------------------------------------------
# Context


_WINDOW = 48  # characters per word of context to look at first


def _words_before(text: str, pos: int, n: int) -> list[Token]:
    """The *n* whole words that end at or before *pos*, nearest last."""
    if n <= 0:
        return []
    span = _WINDOW * n
    while True:
        lo = max(0, pos - span)
        toks = [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, lo, pos)]
        if toks and lo > 0:
            toks.pop(0)  # may be the tail of a word cut by the window
        if toks and WORD_RE.match(text, toks[-1].start).end() > pos:  # type: ignore[union-attr]
            toks.pop()  # a word the hit starts inside of
        if len(toks) >= n or lo == 0:
            return toks[-n:]
        span *= 2


def _words_after(text: str, pos: int, n: int) -> list[Token]:
    """The *n* whole words that start at or after *pos*, nearest first."""
    if n <= 0:
        return []
    span = _WINDOW * n
    while True:
        hi = min(len(text), pos + span)
        toks = [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, pos, hi)]
        if toks and hi < len(text):
            toks.pop()  # may be cut by the window
        if toks and toks[0].start == pos and pos > 0 and WORD_RE.match(text, pos - 1):
            toks.pop(0)  # the rest of a word the hit ends inside of
        if len(toks) >= n or hi == len(text):
            return toks[:n]
        span *= 2


def _context(doc: Doc, hit: Hit, width: int, parts: bool) -> KwicHit:
    text = doc.text
    before_toks = _words_before(text, hit.start, width)
    after_toks = _words_after(text, hit.end, width)
    before = clean_for_display(text[before_toks[0].start : hit.start]) if before_toks else ""
    after = clean_for_display(text[hit.end : after_toks[-1].end]) if after_toks else ""
    return KwicHit(
        doc=doc.id,
        start=hit.start,
        end=hit.end,
        line=doc.line(hit.start),
        before=before,
        keyword=text[hit.start : hit.end],
        after=after,
        match=hit.match,
        part=doc.part_at(hit.start) if parts else None,
        words_before=[t.surface for t in reversed(before_toks)],
        words_after=[t.surface for t in after_toks],
    )


def concordance(doc: Doc, hits: Iterable[Hit], *, width: int = 6, parts: bool = True) -> Iterator[KwicHit]:
    """Turn *hits* in *doc* into concordance lines with *width* words of context.

    With *parts*, each line says which part of the page the hit is in
    (title, body, comment, residue: :meth:`kzcorpus.doc.Doc.part_at`).
    """
    if width < 0:
        raise UsageError("the context width must be 0 or more words")
    for hit in hits:
        yield _context(doc, hit, width, parts)


def kwic(
    articles: Iterable[Article | Doc],
    query: str,
    *,
    match: MatchMode = "clitic",
    width: int = 6,
) -> Iterator[KwicHit]:
    """Concordance lines for *query* over *articles*, in corpus order."""
    matcher = Matcher(query, match)
    for doc in docs(articles):
        yield from concordance(doc, matcher.find(doc), width=width)


class Concordance:
    """A picklable task for :func:`kzcorpus.engine.scan`: a doc's concordance lines
    (with *passages*, each with the passage key of its sentence, for ``copies``)."""

    def __init__(self, finder: HitFinder, width: int = 6, *, passages: bool = False) -> None:
        if width < 0:
            raise UsageError("the context width must be 0 or more words")
        self.finder = finder
        self.width = width
        self.passages = passages

    def __call__(self, doc: Doc) -> list[KwicHit]:
        hits = list(concordance(doc, self.finder.find(doc), width=self.width))
        if self.passages:
            from kzcorpus.dupes import passage_key

            for h in hits:
                h.passage = passage_key(doc, h.start)
        return hits

    def may_match(self, text: str) -> bool:
        test = getattr(self.finder, "may_match", None)
        return True if test is None else bool(test(text))


class HitCount(Concordance):
    """A picklable task: the number of hits in a doc."""

    #: Counting hits reads no page parts, so a corpus's boilerplate need not
    #: be learned for it (:func:`kzcorpus.engine.boilerplate_for`).
    needs_parts = False

    def __call__(self, doc: Doc) -> int:  # type: ignore[override]
        return sum(1 for _ in self.finder.find(doc))


def count(
    articles: Iterable[Article | Doc],
    query: str | HitFinder,
    *,
    match: MatchMode = "clitic",
    skip_zero: bool = False,
) -> Iterator[dict[str, Any]]:
    """Per-article hit counts (``doc``, ``title``, ``hits``); *query* may be a compiled :class:`Matcher`."""
    matcher = Matcher(query, match) if isinstance(query, str) else query
    for doc in docs(articles):
        n = sum(1 for _ in matcher.find(doc))
        if n or not skip_zero:
            yield {"doc": doc.id, "title": doc.title, "hits": n}


def _nth(words: Sequence[str], n: int) -> str:
    return fold(words[n]) if n < len(words) else ""


SORTERS: dict[str, Callable[[KwicHit], Any]] = {
    "article": lambda h: (h.doc, h.start),
    "keyword": lambda h: fold(h.keyword),
    "before1": lambda h: _nth(h.words_before, 0),
    "before2": lambda h: _nth(h.words_before, 1),
    "before3": lambda h: _nth(h.words_before, 2),
    "after1": lambda h: _nth(h.words_after, 0),
    "after2": lambda h: _nth(h.words_after, 1),
    "after3": lambda h: _nth(h.words_after, 2),
}


def sort_hits(hits: Iterable[KwicHit], key: SortKey) -> Iterable[KwicHit]:
    """Sort by *key*; ``position`` keeps the stream as it is (stable sorts)."""
    if key == "position":
        return hits
    if key not in SORTERS:
        raise UsageError(f"unknown sort key {key!r}; choose one of {', '.join(SORT_KEYS)}")
    return sorted(hits, key=SORTERS[key])
