"""Naming one entity: resolving a name to an id, and its mentions as KWIC hits.

A name is an entity id (any case: «vladimir putin») or any form of an entry
(folded: «توكايف»).  A name the gazetteer does not know is accepted only if
it could be the id of an entity the rules find (an Arabic name, e.g. «جون
ميجور»): those ids are the Arabic name as written (:func:`unknown_id`), so
the name is matched against the mentions' ids, folded, with no pass over the
corpus.  Any other name (Latin script, digits…) fails at once, naming the
nearest gazetteer entities by spelling (ids and Arabic forms).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, Hit
from kzcorpus.entities.gazetteer import Gazetteer, fold_form
from kzcorpus.entities.mentions import find_mentions, unknown_id
from kzcorpus.entities.words import ARABIC_LETTER_RE
from kzcorpus.errors import UsageError

#: Letters (any script) and the white space between them.
_NAME_RE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


def resolve_entity(gazetteer: Gazetteer, name: str, *, known: Iterable[str] = ()) -> str:
    """The id of *name*: an id (any case), or any form of an entity (folded).

    An Arabic name no entry has is taken as the id of a rule-found entity
    (:func:`unknown_id`; *known*: ids already seen, matched folded, to keep
    their spelling).  Anything else raises :class:`UsageError` with the
    nearest names, without reading any article.
    """
    q = name.strip()
    if not q:
        raise UsageError("the entity name is empty; give an id such as 'Vladimir Putin' or an Arabic form")
    eid = gazetteer.id_of(q)
    if eid is not None:
        return eid
    ff = fold_form(q)
    if ff in gazetteer.form_index:
        return gazetteer.form_index[ff]
    extra = {fold_form(k): k for k in known}
    if ff in extra:
        return extra[ff]
    if rule_found_name(q):
        return unknown_id(q)
    near = nearest(gazetteer, q)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UsageError(
        f"no entity {name!r} in the gazetteer{hint} (list them with 'kzcorpus entities', or add it in a gazetteer file;"
        " an entity the rules find is named by its Arabic name)"
    )


def rule_found_name(name: str) -> bool:
    """Could *name* be the id of a rule-found entity?  Arabic letters only
    (words of letters, no Latin, no digits)."""
    q = name.strip()
    return bool(_NAME_RE.fullmatch(q)) and ARABIC_LETTER_RE.search(q) is not None and not _LATIN_RE.search(q)


def nearest(gazetteer: Gazetteer, name: str, n: int = 3) -> list[str]:
    """Up to *n* entities spelled most like *name*, as ``'id' (Arabic name)``.

    Ids and every form (both scripts) are compared folded and lower-cased:
    an entity scores the letters of the words of *name* close to one of its
    words («King Salman»: «Salman of Saudi Arabia»), plus the whole name's
    closeness (:class:`difflib.SequenceMatcher`).  Curated entries come
    before those of bulk data (:attr:`Entry.bulk`).
    """
    key = fold_form(name).lower()
    choices: dict[str, str] = {}
    for eid in gazetteer.entries:
        choices.setdefault(fold_form(eid).lower(), eid)
    for ff, eid in gazetteer.form_index.items():
        choices.setdefault(ff.lower(), eid)
    score: dict[str, float] = {}
    for c in difflib.get_close_matches(key, list(choices), n=4 * n, cutoff=0.6):
        eid = choices[c]
        score[eid] = max(score.get(eid, 0.0), len(key) * difflib.SequenceMatcher(None, key, c).ratio())
    by_word: dict[str, set[str]] = {}
    for c, eid in choices.items():
        for w in c.split():
            by_word.setdefault(w, set()).add(eid)
    for w in dict.fromkeys(x for x in key.split() if len(x) >= 3):
        for close in difflib.get_close_matches(w, list(by_word), n=3, cutoff=0.8):
            for eid in by_word[close]:
                score[eid] = score.get(eid, 0.0) + len(w)
    ranked = sorted(score, key=lambda e: (gazetteer.entries[e].bulk, -score[e], e))[:n]
    out = []
    for eid in ranked:
        entry = gazetteer.entries[eid]
        out.append(f"{eid!r} ({entry.name})" if entry.name != eid else repr(eid))
    return out


def entity_hits(source: Doc | Article, gazetteer: Gazetteer, entity_id: str) -> list[Hit]:
    """Mentions of *entity_id* in an article as KWIC hits (``match`` says
    what found each one), for :func:`kzcorpus.kwic.concordance`.  An id the
    gazetteer does not have is compared folded (a rule-found name)."""
    mentions = find_mentions(source, gazetteer)
    if entity_id in gazetteer:
        return [Hit(m.start, m.end, m.found_by) for m in mentions if m.id == entity_id]
    key = fold_form(entity_id)
    return [Hit(m.start, m.end, m.found_by) for m in mentions if fold_form(m.id) == key]


class EntityMatcher:
    """Every mention of one entity, as a :class:`~kzcorpus.doc.HitFinder` (``kwic --entity``).

    The name is resolved when the matcher is made (:func:`resolve_entity`):
    an unknown name fails then, before any article is read.
    """

    def __init__(self, name: str, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.entity_id = resolve_entity(gazetteer, name)
        #: False for a rule-found entity (named by its Arabic name).
        self.in_gazetteer = self.entity_id in gazetteer

    def find(self, doc: Doc) -> list[Hit]:
        return entity_hits(doc, self.gazetteer, self.entity_id)
