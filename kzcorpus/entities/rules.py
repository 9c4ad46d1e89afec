"""Rule-found names: titles, name chains, given names, heads of organisations and places.

The rules run only on the text the gazetteer left free (tokens of the folded
text marked ``free``).  Every word of a rule-found name must look like a
name (:mod:`kzcorpus.entities.words`); ``found_by`` is ``rule:<name>``, the
list word as spelled in its list: ``rule:title(الرئيس)``,
``rule:head(وزارة)``, ``rule:org(الهيئة)``, ``rule:facility(مستشفى)``, ``rule:event(قمة)``,
``rule:chain(بن)``, ``rule:chain(أبو)``, ``rule:given-name``,
``rule:demonym``, ``rule:foreign-shape``.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from kzcorpus.arabic import WORD_RE
from kzcorpus.entities.candidates import Cand
from kzcorpus.entities.words import (
    ABD,
    ABU,
    AL,
    ALI,
    ALI_NAME,
    ALL_HEADS,
    AMBIG_GIVEN,
    ANY_HEAD,
    ARABIC_LETTER_RE,
    CLITIC_LETTERS,
    CONJ_LETTERS,
    DEF_EVENT_HEADS,
    DEF_ORG_HEADS,
    DEFINITE_RE,
    EVENT_ADJ,
    EVENT_HEADS,
    FACILITY_HEADS,
    FOREIGN_SURNAME_RE,
    GENERIC_ADJ,
    GENERIC_AFTER_HEAD,
    GIVEN,
    INDEF_ADJ,
    LOC_FACILITIES,
    LOC_HEADS,
    NAME_END,
    NAME_LINKS,
    ORG_HEADS,
    PERSONAL_TITLES,
    PLACE_ORG_HEADS,
    PLACE_WORDS,
    RANK_ADJ,
    ROLE_FILLERS,
    ROLE_HEADS,
    ROYAL,
    STOP,
    TITLES,
    TITLES_AND_ROLES,
    WEAK_TITLES,
    given_like,
    is_common,
    looks_foreign,
    plain_ok,
    spelled,
    strip_pro,
    surname_ok,
    verbish,
)


class _Tok:
    __slots__ = ("conj", "end", "free", "glued", "start", "w")

    def __init__(self, start: int, end: int, w: str, glued: bool, free: bool, conj: bool = False) -> None:
        self.start, self.end, self.w, self.glued, self.free = start, end, w, glued, free
        #: «و» was cut off the front («وفهد»): the word starts a new name.
        self.conj = conj


def _tokens(folded: str, taken: list[Cand], ali: frozenset[int]) -> list[_Tok]:
    spans = sorted((c.fstart, c.fend) for c in taken)
    toks: list[_Tok] = []
    j = 0
    prev_end = 0
    for m in WORD_RE.finditer(folded):
        s, e = m.start(), m.end()
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        free = not (j < len(spans) and spans[j][0] < e)
        gap = folded[prev_end:s]
        glued = bool(toks) and gap.strip() == "" and "\n" not in gap
        w = m.group()
        conj = False
        if w[0] in CONJ_LETTERS and len(w) > 3 and w not in GIVEN and _given_ok(w[1:], s + 1, ali):
            s, w, conj = s + 1, w[1:], True  # «ومحمد», «وعلي»: the conjunction is not in the name
        if s in ali and w == ALI:
            w = ALI_NAME
        toks.append(_Tok(s, e, w, glued, free, conj))
        prev_end = e
    return toks


def _given_ok(w: str, start: int, ali: frozenset[int]) -> bool:
    """Is *w* (after «و») a given name?  A word-like one too («ونايف»,
    «وهادي»): the rules ask more of those (a family name after them)."""
    return (w == ALI and start in ali) or given_like(w) or w in AMBIG_GIVEN


def _after_link_ok(t: _Tok) -> bool:
    """Any plain word after «بن» is a name («بن مساعد», «بن فايز»)."""
    w = t.w
    if not t.free or len(w) < 2 or w in STOP or w in TITLES or DEFINITE_RE.match(w):
        return False
    return bool(ARABIC_LETTER_RE.search(w)) and not any(ch.isdigit() for ch in w)


def _is_name_tok(t: _Tok, first: bool) -> bool:
    if not t.free:
        return False
    got = _NAME_WORDS.get(t.w)
    if got is None:
        if len(_NAME_WORDS) >= _NAME_WORDS_CAP:
            _NAME_WORDS.clear()
        got = _NAME_WORDS[t.w] = _name_word(t.w)
    return got


#: :func:`_name_word` of the words seen so far (it depends on the word
#: alone, and words repeat: each is judged once per process).  Bounded.
_NAME_WORDS: dict[str, bool] = {}
_NAME_WORDS_CAP = 200_000


def _name_word(w: str) -> bool:
    """Whether the word *w* may be (part of) a person's name."""
    if len(w) < 2 or w in STOP or w in TITLES or w in ROLE_HEADS:
        return False
    if not ARABIC_LETTER_RE.search(w) or any(ch.isdigit() for ch in w):
        return False
    if DEFINITE_RE.match(w) or strip_pro(w, ANY_HEAD) is not None or is_common(w):
        return False
    return not (w[0] in CONJ_LETTERS and w not in GIVEN)


