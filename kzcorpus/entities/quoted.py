"""Names in quotes: a media outlet or company after its head, an organisation's short name after its full name.

Three rules, run on the folded text after the gazetteer and the other rules:

- a head of :data:`~kzcorpus.entities.words.QUOTED_HEADS` then a quoted
  name of one to four words is an organisation, the head left out:
  «صحيفة «حرييت»», «لصحيفة "ديلي ميل"», «شركة “سيسكو”» (``rule:quoted(صحيفة)``);
- a quoted word (not a common word, a verb or an «ال» word) right after the full name
  of an organisation found another way (three words or more, not itself
  quoted) is its short name, with its id when it has one: «هيئة الإذاعة
  البريطانية "بي.بي.سي"», «الهيئة السعودية للمدن الصناعية ومناطق التقنية
  «مدن»» (``rule:short-name``);
- a head of ``entities_quoted_event_heads`` then a quoted or bracketed name
  of one to four words is an event: «مهرجان "خلونا نتغير"», «مسابقة (PX3)»
  (MISC, ``rule:quoted(مهرجان)``).

Quotes are «», "" or “”; the span is the name without them.  Neither rule
takes words the gazetteer already found.
"""

from __future__ import annotations

import re

from kzcorpus.entities.candidates import Cand, free
from kzcorpus.entities.gazetteer import WORDCHAR
from kzcorpus.entities.words import CLITIC_LETTERS, QUOTED_EVENT_HEADS, QUOTED_HEADS, STOP, spelled, verbish
from kzcorpus.lexicon import alternation

_W = WORDCHAR
#: One word of a quoted name: letters and digits, dots or hyphens inside («بي.بي.سي», «BBC1»).
_NAME_WORD = rf"[^\W\d_]{_W}*(?:[.\-]{_W}+)*\.?"
_S = r"[^\S\n]"


def _quoted(words: int) -> str:
    return rf"[«\"“]{_S}*(?P<name>{_NAME_WORD}(?:{_S}+{_NAME_WORD}){{0,{words - 1}}}){_S}*[»\"”]"


#: An opening quote: where both rules start looking (few per article, so the scan stays cheap).
_OPEN_RE = re.compile(r"[«\"“]")
_NAME_RE = re.compile(_quoted(4))
#: A head right before a quote, searched in a short window that ends at the quote.
_HEAD_BEFORE = re.compile(rf"(?<!{_W})[{CLITIC_LETTERS}]{{0,2}}(?P<head>{alternation(QUOTED_HEADS)}){_S}*$")
_HEAD_WINDOW = 24
#: An event's head right before a quote or a bracket: «مهرجان "خلونا نتغير"», «مسابقة (PX3)».
_EVENT_BEFORE = re.compile(rf"(?<!{_W})[{CLITIC_LETTERS}]{{0,2}}(?P<head>{alternation(QUOTED_EVENT_HEADS)}){_S}*$")
_EVENT_OPEN_RE = re.compile(r"[«\"“(]")
_EVENT_NAME_RE = re.compile(rf"[«\"“(]{_S}*(?P<name>{_NAME_WORD}(?:{_S}+{_NAME_WORD}){{0,3}}){_S}*[»\"”)]")
_SHORT_RE = re.compile(rf"{_S}*{_quoted(1)}")
_QUOTE_MARKS = '«»"“”'


def _name_ok(name: str) -> bool:
    return name.split()[0] not in STOP


def _short_ok(folded: str, c: Cand, name: str) -> bool:
    """The full name is three words or more and not quoted itself; the short name looks like a name."""
    if len(folded[c.fstart : c.fend].split()) < 3 or folded[c.fstart - 1 : c.fstart].strip() in tuple(_QUOTE_MARKS):
        return False
    return _name_ok(name) and not name.startswith("ال") and not verbish(name)


def quoted_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """The two rules' names in *folded*, none overlapping *found* (what the
    gazetteer and the other rules found)."""
    out: list[Cand] = []
    for q in _OPEN_RE.finditer(folded):
        head = _HEAD_BEFORE.search(folded, max(0, q.start() - _HEAD_WINDOW), q.start())
        if head is None or (m := _NAME_RE.match(folded, q.start())) is None:
            continue
        s, e = m.span("name")
        if free(found, s, e):  # any word, even «صباح», is a name there
            out.append(Cand(s, e, "ORG", None, f"rule:quoted({spelled(head.group('head'))})"))
    for q in _EVENT_OPEN_RE.finditer(folded):
        head = _EVENT_BEFORE.search(folded, max(0, q.start() - _HEAD_WINDOW), q.start())
        if head is None or (m := _EVENT_NAME_RE.match(folded, q.start())) is None:
            continue
        s, e = m.span("name")
        if free(found, s, e) and _name_ok(m.group("name")) and not verbish(m.group("name").split()[0]):
            out.append(Cand(s, e, "MISC", None, f"rule:quoted({spelled(head.group('head'))})"))
    for c in found:
        if c.type != "ORG":
            continue
        if (short := _SHORT_RE.match(folded, c.fend)) is not None:
            s, e = short.span("name")
            if free(found, s, e) and _short_ok(folded, c, short.group("name")):
                out.append(Cand(s, e, "ORG", c.id, "rule:short-name"))
    return out
