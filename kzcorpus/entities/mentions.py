"""Finding mentions in one article: gazetteer, rules, aliases, overlaps resolved.

How a mention is found, in order:

1. **Gazetteer** (:attr:`Gazetteer.compiled`): the article's folded text
   (``doc.folded``, its only fold) is searched once; at each word start the
   longest form wins, and a proclitic (و ف, then ب ك ل) may precede it.
   When «ل» meets a form's article the alef is dropped («للكرملين» = ل +
   لكرملين), and the span keeps «لكرملين».
2. **Rules** (:mod:`kzcorpus.entities.rules`), only on the text the
   gazetteer left free.  A rule-found name that equals a gazetteer form of
   an entity of the same type after :func:`norm_name`, is a word prefix of
   one, or starts with one (not continued by «بن»), links to that entity.
3. **Quoted names** (:mod:`kzcorpus.entities.quoted`): after a media or
   company head, and a short name after an organisation; they win over the
   rules on the same words.  Then speakers (:mod:`kzcorpus.entities.speakers`)
   compound given names (:mod:`kzcorpus.entities.persons`), local places
   (:mod:`kzcorpus.entities.places`) and clubs
   (:mod:`kzcorpus.entities.clubs`) on words nothing else found.
4. **Learned names** (a gazetteer file marked ``@learned``,
   :mod:`kzcorpus.entities.learned`; :attr:`Gazetteer.learned_compiled`):
   only on words that nothing above found («نادي هجر» stays the rules'
   whole name, not the learned «هجر»).
5. **Aliases** (:mod:`kzcorpus.entities.aliases`) within the article, and
   clubs named alone after they were found (:func:`~kzcorpus.entities.clubs.club_aliases`).

Overlaps are resolved leftmost first, then longest.  Entities the gazetteer
does not know get their Arabic full name as id (:func:`unknown_id`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from kzcorpus.arabic import FoldMap
from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.entities.aliases import GIVEN_BEFORE, alias_cands
from kzcorpus.entities.candidates import Cand, free, no_overlaps
from kzcorpus.entities.clubs import club_aliases, club_cands
from kzcorpus.entities.gazetteer import WORDCHAR, Entry, Gazetteer, fold_form, norm_name
from kzcorpus.entities.persons import din_name_cands, quoted_title_cands
from kzcorpus.entities.places import dateline_cands, named_org_cands, place_aliases, placed_org_cands, street_cands
from kzcorpus.entities.quoted import quoted_cands
from kzcorpus.entities.rules import rule_cands
from kzcorpus.entities.speakers import named_cands, speaker_cands
from kzcorpus.entities.words import (
    ALL_HEADS,
    DEFINITE,
    FACILITY_HEADS,
    GIVEN,
    NAME_LINKS,
    PLACE_ORG_HEADS,
    TITLES,
    strip_pro,
    surname_ok,
)

_LATIN_RE = re.compile(r"[A-Za-z]")
#: How far back a pattern anchored at a candidate looks: one word and its
#: spaces (a «word» longer than this is not one), so the scan stays linear.
_WINDOW = 200


@dataclass
class Mention:
    """One mention.  ``article.text[start:end] == text`` always."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    id: str
    found_by: str
    #: The page part holding the mention (:meth:`Doc.part_at`); ``""``: not looked up.
    part: str = ""

    def record(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "id": self.id,
            "found_by": self.found_by,
            "part": self.part,
        }


def find_mentions(source: Doc | Article, gazetteer: Gazetteer, *, parts: bool = True) -> list[Mention]:
    """Mentions in an article, sorted by start, without overlaps.

    Found once per article and gazetteer (:meth:`Doc.memo`): ``stats``,
    ``kwic --entity`` and ``entities`` asking again get the same list (do
    not change it).  With *parts* false the mentions' ``part`` is left
    ``""`` (classifying the page's parts is not free; a count needs none).
    """
    doc = Doc.of(source)
    bare = doc.memo(("entities.mentions", gazetteer.serial), lambda d: _find(d, gazetteer))
    if not parts:
        return bare
    return doc.memo(("entities.mentions+parts", gazetteer.serial), lambda d: _with_parts(d, bare))


