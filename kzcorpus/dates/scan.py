"""The date scan: one pass over an article's folded text.

Every date expression holds a core word (a four-digit number, a month or
weekday name, a calendar unit); the core words are found with ``str``
methods and the patterns (:mod:`kzcorpus.dates.patterns`) are tried only
around them.  :func:`scan` does this once per article (``Doc.memo``) and
reads the matches into candidates; :func:`candidates` adds the years, which
depend on the article's year (the Hijri window), and :func:`select` keeps
the longest of overlapping candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kzcorpus import lexicon
from kzcorpus.dates.candidates import scan_named, scan_numeric, scan_relative, scan_years
from kzcorpus.dates.patterns import (
    DAYREL_RE,
    GLUE_RE,
    MONTH_AT_RE,
    NAMED_RE,
    NUMERIC_RE,
    RELATIVE_RE,
    SHORT_HIJRI_YEAR_RE,
    WEEKDAY_RE,
    YEAR_RANGE_RE,
    YEAR_RE,
)
from kzcorpus.dates.records import Cand
from kzcorpus.dates.words import CLITIC_CHARS, GREGORIAN_MONTHS, HIJRI_MONTHS, PREPOSITIONS, WEEKDAYS
from kzcorpus.doc import Doc

#: Every date expression holds one of these: a four-digit number, a month
#: or weekday name, or a calendar unit.  Only around them are the patterns
#: tried.  They are found as whole tokens (with their proclitics), which is
#: much faster than a regex over the whole text.
_CORE_WORDS = sorted(
    {w.split()[0] for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS]}
    | {"عام", "سنه", "شهر", "اسبوع", "امس", "غدا", "غد", "اليوم"}
)
_CLITICS = lexicon.proclitics()
_CLITICS_ART = tuple(p for p in lexicon.proclitics(article=True) if p not in _CLITICS)
_MONTH_FIRST_WORDS = frozenset(w.split()[0] for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS])
#: Token (as written, proclitics included) → (core word, length of the proclitics).
_CORE_TOKENS: dict[str, tuple[str, int]] = {}
for _w in _CORE_WORDS:
    for _p in _CLITICS if _w in _MONTH_FIRST_WORDS else _CLITICS + _CLITICS_ART:
        _CORE_TOKENS.setdefault(_p + _w, (_w, len(_p)))
_CORE_TOKEN_SET = frozenset(_CORE_TOKENS)
#: Punctuation that may be glued to a token; it is blanked before splitting.
_TOKEN_PUNCT = "/()-،.,:؛»«\"“”!؟?[]'–—…"


def _core_hits(folded: str) -> list[tuple[int, str]]:
    """``(position, core)`` of each core word (``core`` is ``"####"`` for a
    year-like number, ``"#h"`` for a short Hijri year)."""
    blank = folded
    for ch in _TOKEN_PUNCT:
        if ch in blank:
            blank = blank.replace(ch, " ")
    hits: list[tuple[int, str]] = []
    n = len(blank)
    for tok in _CORE_TOKEN_SET.intersection(blank.split()):
        core, plen = _CORE_TOKENS[tok]
        size = len(tok)
        j = blank.find(tok)
        while j >= 0:
            e = j + size
            if (j == 0 or blank[j - 1].isspace()) and (e == n or blank[e].isspace()):
                hits.append((j + plen, core))
            j = blank.find(tok, j + 1)
    for digit in "12":
        j = folded.find(digit)
        while j >= 0:
            if folded[j : j + 4].isdigit() and not folded[j + 4 : j + 5].isdigit() and not folded[j - 1 : j].isdigit():
                hits.append((j, "####"))
            j = folded.find(digit, j + 1)
    # Hijri years of one to three digits («2هـ», «656 للهجرة»): by their era mark.
    hits.extend((m.start(), "#h") for m in SHORT_HIJRI_YEAR_RE.finditer(folded))
    hits.sort()
    return hits


#: Which pattern a core word anchors, and how far back (characters, words)
#: its match may begin.
_CORE_KIND: dict[str, tuple[str, int, int]] = {
    w.split()[0]: ("named", 40, 5) for w in [*GREGORIAN_MONTHS, *HIJRI_MONTHS]
}
_CORE_KIND |= {w: ("weekday", 20, 3) for w in WEEKDAYS}
_CORE_KIND |= {w: ("relative", 20, 3) for w in ("عام", "سنه", "شهر", "اسبوع")}
_CORE_KIND |= {w: ("dayrel", 14, 3) for w in ("امس", "غدا", "غد", "اليوم")}
_SEPARATORS = frozenset("./-–")


def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "named": NAMED_RE,
        "relative": RELATIVE_RE,
        "dayrel": DAYREL_RE,
        "weekday": WEEKDAY_RE,
        "numeric": NUMERIC_RE,
        "year_range": YEAR_RANGE_RE,
        "year": YEAR_RE,
    }


_LEADING = frozenset(" \n\t(«\"'/-[“")


def _starts(folded: str, hit: int, width: int, words: int) -> list[int]:
    """Where a match holding the core at *hit* may begin: the starts of the
    last *words* tokens before it (within *width* characters), and the
    letters after one or two proclitics."""
    lo = hit - width if hit > width else 0
    parts = folded[lo:hit].replace("\n", " ").split(" ")
    out = [hit]
    pos = hit + 1
    n = 0
    for part in reversed(parts):
        pos -= len(part) + 1
        if not part:
            continue
        k = pos
        while k < hit and folded[k] in _LEADING:
            k += 1
        out.append(k)
        c0 = folded[k : k + 1]
        if c0 in _CLITIC_CHARS:
            out.append(k + 1)
            if folded[k + 1 : k + 2] in _BLK:
                out.append(k + 2)
        elif c0 == "ا" and folded[k + 1 : k + 2] == "ل" and folded[k + 2 : k + 3].isdigit():
            out.append(k + 2)  # «الـ15 من مارس»
        n += 1
        if n == words:
            break
    return sorted({p for p in out if p <= hit})


_CLITIC_CHARS = frozenset(CLITIC_CHARS)
_BLK = frozenset(PREPOSITIONS)


def _matches(folded: str) -> dict[str, list[re.Match[str]]]:
    """Matches of every pattern that hold a core word, by pattern, in order."""
    pats = _patterns()
    found: dict[str, dict[int, re.Match[str]]] = {k: {} for k in pats}

    def attempt(name: str, starts: Iterable[int], hs: int) -> None:
        pat = pats[name]
        for st in starts:
            m = pat.match(folded, st)
            if m is not None and m.end() > hs:
                old = found[name].get(m.start())
                if old is None or old.end() < m.end():
                    found[name][m.start()] = m
                return

    for hs, core in _core_hits(folded):
        if core == "####":
            after = folded[hs + 4 : hs + 9].replace("ه", "").lstrip()[:1]
            if after in _SEPARATORS:
                attempt("year_range", (hs,), hs)
            attempt("year", _starts(folded, hs, 24, 3), hs)
            # Numeric dates: «2022-07-15» starts here, «15/7/2022» a little before.
            num_starts = [hs] if after in _SEPARATORS else []
            if any(ch in _SEPARATORS for ch in folded[max(0, hs - 3) : hs]):
                num_starts[:0] = [
                    p for p in range(max(0, hs - 12), hs) if folded[p].isdigit() and not folded[p - 1 : p].isdigit()
                ]
            if num_starts:
                attempt("numeric", num_starts, hs)
            continue
        if core == "#h":
            attempt("year", _starts(folded, hs, 24, 3), hs)
            continue
        name, width, words = _CORE_KIND[core]
        if name == "named" and MONTH_AT_RE.match(folded, hs) is None:
            continue  # «ذي» (who) is not «ذي القعدة»
        attempt(name, _starts(folded, hs, width, words), hs)
    return {k: [v[i] for i in sorted(v)] for k, v in found.items()}


def select(folded: str, cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longest first, then higher priority."""
    order = sorted(range(len(cands)), key=lambda i: (-(cands[i].fe - cands[i].fs), -cands[i].prio, cands[i].fs))
    taken: list[tuple[int, int]] = []
    keep: list[int] = []
    for i in order:
        c = cands[i]
        if any(c.fs < e and s < c.fe for s, e in taken):
            continue
        taken.append((c.fs, c.fe))
        keep.append(i)
    kept = set(keep)
    # A weekday right before a written date («الاثنين 20 يوليو») is part of it.
    out = []
    by_start = {cands[i].fs: cands[i] for i in keep}
    for i in sorted(keep, key=lambda i: cands[i].fs):
        c = cands[i]
        if c.unit in ("weekday", "day"):
            # «الأحد 26 يوليو», «يوم الأحد الموافق 26 يوليو»: the written date says it.
            nxt = [
                d
                for s, d in by_start.items()
                if c.fe <= s <= c.fe + 14 and d.d is not None and d.unit is None and GLUE_RE.fullmatch(folded, c.fe, s)
            ]
            # «الأحد المقبل 24 شوال» keeps its own line: the qualifier says it.
            if nxt and (c.unit == "day" or c.offset == 0):
                if not _WORDED_GLUE_RE.search(folded, c.fe, nxt[0].fs):
                    continue
                # «يوم الأحد الموافق 10 شوال»: a pair, two dates; the weekday is that day.
                c = replace(c, same_as=nxt[0].fs)
        if c.range_with is not None and c.range_with not in kept:
            c = replace(c, range_with=None)
        out.append(c)
    return out


