"""The rules' vocabulary: word lists from ``kzcorpus/data/lists/entities_*.txt``.

Every list is read with :mod:`kzcorpus.lexicon` (folded, validated by the
tests: no duplicates, no undeclared overlaps) and kept as a frozenset of
folded words.  The given names are three disjoint lists: ``entities_given``
(unambiguous), ``entities_given_ambiguous`` (given names that are also
ordinary words: in :data:`GIVEN` *and* :data:`AMBIG_GIVEN`) and
``entities_ambiguous_names`` (only in :data:`AMBIG_GIVEN`).

Besides the lists: the word tests the rules share (:func:`is_common`,
:func:`given_like`, …) and :func:`strip_pro`, a word of a list behind
proclitics (:func:`kzcorpus.lexicon.proclitics`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kzcorpus import lexicon

_WORDCHAR = r"[^\W_]"
#: Regex fragments the rules' patterns share: a word of letters (two or more), white space within a line.
LETTERS_WORD = r"[^\W\d_]{2,}"
LINE_SPACE = r"[^\S\n]"
ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06ff]")

#: Conjunctions and prepositions as regex character classes: «[وف]», «[بكل]».
CONJ = "[" + "".join(lexicon.conjunctions()) + "]"
PREP = "[" + "".join(lexicon.prepositions()) + "]"
#: Letters a proclitic stack starts with (و ف ب ك ل).
CLITIC_LETTERS = "".join(lexicon.conjunctions()) + "".join(lexicon.prepositions())
CONJ_LETTERS = "".join(lexicon.conjunctions())
#: Proclitics then the article, or «لل»: «وبال», «فلل».
DEFINITE = rf"(?:{CONJ}?{PREP}?ال|{CONJ}?لل)"
DEFINITE_RE = re.compile(DEFINITE)

#: Folded list word -> its spelling in the list (for ``found_by``), first list first.
_SPELLING: dict[str, str] = {}


def _words(*names: str) -> frozenset[str]:
    out: set[str] = set()
    for name in names:
        for entry in lexicon.entries(f"entities_{name}"):
            ff = lexicon.norm(entry)
            _SPELLING.setdefault(ff, entry)
            out.add(ff)
    return frozenset(out)


def spelled(folded_word: str) -> str:
    """A vocabulary word as written in its list («الرئيس», not «الرييس»)."""
    return _SPELLING.get(folded_word, folded_word)


#: Function words, frequent verbs and nouns that never start or continue a name.
STOP = _words("stop")
#: Titles and roles that stand before a person's name.
TITLES = _words("titles")
#: Titles that are also common words: only a known given name may follow.
WEAK_TITLES = _words("weak_titles")
#: Role heads needing a complement: «رئيس الوزراء», «وزير الخارجية».
ROLE_HEADS = _words("role_heads")
#: Tokens that may sit between a title and the name.
ROLE_FILLERS = _words("role_fillers")
#: Known given names (a given name followed by a surname is a person).
GIVEN = _words("given", "given_ambiguous")
#: Names that are also ordinary words: need a title, «بن» or a second name.
AMBIG_GIVEN = _words("given_ambiguous", "ambiguous_names")
ORG_HEADS = _words("org_heads")
#: Heads before a quoted organisation name: «صحيفة «حرييت»» (:mod:`kzcorpus.entities.quoted`).
QUOTED_HEADS = _words("quoted_heads")
QUOTED_EVENT_HEADS = _words("quoted_event_heads")
#: Verbs of saying and the role words after a name: «وقالت X Y وزيرة …» (:mod:`kzcorpus.entities.speakers`).
SPEECH_VERBS = _words("speech_verbs")
APPOSITION_HEADS = _words("apposition_heads")
FACILITY_HEADS = _words("facility_heads")
LOC_FACILITIES = _words("loc_facilities")
ROYAL = _words("royal_titles")
#: Heads of named events and agreements before a place: «مؤتمر مدريد» (MISC).
EVENT_HEADS = _words("event_heads")
#: The same heads with the article: «القمة العربية», «الدوري الإنجليزي».
DEF_EVENT_HEADS = frozenset("ال" + w for w in EVENT_HEADS)
#: Bloc adjectives that name an event after its head, besides the gazetteer's demonyms.
EVENT_ADJ = _words("event_adjectives")
PERSONAL_TITLES = ROYAL | _words("personal_titles")
DEF_ORG_HEADS = _words("def_org_heads")
RANK_ADJ = _words("rank_adjectives")
GENERIC_ADJ = _words("generic_adjectives")
LOC_HEADS = _words("loc_heads")
#: Local places named after their head, the head in the span: «شارع الستين» (:mod:`kzcorpus.entities.places`).
STREET_HEADS = _words("street_heads")
ROAD_ADJ = _words("road_adjectives")
DATELINE_SOURCES = _words("dateline_sources")
#: Clubs named alone in a sports story (:mod:`kzcorpus.entities.clubs`).
SPORTS_WORDS = _words("sports_words")
SPORTS_ROLES = _words("sports_roles")
TEAM_WORDS = _words("team_words")
#: First words of the compound given names «X الدين» (:mod:`kzcorpus.entities.persons`).
DIN_NAMES = _words("din_names")
GROUP_HEADS = _words("group_heads")
KIND_TITLES = _words("kind_titles")
INDEF_ADJ = _words("indefinite_adjectives")
PLACE_WORDS = _words("place_words")
#: Tokens that end an organisation or place name that the head opened.
NAME_END = STOP | _words("name_end")
GENERIC_AFTER_HEAD = _words("generic_after_head")
NOT_SURNAMES = _words("not_surnames")
COMMON = _words("common")
#: Organisation heads that take a place name: «جامعة الباحة», «بلدية جدة».
PLACE_ORG_HEADS = ORG_HEADS | _words("place_org_heads")

TITLES_AND_ROLES = TITLES | ROLE_HEADS
ALL_HEADS = ORG_HEADS | LOC_HEADS
ANY_HEAD = ORG_HEADS | LOC_HEADS | FACILITY_HEADS | ROLE_HEADS

# Grammar words of name chains.
NAME_LINKS = frozenset({"بن", "ابن", "بنت"})
ABD = "عبد"
#: «علي» and «على» fold alike; a token spelled «علي» in the original is
#: renamed :data:`ALI_NAME` (a key no list holds) so the rules see a given name.
ALI = "علي"
ALI_NAME = "علي·"
ABU = frozenset({"ابو", "ابي"})
AL = "ال"  # «آل» folded

#: Two-letter clitic stacks before a common word («للفريق», «وبيت»); a
#: deliberate subset of the proclitics (no «فك»), plus «لل».
_COMMON_CLITIC_PAIRS = ("لل", "وب", "ول", "فب", "فل", "وك")

FOREIGN_SURNAME_RE = re.compile(r"^(?!ال)[^\W\d_]{3,}(?:فيتش|ينكو|يشفيلي|وفسكي|يفسكي|سكايا)$")

_CLITIC_INDEXES: dict[frozenset[str], dict[str, tuple[int, str]]] = {}


def strip_pro(w: str, vocab: frozenset[str]) -> tuple[int, str] | None:
    """(prefix length, core) if *w* is a word of *vocab* with proclitics."""
    ix = _CLITIC_INDEXES.get(vocab)
    if ix is None:
        ix = {}
        for core in sorted(vocab):
            for pre in reversed(lexicon.proclitics()):
                ix.setdefault(pre + core, (len(pre), core))
                if pre.endswith("ل") and core.startswith("ال"):  # لل + الرئيس
                    ix.setdefault(pre + core[1:], (len(pre), core))
        for core in vocab:
            ix[core] = (0, core)
        _CLITIC_INDEXES[vocab] = ix
    return ix.get(w)


def is_common(w: str) -> bool:
    """A common word, bare or with the article or a proclitic («لفريق»)."""
    if w in COMMON:
        return True
    if w.startswith("ال") and w[2:] in COMMON:
        return True
    if w in GIVEN or w in AMBIG_GIVEN:
        return False
    if len(w) > 3 and w[0] in CLITIC_LETTERS:
        rest = w[1:]
        if rest in COMMON or rest in STOP or ("ال" + rest) in TITLES or rest in ANY_HEAD:
            return True
        if w.startswith(_COMMON_CLITIC_PAIRS) and w[2:] in COMMON:
            return True
    # «قررت», «أكدت»: a perfect verb, third person feminine (not «أبوت»).
    return len(w) == 4 and w.endswith("ت") and "و" not in w[1:3] and "ي" not in w[1:3]


def verbish(w: str) -> bool:
    """An imperfect verb («يبقى», «تقول») rather than a first name."""
    return is_common(w) or (w[:1] in ("ي", "ت") and w not in GIVEN and w not in AMBIG_GIVEN and not looks_foreign(w))


def looks_foreign(w: str) -> bool:
    """A transliterated name carries a long vowel inside the word («جون»,
    «كروز»), and is not a clitic + role word («كلاعب») or a nisba («آسيوي»)."""
    if w[:1] in tuple(CLITIC_LETTERS) and ("ال" + w[1:]) in TITLES:
        return False
    if w.endswith("وي"):
        return False
    return len(w) >= 3 and any(ch in "اوي" for ch in w[1:-1]) and not w.endswith("ه") and w not in STOP


def given_like(w: str) -> bool:
    return w in GIVEN or w == ALI_NAME or (w.startswith("عبد") and len(w) > 5)


_VERB_PRONOUN_RE = re.compile(r"[يت][^\W\d_]{2,}ه$|[بل][مت][^\W\d_]{3,}$")  # «يرافقه», «بمشاركة»
_BAD_PLAIN_START = ("بال", "لل", "وال", "فال", "كال", "بت", "لت", "بم", "لم")
_BAD_PLAIN_END = ("ها", "هم", "هن", "كم", "نا", "وا", "ات")


def plain_ok(w: str) -> bool:
    """A name word after the first: no pronoun suffix, no clitic look."""
    if w.startswith(_BAD_PLAIN_START) or w.endswith(_BAD_PLAIN_END) or _VERB_PRONOUN_RE.match(w):
        return False
    return not (len(w) >= 5 and w.endswith("ا"))


def surname_ok(w: str, *, free: bool = True, strong: bool = False) -> bool:
    """A family name in «ال» form («الجبير»), closing a chain.  After a
    title (*strong*) it may end in ة («الربيعة»)."""
    if not free or not w.startswith("ال") or len(w) < 5:
        return False
    if w in STOP or w in TITLES or w in GENERIC_AFTER_HEAD or w in NOT_SURNAMES or is_common(w):
        return False
    if w.endswith("ه") and strong and not w.endswith("يه"):
        return True
    return not w.endswith(("ه", "يين", "يون", "ات"))


_PROCLITICS = frozenset(p for p in lexicon.proclitics() if p)
_PROCLITIC_ALT = sorted(_PROCLITICS, key=len, reverse=True)
_WORD_CHAR_RE = re.compile(_WORDCHAR)


def word_start(folded: str, pos: int) -> int | None:
    """Where the word holding *pos* starts when only a proclitic («و», «لل» is
    not one) stands before *pos*: a pattern that opens with its list word
    (scanned fast) checks its start here instead of a look-behind.  ``None``
    when *pos* is inside another word («حي» in «ابحي»)."""
    for k in (0, 1, 2):
        if k and folded[pos - k : pos] not in _PROCLITICS:
            continue
        if pos - k < 0:
            break
        if pos - k == 0 or not _WORD_CHAR_RE.match(folded, pos - k - 1):
            return pos - k
    return None


#: A verbal noun of the derived forms («التعادل», «الانتقال», «الاستعداد»): no name of a
#: club or a place unless the gazetteer knows it («الاتحاد», «التعاون»).
MASDAR_RE = re.compile(
    r"ال(?:ت[^\W\d_]{3,4}|ا[^\W\d_]ت[^\W\d_]ا[^\W\d_]|ان[^\W\d_]{2}ا[^\W\d_]|است[^\W\d_]{2}ا[^\W\d_])"
)


def repeats(folded: str, names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """Each whole-word occurrence of one of *names* in *folded*, a proclitic
    allowed before it: (start, end, the proclitic) of the name (aliases of
    what a rule found earlier in the article)."""
    pattern = re.compile(
        rf"(?<!{_WORDCHAR})(?P<pre>{'|'.join(_PROCLITIC_ALT)})?(?P<name>{lexicon.alternation(names)})(?!{_WORDCHAR})"
    )
    for m in pattern.finditer(folded):
        yield m.start("name"), m.end("name"), m.group("pre") or ""
