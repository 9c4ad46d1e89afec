"""Names learned from the corpus itself, written as a gazetteer file.

The rules find a name only where its context says it is one: a title before
a person («الوزير وليد المعلم»), a head before a place or a club («محافظة
بلقرن», «نادي الترجي»), quotes after a media head («صحيفة «حرييت»»).  The
same name is often written bare in another article («وليد المعلم قال …»,
«في بلقرن»), where no rule can see it.  An archive names its people and
places many times: what the rules found with such evidence in some articles
can be found bare in all of them.

:class:`NameLearner` reads every article's mentions (the records of
:func:`~kzcorpus.entities.doc_entities`) and its folded words, and keeps a
*form* when

- a **person** (``rule:title``, ``rule:chain(بن)``, ``rule:speaker``,
  ``rule:named``): the name as found, of at least two words;
- a **place** after a head of :data:`LOC_HEADS` (``rule:head(محافظة)`` on
  «محافظة بلقرن»): the one word after the head, «بلقرن»;
- an **organisation** in quotes after a media or company head
  (``rule:quoted``): the quoted name; after a head of :data:`ORG_HEADS`
  («نادي الترجي»): the one word after it, «الترجي»;

was found with that evidence in at least :data:`MIN_ARTICLES` articles, is
not a form of the gazetteer, has no stopword, and, when it is one word,
carries the evidence in at least :data:`MIN_SHARE` (35 %) of its occurrences as a
word of the corpus: «التمور» after «مدينة» («مدينة التمور», the city of
dates) is mostly the plural of «تمر» elsewhere and is not learned, «بلقرن»
almost always names the town.

:func:`learned_tsv` writes the forms as a gazetteer file (one entry per
form, the id as a rule-found name's: :func:`~kzcorpus.entities.unknown_id`),
which ``--gazetteer FILE`` reads back like any user gazetteer (``found_by``
``gazetteer:FILE``): a reviewed, editable list rather than a hidden model.
Learning is one pass over the corpus; the file depends on the whole corpus,
so results with it do not depend on ``--doc``, ``--jobs`` or an index.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kzcorpus import lexicon
from kzcorpus.entities.gazetteer import Gazetteer, fold_form, norm_name
from kzcorpus.entities.mentions import unknown_id
from kzcorpus.entities.words import ABD, NAME_LINKS, is_common, verbish

#: A form must be found with evidence in this many articles.
MIN_ARTICLES = 2
#: A one-word form must carry the evidence in this share of its occurrences.
MIN_SHARE = 0.35
#: Each word of a learned person's name must be inside a person's name in this share of its occurrences.
MIN_NAME_SHARE = 0.2
#: Person rules whose names are learned (the rule name before its parenthesis).
PERSON_RULES = frozenset({"rule:title", "rule:speaker", "rule:named"})
#: Heads after which the next word is a place's own name («محافظة بلقرن»).
LOC_HEADS = lexicon.folded("learn_loc_heads")
#: Heads after which the next word is an organisation's own name («نادي الترجي»).
ORG_HEADS = lexicon.folded("learn_org_heads")
_STOP = lexicon.folded("stopwords")
#: Words that open a longer name and never name a place or club alone («سان», «نيو», «بني»).
_NOT_ALONE = lexicon.folded("learn_not_alone")
#: Ordinals, which follow a head as adjectives («ولاية خامسة», a fifth term): «خامس», «خامسه».
_ORDINALS = frozenset(
    w.split()[0].removeprefix("ال") + end for w in lexicon.folded("dates_ordinal_days") for end in ("", "ه")
)
#: A word of a learned name: letters only (no digits, dots or Latin-Arabic mixes).
_NAME_WORD_RE = re.compile(r"[\u0621-\u064a]{2,}|[A-Za-z][A-Za-z'-]+")


def _rule(found_by: str) -> tuple[str, str]:
    """``rule:head(محافظة)`` -> (``rule:head``, folded «محافظه»)."""
    name, _, word = found_by.partition("(")
    return name, lexicon.norm(word.rstrip(")"))


def evidence(mention: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(type, form as written, evidence) of a mention record whose name can
    be learned, else None; the evidence is its ``found_by``."""
    found_by, text, etype = mention["found_by"], mention["text"], mention["type"]
    if not found_by.startswith("rule:"):
        return None
    rule, word = _rule(found_by)
    words = text.split()
    if etype == "PER":
        if rule in PERSON_RULES or (rule == "rule:chain" and word == "بن"):
            return ("PER", " ".join(words), found_by) if len(words) >= 2 else None
        return None
    if rule == "rule:quoted" and etype == "ORG":
        return "ORG", " ".join(words), found_by
    if rule in ("rule:head", "rule:org", "rule:facility") and len(words) == 2:
        head = lexicon.norm(words[0])
        if etype == "LOC" and head in LOC_HEADS:
            return "LOC", words[1], found_by
        if etype == "ORG" and head in ORG_HEADS:
            return "ORG", words[1], found_by
    return None


@dataclass
class Learned:
    """One learned form: its type, the spellings seen, where and by what it was found."""

    type: str
    spellings: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    found_by: Counter[str] = field(default_factory=Counter)
    #: The ids its evidence mentions got (a rule-found name linked to a gazetteer entity has the entity's).
    ids: set[str] = field(default_factory=set)

    @property
    def form(self) -> str:
        """The most frequent spelling (ties: the first in code point order)."""
        return min(self.spellings, key=lambda s: (-self.spellings[s], s))

    @property
    def evidence(self) -> int:
        return sum(self.found_by.values())