def _linked_name_ok(t: _Tok) -> bool:
    """After «بن» a name may start with و or ف («بن فوزان», «بن وليد»)."""
    w = t.w
    return t.free and len(w) >= 3 and w[0] in CONJ_LETTERS and w not in STOP and not DEFINITE_RE.match(w)


def _name_chain(toks: list[_Tok], i: int, *, strong: bool) -> int:
    """End index (exclusive) of a person's name starting at *i*, or *i*.

    A first name, then «بن/بنت X» links, or up to two more plain names
    (one unless *strong*), closed by an optional «آل X» or «ال» family name.
    """
    n = len(toks)

    def nxt(j: int) -> _Tok | None:
        return toks[j] if j < n and toks[j].glued and toks[j].free and not toks[j].conj else None

    if i >= n:
        return i
    if not _is_name_tok(toks[i], True):
        # «فايز بن محمد»: a common word followed by «بن» and a name starts a chain.
        t1 = nxt(i + 1)
        if t1 is None or t1.w not in NAME_LINKS:
            return i  # the usual case, decided before looking further
        t2 = nxt(i + 2)
        if not (
            t2 is not None
            and (_is_name_tok(t2, False) or given_like(t2.w))
            and _after_link_ok(toks[i])
            and toks[i].w not in ROLE_HEADS
            and strip_pro(toks[i].w, ANY_HEAD) is None
        ):
            return i

    j = i + 1
    first = toks[i].w
    if first == ABD:
        t = nxt(j)
        if t is None or t.w in STOP:
            return i
        j += 1  # «عبد» + «الله»
    elif first in ABU:
        t = nxt(j)
        if t is None or t.w in STOP or not (_is_name_tok(t, False) or surname_ok(t.w, free=t.free)):
            return i
        j += 1  # «أبو» + «بكر» / «أبو» + «الغيط»
        t = nxt(j)
        if t is not None and surname_ok(t.w, free=t.free) and not toks[j - 1].w.startswith("ال"):
            j += 1
        return j
    linked = False
    plain = 0
    while (t := nxt(j)) is not None:
        w = t.w
        t2 = nxt(j + 1)
        if (
            w in NAME_LINKS
            and t2 is not None
            and (_is_name_tok(t2, False) or _after_link_ok(t2) or _linked_name_ok(t2))
        ):
            j += 2
            linked = True
            if t2.w == ABD and nxt(j) is not None:
                j += 1
            continue
        if w == AL and t2 is not None:
            j += 2
            t3 = nxt(j)
            if t3 is not None and surname_ok(t3.w, free=t3.free):
                j += 1  # «آل حسان الربعي»
            break
        if surname_ok(t.w, free=t.free, strong=strong):
            j += 1
            break
        # A run of known given names is a full name: «سلطان محمد أحمد الشهراني».
        more = plain < (2 if strong else 1) or (plain < 3 and given_like(w) and w not in AMBIG_GIVEN)
        if not linked and _is_name_tok(t, False) and plain_ok(w) and more:
            if w in ABU:  # «حسن أبو علي», never a bare «أبو» at the end
                if t2 is None or not (_is_name_tok(t2, False) or surname_ok(t2.w, free=t2.free)):
                    break
                j += 1
            plain += 1
            j += 1
            if w == ABD and nxt(j) is not None:  # «محمد عبد الله»
                j += 1
            continue
        break
    return j


