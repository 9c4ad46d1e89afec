"""Clubs named alone in a sports story, and the town a club is «of».

Local clubs are mostly named by one word that is also a common word or a
town («النور», «الصفا», «الأنصار»), so the rules name them only where the
article is a sports story (a word of ``entities_sports_words``: «دوري»,
«مباراة», «لاعب», «نادي» …):

- a role of ``entities_sports_roles`` then the club, with a sports word
  near: «فريق النور», «فريق (مضر)», «ولاعب المزاحمية», «ومهاجم الصفا»
  (``rule:club(فريق)``).  The club is an «ال» word that is no common word,
  no word of ``entities_team_words`` («لاعب الوسط», «فريق العمل», «حارس
  المرمى»), no demonym and no verbal noun of the derived forms
  («للاعب الانتقال»), or a quoted or bracketed word after «فريق»; or a club
  the gazetteer knows by «نادي X» («فريق الهلال»: its id);
- a club found in the article by these rules or as «نادي X» stands for
  itself when named alone later with a sports word near: «نادي النور» …
  «يذكر أن النور قدم …» (``alias:<id>``, :func:`club_aliases`);
- «ب» + a word right after such a club is its town, a place: «فريق (مضر)
  بالقديح», «نادي النور بسنابس،» (``rule:club-town``); a word without «ال»
  only before a punctuation mark («الهلال بلغت» is a verb).

None of them takes words something else found.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from kzcorpus.entities.candidates import Cand, free
from kzcorpus.entities.gazetteer import WORDCHAR
from kzcorpus.entities.words import (
    COMMON,
    GENERIC_AFTER_HEAD,
    LETTERS_WORD,
    LINE_SPACE,
    MASDAR_RE,
    NAME_END,
    SPORTS_ROLES,
    SPORTS_WORDS,
    STOP,
    TEAM_WORDS,
    TITLES,
    is_common,
    plain_ok,
    repeats,
    spelled,
    verbish,
    word_start,
)
from kzcorpus.lexicon import alternation

_W = WORDCHAR
_S = LINE_SPACE
_WORD = LETTERS_WORD
#: Patterns open with their list word (scanned fast); :func:`word_start` checks what stands before it.
_SPORTS_RE = re.compile(rf"(?:{alternation(SPORTS_WORDS)})(?!{_W})")
_ROLE_RE = re.compile(
    rf"(?P<role>{alternation(SPORTS_ROLES)}){_S}+"
    rf"(?:(?P<open>[(«\"“]){_S}*)?(?P<club>{_WORD})(?(open){_S}*[)»\"”])(?!{_W})"
)
_PUNCT_AFTER = re.compile(r"[^\S\n]*(?:[،,.:;)»\"”]|$)", re.M)
_CLOSE = ')»"”'
_TOWN_RE = re.compile(rf"{_S}+ب(?P<town>(?:ال)?{_WORD})(?!{_W})")
#: How a club found by «نادي X» is named by the rules.
CLUB_HEAD_RULE = "rule:head(نادي)"
_CLUB_RULES = (CLUB_HEAD_RULE, "rule:club(")


def _club_ok(w: str, quoted: bool, demonyms: Container[str] = ()) -> bool:
    if w in STOP or w in NAME_END or w in TITLES or w in TEAM_WORDS or w in GENERIC_AFTER_HEAD or w in COMMON:
        return False  # «الأنصار» is a club though «أنصار» is a common word
    if quoted:
        return not verbish(w)
    if not w.startswith("ال") or len(w) < 4 or w.endswith(("ات", "ين", "ون")) or MASDAR_RE.fullmatch(w):
        return False
    return not (w.endswith("ي") and w[2:] in demonyms)  # «للاعب الغاني»


def club_cands(
    folded: str, found: list[Cand], known: Mapping[str, str] | None = None, demonyms: Container[str] = ()
) -> list[Cand]:
    """Clubs after a sports role, in a sports story, where *found* has nothing;
    then the towns after the clubs found so far.  *known*: folded names of
    clubs the gazetteer knows (an ambiguous form, «الهلال») -> their ids;
    *demonyms*: folded demonyms without the article (not clubs)."""
    known = known or {}
    out: list[Cand] = []
    sports: bool | None = None
    for m in _ROLE_RE.finditer(folded):
        if word_start(folded, m.start()) is None:
            continue
        club, quoted = m.group("club"), m.group("open") is not None
        if quoted and m.group("role") != TEAM:
            continue  # «بيد كل لاعب «الشون»»: a thing
        if club not in known and not _club_ok(club, quoted, demonyms):
            continue
        s, e = m.span("club")
        if not free(found, s, e):
            continue
        if sports is None:
            sports = _sports_in(folded, 0, len(folded))
        if not sports:
            break  # no sports story: no club named by a role (a club named with «نادي» still gets its town)
        if club not in known and not _sports_near(folded, m.start(), m.end()):
            continue  # «فريق الوزارة» in a story that mentions a match elsewhere
        out.append(Cand(s, e, "ORG", known.get(club), f"rule:club({spelled(m.group('role'))})"))
    return out + town_cands(folded, found + out)


#: How far around a role a sports word must stand for the word after it to be a club.
_NEAR = 80
TEAM = "فريق"


def _sports_near(folded: str, start: int, end: int) -> bool:
    """A sports word within :data:`_NEAR` characters before or after the span (not in it)."""
    return _sports_in(folded, max(0, start - _NEAR), start) or _sports_in(folded, end, end + _NEAR)


def _sports_in(folded: str, start: int, end: int) -> bool:
    """A sports word (a whole word, proclitics allowed) between *start* and *end*."""
    return any(word_start(folded, m.start()) is not None for m in _SPORTS_RE.finditer(folded, start, end))


def town_cands(folded: str, found: list[Cand]) -> list[Cand]:
    """«ب» + a word after a club of *found*: the club's town («نادي النور بسنابس»)."""
    out: list[Cand] = []
    for c in found:
        if c.type != "ORG" or not c.found_by.startswith(_CLUB_RULES):
            continue
        closed = folded[c.fend : c.fend + 1] in _CLOSE
        if not closed and not folded[c.fstart : c.fend].split()[-1].startswith("ال"):
            continue  # a foreign club's name goes on: «نادي كوينز بارك»
        m = _TOWN_RE.match(folded, c.fend + closed)
        if m is None:
            continue
        town = m.group("town")
        core = town[2:] if town.startswith("ال") else town
        if "ب" + town in STOP or town in STOP or core in STOP or town in SPORTS_WORDS:
            continue
        if is_common(town) or is_common(core) or verbish(core) or MASDAR_RE.fullmatch(town):
            continue
        if not plain_ok(core) or core.endswith("ه"):
            continue  # «بالتعادل», «بنظيره»
        if town == core and _PUNCT_AFTER.match(folded, m.end()) is None:
            continue  # «الهلال بلغت …», «الشباب بمقابل …»: a word that starts with «ب»
        s, e = m.span("town")
        if free(found + out, s, e):
            out.append(Cand(s, e, "LOC", None, "rule:club-town"))
    return out


