"""Local places the gazetteer does not know, and organisations named after a place.

Five rules, run on the folded text after the gazetteer and the other rules,
on words nothing else found (the third replaces a known place: the
organisation starts before it and wins the overlap):

- a street, district, road or walk named after its head, the head in the
  span (GUIDELINES: «حي»/«طريق» stay in it): «شارع الستين», «حي عصيفرة»,
  «طريق بئر لحفن», «ممشى الضباب», «حي لونج إيلاند» (``rule:street(حي)``);
  not «عن طريق» (by means of), nor a common word or an adjective after the
  head («حي سكني»); a road needs a place word or a road adjective
  («طريق الحرمين السريع»: «طريق الوصول» is a way);
- an air or naval base: «قاعدة» + a name + «الجوية/البحرية/العسكرية»
  («قاعدة العند الجوية»), and «قاعدة» + the same name alone elsewhere in
  the article (``rule:street(قاعدة)``);
- an organisation's head, one indefinite noun and a known place: one
  organisation, a nisba after it included: «مستشفى برج بريدة المركزي»,
  «رابطة مشجعي نيجيريا» (``rule:placed(مستشفى)``);
- an organisation's head, a proper-looking word and a nisba: «مؤسسة دان
  التطوعية» (``rule:org-name(مؤسسة)``);
- the place of a dateline after an outlet's masthead: «سبق- بلقرن:»,
  «- سبق - القصيم:», «عين اليوم – عدن /», not «سبق- وكالات:» (``rule:dateline``); named again
  in the article, the town is that place («… من أهالي عفراء بلقرن», ``alias:<id>``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from kzcorpus.entities.candidates import Cand, free
from kzcorpus.entities.gazetteer import WORDCHAR
from kzcorpus.entities.words import (
    ABU,
    CLITIC_LETTERS,
    DATELINE_SOURCES,
    GENERIC_AFTER_HEAD,
    INDEF_ADJ,
    LETTERS_WORD,
    LINE_SPACE,
    LOC_HEADS,
    NAME_END,
    ORG_HEADS,
    PLACE_WORDS,
    ROAD_ADJ,
    STOP,
    STREET_HEADS,
    TITLES,
    is_common,
    looks_foreign,
    plain_ok,
    repeats,
    spelled,
    verbish,
    word_start,
)
from kzcorpus.lexicon import alternation, proclitics

_W = WORDCHAR
#: Patterns open with their list word (scanned fast); :func:`word_start` checks what stands before it.

_STREET_RE = re.compile(
    rf"(?P<head>{alternation(STREET_HEADS)}){LINE_SPACE}+(?P<w1>{LETTERS_WORD})(?:{LINE_SPACE}+(?P<w2>{LETTERS_WORD}))?(?!{_W})"
)
_ROAD = "طريق"
_NUMBER_AFTER = re.compile(rf"{LINE_SPACE}*\d")
#: Heads after which an indefinite name is a place («حي عصيفرة», «شارع هارلم»); «طريق سريع» is not.
_BARE_NAME_HEADS = frozenset({"حي", "شارع"})
_BY_MEANS = frozenset({"عن"})
_WORD_BEFORE = re.compile(rf"(?<!{_W})({LETTERS_WORD}){LINE_SPACE}+$")

_BASE = "قاعده"
_BASE_ADJ = r"ال(?:جويه|بحريه|عسكريه)"
_BASE_RE = re.compile(
    rf"(?P<head>{_BASE}){LINE_SPACE}+(?P<name>{LETTERS_WORD})(?:{LINE_SPACE}+(?P<adj>{_BASE_ADJ}))?(?!{_W})"
)

#: An organisation's head and one indefinite noun, right before a known place.
_ORG_BEFORE = re.compile(
    rf"(?<!{_W})(?:{alternation(p for p in proclitics() if p)})?(?P<head>{alternation(ORG_HEADS)}){LINE_SPACE}+(?P<mid>{LETTERS_WORD}){LINE_SPACE}+$"
)
_NISBA_AFTER = re.compile(rf"{LINE_SPACE}+(ال{LETTERS_WORD}ي)(?!{_W})")
_NOT_MID = LOC_HEADS | frozenset({"منطقه", "محافظه", "مدينه", "دول", "دوله"})

#: An organisation's head, a name and a nisba: «مؤسسة دان التطوعية».
_NAMED_ORG_RE = re.compile(
    rf"(?P<head>{alternation(ORG_HEADS)}){LINE_SPACE}+(?P<name>{LETTERS_WORD}){LINE_SPACE}+(?P<adj>ال{LETTERS_WORD}(?:يه|ي))(?!{_W})"
)

DATELINE = "rule:dateline"
#: After a masthead: an optional dash, one or two words, a colon.
_DATELINE_RE = re.compile(
    rf"{LINE_SPACE}*[-–]?{LINE_SPACE}*(?P<place>{LETTERS_WORD}(?:{LINE_SPACE}+{LETTERS_WORD})?){LINE_SPACE}*[:/]"
)


def _name_word(w: str) -> bool:
    return w not in STOP and w not in NAME_END and w not in TITLES and not is_common(w)


def _street_name(head: str, w1: str, w2: str | None) -> int:
    """How many of the words after a street head name the place (0, 1 or 2)."""
    if w1 in PLACE_WORDS or w1 in ABU:  # «طريق بئر لحفن», «حي وادي لبن», «شارع أبو فراس»
        return 2 if w2 is not None and _name_word(w2) and not w2.endswith("ي") else 0
    if w1.startswith("ال"):
        if w1.startswith("لل") or not _name_word(w1) or w1 in GENERIC_AFTER_HEAD or w1.endswith(("ات", "يه")):
            return 0
        if head == _ROAD:  # «طريق الحرمين السريع»; «طريق الوصول» is a way
            return 2 if w2 in ROAD_ADJ and w1 not in ROAD_ADJ else 0
        return 1
    if head not in _BARE_NAME_HEADS or not _name_word(w1) or verbish(w1) or w1 in INDEF_ADJ:
        return 0
    if w1.endswith("ي") or w1.startswith("لل") or (w1[0] in CLITIC_LETTERS and not looks_foreign(w1)):
        return 0  # «حي سكني», «شارع بجوار …», «نادي حي للبنين»
    if w2 is not None and looks_foreign(w1) and looks_foreign(w2) and _name_word(w2) and not w2.startswith("ال"):
        return 2  # «حي لونج إيلاند»
    return 1


def street_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """Streets, districts, roads, walks and bases named after their head, where *found* has nothing."""
    out: list[Cand] = []
    for m in _STREET_RE.finditer(folded):
        if word_start(folded, m.start()) is None:
            continue
        head = m.group("head")
        if head == _ROAD:
            before = _WORD_BEFORE.search(folded, max(0, m.start() - 20), m.start())
            if before is not None and before.group(1) in _BY_MEANS:
                continue  # «عن طريق الهاتف»: by means of
        n = _street_name(head, m.group("w1"), m.group("w2"))
        if not n or (n == 1 and _NUMBER_AFTER.match(folded, m.end("w1"))):
            continue  # «شارع عرض 30م»: a measure, not a name
        s, e = m.start("head"), m.end("w1") if n == 1 else m.end("w2")
        if free(found, s, e):
            out.append(Cand(s, e, "LOC", None, f"rule:street({spelled(head)})"))
    bases = [
        m
        for m in _BASE_RE.finditer(folded)
        if _name_word(m.group("name")) and word_start(folded, m.start()) is not None
    ]
    named = {m.group("name") for m in bases if m.group("adj")}
    for m in bases:
        if m.group("name") in named:
            s, e = m.start("head"), m.end()
            if free(found, s, e):
                out.append(Cand(s, e, "LOC", None, "rule:street(قاعدة)"))
    return out


def placed_org_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """«مستشفى برج بريدة المركزي»: an organisation's head and a noun before
    a known place of *found* (a nisba after it joins): one organisation,
    which starts before the place and so wins the overlap."""
    out: list[Cand] = []
    for c in found:
        if c.type != "LOC" or not c.found_by.startswith("gazetteer"):
            continue
        m = _ORG_BEFORE.search(folded, max(0, c.fstart - 40), c.fstart)
        if m is None or not free(found, m.start("head"), m.end("mid")):
            continue
        mid = m.group("mid")
        if mid.startswith("ال") or mid in _NOT_MID or mid in STOP or verbish(mid) or mid in ORG_HEADS:
            continue
        e = c.fend
        if (nisba := _NISBA_AFTER.match(folded, e)) is not None and free(found, *nisba.span(1)):
            e = nisba.end(1)
        out.append(Cand(m.start("head"), e, "ORG", None, f"rule:placed({spelled(m.group('head'))})"))
    return out


def dateline_cands(folded: str, found: list[Cand], papers: Collection[str]) -> list[Cand]:
    """The place a dateline names after a masthead of *found* (an ORG with an id in *papers*): «سبق- بلقرن:»."""
    out: list[Cand] = []
    for c in found:
        if c.type != "ORG" or c.id not in papers or (m := _DATELINE_RE.match(folded, c.fend)) is None:
            continue
        line_start = folded.rfind("\n", 0, c.fstart) + 1
        if not ("-" in m.group() or "–" in m.group() or not folded[line_start : c.fstart].strip()):
            continue  # «سوق عكاظ قائلاً:»: no dash, and the masthead does not open the line
        s, e = m.span("place")
        words = m.group("place").split()
        if any(w in STOP or w in TITLES or w in DATELINE_SOURCES or is_common(w) for w in words):
            continue
        if not free(found, s, e):
            continue
        out.append(Cand(s, e, "LOC", None, DATELINE))
    return out


def named_org_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """«مؤسسة دان التطوعية», «جمعية إنسان الخيرية»: an organisation's head, a
    proper-looking word (no common word, adjective, verb or clitic look) and a nisba, where *found* has nothing."""
    out: list[Cand] = []
    for m in _NAMED_ORG_RE.finditer(folded):
        if word_start(folded, m.start()) is None:
            continue
        name = m.group("name")
        if not _name_word(name) or verbish(name) or name in INDEF_ADJ or name in ORG_HEADS or name in _NOT_MID:
            continue
        if name.endswith(("ي", "يه", "ات", "ين", "ون")) or name[0] in CLITIC_LETTERS or not plain_ok(name):
            continue
        s, e = m.start("head"), m.end("adj")
        if free(found, s, e):
            out.append(Cand(s, e, "ORG", None, f"rule:org-name({spelled(m.group('head'))})"))
    return out


def place_aliases(folded: str, cands: list[Cand]) -> list[Cand]:
    """A town a dateline of *cands* named (no overlaps, ids set), named again in the
    article: «سبق- بلقرن: … من أهالي عفراء بلقرن» (``alias:<id>``)."""
    names = {folded[c.fstart : c.fend]: c for c in cands if c.found_by == DATELINE and c.id is not None}
    out: list[Cand] = []
    for s, e, _ in repeats(folded, names) if names else ():
        ref = names[folded[s:e]]
        if free(cands, s, e):
            out.append(Cand(s, e, "LOC", ref.id, f"alias:{ref.id}", ref=ref))
    return out
