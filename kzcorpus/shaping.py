"""Arabic contextual shaping and visual order, for displays that draw code points as they come.

A terminal without shaping shows every Arabic letter in its isolated form.
:func:`shape` replaces each letter by the presentation form its neighbours
call for (isolated, final, initial, medial) and lam + alef by their
ligature.  The forms are read from Unicode's own decompositions of the
presentation-form blocks, so no table is written out here.

This is the part of arabic-reshaper that tables need (its start-up cost,
~80 ms to build ligature patterns we do not use, was most of a table's
run time); ``tests/test_shaping.py`` checks it against arabic-reshaper.
:func:`visual_order` then lays a shaped string out left to right
(python-bidi): what terminal tables (:mod:`kzcorpus.render`) and charts
drawn without a text-layout engine (:mod:`kzcorpus.plotting`) show.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LAM = "\u0644"
_TAGS = {"<isolated>": 0, "<final>": 1, "<initial>": 2, "<medial>": 3}
_JOIN_CAUSING = frozenset("\u0640\u200d")  # tatweel, ZWJ
_RTL_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC_MARK_RE = re.compile(
    "([\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]+)([\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff])"
)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[str | None]], dict[str, list[str | None]]]:
    """``forms[letter] = [isolated, final, initial, medial]``; ``lam_alef[alef] = [isolated, final]``."""
    forms: dict[str, list[str | None]] = {}
    lam_alef: dict[str, list[str | None]] = {}
    for lo, hi in ((0xFB50, 0xFBFF), (0xFE70, 0xFEFC)):
        for cp in range(lo, hi + 1):
            parts = unicodedata.decomposition(chr(cp)).split()
            if not parts or parts[0] not in _TAGS:
                continue
            tag = _TAGS[parts[0]]
            base = "".join(chr(int(c, 16)) for c in parts[1:])
            if len(base) == 1 and unicodedata.category(base) == "Lo":
                slot = forms.setdefault(base, [None, None, None, None])
                if slot[tag] is None:
                    slot[tag] = chr(cp)
            elif len(base) == 2 and base[0] == LAM and tag in (0, 1) and base[1] in "\u0622\u0623\u0625\u0627":
                lam_alef.setdefault(base[1], [None, None])[tag] = chr(cp)
    return forms, lam_alef


_KINDS: dict[str, str] = {}


def _kind(ch: str, forms: dict[str, list[str | None]]) -> str:
    """Joining type: D (dual), R (right only), C (causing), T (transparent), U (none)."""
    kind = _KINDS.get(ch)
    if kind is None:
        kind = _KINDS[ch] = _joining(ch, forms)
    return kind


def _joining(ch: str, forms: dict[str, list[str | None]]) -> str:
    slot = forms.get(ch)
    if slot is not None:
        if slot[2] is not None or slot[3] is not None:
            return "D"
        return "R" if slot[1] is not None else "U"
    if ch in _JOIN_CAUSING:
        return "C"
    if unicodedata.category(ch) in ("Mn", "Me") or (unicodedata.category(ch) == "Cf" and ch != "\u200c"):
        return "T"
    return "U"


def shape(text: str) -> str:
    """*text* with each Arabic letter in its contextual presentation form."""
    forms, lam_alef = _tables()
    kinds = [_kind(ch, forms) for ch in text]
    n = len(text)
    following: list[str | None] = [None] * n  # kind of the next non-transparent char
    nxt: str | None = None
    for i in range(n - 1, -1, -1):
        following[i] = nxt
        if kinds[i] != "T":
            nxt = kinds[i]
    out: list[str] = []
    prev: str | None = None
    i = 0
    while i < n:
        ch, kind = text[i], kinds[i]
        if kind == "T":
            out.append(ch)
            i += 1
            continue
        joins_before = prev in ("D", "C") and kind in ("D", "R", "C")
        if ch == LAM and i + 1 < n and text[i + 1] in lam_alef:
            lig = lam_alef[text[i + 1]][1 if joins_before else 0]
            if lig is not None:
                out.append(lig)
                prev = "R"  # the ligature does not join what follows
                i += 2
                continue
        slot = forms.get(ch)
        if slot is None:
            out.append(ch)
        else:
            joins_after = kind in ("D", "C") and following[i] in ("D", "R", "C")
            index = 3 if joins_before and joins_after else 1 if joins_before else 2 if joins_after else 0
            out.append(slot[index] or slot[0] or ch)
        prev = kind
        i += 1
    return "".join(out)


def marks_after_base(visual: str) -> str:
    """Put Arabic marks back after their letter once a string is reversed."""
    return _ARABIC_MARK_RE.sub(r"\2\1", visual)


def has_rtl(s: str) -> bool:
    """Whether *s* holds a right-to-left letter (Arabic, Hebrew, presentation forms)."""
    return _RTL_RE.search(s) is not None


def visual_order(shaped: str) -> str:
    """A shaped string laid out left to right for display: reordered
    (python-bidi, base direction right to left), marks after their letter,
    bracket pairs mirrored."""
    from bidi import get_display

    return mirror_pairs(marks_after_base(str(get_display(shaped, base_dir="R"))))


_MIRROR = dict(zip("()[]{}«»‹›", ")(][}{»«›‹", strict=True))
_VISUAL_OPENERS = frozenset(")]}»›")  # how a right-to-left pair starts once reordered


def mirror_pairs(shown: str) -> str:
    """Mirror bracket pairs that reordering left facing inwards.

    python-bidi reorders (bracket pairs included) but does not mirror
    glyphs (rule L4), so «(82)» after an Arabic word comes out «)82(».  In
    visual order a right-to-left pair reads closer-first; such pairs are
    swapped, while left-to-right pairs («SPIEF (x)») already read «(…)».
    """
    if not any(ch in _MIRROR for ch in shown):
        return shown
    out = list(shown)
    stack: list[int] = []
    for i, ch in enumerate(shown):
        if ch in _VISUAL_OPENERS:
            stack.append(i)
        elif ch in _MIRROR and stack and shown[stack[-1]] == _MIRROR[ch]:
            j = stack.pop()
            out[j], out[i] = _MIRROR[shown[j]], _MIRROR[ch]
    return "".join(out)