def club_aliases(folded: str, cands: list[Cand]) -> list[Cand]:
    """A club of *cands* (no overlaps, ids set) named alone elsewhere in the article: «نادي النور» … «النور»."""
    names: dict[str, Cand] = {}
    clubs = [c for c in cands if c.type == "ORG" and c.id is not None and c.found_by.startswith(_CLUB_RULES)]
    if not clubs or not _sports_in(folded, 0, len(folded)):
        return []  # «نادى على النادل» (called the waiter) is no club, and no story about one
    clubs.sort(key=lambda c: c.found_by != CLUB_HEAD_RULE)  # «نادي النور» names the club first
    for c in clubs:
        words = folded[c.fstart : c.fend].split()
        name = words[-1] if c.found_by == CLUB_HEAD_RULE and len(words) == 2 else words[0]
        if len(words) <= 2 and name.startswith("ال") and _club_ok(name, False):
            ref = names.setdefault(name, c)
            c.id = ref.id  # «فريق النور» is «نادي النور»
    if not names:
        return []
    out: list[Cand] = []
    for s, e, pre in repeats(folded, names):
        if pre.startswith("ب"):
            continue  # «على ملعب … بالعلمة»: a club named after its town, the town
        if free(cands, s, e) and _sports_near(folded, s, e):  # «نادي الطيران» … «الطيران الشراعي»
            ref = names[folded[s:e]]
            out.append(Cand(s, e, "ORG", ref.id, f"alias:{ref.id}", ref=ref))
    return out