def _with_parts(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    return [replace(m, part=doc.part_at(m.start)) for m in mentions]


def _find(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    fmap = doc.fmap
    folded, text = fmap.folded, doc.text
    cands = _mastheads(folded, _gazetteer_cands(folded, text, fmap, gazetteer), gazetteer)
    rules = rule_cands(folded, cands, _ali_starts(folded, text, fmap), gazetteer.adjective_re[1])
    _link_rule_cands(folded, rules, gazetteer)
    if quoted := quoted_cands(folded, cands + rules):  # quoted names win over the rules' words
        rules = [r for r in rules if free(quoted, r.fstart, r.fend)] + quoted
    rules += speaker_cands(folded, cands + rules)
    rules += named_cands(folded, cands + rules, fmap.text_of)
    rules += din_name_cands(folded, cands + rules)
    rules += quoted_title_cands(folded, cands + rules)
    rules += street_cands(folded, cands + rules)
    rules += placed_org_cands(folded, cands + rules)
    rules += named_org_cands(folded, cands + rules)
    rules += dateline_cands(folded, cands + rules, gazetteer.paper_ids)
    rules += club_cands(folded, cands + rules, gazetteer.club_forms, gazetteer.adjective_re[1])
    cands = no_overlaps(cands + rules)
    if gazetteer.learned_compiled is not None:  # learned names: only where nothing else was found
        learned = _gazetteer_cands(folded, text, fmap, gazetteer, gazetteer.learned_compiled)
        # nor right after an organisation's head: «لجامعة كوينزلاند», «بلدية الزلفي» are the bodies' names
        learned = [
            c for c in learned if free(cands, c.fstart, c.fend) and not _head_before(folded, c.fstart, _ANY_HEADS)
        ]
        cands = no_overlaps(cands + learned)
    for c in cands:
        if c.id is None:  # unknown to the gazetteer: the name as written
            start, end = fmap.span(c.fstart if c.id_from < 0 else c.id_from, c.fend)
            c.id = unknown_id(text[start:end])
    aliases = alias_cands(folded, cands, gazetteer) + club_aliases(folded, cands) + place_aliases(folded, cands)
    cands = no_overlaps(cands + aliases)
    out: list[Mention] = []
    for c in cands:
        start, end = fmap.span(c.fstart, c.fend)
        surface = text[start:end]
        if not surface.strip():
            continue
        eid = c.id or (c.ref.id if c.ref is not None and c.ref.id else unknown_id(surface))
        out.append(Mention(doc.id, start, end, surface, c.type, eid, c.found_by))
    return out


def _link_rule_cands(folded: str, rules: list[Cand], gz: Gazetteer) -> None:
    """Link a rule-found name to the gazetteer entity of the same type whose
    form it equals after :func:`norm_name`, is a word prefix of («سلمان بن
    عبدالعزيز» of «… آل سعود»), or starts with (not continued by «بن»)."""
    full, prefixes = gz.name_index
    for c in rules:
        if c.id is not None:
            continue
        key = norm_name(folded[c.fstart : c.fend])
        words = key.split()
        if len(words) < 2:
            continue
        eids = full.get(key) or prefixes.get(key) or set()
        if not eids:  # the span starts with a known name: «X Y» + «الحسني»
            for k in range(len(words) - 1, 1, -1):
                if words[k] in NAME_LINKS or any(w in NAME_LINKS for w in words[:k]):
                    continue  # «محمد بن سلمان» + «المطرفي» is another person
                eids = full.get(" ".join(words[:k])) or set()
                if eids:
                    break
        typed = {e for e in eids if gz.entries[e].type == c.type}
        if len(typed) == 1:
            c.id = next(iter(typed))


def find_adjectives(source: Doc | Article, gazetteer: Gazetteer, *, parts: bool = True) -> list[Mention]:
    """Demonyms and relational adjectives of known entities («الروسية»,
    «والسعوديين»), with ``found_by`` ``adjective``.  They are not mentions
    (GUIDELINES); :func:`~kzcorpus.entities.entity_rows` counts them per entity.
    *parts*: as for :func:`find_mentions`."""
    pattern, index = gazetteer.adjective_re
    if not index:
        return []
    doc = Doc.of(source)
    fmap = doc.fmap
    out: list[Mention] = []
    for m in pattern.finditer(fmap.folded):
        eid = index.get(" ".join(m.group("name").split()))
        entry = gazetteer.get(eid) if eid else None
        if entry is None:
            continue
        start, end = fmap.span(m.start("name"), m.end("name"))
        part = doc.part_at(start) if parts else ""
        out.append(Mention(doc.id, start, end, doc.text[start:end], entry.type, entry.id, "adjective", part))
    return out


_ABD_SPACE_RE = re.compile(r"(?<![^\W\d_])عبد\s+(?=ال)")


def unknown_id(surface: str) -> str:
    """The id of a name no list knows: as written, one space between words,
    «عبد ال…» joined («سلمان بن عبد العزيز» = «سلمان بن عبدالعزيز»)."""
    return _ABD_SPACE_RE.sub("عبد", " ".join(surface.split()))


_ALI_RE = re.compile(rf"(?<!{WORDCHAR})و?(علي)(?!{WORDCHAR})")


def _ali_starts(folded: str, original: str, fmap: FoldMap) -> frozenset[int]:
    """Folded starts of «علي» spelled with ي (the name), not «على» (on):
    the fold makes them one word, the original text tells them apart."""
    out = set()
    for m in _ALI_RE.finditer(folded):
        a, b = fmap.span(m.start(1), m.end(1))
        if original[a:b].endswith("ي"):
            out.add(m.start(1))
    return frozenset(out)


_HEADS = FACILITY_HEADS | ALL_HEADS
_ANY_HEADS = _HEADS | PLACE_ORG_HEADS


def _head_before(folded: str, pos: int, heads: frozenset[str] = _HEADS) -> bool:
    """A name right after an organisation or building head (of *heads*) belongs to it:
    «مركز الملك سلمان للإغاثة», «قاعة الملك فهد»."""
    before = folded[max(0, pos - 30) : pos]
    word = before.rstrip()
    gap = before[len(word) :]
    if not gap or "\n" in gap or not word:
        return False
    return strip_pro(word.split()[-1], heads) is not None


#: A place name quoted, or after «لـ» («قال لـ"الشرق الأوسط"»), is the paper.
_QUOTE_BEFORE = re.compile(r"(?:[«\"“]|(?<!{w})ل[^\S\n]*[«\"“]?)[^\S\n]*$".replace("{w}", WORDCHAR))
_QUOTE_AFTER = re.compile(r"[^\S\n]*[»\"”]")
_PAPER_HEADS = ("صحيفه ", "جريده ")

_SURNAME_AFTER = re.compile(rf"[^\S\n]+(ال[^\W\d_]{{3,}}ي)(?!{WORDCHAR})")


def _surname_after(folded: str, pos: int) -> bool:
    """A family name («المطرفي») after a known «بن» name: someone else."""
    m = _SURNAME_AFTER.match(folded, pos)
    return m is not None and surname_ok(m.group(1))


_NISBA_FORM = re.compile(r"ال[^\W\d_]{3,}يه")
_DEF_BEFORE = re.compile(rf"(?<!{WORDCHAR}){DEFINITE}[^\W\d_]{{2,}}[^\S\n]+$")
_FAMILY_AFTER = re.compile(rf"[^\S\n]+ال[^\S\n]+[^\W\d_]+(?!{WORDCHAR})")
_LINK_BEFORE = re.compile(rf"(?<!{WORDCHAR})(?:بن|ابن|بنت)[^\S\n]+$")
_LINK_AFTER = re.compile(r"[^\S\n]+(?:بن|ابن|بنت)[^\S\n]+[^\W\d_]")


def _before(pattern: re.Pattern[str], folded: str, pos: int) -> re.Match[str] | None:
    """*pattern* (anchored with ``$``) ending at *pos*, searched in a bounded
    window before it (its look-behind still sees the text before the window)."""
    return pattern.search(folded, max(0, pos - _WINDOW), pos)


def _gazetteer_cands(
    folded: str,
    original: str,
    fmap: FoldMap,
    gz: Gazetteer,
    compiled: tuple[re.Pattern[str], dict[str, str], dict[str, str]] | None = None,
) -> list[Cand]:
    """Candidates of the gazetteer's forms (*compiled*: :attr:`Gazetteer.compiled` unless given)."""
    pattern, lam, index = compiled or gz.compiled
    raw: list[tuple[Cand, str]] = []
    for m in pattern.finditer(folded):
        group, ff = _matched(m, lam)
        eid = index.get(ff)
        if eid is None:
            continue
        entry = gz.entries[eid]
        fs, fe = m.start(group), m.end(group)
        if entry.type == "PER" and " " in ff and ff.split()[0] in TITLES and _LINK_AFTER.match(folded, fe):
            # «الملك سلمان» + «بن عبد العزيز»: the chain without the title may be known.
            m2 = pattern.match(folded, fs + len(folded[fs:fe]) - len(folded[fs:fe].split(None, 1)[1]))
            if m2 is not None and (e2 := index.get(_matched(m2, lam)[1])) is not None:
                group, ff = _matched(m2, lam)
                m, eid, entry = m2, e2, gz.entries[e2]
                fs, fe = m.start(group), m.end(group)
        if _LATIN_RE.search(ff) and not _latin_case_ok(entry, ff, original, fmap, fs, fe):
            continue
        found_by = entry.source
        if entry.type == "PER" and (fam := _FAMILY_AFTER.match(folded, fe)):
            fe = fam.end()  # «… آل سعود», «… آل نهيان»
        if entry.type == "PER" and _head_before(folded, fs):
            continue  # «مركز الملك سلمان …»: the rules take the whole name
        if entry.type == "LOC" and (paper := _paper(folded, fs, fe, ff, index)) is not None:
            eid, entry = paper, gz.entries[paper]
        first, _, rest = ff.partition(" ")
        if (
            rest and first in TITLES and entry.type == "PER"
        ):  # «الملك سلمان»: the title stays outside («الشيخ زويد» is a town)
            fs = fs + len(folded[fs:fe]) - len(folded[fs:fe].split(None, 1)[1])
        raw.append((Cand(fs, fe, entry.type, eid, found_by, ff), ff))
    # «السعودية» after a definite noun is the adjective («الخطوط السعودية»).
    raw = [(c, ff) for c, ff in raw if not (_NISBA_FORM.fullmatch(ff) and _before(_DEF_BEFORE, folded, c.fstart))]
    # A known person inside a longer «بن» chain is someone else: «سعود بن
    # فيصل بن مشعل» is not «سعود بن فيصل».
    raw = [
        (c, ff)
        for c, ff in raw
        if c.type != "PER"
        or not (
            _before(_LINK_BEFORE, folded, c.fstart)
            or _LINK_AFTER.match(folded, c.fend)
            or (" بن " in ff and _surname_after(folded, c.fend))
        )
    ]
    # A known surname after another first name is someone else: «هشام مرسي».
    raw = [
        (c, ff)
        for c, ff in raw
        if not (
            c.type == "PER" and " " not in ff and (g := _before(GIVEN_BEFORE, folded, c.fstart)) and g.group(1) in GIVEN
        )
    ]
    # Ambiguous forms need the entity found another way in this article (not
    # by a Latin form: «Zain» in a contact line does not make «زين» the company).
    sure = {c.id for c, ff in raw if ff not in gz.entries[c.id or ""].ambiguous and not _LATIN_RE.search(ff)}
    cands = [c for c, ff in raw if c.id in sure or ff not in gz.entries[c.id or ""].ambiguous]
    present = {c.id for c in cands}
    for rule in gz.context_rules:
        if rule.from_id in present and rule.triggers & present and rule.to_id in gz.entries:
            to = gz.entries[rule.to_id]
            for c in cands:
                if c.id == rule.from_id:
                    c.id, c.type = to.id, to.type
    return cands


def _mastheads(folded: str, cands: list[Cand], gz: Gazetteer) -> list[Cand]:
    """A newspaper named by its masthead alone («الحياة», «الرياض», «سبق»)
    where only a paper is meant: quoted («لـ"الحياة"»), before
    «الإلكترونية» or in a byline («- سبق -»).  It replaces what the gazetteer found on the same words."""
    pattern, index = gz.mastheads
    if pattern is None:
        return cands
    found = []
    for m in pattern.finditer(folded):
        group = next(g for g in ("name", "name2", "name3", "name4", "name5") if m.group(g) is not None)
        ff = " ".join(m.group(group).split())
        found.append(Cand(m.start(group), m.end(group), "ORG", index[ff], gz.entries[index[ff]].source, ff))
    if not found:
        return cands
    kept = [c for c in cands if free(found, c.fstart, c.fend)]
    return kept + found


def _matched(m: re.Match[str], lam: dict[str, str]) -> tuple[str, str]:
    """The group a gazetteer match is in, and its folded form."""
    if m.group("name") is not None:
        return "name", " ".join(m.group("name").split())
    return "lname", " ".join(lam[m.group("lname")].split())


def _paper(folded: str, fs: int, fe: int, ff: str, index: dict[str, str]) -> str | None:
    """The newspaper named like a place («الشرق الأوسط»), when the name is
    quoted or follows «لـ» and the gazetteer knows a «صحيفة …» of it."""
    twins = [eid for head in _PAPER_HEADS if (eid := index.get(head + ff)) is not None]
    if not twins:
        return None
    quoted = _QUOTE_AFTER.match(folded, fe) is not None
    before = _before(_QUOTE_BEFORE, folded, fs)
    if before is None or not (quoted or before.group().lstrip().startswith("ل")):
        return None
    return twins[0]


def _latin_case_ok(entry: Entry, ff: str, original: str, fmap: FoldMap, fs: int, fe: int) -> bool:
    """An acronym form written in capitals («LPR», «UN») must be capitals."""
    for f in entry.forms:
        if fold_form(f) == ff and f.isupper():
            a, b = fmap.span(fs, fe)
            return original[a:b].isupper()
    return True
