"""Aliases within an article: a person's surname alone, once the full name is found.

Once a person's full name is found, the surname alone names the same person
in that article («سامي عمارة» … «عمارة»), even when the surname is also an
ordinary word («عمارة»: a building).  Not a father's name after «بن»
(«محمد بن سلمان» gives no «سلمان»), not «أبو», not a common word, not a
surname two persons of the article share (two names with the same first
name and surname, «عبداللطيف بن راشد الزياني» and «عبداللطيف الزياني», are one
person: the surname stands for the first found), and not where another first name
stands right before it («فاتن حمامة» is not «أحمد حمامة»).  ``found_by``
is ``alias:<id>``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kzcorpus import lexicon
from kzcorpus.entities.candidates import Cand
from kzcorpus.entities.gazetteer import WORDCHAR, Gazetteer, trie_regex
from kzcorpus.entities.words import (
    ABD,
    ABU,
    AL,
    AMBIG_GIVEN,
    ANY_HEAD,
    ARABIC_LETTER_RE,
    CONJ,
    CONJ_LETTERS,
    DEFINITE_RE,
    GIVEN,
    NAME_LINKS,
    NOT_SURNAMES,
    PREP,
    ROLE_HEADS,
    STOP,
    TITLES,
    given_like,
    is_common,
    plain_ok,
    strip_pro,
    surname_ok,
)

#: The word right before a position (white space between, no line break).
GIVEN_BEFORE = re.compile(rf"(?<!{WORDCHAR})([^\W\d_]+)[^\S\n]+$")


def alias_cands(folded: str, cands: list[Cand], gz: Gazetteer) -> list[Cand]:
    """Surnames of persons already found in this article (*cands* holds no
    overlaps, sorted).  Only the family name of a multi-word name counts:
    not a father's name after «بن», not «أبو», not a common word; and not
    where another first name stands right before it."""
    aliases: dict[str, Cand] = {}
    shared: set[str] = set()  # a surname of two persons names neither
    for c in cands:
        if c.type != "PER":
            continue
        words = folded[c.fstart : c.fend].split()
        if len(words) < 2:
            continue
        last, before = words[-1], words[-2]
        if len(last) < 3 or last in STOP or last in GIVEN or last in gz.form_index:
            continue
        if last in TITLES or last in NOT_SURNAMES or last in ABU or last == ABD or is_common(last):
            continue
        if before in NAME_LINKS or before == AL or before == ABD or before in ABU:
            continue
        if last.startswith("ال") and not surname_ok(last, strong=True):
            continue
        first = aliases.setdefault(last, c)
        if first.id != c.id and folded[first.fstart : first.fend].split()[0] != words[0]:
            shared.add(last)  # «عبداللطيف بن راشد الزياني» and «عبداللطيف الزياني» are one person
    for last in shared:
        del aliases[last]
    if not aliases:
        return []
    pat = re.compile(rf"(?<!{WORDCHAR})(?:{CONJ}?{PREP}|{CONJ})??(?P<name>{trie_regex(aliases)})(?!{WORDCHAR})")
    spans = sorted((c.fstart, c.fend) for c in cands)
    ends = [b for _, b in spans]
    out: list[Cand] = []
    for m in pat.finditer(folded):
        s, e = m.start("name"), m.end("name")
        i = bisect_right(ends, s)  # spans hold no overlaps: the first span ending after s
        if i < len(spans) and spans[i][0] < e:
            continue
        ref = aliases[m.group("name")]
        prev = GIVEN_BEFORE.search(folded, max(0, s - 40), s) if s == m.start() else None
        if prev is not None and _name_before(prev.group(1), folded[ref.fstart : ref.fend].split()[0]):
            continue
        out.append(Cand(s, e, "PER", ref.id, f"alias:{ref.id}", ref=ref))
    return out


def _name_before(w: str, own: str) -> bool:
    """Does *w*, right before a surname, make it another person's name?
    (*own*: the first name of the person the surname stands for.)"""
    if w in STOP or any(w == pre + own for pre in lexicon.proclitics()):
        return False
    if w in NAME_LINKS or w in ABU or w == ABD or w == AL:
        return True
    if given_like(w) or w in AMBIG_GIVEN:
        return True
    if w[:1] in tuple(CONJ_LETTERS) and (given_like(w[1:]) or w[1:] in AMBIG_GIVEN):
        return True  # «وأحمد حمامة»
    if w[:1] in tuple(CONJ_LETTERS) and len(w) > 3:
        return False  # «وأضاف حمامة», «وقوات صالح», «فقال …»
    if w[:1] in ("ي", "ت") and w not in GIVEN and w not in AMBIG_GIVEN:
        return False  # «يعيد عمارة»: a verb
    if w in STOP or w in TITLES or w in ROLE_HEADS or DEFINITE_RE.match(w) or is_common(w):
        return False
    return ARABIC_LETTER_RE.search(w) is not None and plain_ok(w) and strip_pro(w, ANY_HEAD) is None
