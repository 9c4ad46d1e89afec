"""Tense around a date written without a year.

A bare month or day is put where it lies nearest the article's date
(:func:`kzcorpus.dates.calendar.implicit_year`), which reads «في يناير» in
an August article as the coming January.  A past-tense verb in the same
clause («هاجمها مسلحون في يناير», «وكان السكان هجروا القرى في يناير», «وفي
نوفمبر تعهدت السعودية») says the date is behind: :func:`past_tense` finds
one.  The verbs are a list (``dates_past_verbs``: perfect forms, with و/ف
before and the person endings after); a present or future verb nearer the
date («التي تفتتح يوم 2 سبتمبر», «سيعلن في سبتمبر»), or a word of a coming
start or deadline («حتى», «بحلول», «اعتبارا من»), stops the search, so an
unclear clause keeps the nearest date.
"""

from __future__ import annotations

import re

from kzcorpus import lexicon
from kzcorpus.dates.words import GREGORIAN_MONTHS, HIJRI_MONTHS

_PAST = lexicon.folded("dates_past_verbs")
#: Perfect verbs that are also nouns when bare («رفع»): past only with an ending («رفعت»).
_PAST_ENDED = lexicon.folded("dates_past_stems")
#: Stems of defective verbs before ت/وا: «انتهى» → «انتهت», «دعا» → «دعت».
_PAST_SHORT = frozenset(v[:-1] for v in _PAST if v[-1:] in ("ي", "ا") and len(v) > 2)
#: Person endings (and object pronouns) after a perfect stem.  Not «ه»: folded «ة» is «ه»
#: too («صعدة», «عادة» are not «صعد», «عاد» + «ه»).
_ENDINGS = ("ت", "وا", "ا", "تا", "ها", "هم", "هما", "تها", "تهم")
#: After a stripped «و»/«ف» only the person endings («وزارها» could be «وزار» + «ها»).
_PERSON_ENDINGS = ("ت", "وا", "ا", "تا")
#: Words that end the clause a date stands in (looking back from it).
_CLAUSE_START = frozenset(["ان", "انه", "انها", "بان", "الذي", "التي", "الذين", "حيث", "عندما", "لكن", "بينما", "اذ"])
#: A coming start or deadline, or a futures contract's delivery month («لتسليم ديسمبر»).
_AHEAD = lexicon.folded("dates_ahead_words")
#: Words before a date that are neither verbs nor a clause's start («وفي», «يوم»).
_NOT_VERBS = frozenset(["يوم", "يوما", "يوميا", "تاريخ", "في", "وفي", "خلال", "من", "منذ", "و", "ف"])
_MONTH_WORDS = frozenset(w for name in [*GREGORIAN_MONTHS, *HIJRI_MONTHS] for w in name.split())
_TOKEN_RE = re.compile(r"[^\W\d_]+|[.،,؛:!?؟()«»\"“”\n]")
_BREAK = frozenset('.،,؛:!?؟()«»"“”\n')
#: How many words before a date are read.
WINDOW = 7


def _is_past(word: str) -> bool:
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    for cand, endings in ((word, _ENDINGS), (w, _PERSON_ENDINGS)):
        if cand in _PAST:
            return True
        for end in endings:
            if cand.endswith(end) and len(cand) > len(end) + 1:
                stem = cand[: -len(end)]
                if stem in _PAST or (end in ("ت", "وا") and (stem in _PAST_SHORT or stem in _PAST_ENDED)):
                    return True
    return False


def _is_ahead(word: str) -> bool:
    """A present or future verb («تفتتح», «سيعلن», «يتوقع») or a word of a coming date."""
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    if w in _AHEAD or word in _AHEAD:
        return True
    return len(w) >= 4 and (w[0] in ("ي", "ت") or w[:2] in ("سي", "ست", "سن")) and w not in _NOT_VERBS


def past_tense(folded: str, start: int, end: int) -> bool:
    """Does a past-tense verb govern the date at ``folded[start:end]``?"""
    before = _TOKEN_RE.findall(folded, max(0, start - 80), start)
    n = 0
    for tok in reversed(before):
        if tok in _BREAK or tok in _CLAUSE_START:
            break
        if tok in _NOT_VERBS or tok in _MONTH_WORDS:
            continue
        if _is_past(tok):
            return True
        if _is_ahead(tok):
            return False
        n += 1
        if n == WINDOW:
            return False
    if n == 0:
        # «وفي نوفمبر تعهدت السعودية», «وفي ديسمبر، أعلنت واشنطن»: the verb follows.
        after = _TOKEN_RE.findall(folded, end, end + 24)
        words = [t for t in after if t not in ("،", ",")]
        return bool(words) and words[0] not in _BREAK and _is_past(words[0])
    return False
