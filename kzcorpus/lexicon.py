"""Word lists as data: one loader for every list in ``kzcorpus/data/lists/``.

A list is a UTF-8 text file, one entry per line (an entry may be several
words); ``#`` starts a comment.  Lists of one analysis share a name prefix
(``dates_*``, ``entities_*``).  A header line ``# overlaps: NAME NAME``
declares the other lists of its family this one may share entries with;
every other overlap within a family, and every duplicate inside a list, is
an error caught by the tests (:func:`problems`).  Entries are compared folded
(:func:`kzcorpus.arabic.fold`, white space collapsed), so «إلى» and «الى»
are the same entry.

:func:`entries` gives a list as written, :func:`folded` as a frozenset of
folded entries; both are cached.  :func:`proclitics` builds the prefixes
that stack before a word from ``proclitics.tsv``: every module that strips
or allows clitics takes them from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import product

from kzcorpus.arabic import fold

_OVERLAPS_RE = re.compile(r"#\s*overlaps:\s*(.*)")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words* (escaped), longest first, spaces flexible."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s*" if w[-1].isdigit() else r"\s+") for w in parts)


def _text(name: str) -> str:
    return resources.files("kzcorpus").joinpath("data").joinpath("lists").joinpath(name).read_text(encoding="utf-8")


def names() -> list[str]:
    """Every list's name (file name without ``.txt``)."""
    folder = resources.files("kzcorpus").joinpath("data").joinpath("lists")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


def norm(entry: str) -> str:
    """How entries are compared: folded, white space collapsed."""
    return " ".join(fold(entry).split())


@cache
def entries(name: str) -> tuple[str, ...]:
    """List *name* as written, in file order (comments and blank lines skipped)."""
    out = []
    for line in _text(f"{name}.txt").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return tuple(out)


@cache
def folded(name: str) -> frozenset[str]:
    """List *name*, folded (:func:`norm`)."""
    return frozenset(norm(e) for e in entries(name))


def declared_overlaps(name: str) -> frozenset[str]:
    """The lists *name* says it may share entries with."""
    out: set[str] = set()
    for line in _text(f"{name}.txt").splitlines():
        m = _OVERLAPS_RE.match(line.strip())
        if m:
            out.update(m.group(1).split())
    return frozenset(out)


def family(name: str) -> str:
    """The analysis a list belongs to: the part of its name before ``_``
    (``dates_units`` -> ``dates``).  Lists of one family are read together,
    so an entry in two of them must be declared; lists of different
    analyses may share words (a month name is a date word and a common word)."""
    return name.split("_", 1)[0]


def problems() -> list[str]:
    """Duplicates inside a list and undeclared overlaps between lists of one family."""
    out = []
    all_names = names()
    for name in all_names:
        seen: dict[str, str] = {}
        for e in entries(name):
            key = norm(e)
            if key in seen:
                out.append(f"{name}: «{e}» repeats «{seen[key]}»")
            seen[key] = e
    for i, a in enumerate(all_names):
        for b in all_names[i + 1 :]:
            if family(a) != family(b) or b in declared_overlaps(a) or a in declared_overlaps(b):
                continue
            shared = folded(a) & folded(b)
            if shared:
                out.append(
                    f"{a} and {b} share {', '.join(sorted(shared))} (declare '# overlaps: {b}' in {a}.txt if meant)"
                )
    return out


@cache
def _slots() -> dict[str, tuple[str, ...]]:
    slots: dict[str, list[str]] = {}
    for line in _text("proclitics.tsv").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            slot, form = line.split("\t")
            slots.setdefault(slot, []).append(fold(form))
    return {k: tuple(v) for k, v in slots.items()}


def conjunctions() -> tuple[str, ...]:
    """و ف (folded)."""
    return _slots()["conjunction"]


def prepositions() -> tuple[str, ...]:
    """ب ك ل (folded)."""
    return _slots()["preposition"]


@cache
def proclitics(*, article: bool = False, conjunction: bool = True) -> tuple[str, ...]:
    """Every stack of proclitics, folded, longest first, ``""`` last.

    Conjunction (optional), then preposition (optional), then with
    *article* the article (optional; ل + ال is written لل).
    """
    conj = ("", *conjunctions()) if conjunction else ("",)
    prep = ("", *prepositions())
    arts = ("", *_slots()["article"]) if article else ("",)
    out = set()
    for c, p, a in product(conj, prep, arts):
        if p == "ل" and a:
            out.add(c + "ل" + a[1:])  # لل
        else:
            out.add(c + p + a)
    return tuple(sorted(out, key=lambda s: (-len(s), s)))