def rule_cands(
    folded: str, taken: list[Cand], ali: frozenset[int] = frozenset(), demonyms: Mapping[str, str] | None = None
) -> list[Cand]:
    """Rule-found names in the text *taken* leaves free; *ali*: folded starts
    of «علي» spelled as the name (:func:`_tokens`); *demonyms*: folded
    demonyms without the article («انجليزي», «روسيه») -> their entity's id."""
    demonyms = demonyms or {}
    toks = _tokens(folded, taken, ali)
    taken_at = {c.fstart: c for c in taken}
    out: list[Cand] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not t.free:
            i += 1
            continue
        if strip_pro(t.w, RULE_HEADS) is not None:  # steps 0-3 start at a head word
            # 0. Facilities named after a royal or a scholar: «مستشفى الملك فهد».
            fac = strip_pro(t.w, FACILITY_HEADS)
            if fac is not None and i + 2 < n and toks[i + 1].glued:
                if toks[i + 1].w in ROYAL:
                    k = _name_chain(toks, i + 2, strong=True)
                else:  # «جامع أحمد بن حنبل», «مستشفى سليمان الحبيب»
                    k = _name_chain(toks, i + 1, strong=False)
                    if k <= i + 2 or _untitled_name_ok([x.w for x in toks[i + 1 : k]]) is None:
                        k = i
                if k > i + 2:
                    while (
                        k < n
                        and k - i < 8
                        and toks[k].glued
                        and surname_ok(toks[k].w, free=toks[k].free)
                        and toks[k].w not in NAME_END
                    ):
                        k += 1
                    k = _complement(toks, k, i + 9)  # «مركز الملك سلمان للإغاثة والأعمال الإنسانية»
                    typ = "LOC" if fac[1] in LOC_FACILITIES else "ORG"
                    out.append(Cand(t.start + fac[0], toks[k - 1].end, typ, None, f"rule:facility({spelled(fac[1])})"))
                    i = k
                    continue
            # 1. Title (+ qualifiers) + name.
            title = strip_pro(t.w, TITLES_AND_ROLES)
            if title is not None:
                j = i + 1
                skipped = 0
                while j < n and toks[j].glued and skipped < 4:
                    tj = toks[j]
                    if tj.free and (DEFINITE_RE.match(tj.w) or tj.w in ROLE_FILLERS):
                        if tj.w in STOP:
                            break
                        # «الإمام الصادق»: after a personal title only an
                        # adjective («الرئيس الأمريكي») opens the qualifiers.
                        if not skipped and title[1] in PERSONAL_TITLES and tj.w not in ROLE_FILLERS:
                            if not tj.w.endswith(("ي", "يه")):
                                break
                        j += 1
                        skipped += 1
                        continue
                    if not tj.free and (c := taken_at.get(tj.start)) is not None and c.type == "LOC":
                        j += 1  # «وزير خارجية فرنسا …»
                        while j < n and not toks[j].free and toks[j].start < c.fend:
                            j += 1
                        skipped += 1
                        continue
                    if tj.free and strip_pro(tj.w, TITLES) is not None:
                        j += 1
                        skipped += 1
                        continue
                    break
                if j < n and toks[j].glued and (skipped or title[1] in TITLES):
                    k = _name_chain(toks, j, strong=True)
                    if k < n and toks[k].glued and toks[k].w in NAME_LINKS:
                        k = j  # a chain is taken whole or not at all: never «عبدالله» of «عبدالله بن …»
                    if k > j and _titled_name_ok([x.w for x in toks[j:k]], title[1]):
                        rule = f"rule:title({spelled(title[1])})"
                        end, eid = toks[k - 1].end, None
                        nxt = taken_at.get(toks[k].start) if k < n and toks[k].glued else None
                        if nxt is not None and nxt.type == "PER" and given_like(toks[j].w):
                            end, eid = nxt.fend, nxt.id  # «الرئيس جون» + «بايدن»
                        cand = Cand(toks[j].start, end, "PER", eid, rule)
                        if title[1] in ROYAL and k == j + 1 and eid is None and j == i + 1:
                            cand.id_from = t.start + title[0]  # «الملك فهد»: the title names him
                        out.append(cand)
                        i = k
                        continue
                i += 1  # no name: the words after the title may still name an organisation or event
                continue
            # 2. Organisation and place heads.  An organisation named after a
            # known place is one ORG: «جامعة الباحة», «إمارة منطقة الرياض».
            # A named event or agreement before a known place is MISC: «قمة الرياض».
            placed = _before_place(toks, i, taken_at)
            if placed is not None:
                out.append(placed)
                i += 1
                continue
            if (state := _state(toks, i, demonyms)) is not None:
                out.append(state)
                i += 2
                continue
            if (ev := _event(toks, i, demonyms)) is not None:
                out.append(ev[0])
                i = ev[1]
                continue
            dorg = strip_pro(t.w, DEF_ORG_HEADS)
            if dorg is not None and i + 2 < n and toks[i + 1].glued and toks[i + 2].glued:
                adj, comp = toks[i + 1], toks[i + 2]
                if (
                    adj.free
                    and comp.free
                    and adj.w.startswith("ال")
                    and (adj.w.endswith(("ه", "ي")) or adj.w in RANK_ADJ)
                    and adj.w not in GENERIC_ADJ
                    and comp.w.startswith(("لل", "ل"))
                    and len(comp.w) >= 5
                    and comp.w not in STOP
                ):
                    k = i + 3
                    while k < n and k - i < 7 and toks[k].glued and toks[k].free and DEFINITE_RE.match(toks[k].w):
                        if toks[k].w in NAME_END or strip_pro(toks[k].w, TITLES) is not None:
                            break
                        k += 1
                    out.append(Cand(t.start + dorg[0], toks[k - 1].end, "ORG", None, f"rule:org({spelled(dorg[1])})"))
                    i = k
                    continue
            head = strip_pro(t.w, ALL_HEADS)
            if head is not None:
                k = _head_phrase(toks, i + 1, head[1] in LOC_HEADS, ministry=head[1] == MINISTRY)
                if k > i + 1:
                    typ = "LOC" if head[1] in LOC_HEADS else "ORG"
                    s = t.start + head[0]
                    out.append(Cand(s, toks[k - 1].end, typ, None, f"rule:head({spelled(head[1])})"))
                    i = k
                    continue
            # 3. A club: «نادي» + its name («نادي الوحدة», «نادي ضمك»).
            if (club := _club(toks, i)) is not None:
                out.append(club)
                i += 2
                continue
        # 4. A demonym then two foreign-looking names: «البرتغالي جوزيه مورينيو».
        if (foreign := _after_demonym(toks, i, demonyms)) is not None:
            out.append(foreign)
            i += 3
            continue
        # 5. Name chains without a title: «X بن Y», given name + surname, «أبو X».
        k = _name_chain(toks, i, strong=False)
        if k > i + 1:
            why = _untitled_name_ok([x.w for x in toks[i:k]])
            if why is not None:
                out.append(Cand(t.start, toks[k - 1].end, "PER", None, f"rule:{why}"))
                i = k
                continue
        # 6. Foreign surname shapes («يانوكوفيتش»).
        if FOREIGN_SURNAME_RE.match(t.w) and t.w not in STOP:
            out.append(Cand(t.start, t.end, "PER", None, "rule:foreign-shape"))
        i += 1
    return out


