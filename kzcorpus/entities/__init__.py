"""Named entities: a curated gazetteer plus a few precise rules.

A mention is found (:func:`find_mentions`, once per article and gazetteer)
by the gazetteer's forms, then by rules on the text the gazetteer left free,
then by surname aliases within the article; overlaps are resolved leftmost
first, then longest.

``found_by`` says what found a mention:

- ``gazetteer``: a form of the package gazetteer; ``gazetteer:<file name>``
  for a user's gazetteer file;
- ``rule:<name>``, the name as spelled in its word list, unfolded:
  ``rule:title(الرئيس)``, ``rule:head(وزارة)``, ``rule:org(الهيئة)``,
  ``rule:facility(مستشفى)``, ``rule:event(قمة)``, ``rule:chain(بن)``, ``rule:chain(أبو)``,
  ``rule:given-name``, ``rule:demonym``, ``rule:foreign-shape``, ``rule:quoted(صحيفة)``,
  ``rule:short-name``, ``rule:speaker(قال)``, ``rule:named(يدعى)``, ``rule:street(حي)``,
  ``rule:placed(مستشفى)``, ``rule:org-name(مؤسسة)``, ``rule:dateline``, ``rule:club(المدرب)``,
  ``rule:club-town``, ``rule:din-name``, ``rule:quoted-title(المدير)`` (a rule span linked to a
  gazetteer entity keeps its rule name);
- ``alias:<id>``: a surname standing for the person with that id.

Entities the gazetteer does not know get their Arabic full name as id
(spaces normalised, «عبد ال…» joined).  Nothing here downloads anything or
reads outside the package.

Modules:

- :mod:`~kzcorpus.entities.gazetteer`: entries, the forms' trie regex, the loader;
- :mod:`~kzcorpus.entities.words`: the rules' word lists (``data/lists/entities_*.txt``);
- :mod:`~kzcorpus.entities.mentions`: :class:`Mention`, :func:`find_mentions`;
- :mod:`~kzcorpus.entities.rules`: rule-found names;
- :mod:`~kzcorpus.entities.quoted`: names in quotes after a media head, short names after an organisation;
- :mod:`~kzcorpus.entities.speakers`: a person between a verb of saying and a role, or after «يدعى»;
- :mod:`~kzcorpus.entities.places`: streets, districts, roads, an organisation named with its place, datelines;
- :mod:`~kzcorpus.entities.clubs`: clubs named alone in sports stories, their towns;
- :mod:`~kzcorpus.entities.persons`: compound given names («X الدين»), a quoted name after a title;
- :mod:`~kzcorpus.entities.learned`: names learned from the corpus (``entities --learn``), a gazetteer file marked ``@learned``;
- :mod:`~kzcorpus.entities.aliases`: surnames standing for a person;
- :mod:`~kzcorpus.entities.aggregate`: :func:`entity_rows`, per-article :func:`doc_entities` and :func:`rows_from_found`;
- :mod:`~kzcorpus.entities.resolve`: :func:`resolve_entity`, :class:`EntityMatcher`.

Scoring against a gold standard is :mod:`kzcorpus.evaluation.entities`.
"""

from __future__ import annotations

from kzcorpus.entities.aggregate import check_types, doc_entities, entity_rows, rows_from_found
from kzcorpus.entities.gazetteer import (
    TYPES,
    ContextRule,
    Entry,
    Gazetteer,
    Parsed,
    load_gazetteer,
    parse_gazetteer,
)
from kzcorpus.entities.mentions import Mention, find_adjectives, find_mentions, unknown_id
from kzcorpus.entities.resolve import EntityMatcher, entity_hits, nearest, resolve_entity, rule_found_name

__all__ = [
    "TYPES",
    "ContextRule",
    "EntityMatcher",
    "Entry",
    "Gazetteer",
    "Mention",
    "Parsed",
    "check_types",
    "doc_entities",
    "entity_hits",
    "entity_rows",
    "find_adjectives",
    "find_mentions",
    "load_gazetteer",
    "nearest",
    "parse_gazetteer",
    "resolve_entity",
    "rows_from_found",
    "rule_found_name",
    "unknown_id",
]
