"""Day words that are often something else: «الأحد», «الجمعة», «الخميس»
standing alone (a family name, a place, a prayer, «الأحد عشر») and «غدا»
without tanwin (the verb "became").  Each test reads the folded text around
a match already found (:mod:`kzcorpus.dates.candidates`)."""

from __future__ import annotations

import re
from functools import lru_cache

from kzcorpus.dates.words import CLITIC_CHARS, WEEKDAY_NAME_NOUNS
from kzcorpus.lexicon import folded as folded_list

#: Given names (the entity lists'): a family name such as «الخميس» follows one.
GIVEN_NAMES = folded_list("entities_given") | folded_list("entities_given_ambiguous")
#: Words after which «الأحد», «الجمعة», «الخميس» name something else: a
#: given name before a family name («محمد الخميس»), a place, a prayer, an honorific.
_NOT_DAY_BEFORE = GIVEN_NAMES | WEEKDAY_NAME_NOUNS
#: «الأحد عشر» (the eleven): a number, not a day.
_ELEVEN_AFTER_RE = re.compile(r"\s+عشر(?:ه)?(?!\w)")
#: «محمد الخميس», «بن الجمعة»: a weekday name after a word, to find the family names an article uses.
_NAME_BEFORE_RE = re.compile(r"(?<!\w)(\w+)\s+(الاحد|الجمعه|الخميس)(?!\w)")
_SURNAME_INTRO = GIVEN_NAMES | frozenset(["بن", "ابن", "بنت", "ال"])

#: Words before «غدا» that make it the verb "became" («وقد غدا», «حتى غدا») or a vague future («أو غدا», «ماذا غدا»).
_NOT_TOMORROW_BEFORE = frozenset(
    ["قد", "وقد", "فقد", "لقد", "حتى", "لذا", "ولذا", "لذلك", "ولذلك", "او", "ماذا", "كما"]
)
#: Words after «غدا» that make it "tomorrow": prepositions and what a clause goes on with.
_TOMORROW_AFTER = frozenset(
    ["الي", "في", "علي", "مع", "من", "عن", "حيث", "بعد", "قبل", "ضمن", "امام", "عند", "وذلك", "حتي", "الساعه"]
)
_NEXT_RE = re.compile(r"\s*([^\W\d_]+|\S)")


def unclitic(word: str) -> str:
    """*word* without one proclitic letter («لصلاه» → «صلاه»), when long enough to have one."""
    return word[1:] if len(word) > 3 and word[:1] in CLITIC_CHARS else word


@lru_cache(maxsize=8)
def _surnames(folded: str) -> frozenset[str]:
    """The weekday names the article uses as family names («محمد الخميس» … «وكشف الخميس»)."""
    return frozenset(m.group(2) for m in _NAME_BEFORE_RE.finditer(folded) if unclitic(m.group(1)) in _SURNAME_INTRO)


def bare_weekday_is_day(folded: str, prev: str, start: int, end: int) -> bool:
    """Is «الأحد», «الجمعة» or «الخميس» at ``folded[start:end]``, standing
    alone (no «يوم», no time of day, no qualifier) after the word *prev*, a
    day?  In news it is, after a clause («وقتل 20 شخصا الجمعة في ...», «صادق
    المجلس الجمعة على ...»), unless it is a family name (after a given name,
    «محمد الخميس», or one the article gives so elsewhere: «وكشف الخميس عن
    ...»), a place, a prayer or an honorific's name (``dates_weekday_name_nouns``),
    or a number («الأحد عشر»)."""
    if prev in _NOT_DAY_BEFORE or unclitic(prev) in _NOT_DAY_BEFORE:
        return False
    if _ELEVEN_AFTER_RE.match(folded, end) is not None:
        return False
    name = folded[start:end]
    if folded.find(name) == start and folded.find(name, end) < 0:
        return True  # the name only here: no full name elsewhere makes it a family name
    return name not in _surnames(folded)


def quoted_title(folded: str, fs: int) -> bool:
    """Does a quotation mark open right before *fs* («مسلسل "غدا نلتقي"»)?"""
    return folded[max(0, fs - 2) : fs].strip() in ('"', "«", "“")


def _verb_like(word: str) -> bool:
    """An imperfect or future verb («سيلتقي», «تعلن», «يعود»)."""
    return len(word) >= 4 and (word[0] in ("ي", "ت", "ن") or word[:2] in ("سي", "ست", "سن"))


def tomorrow(folded: str, prev: str, fs: int, fe: int) -> bool:
    """Is «غدا» at ``folded[fs:fe]``, written without tanwin, "tomorrow"?  It
    is after a present or future verb («سيلتقي غدا أحد منافسيه»), or before
    punctuation, a preposition or a verb («تغادر البعثة غدا إلى لندن»,
    «وتختتم الجولة غدا بلقاء …», «الجلسة غدا ستبدأ»); not after «قد»,
    «حتى», «أو», «ماذا», nor opening a quoted title («"غدا نلتقي"»), nor
    before the verb's predicate («فالسواد غدا أكثر من راية»)."""
    if not prev or prev in _NOT_TOMORROW_BEFORE or quoted_title(folded, fs):
        return False
    if _verb_like(unclitic(prev)):
        return True
    nxt = _NEXT_RE.match(folded, fe)
    if nxt is None:
        return True
    w = nxt.group(1)
    if not w[:1].isalpha():
        return True  # «… على ملعب ويمبلي غدا.»
    return w in _TOMORROW_AFTER or (len(w) > 3 and w[0] in ("ب", "ل")) or w[:2] in ("سي", "ست", "سن")