#: Administrative units between an organisation's head and its place.
ADMIN_UNITS = frozenset({"منطقه", "محافظه"})
_PLACED_HEADS = ((PLACE_ORG_HEADS, "ORG", "head"), (EVENT_HEADS, "MISC", "event"))


def _before_place(toks: list[_Tok], i: int, taken_at: dict[int, Cand]) -> Cand | None:
    """A head («إمارة», «قمة») glued to a known place, or to «منطقة/محافظة»
    and a known place («شرطة منطقة مكة المكرمة»): one ORG or MISC."""
    t = toks[i]
    if i + 1 >= len(toks) or not toks[i + 1].glued:
        return None
    at = i + 1
    if toks[at].free and toks[at].w in ADMIN_UNITS and at + 1 < len(toks) and toks[at + 1].glued:
        at += 1
    nxt_c = taken_at.get(toks[at].start)
    if nxt_c is None or nxt_c.type != "LOC":
        return None
    for heads, typ, rule in _PLACED_HEADS:
        if (head := strip_pro(t.w, heads)) is not None:
            return Cand(t.start + head[0], nxt_c.fend, typ, None, f"rule:{rule}({spelled(head[1])})")
    return None


#: A country's official name is «الجمهورية/المملكة» + its demonym: «الجمهورية اليمنية».
STATE_HEADS = {"الجمهوريه": "الجمهورية", "المملكه": "المملكة"}
_STATE_VOCAB = frozenset(STATE_HEADS)


