"""A person named by the words around the name: a verb of saying before it and a role after it, or «يدعى».

«وقالت أمبر رود وزيرة الطاقة», «وقال ليوني جرين، المتحدث باسم الاتحاد»,
«وقالت فيجين يوكسيكداغ التي …»: a verb of saying
(``entities_speech_verbs``), two words, then (after an optional comma) a
relative pronoun or a role noun (``entities_apposition_heads``).  Neither
word may be a stop word, a common word, a title or start with «ال», and the
first may not look like a verb; the two words must be free (nothing else
found them).  ``found_by`` is ``rule:speaker(قال)``.

«امرأة تدعى "بيني براون"», «طفل يدعى موزيس ديو»: after «يدعى/تدعى» («is
called», written with «ى»: «يدعي» is «claims»), one to three such words in
Arabic letters, quoted or not, are a person (``rule:named(يدعى)``), with a
family name after them («يدعى مطر الكواري»); «أبو» needs the name after it.  Over 6,000 random
SaudiNewsNet articles the pattern named a person in all but one of 128
places no other rule found (the miss: «والدة رضائيان», «the mother of»).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kzcorpus.entities.candidates import Cand, free
from kzcorpus.entities.gazetteer import WORDCHAR
from kzcorpus.entities.words import (
    ABU,
    APPOSITION_HEADS,
    SPEECH_VERBS,
    STOP,
    TITLES,
    is_common,
    spelled,
    surname_ok,
    verbish,
)
from kzcorpus.lexicon import alternation

_W = WORDCHAR
_S = r"[^\S\n]"
_WORD = r"[^\W\d_]{2,}"


#: The verb first (no look-behind before it: a pattern that opens with its words is scanned fast);
#: :func:`_starts_word` checks the verb starts a word, after «و» or not.
_SPEAKER_RE = re.compile(
    rf"(?P<verb>{alternation(SPEECH_VERBS)}){_S}+(?P<w1>{_WORD}){_S}+(?P<w2>{_WORD})"
    rf"{_S}*،?{_S}*(?:{alternation(APPOSITION_HEADS)})(?!{_W})"
)
_WORDCHAR_RE = re.compile(_W)


def _starts_word(folded: str, pos: int) -> bool:
    before = folded[pos - 1 : pos] if pos else ""
    if before == "و":
        before = folded[pos - 2 : pos - 1] if pos > 1 else ""
    return not before or _WORDCHAR_RE.match(before) is None


_NAMED_RE = re.compile(  # the look-behind after the verb: see _SPEAKER_RE
    rf"(?P<verb>[يت]دعي)(?<!{_W}....){_S}+(?P<quote>[«\"“]{_S}*)?(?P<name>{_WORD}(?:{_S}+{_WORD}){{0,2}})"
)
_CLOSE_RE = re.compile(rf"{_S}*[»\"”]")
ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]+(?:[^\S\n]+[\u0621-\u064a]+)*$")


def _word_ok(w: str) -> bool:
    return not (w.startswith("ال") or w in STOP or w in TITLES or is_common(w))


def speaker_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """Speakers named between a verb of saying and their role, where *found* (what the rest found) has nothing."""
    out: list[Cand] = []
    for m in _SPEAKER_RE.finditer(folded):
        if not _starts_word(folded, m.start()):
            continue
        s, e = m.start("w1"), m.end("w2")
        if not free(found, s, e):
            continue
        w1, w2 = m.group("w1"), m.group("w2")
        if _word_ok(w1) and _word_ok(w2) and not verbish(w1):
            out.append(Cand(s, e, "PER", None, f"rule:speaker({spelled(m.group('verb'))})"))
    return out


def named_cands(folded: str, found: list[Cand], original: Callable[[int, int], str]) -> list[Cand]:
    """Persons after «يدعى/تدعى» where *found* has nothing: quoted, the whole
    quoted name of one to three words; unquoted, the words up to the first
    that is not a name word.  *original* gives the original text of a folded span."""
    out: list[Cand] = []
    for m in _NAMED_RE.finditer(folded):
        if "ى" not in original(m.start("verb"), m.end("verb")) or not ARABIC_WORD_RE.match(m.group("name")):
            continue
        words = m.group("name").split()
        if m.group("quote"):
            if _CLOSE_RE.match(folded, m.end("name")) is None or not all(_word_ok(w) for w in words):
                continue
        else:
            k = 0
            while k < len(words) and _word_ok(words[k]):
                k += 1
            if 0 < k < len(words) and surname_ok(words[k]):
                k += 1  # «يدعى مطر الكواري»: a family name closes the name
            words = words[:k]
        while words and words[-1] in ABU:  # «أبو» needs its name
            words.pop()
        if not words or verbish(words[0]):
            continue
        s = e = m.start("name")
        for w in words:  # the words as written: one space or more between them
            e = folded.index(w, e) + len(w)
        if free(found, s, e):
            out.append(Cand(s, e, "PER", None, f"rule:named({spelled(m.group('verb'))})"))
    return out
