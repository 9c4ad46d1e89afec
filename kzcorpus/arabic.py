"""Arabic text primitives: folding with an offset map, tokens, sentences.

Everything here is a pure function over ``str``; the character tables are
module-level data.  Folding may delete characters (diacritics, tatweel,
invisible format characters) or expand one (a presentation-form ligature
becomes two letters), so every function that finds something in folded text
returns offsets into the *original* text, via :class:`FoldMap`.

Only the standard library is imported here: this module is on the start-up
path of every command.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

# --------------------------------------------------------------------------
# Character tables (code points written as escapes where the glyph is
# invisible or easily confused, so diffs stay reviewable).

#: Harakat, tanwin, shadda, sukun, superscript alef, maddah/hamza above/below
#: and the Quranic annotation signs.
DIACRITICS_AR = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # fathatan .. wavy hamza below
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x0610, 0x061B)]  # Quranic marks
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
#: Zero-width and directional format characters, soft hyphen, BOM.
INVISIBLE = frozenset(
    ["\u00ad", "\u061c", "\u180e", "\ufeff", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064"]
    + [chr(c) for c in range(0x200C, 0x2010)]  # ZWNJ ZWJ LRM RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # isolates
)
#: Characters that separate words though they are not ASCII spaces.
SPACES = frozenset(
    ["\u00a0", "\u1680", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
    + [chr(c) for c in range(0x2000, 0x200B)]
)
ALEF_FORMS = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"}
ALEF_MAQSURA = {"\u0649": "\u064a"}  # ى -> ي
TEH_MARBUTA = {"\u0629": "\u0647"}  # ة -> ه
HAMZA_CARRIERS = {"\u0624": "\u0648", "\u0626": "\u064a"}  # ؤ -> و, ئ -> ي
PERSIAN_LETTERS = {
    "\u06a9": "\u0643",  # keheh -> kaf
    "\u06aa": "\u0643",  # swash kaf
    "\u06cc": "\u064a",  # farsi yeh -> yeh
    "\u06d2": "\u064a",  # yeh barree
    "\u06c1": "\u0647",  # heh goal
    "\u06be": "\u0647",  # heh doachashmee
    "\u06d5": "\u0647",  # ae
}
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
#: Ranges that NFKC turns into ordinary Arabic letters.
PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


class FoldOptions(NamedTuple):
    """Which folding steps apply.  Every step is on by default."""

    diacritics: bool = True
    tatweel: bool = True
    alef: bool = True
    alef_maqsura: bool = True
    teh_marbuta: bool = True
    hamza: bool = True
    persian: bool = True
    digits: bool = True
    presentation: bool = True
    invisible: bool = True
    spaces: bool = True
    case: bool = True


DEFAULT_FOLD = FoldOptions()


def _letter_map(opts: FoldOptions) -> dict[str, str]:
    """One-letter substitutions of *opts*, applied after NFKC."""
    out: dict[str, str] = {}
    if opts.alef:
        out.update(ALEF_FORMS)
    if opts.alef_maqsura:
        out.update(ALEF_MAQSURA)
    if opts.teh_marbuta:
        out.update(TEH_MARBUTA)
    if opts.hamza:
        out.update(HAMZA_CARRIERS)
    if opts.persian:
        out.update(PERSIAN_LETTERS)
    if opts.digits:
        out.update(DIGITS)
    return out


def _fold_chars(s: str, opts: FoldOptions, letters: dict[str, str]) -> str:
    out = []
    for ch in s:
        if opts.diacritics and ch in DIACRITICS_AR:
            continue
        if opts.tatweel and ch == TATWEEL:
            continue
        if opts.invisible and ch in INVISIBLE:
            continue
        if opts.spaces and ch in SPACES:
            out.append(" ")
            continue
        out.append(letters.get(ch, ch))
    return "".join(out)


@lru_cache(maxsize=16)
def _table(opts: FoldOptions) -> dict[int, str | None]:
    """A ``str.translate`` table equal to folding each character alone."""
    if not opts.case:
        return _letters_table(opts)
    table = dict(_letters_table(opts._replace(case=False)))
    # The only character whose lower case is longer than itself; fold it
    # here so that str.lower() in fold() never changes the length.
    table[0x0130] = "i"
    return table


@lru_cache(maxsize=16)
def _letters_table(opts: FoldOptions) -> dict[int, str | None]:
    """The table without case folding (``opts.case`` is False)."""
    letters = _letter_map(opts)
    table: dict[int, str | None] = {}
    singles = set(letters) | set(DIACRITICS_AR) | set(INVISIBLE) | set(SPACES) | {TATWEEL}
    for ch in singles:
        folded = _fold_chars(ch, opts, letters)
        if folded != ch:
            table[ord(ch)] = folded or None
    if opts.presentation:
        for lo, hi in PRESENTATION_RANGES:
            for cp in range(lo, hi + 1):
                ch = chr(cp)
                nf = unicodedata.normalize("NFKC", ch)
                if nf != ch:
                    table[cp] = _fold_chars(nf, opts, letters) or None
    return table


@lru_cache(maxsize=16)
def _uneven_re(opts: FoldOptions) -> re.Pattern[str]:
    """Characters that folding removes or expands to several."""
    return re.compile(_class_of([cp for cp, rep in _table(opts).items() if rep is None or len(rep) != 1]))


@lru_cache(maxsize=16)
def _plan(opts: FoldOptions) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...], re.Pattern[str] | None]:
    """``fold`` as C-speed steps: one regex deletes, ``str.replace`` swaps
    one character for one, a regex expands the rest.  Equal to
    ``text.translate(_table(opts))`` because no replacement produces a
    character that another step would change (checked here)."""
    table = _table(opts)
    deleted = [cp for cp, rep in table.items() if rep is None]
    singles = tuple((chr(cp), rep) for cp, rep in table.items() if rep is not None and len(rep) == 1)
    multi = [cp for cp, rep in table.items() if rep is not None and len(rep) > 1]
    produced = {ch for _, rep in singles for ch in rep} | {ch for cp in multi for ch in table[cp] or ""}
    if produced & {chr(cp) for cp in table}:  # pragma: no cover - a table bug
        raise AssertionError("fold table output is not fully folded")
    expand = re.compile(_class_of(multi)) if multi else None
    return re.compile(_class_of(deleted)), singles, expand


def _class_of(cps: list[int]) -> str:
    if not cps:
        return r"(?!)"
    ranges: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"


def fold_table(opts: FoldOptions = DEFAULT_FOLD) -> dict[int, str | None]:
    """Each character folding changes (before case folding) -> what it becomes (``None``: deleted)."""
    return _letters_table(opts._replace(case=False))


def fold(text: str, opts: FoldOptions = DEFAULT_FOLD) -> str:
    """Fold *text* for matching (see :class:`FoldOptions`).  Idempotent."""
    if len(text) < 48:  # a word: one table look-up per character is cheaper
        out = text.translate(_table(opts))
        return out.lower() if opts.case else out
    delete, singles, expand = _plan(opts)
    out = delete.sub("", text)
    for a, b in singles:
        if a in out:
            out = out.replace(a, b)
    if expand is not None and expand.search(out) is not None:
        table = _table(opts)
        out = expand.sub(lambda m: table[ord(m.group())] or "", out)
    return out.lower() if opts.case else out


class FoldMap:
    """Folded text plus, for each folded character, its span in the original.

    ``start[i]`` is where folded character *i* comes from; ``end[i]`` is the
    end of that original character *and* of any marks or tatweel that folding
    removed after it, so that a span found in folded text maps back to whole
    original graphemes: ``original[start[a]:end[b - 1]]``.

    The map is stored as pieces (identity runs and expansions), found with
    one regex pass over the characters folding removes or expands, so
    building it costs next to nothing for ordinary text.
    """

    __slots__ = ("_deleted", "_fs", "_len", "_os", "_pend", "_q", "_width", "end", "folded", "original", "start")

    def __init__(self, original: str, opts: FoldOptions = DEFAULT_FOLD, folded: str | None = None) -> None:
        """*folded* is ``fold(original, opts)`` when the caller has it already."""
        self.original = original
        self.folded = fold(original, opts) if folded is None else folded
        self.start = _Offsets(self, end=False)
        self.end = _Offsets(self, end=True)
        table = _table(opts)
        uneven = [m.start() for m in _uneven_re(opts).finditer(original)]
        self._q: list[int] | None = None
        if all(table.get(ord(original[i])) is None for i in uneven):
            # Only deletions (the usual case): folded char j comes from
            # original j + (deletions before it), found by bisection.
            self._deleted = frozenset(uneven)
            self._q = [d - k for k, d in enumerate(uneven)]
            return
        # Piece k covers folded [_fs[k], _fs[k] + _len[k]); _width[k] is 1
        # for an identity run (folded char j <- original _os[k] + j - _fs[k])
        # and 0 for an expansion (all its chars <- original _os[k]).
        # _pend[k] is the original end of the piece's last character.
        fs: list[int] = []
        os_: list[int] = []
        lens: list[int] = []
        width: list[int] = []
        pend: list[int] = []
        f = 0
        run = 0  # original start of the current identity run
        for i in uneven:
            if i > run:
                fs.append(f)
                os_.append(run)
                lens.append(i - run)
                width.append(1)
                pend.append(i)
                f += i - run
            ch = original[i]
            rep = table.get(ord(ch))
            if rep is None:
                if pend and pend[-1] == i and (ch == TATWEEL or ch in DIACRITICS_AR):
                    pend[-1] = i + 1  # a removed mark belongs to its letter
            else:
                fs.append(f)
                os_.append(i)
                lens.append(len(rep))
                width.append(0)
                pend.append(i + 1)
                f += len(rep)
            run = i + 1
        if run < len(original):
            fs.append(f)
            os_.append(run)
            lens.append(len(original) - run)
            width.append(1)
            pend.append(len(original))
            f += len(original) - run
        if f != len(self.folded):  # pragma: no cover - guarded by tests
            raise AssertionError("fold map out of step with fold()")
        self._fs, self._os, self._len, self._width, self._pend = fs, os_, lens, width, pend

    def _piece(self, i: int) -> int:
        if not 0 <= i < len(self.folded):
            raise IndexError(i)
        return bisect_right(self._fs, i) - 1

    def start_of(self, i: int) -> int:
        """Original offset where folded character *i* comes from."""
        if self._q is not None:
            if not 0 <= i < len(self.folded):
                raise IndexError(i)
            return i + bisect_right(self._q, i)
        k = self._piece(i)
        return self._os[k] + (i - self._fs[k]) * self._width[k]

    def end_of(self, i: int) -> int:
        """Original end of folded character *i* (with the marks folded away after it)."""
        if self._q is not None:
            end = self.start_of(i) + 1
            original, deleted = self.original, self._deleted
            while end in deleted and (original[end] == TATWEEL or original[end] in DIACRITICS_AR):
                end += 1
            return end
        k = self._piece(i)
        if i == self._fs[k] + self._len[k] - 1 or not self._width[k]:
            return self._pend[k]
        return self._os[k] + (i - self._fs[k]) + 1

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the folded span ``[fstart, fend)``."""
        if fend <= fstart:
            pos = self.start_of(fstart) if fstart < len(self.folded) else len(self.original)
            return pos, pos
        return self.start_of(fstart), self.end_of(fend - 1)

    def text_of(self, fstart: int, fend: int) -> str:
        """The original text of the folded span ``[fstart, fend)`` (:meth:`span`): folded
        offsets are not offsets into the original once a mark or tatweel was dropped before."""
        start, end = self.span(fstart, fend)
        return self.original[start:end]