def _state(toks: list[_Tok], i: int, demonyms: Mapping[str, str]) -> Cand | None:
    """«الجمهورية اليمنية», «المملكة المغربية»: the country of the demonym (LOC, linked)."""
    head = strip_pro(toks[i].w, _STATE_VOCAB)
    if head is None or i + 1 >= len(toks) or not (toks[i + 1].glued and toks[i + 1].free):
        return None
    w = toks[i + 1].w
    eid = demonyms.get(w[2:]) if w.startswith("ال") and w.endswith("يه") else None
    if eid is None:
        return None
    return Cand(toks[i].start + head[0], toks[i + 1].end, "LOC", eid, f"rule:head({STATE_HEADS[head[1]]})")


def _event(toks: list[_Tok], i: int, demonyms: Container[str]) -> tuple[Cand, int] | None:
    """A named event, war, tournament or agreement (MISC) and the index after it:
    an event head then a demonym or bloc adjective and up to three more
    definite words («الدوري الإنجليزي الممتاز», «القمة العربية»), an
    indefinite head then a known given name («كأس فيصل»), or «إعصار» then
    a foreign-looking name («إعصار كاترينا»)."""
    t, n = toks[i], len(toks)
    head = strip_pro(t.w, _ANY_EVENT)
    definite = head is not None and head[1] in DEF_EVENT_HEADS
    if head is None or i + 1 >= n or not (toks[i + 1].glued and toks[i + 1].free):
        return None
    w = toks[i + 1].w
    k = i + 1
    if w.startswith("ال") and (w[2:] in demonyms or w[2:] in EVENT_ADJ or w[2:].removesuffix("ه") in EVENT_ADJ):
        k = i + 2
        while k < n and k - i < 5 and toks[k].glued and toks[k].free and toks[k].w.startswith("ال"):
            if toks[k].w in NAME_END or toks[k].w in GENERIC_ADJ or toks[k].w in TITLES or is_common(toks[k].w):
                break
            k += 1
    elif not definite and (given_like(w) and w not in AMBIG_GIVEN):
        k = i + 2  # «كأس فيصل»
    elif core_of(head[1], definite) in SPORTS:
        k = _sports_name(toks, i + 1, definite)
    elif not definite and head[1] == STORM and _event_name_ok(w):
        k = i + 2  # «إعصار كاترينا»: a storm's name is one word
    core = core_of(head[1], definite)
    if k == i + 1 or (core == WAR and k == i + 2):
        return None  # «الحرب الروسية» is a description; «الحرب الإيرانية العراقية» a name
    rule = f"rule:event({spelled(core)})"
    return Cand(t.start + head[0], toks[k - 1].end, "MISC", None, rule), k


