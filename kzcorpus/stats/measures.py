"""Small measures over folded words, and a :class:`~kzcorpus.doc.Doc` seen in a scope.

Every figure is computed on a *scope* of the text: ``"body"`` (the lines
:mod:`kzcorpus.parts` calls body: not the title, the comments or the page
residue) or ``"all"`` (every line).  :func:`scoped` gives the tokens, folded
words and sentences of a ``Doc`` inside its scope, taken from the ``Doc``
(nothing is tokenized, folded or classified again) and kept on it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Literal

from kzcorpus.arabic import Span, Token, script_of
from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError

Scope = Literal["body", "all"]
SCOPES: tuple[str, ...] = ("body", "all")
MATTR_WINDOW = 50


def check_scope(scope: str) -> None:
    if scope not in SCOPES:
        raise UsageError(f"unknown scope {scope!r}; choose body or all")


def check_window(window: int) -> None:
    if window < 1:
        raise UsageError("the MATTR window must be at least 1 token")


# --------------------------------------------------------------------------
# A Doc in a scope


class Scoped:
    """The tokens, folded words and sentences of *doc* in the lines of *scope*."""

    def __init__(self, doc: Doc, scope: str) -> None:
        check_scope(scope)
        self.doc = doc
        self.scope = scope
        self.spans = doc.spans(scope)
        idx = _within(self.spans, [t.start for t in doc.tokens])
        tokens, words = doc.tokens, doc.words
        self.tokens: list[Token] = [tokens[i] for i in idx]
        self.words: list[str] = [words[i] for i in idx]
        self._windows: tuple[int, float, int] | None = None

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences inside the scope's lines (a line break ends a sentence)."""
        all_sentences = self.doc.sentences
        return [all_sentences[i] for i in _within(self.spans, [s.start for s in all_sentences])]

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each (folded) word occurs."""
        return Counter(self.words)

    def windows(self, window: int) -> tuple[float, int]:
        """:func:`mattr_sum` of the words, computed once per window size."""
        if self._windows is None or self._windows[0] != window:
            self._windows = (window, *mattr_sum(self.words, window))
        return self._windows[1], self._windows[2]


def _within(spans: Iterable[tuple[int, int]], starts: Sequence[int]) -> list[int]:
    """Indexes of the sorted *starts* that fall inside one of *spans*."""
    out: list[int] = []
    for start, end in spans:
        out.extend(range(bisect_left(starts, start), bisect_left(starts, end)))
    return out


def scoped(doc: Doc, scope: str = "body") -> Scoped:
    """*doc* in *scope*, built once per ``Doc``."""
    return doc.memo(("stats.scoped", scope), lambda d: Scoped(d, scope))


# --------------------------------------------------------------------------
# Measures (small and pure; *words* are folded tokens)

#: :func:`kzcorpus.arabic.script_of`, remembered across articles (words repeat).
script = lru_cache(maxsize=500_000)(script_of)


def script_counts(tokens: Iterable[Token]) -> dict[str, int]:
    """Tokens per script: ``arabic``, ``latin``, ``number``, ``other``."""
    counts = Counter(map(script, map(_surface, tokens)))
    return {k: counts[k] for k in ("arabic", "latin", "number", "other")}


_surface = attrgetter("surface")


def ttr(words: Sequence[str]) -> float | None:
    """Types / tokens; ``None`` for no tokens."""
    return len(set(words)) / len(words) if words else None


def mattr_sum(words: Sequence[str], window: int) -> tuple[float, int]:
    """Sum of window TTRs and number of windows (one for a short text)."""
    n = len(words)
    if n == 0:
        return 0.0, 0
    if n <= window:
        return len(set(words)) / n, 1
    counts: dict[str, int] = {}
    for w in words[:window]:
        counts[w] = counts.get(w, 0) + 1
    types = len(counts)
    total = types / window
    for new, old in zip(words[window:], words, strict=False):
        if new != old:
            k = counts.get(new, 0)
            if not k:
                types += 1
            counts[new] = k + 1
            k = counts[old] - 1
            if k:
                counts[old] = k
            else:
                del counts[old]
                types -= 1
        total += types / window
    return total, n - window + 1


def mattr(words: Sequence[str], *, window: int = MATTR_WINDOW) -> float | None:
    """Moving-average type/token ratio over windows of *window* tokens.

    A text of at most *window* tokens gets its TTR; no tokens, ``None``.
    """
    check_window(window)
    total, n = mattr_sum(words, window)
    return total / n if n else None


def hapax(words: Iterable[str]) -> int:
    """Types that occur exactly once."""
    return sum(1 for c in Counter(words).values() if c == 1)


def mean_word_length(words: Sequence[str]) -> float | None:
    """Mean characters per folded token."""
    return sum(len(w) for w in words) / len(words) if words else None


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def rounded(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(x, digits)