class _Offsets:
    """``FoldMap.start`` / ``FoldMap.end`` as read-only sequences."""

    __slots__ = ("_end", "_map")

    def __init__(self, fmap: FoldMap, *, end: bool) -> None:
        self._map = fmap
        self._end = end

    def __len__(self) -> int:
        return len(self._map.folded)

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += len(self)
        return self._map.end_of(i) if self._end else self._map.start_of(i)

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(len(self)))


# --------------------------------------------------------------------------
# Tokens and sentences

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_JOINERS = "\u0640\u200c\u200d\u00ad"
#: A word: a letter or digit, then letters, digits, marks, tatweel, joiners.
#: ``\w`` includes ``_``, which is never part of an Arabic word; it is left
#: out so «[ad_1]» gives the tokens «ad» and «1».
WORD_RE = re.compile(rf"[^\W_]+(?:[{_MARKS}{_JOINERS}]+[^\W_]*)*")

_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


class Token(NamedTuple):
    """A word of the original text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str

    @property
    def script(self) -> str:
        """``arabic``, ``latin``, ``number`` or ``other``."""
        return script_of(self.surface)


def script_of(word: str) -> str:
    """Classify a token by its first script-bearing character."""
    for ch in word:
        if ch.isdigit():
            return "number"
        if _ARABIC_RE.match(ch):
            return "arabic"
        if _LATIN_RE.match(ch):
            return "latin"
        if ch.isalpha():
            return "other"
    return "other"


def tokenize(text: str) -> Iterator[Token]:
    """Yield the words of *text* with offsets into *text* itself."""
    for m in WORD_RE.finditer(text):
        yield Token(m.start(), m.end(), m.group())


#: Sentence ends: . ! ? ؟ ۔ … and a newline.  The Arabic comma ، and ؛ do
#: not end sentences.  A full stop between digits («6.2», «23.04.2024») does
#: not either.
_SENT_END_RE = re.compile(r"(?:\.(?!\d)|[!?\u061f\u06d4\u2026])+[\"'»”)\]]*|\n+")


class Span(NamedTuple):
    start: int
    end: int


def sentences(text: str) -> Iterator[Span]:
    """Yield sentence spans (trimmed of surrounding white space)."""
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        span = _trim(text, pos, end)
        if span is not None:
            yield span
        pos = m.end()
    span = _trim(text, pos, len(text))
    if span is not None:
        yield span


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end or WORD_RE.search(text, start, end) is None:
        return None
    return Span(start, end)


class LineIndex:
    """1-based line numbers for offsets, built once per text."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def line(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


# --------------------------------------------------------------------------
# Display hygiene

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WS_RE = re.compile(r"\s+")


def clean_for_display(s: str) -> str:
    """Collapse white space and drop control and bidi-override characters.

    Used for context strings: corpus text must never send escape sequences
    or directional overrides to a terminal.
    """
    return _WS_RE.sub(" ", _CONTROL_RE.sub("", s)).strip()