#: Tournament heads: any definite name after them («دوري الدرجة الأولى», «كأس رابطة المحترفين»).
SPORTS = frozenset({"كاس", "دوري", "بطوله"})
STORM = "اعصار"


def core_of(head: str, definite: bool) -> str:
    return head[2:] if definite else head


def _sports_name(toks: list[_Tok], j: int, definite: bool) -> int:
    """End of a tournament's name after its head at *j*: an indefinite
    organisation head («رابطة», «اتحاد») may come first, then one to four
    definite words that are not generic («الدوري الممتاز», «كأس الاتحاد الإنجليزي»)."""
    n = len(toks)
    k = j
    if not definite and k < n and toks[k].glued and toks[k].free and toks[k].w in ORG_HEADS:
        k += 1
    start = k
    while k < n and k - start < 4 and toks[k].glued and toks[k].free and toks[k].w.startswith("ال"):
        w = toks[k].w
        if w in NAME_END or w in GENERIC_ADJ or w in GENERIC_AFTER_HEAD or w in TITLES or is_common(w):
            break
        k += 1
    return k if k > start else j


WAR = "حرب"


def _event_name_ok(w: str) -> bool:
    """A foreign-looking proper name after «إعصار»: not a
    word of the lists, not ending in ة, no digits."""
    if w in STOP or w in TITLES or is_common(w) or DEFINITE_RE.match(w) or w.endswith("ه"):
        return False
    return ARABIC_LETTER_RE.search(w) is not None and not any(ch.isdigit() for ch in w) and looks_foreign(w)


CLUB = "نادي"
_CLUB_VOCAB = frozenset({CLUB})


def _club(toks: list[_Tok], i: int) -> Cand | None:
    """«نادي» + one name word, definite («نادي الوحدة») or a proper-looking
    word («نادي ضمك»), that is no list word («نادي القراءة» is still a club)."""
    t = toks[i]
    head = strip_pro(t.w, _CLUB_VOCAB)
    if head is None or i + 1 >= len(toks) or not (toks[i + 1].glued and toks[i + 1].free):
        return None
    w = toks[i + 1].w
    if w in NAME_END or w in GENERIC_AFTER_HEAD or w in STOP or w in TITLES or any(ch.isdigit() for ch in w):
        return None
    if not ARABIC_LETTER_RE.search(w) or (not w.startswith("ال") and (is_common(w) or w.endswith(("ي", "ه")))):
        return None
    if not w.startswith("ال") and w.startswith("م") and len(w) >= 5:
        return None  # a participle: «نادي مستضيف»
    return Cand(t.start + head[0], toks[i + 1].end, "ORG", None, f"rule:head({CLUB})")