class NameLearner:
    """Collects evidence article by article (:meth:`add`), then gives the
    names that pass (:meth:`learned`)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.forms: dict[tuple[str, str], Learned] = {}
        self.words: Counter[str] = Counter()
        #: Folded words of every person mention (however found), for :meth:`name_share`.
        self.name_words: Counter[str] = Counter()
        self.articles = 0

    def add(self, doc_id: str, mentions: Iterable[Mapping[str, Any]], words: Iterable[str] = ()) -> None:
        """One article: its mention records and its folded words (none when
        the corpus's counts are set afterwards, :meth:`count_words`)."""
        self.articles += 1
        self.words.update(words)
        for m in mentions:
            if m["type"] == "PER":
                self.name_words.update(fold_form(m["text"]).split())
            ev = evidence(m)
            if ev is None:
                continue
            etype, form, found_by = ev
            key = (etype, fold_form(form))
            item = self.forms.get(key)
            if item is None:
                item = self.forms[key] = Learned(etype)
            item.spellings[form] += 1
            item.articles.add(doc_id)
            item.found_by[found_by] += 1
            item.ids.add(m["id"])

    def one_words(self) -> set[str]:
        """The words whose occurrences :meth:`share` and :meth:`name_share` divide by:
        one-word forms, and every word of a person's name."""
        out = {w for w in (norm_name(ff) for _, ff in self.forms) if " " not in w}
        out.update(w for (etype, ff) in self.forms if etype == "PER" for w in ff.split())
        return out

    def count_words(self, counts: Mapping[str, int]) -> None:
        """Set the corpus's counts of :meth:`one_words` (read from an index instead of counted)."""
        self.words = Counter({w: counts.get(w, 0) for w in self.one_words()})

    def name_share(self, word: str) -> float:
        """The share of *word*'s occurrences in the corpus inside a person's name."""
        named = self.name_words[word]
        return named / max(self.words[word], named, 1)

    def person_ok(self, folded: str) -> bool:
        """Every word of a person's name is mostly a name in this corpus
        (:data:`MIN_NAME_SHARE`; links such as «بن» and «عبد» are not asked):
        «حفل الافتتاح», «دول التحالف», «خالد الدولي» are not names."""
        return all(self.name_share(w) >= MIN_NAME_SHARE for w in folded.split() if w not in NAME_LINKS and w != ABD)

    def share(self, folded: str, item: Learned) -> float:
        """The share of a one-word form's occurrences found with evidence
        (1.0 for longer forms; «عبد الله» is one word, «عبدالله»)."""
        word = norm_name(folded)
        if " " in word:
            return 1.0
        return item.evidence / max(self.words[word], item.evidence)

    def learned(self) -> list[tuple[str, Learned]]:
        """(folded form, item) of every form that passes, most articles first."""
        known = self.gazetteer.form_index
        out = []
        for (_etype, ff), item in self.forms.items():
            if len(item.articles) < MIN_ARTICLES or ff in known or self.share(ff, item) < MIN_SHARE:
                continue
            if (item.type == "PER" and (" " not in norm_name(ff) or not self.person_ok(ff))) or ff in _NOT_ALONE:
                continue
            if any(_not_name(w) for w in ff.split()) or (" " not in ff and _not_alone_word(ff)):
                continue
            # a name the rules link to a gazetteer entity is that entity's (and its line would replace it)
            if any(self.gazetteer.id_of(i) is not None for i in (*item.ids, unknown_id(item.form))):
                continue
            out.append((ff, item))
        out.sort(key=lambda p: (-len(p[1].articles), -p[1].evidence, p[1].type, p[0]))
        return _one_type(out)


def _not_name(w: str) -> bool:
    """A word no learned name may hold: a stopword, a common word, an ordinal, digits or marks."""
    return w in _STOP or is_common(w) or w.removeprefix("ال") in _ORDINALS or not _NAME_WORD_RE.fullmatch(w)


def _not_alone_word(w: str) -> bool:
    """A one-word place or organisation it is not safe to learn: three letters
    or fewer («هجر», «بيش»: a common word, or a longer word with a proclitic
    read off, «كبيش»), or shaped like an imperfect verb («يخسرها»)."""
    return len(w) < 4 or verbish(w)


def _one_type(found: list[tuple[str, Learned]]) -> list[tuple[str, Learned]]:
    """A form learned with two types keeps the one with more articles (the first)."""
    seen: set[str] = set()
    out = []
    for ff, item in found:
        if ff not in seen:
            seen.add(ff)
            out.append((ff, item))
    return out


def learned_records(learner: NameLearner) -> list[dict[str, Any]]:
    """The learned names as records (:data:`kzcorpus.schema.LEARNED_NAME`)."""
    rows = []
    for ff, item in learner.learned():
        rows.append(
            {
                "id": unknown_id(item.form),
                "type": item.type,
                "form": item.form,
                "articles": len(item.articles),
                "evidence": item.evidence,
                "share": round(learner.share(ff, item), 3),
                "found_by": dict(sorted(item.found_by.items(), key=lambda kv: (-kv[1], kv[0]))),
            }
        )
    return rows


def learned_tsv(records: Iterable[Mapping[str, Any]], *, corpus: str = "", articles: int = 0) -> str:
    """The learned *records* as a gazetteer file (``--gazetteer`` reads it back)."""
    head = [
        "# kzcorpus learned names (kzcorpus entities --learn): a gazetteer file.",
        f"# Learned from {articles:,} articles" + (f" of {corpus}" if corpus else "") + ":",
        "# names the rules found with a title, a head or quotes in several articles, to be found bare.",
        "# Review it: delete a line to drop a name; pass it with --gazetteer FILE.",
        "# @learned: these names are matched only where the gazetteer and the rules found nothing.",
        "@learned",
        "# id\ttype\tform",
    ]
    lines = [f"{r['id']}\t{r['type']}\t{r['form']}" for r in records]
    return "\n".join(head + lines) + "\n"