_WORDED_GLUE_RE = re.compile(r"الموافق|بتاريخ|تاريخ")


@dataclass(frozen=True)
class Scan:
    """What the scan of one article found: the matches of every pattern, and
    the candidates that do not depend on the article's date."""

    matches: dict[str, list[re.Match[str]]]
    head: list[Cand]  # named and numeric dates
    tail: list[Cand]  # relative expressions


def scan(doc: Doc) -> Scan:
    """The date scan of *doc*, done once per article."""
    return doc.memo("dates.scan", _scan)


def _scan(doc: Doc) -> Scan:
    folded, fm = doc.folded, doc.fmap
    ms = _matches(folded)
    head: list[Cand] = []
    scan_named(folded, fm, head, ms["named"])
    scan_numeric(folded, head, ms["numeric"])
    tail: list[Cand] = []
    scan_relative(folded, fm, tail, ms["relative"], ms["dayrel"], ms["weekday"])
    return Scan(ms, head, tail)


def candidates(doc: Doc, anchor_year: int | None) -> list[Cand]:
    """Every candidate of *doc*, years read for an article of *anchor_year*
    (Hijri years without «هـ» are recognised near it).  Do not modify."""
    return doc.memo(("dates.candidates", anchor_year), lambda d: _candidates(d, anchor_year))


def _candidates(doc: Doc, anchor_year: int | None) -> list[Cand]:
    found = scan(doc)
    cands = list(found.head)
    scan_years(doc.folded, cands, anchor_year, found.matches["year_range"], found.matches["year"])
    cands.extend(found.tail)
    return cands