def _after_demonym(toks: list[_Tok], i: int, demonyms: Container[str]) -> Cand | None:
    """A masculine demonym («البرتغالي») then two foreign-looking names, or a
    name and a family name in «ال…ي»: a person."""
    t = toks[i]
    if not (t.w.startswith("ال") and t.w.endswith("ي") and t.w[2:] in demonyms) or i + 2 >= len(toks):
        return None
    a, b = toks[i + 1], toks[i + 2]
    if not (a.glued and a.free and b.glued and b.free):
        return None
    if verbish(a.w) or verbish(b.w) or a.w == "سوف" or _clitic_word(a.w):
        return None  # «الأوكراني سوف يوقع», «الإنجليزي يراقب …», «المصري ونشاط …»
    first_ok = given_like(a.w) or a.w in AMBIG_GIVEN or (looks_foreign(a.w) and a.w[0] not in CLITIC_LETTERS)
    family = b.w.endswith("ي") and surname_ok(b.w) and b.w[2:] not in demonyms
    if family and first_ok and _is_name_tok(a, True) and plain_ok(a.w):
        return Cand(a.start, b.end, "PER", None, "rule:demonym")  # «المصري عبود الخضري»
    for w in (a.w, b.w):
        foreign = looks_foreign(w) or (w is a.w and w.endswith("يه") and len(w) >= 4)  # «جوزيه»
        if w in STOP or w in TITLES or is_common(w) or DEFINITE_RE.match(w) or not foreign:
            return None
        if any(ch.isdigit() for ch in w) or not plain_ok(w) or strip_pro(w, ANY_HEAD) is not None:
            return None
    return Cand(a.start, b.end, "PER", None, "rule:demonym")


def _clitic_word(w: str) -> bool:
    """A verb («يراقب») or a proclitic + a word of the lists («ونشاط», «لاتفاق»)
    rather than a foreign first name («فيرناندو», «باولو»)."""
    if w in GIVEN:
        return False
    if w[0] in "يو":
        return True
    rest = w[1:]
    if w[0] in CLITIC_LETTERS and rest.endswith(("ين", "ات", "ون")):
        return True  # «بهدفين»: a clitic and a plural or dual
    return w[0] in CLITIC_LETTERS and (
        is_common(rest) or rest in STOP or strip_pro(rest, ANY_HEAD | EVENT_HEADS) is not None
    )


def _complement(toks: list[_Tok], k: int, limit: int) -> int:
    """A «لل…» complement closing a facility's name, with the definite words
    joined to it («للإغاثة والأعمال الإنسانية»), up to *limit*."""
    n = len(toks)
    if not (k < n and toks[k].glued and toks[k].free and toks[k].w.startswith("لل") and len(toks[k].w) >= 5):
        return k
    if toks[k].w in STOP:
        return k
    k += 1
    while k < n and k < limit and toks[k].glued and toks[k].free and DEFINITE_RE.match(toks[k].w):
        if toks[k].w in NAME_END or toks[k].w in STOP:
            break
        k += 1
    return k


def _titled_name_ok(words: list[str], title: str = "") -> bool:
    """Is *words*, after a title, a person's name?  A known given name, a
    compound «عبد…» name, a «بن» chain, a first name and a family name
    («عبدالمنعم الحيزان»), or two foreign-looking words («ديفيد كاميرون»).
    After a title that is also a common word («الفريق»: the team) only a
    known given name will do."""
    if words[0] == ABD and len(words) > 1:
        return True  # «عبد اللطيف الزياني»
    if title in WEAK_TITLES:
        return given_like(words[0]) and (len(words) > 1 or words[0] not in AMBIG_GIVEN)
    if not given_like(words[0]) and not plain_ok(words[0]):
        return False
    if len(words) == 1:
        return given_like(words[0]) and (words[0] not in AMBIG_GIVEN or title in ROYAL)  # «الأمير نايف»
    if given_like(words[0]) or any(w in NAME_LINKS for w in words[1:]):
        return True
    if len(words) == 2 and words[1].startswith("ال"):
        w = words[0]
        return plain_ok(w) and not w.endswith("ه") and w[0] not in CLITIC_LETTERS and not verbish(w)
    return all(looks_foreign(w) for w in words)


