"""Persons with a compound given name «X الدين» and no title, and quoted names after a title.

A word of ``entities_din_names`` (عز، صلاح، علاء، نصر …), «الدين», then the
rest of the name: a «بن» link and its name, or a plain name word (not a stop
or common word, a title, a verb or an «ال» word) and an optional family
name («الأصبحي»), or a family name alone.  «X الدين» alone is left to the
gazetteer and the other rules (Saladin, the Salah ad-Din governorate), and
so are «رجال الدين» or «أعداء الدين» (no list word first), and a name
after the head of a group or building («كتائب عز الدين القسام»,
``entities_group_heads``).  The name wins over
a known place that is its first two words («صلاح الدين» + «دمرداش»).
``found_by`` is ``rule:din-name``.

A quoted name of one or two words after a title and up to two adjectives
is a person: «المدير الفني "نيبوشا"», «المغني «بوب مارلي»»
(``rule:quoted-title(المدير)``); not a list word, a verb, an «ال» word or a
clitic before a definite word or a pronoun («رجل «بإلقاء قنبلة»»), and not
after a noun of a kind of person (``entities_kind_titles``: «رجل «داندي»»).
"""

from __future__ import annotations

import re

from kzcorpus.entities.candidates import Cand, free
from kzcorpus.entities.gazetteer import WORDCHAR
from kzcorpus.entities.words import (
    ALL_HEADS,
    CLITIC_LETTERS,
    CONJ_LETTERS,
    DIN_NAMES,
    FACILITY_HEADS,
    GIVEN,
    GROUP_HEADS,
    KIND_TITLES,
    LETTERS_WORD,
    LINE_SPACE,
    NAME_LINKS,
    STOP,
    TITLES,
    is_common,
    plain_ok,
    spelled,
    strip_pro,
    surname_ok,
    verbish,
    word_start,
)
from kzcorpus.lexicon import alternation

_W = WORDCHAR
_S = LINE_SPACE + "+"
_WORD = LETTERS_WORD
#: Found at «الدين» (a literal: scanned fast), the list word before it, the rest of the name after it.
_DIN_RE = re.compile(rf"الدين(?:{_S}(?P<w1>{_WORD}))?(?:{_S}(?P<w2>{_WORD}))?(?!{_W})")
_FIRST_BEFORE = re.compile(rf"(?P<first>{alternation(DIN_NAMES)}){_S}$")


_HEADS = ALL_HEADS | FACILITY_HEADS | GROUP_HEADS
_WORD_BEFORE = re.compile(rf"(?<!{_W})({_WORD})[^\S\n]+$")


def _plain(w: str) -> bool:
    if w.startswith("ال") or w in STOP or w in TITLES or is_common(w) or verbish(w) or not plain_ok(w):
        return False
    return w[0] not in CONJ_LETTERS or w in GIVEN  # «فخر الدين وسنية صالح»: another name


def _after_head(folded: str, pos: int) -> bool:
    """«كتائب عز الدين القسام», «مستشفى صلاح الدين …»: the name belongs to the group or building."""
    before = _WORD_BEFORE.search(folded, max(0, pos - 30), pos)
    if before is not None and before.group(1).startswith("ال"):  # «كتائب الشهيد عز الدين القسام»
        before = _WORD_BEFORE.search(folded, max(0, before.start() - 30), before.start())
    return before is not None and strip_pro(before.group(1), _HEADS) is not None


def _inside(c: Cand, s: int, din_end: int, end: int) -> bool:
    """May the name take the place of *c*: a known name of its first two
    words («صلاح الدين»), or a person found in its rest («حسن الكردي»)?"""
    return (c.fstart == s and c.fend <= din_end) or (c.type == "PER" and s <= c.fstart and c.fend <= end)


def din_name_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """Persons named «X الدين» + the rest of their name, where *found* has
    nothing but a known name of the first two words."""
    out: list[Cand] = []
    for m in _DIN_RE.finditer(folded):
        w1, w2 = m.group("w1"), m.group("w2")
        if w1 is None or (first := _FIRST_BEFORE.search(folded, max(0, m.start() - 12), m.start())) is None:
            continue
        if word_start(folded, first.start()) is None:
            continue
        if w1 in NAME_LINKS:
            if w2 is None or not _plain(w2):
                continue
            end = m.end("w2")
        elif surname_ok(w1):
            end = m.end("w1")
        elif _plain(w1):
            end = m.end("w2") if w2 is not None and surname_ok(w2) else m.end("w1")
        else:
            continue
        if _after_head(folded, first.start()):
            continue
        s, din_end = first.start(), m.start() + len("الدين")
        if any(c.fstart < end and s < c.fend and not _inside(c, s, din_end, end) for c in found):
            continue
        out.append(Cand(s, end, "PER", None, "rule:din-name"))
    return out


#: A quoted name (where the rule looks: quotes are few) and, before it, a title and up to two adjectives.
_QUOTE_OPEN_RE = re.compile(r"[«\"“]")
_QUOTED_NAME_RE = re.compile(rf"[«\"“][^\S\n]*(?P<name>{_WORD}(?:{_S}{_WORD})?)[^\S\n]*[»\"”]")
_TITLE_BEFORE = re.compile(rf"(?P<title>{alternation(TITLES)})(?:{_S}ال{_WORD}){{0,2}}[^\S\n]*$")
_TITLE_WINDOW = 60


def _quoted_ok(w: str) -> bool:
    """A word of a quoted name: no list word, verb or «ال» word, and no clitic
    before a definite word or a pronoun after it («بإلقاء», «لتدبيره»)."""
    if w.startswith("ال") or w in STOP or w in TITLES or is_common(w) or verbish(w):
        return False
    return not (w[0] in CLITIC_LETTERS and (w[1:].startswith("ال") or w.endswith("ه")))


def quoted_title_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """A quoted name of one or two words after a title: «المدير الفني "نيبوشا"», where *found* has nothing."""
    out: list[Cand] = []
    for q in _QUOTE_OPEN_RE.finditer(folded):
        if (m := _QUOTED_NAME_RE.match(folded, q.start())) is None:
            continue
        title = _TITLE_BEFORE.search(folded, max(0, q.start() - _TITLE_WINDOW), q.start())
        if title is None or word_start(folded, title.start()) is None:
            continue
        words = m.group("name").split()
        if title.group("title") in KIND_TITLES or not all(_quoted_ok(w) for w in words):
            continue  # «لرجل «جنتلمان»»: a kind of man
        s, e = m.span("name")
        if free(found, s, e):
            out.append(Cand(s, e, "PER", None, f"rule:quoted-title({spelled(title.group('title'))})"))
    return out