def _untitled_name_ok(words: list[str]) -> str | None:
    """The rule that makes *words* (no title before) a person's name, if any."""
    first = words[0]
    if len(words) > 1 and words[1] in NAME_LINKS:
        return "chain(بن)"
    if first == ABD and len(words) > 3 and words[2] in NAME_LINKS:
        return "chain(بن)"
    if first == ABD and len(words) > 2:
        return "given-name"  # «عبد اللطيف الزياني»
    if first in ABU and len(words) > 1:
        return "chain(أبو)"
    if given_like(first) and first not in AMBIG_GIVEN:
        return "given-name"
    last = words[-1]
    second_given = given_like(words[1]) and words[1] not in AMBIG_GIVEN
    nisba = last.startswith("ال") and last.endswith("ي")
    if first in GIVEN and (nisba or second_given):
        return "given-name"  # «منصور البلوي», «صالح محمد»
    if first in AMBIG_GIVEN and nisba and len(words) == 2:
        return "given-name"  # «هادي العصيمي», «حامد المقاطي»: a word-like name, a family name
    return None


MINISTRY = "وزاره"


def _head_phrase(toks: list[_Tok], j: int, place: bool, *, ministry: bool = False) -> int:
    """End of the name after an organisation or place head at *j*.  After
    «وزارة» a generic word is the ministry's field («وزارة العمل»)."""
    n = len(toks)
    if j >= n or not toks[j].glued or not toks[j].free:
        return j
    first = toks[j].w
    if first in NAME_END or (first in GENERIC_AFTER_HEAD and not ministry) or any(ch.isdigit() for ch in first):
        return j
    if place:
        # «مدينة جدة», «بحر قزوين», «محافظة وادي الدواسر»: one proper-name word,
        # two when the first is a place word.
        if first in PLACE_WORDS and j + 1 < n and toks[j + 1].glued and toks[j + 1].free:
            second = toks[j + 1].w
            if second not in NAME_END and not any(ch.isdigit() for ch in second):
                return j + 2
            return j
        if first in WEAK_TITLES or is_common(first):  # «وأدى الفريق» is not «وادي …»
            return j
        if first.endswith(("يه", "يين", "يون")) or (not first.startswith("ال") and first in GIVEN):
            return j
        if first in INDEF_ADJ:  # «مخيم خاص», «قرية صغيرة»
            return j
        if not first.startswith("ال") and (not ARABIC_LETTER_RE.search(first) or first.endswith("ي")):
            return j  # «مضيق بحري»: an adjective, not a name
        return j + 1
    if not first.startswith("ال"):
        nxt = toks[j + 1] if j + 1 < n else None
        if not ministry or nxt is None or not (nxt.glued and nxt.free and nxt.w.startswith("ال")):
            return j
        if nxt.w in NAME_END or first[0] in CLITIC_LETTERS:  # «وزارة لتشكيل الوعي»
            return j
        j += 1  # «وزارة حقوق الإنسان», «وزارة شؤون المرأة»
    k = j + 1
    joined = False
    while k < n and k - j < 5 and toks[k].glued and toks[k].free:
        w = toks[k].w
        if w.startswith("وال") and not joined and _joined_ok(toks, k):
            joined = True  # «وزارة العمل والشؤون الاجتماعية», «حزب العدالة والتنمية»
            k += 1
            continue
        if not w.startswith("ال") or w in NAME_END or w in TITLES:  # «وزارة الصحة الدكتور …»
            break
        k += 1
    return k


def _joined_ok(toks: list[_Tok], k: int) -> bool:
    """«و» + a definite word continuing an organisation's name: not a generic
    word («والجهات المعنية»), not a list word, and closing the sentence or
    followed by a word that is not a verb-like or new phrase."""
    w = toks[k].w[1:]
    if w in NAME_END or w in GENERIC_AFTER_HEAD or w in TITLES or is_common(w) or w in STOP:
        return False
    return strip_pro(w, ANY_HEAD) is None and not w.endswith("ات")


_ANY_EVENT = EVENT_HEADS | DEF_EVENT_HEADS
#: Every word a head rule (steps 0-3 of :func:`rule_cands`) starts at: other words skip them.
RULE_HEADS = (
    FACILITY_HEADS
    | TITLES_AND_ROLES
    | PLACE_ORG_HEADS
    | _ANY_EVENT
    | DEF_ORG_HEADS
    | ALL_HEADS
    | _CLUB_VOCAB
    | _STATE_VOCAB
)
