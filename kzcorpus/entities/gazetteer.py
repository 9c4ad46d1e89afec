"""The gazetteer: entries, their forms compiled into one trie regex, and the loader.

Every form of every entry (package data ``kzcorpus/data/gazetteer.tsv`` and
``entities_*.tsv``, then the user's gazetteer files) is folded and compiled
once into a single character-trie regular expression.  A gazetteer file is
TSV: id, type, then one form per column (``~form``: ambiguous); lines
``@adjective`` and ``@context`` add demonyms and context rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from itertools import count
from pathlib import Path
from typing import Any

from kzcorpus.arabic import fold
from kzcorpus.entities.words import ABD, AL, ARABIC_LETTER_RE, CONJ, PREP, TITLES
from kzcorpus.errors import InputError

TYPES: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
WORDCHAR = r"[^\W_]"
#: Folded heads of a newspaper's name: «صحيفة X», «جريدة X».
PAPER_HEADS = frozenset({"صحيفه", "جريده"})
_HSPACE = r"[^\S\n]+"
#: One or two words and a colon: the place of a dateline («سبق  أبها:», the tatweel of «سبق ـ أبها» folded away).
_DATELINE_PLACE = r"[^\W\d_]+(?:[^\S\n]+[^\W\d_]+)?[^\S\n]*:"

#: Package data files generated from bulk sources rather than curated (see their headers).
BULK_FILES = frozenset({"entities_places.tsv"})
#: Serial numbers of gazetteer states: a memo key that changes when entries do.
_SERIALS = count()


def fold_form(form: str) -> str:
    """A form as compared: folded, white space collapsed."""
    return " ".join(fold(form).split())


@dataclass
class Entry:
    """A gazetteer entry: one real-world entity and its surface forms."""

    id: str
    type: str
    forms: list[str]
    source: str = "gazetteer"
    #: Folded forms that are also common words: matched only in an article
    #: where the entity is also found by another form.
    ambiguous: set[str] = field(default_factory=set)
    #: From bulk generated data (``entities_places.tsv``, GeoNames), not curated:
    #: suggested after the curated entries when a name is not found.
    bulk: bool = False
    #: From a file of learned names (``@learned``, :mod:`kzcorpus.entities.learned`):
    #: matched only where the curated entries and the rules found nothing.
    learned: bool = False

    @property
    def name(self) -> str:
        """Arabic display name: the first Arabic form, else the first form."""
        for f in self.forms:
            if ARABIC_LETTER_RE.search(f):
                return f
        return self.forms[0] if self.forms else self.id


@dataclass(frozen=True)
class ContextRule:
    """In an article that mentions a trigger entity, *from_id* means *to_id*."""

    from_id: str
    to_id: str
    triggers: frozenset[str]


@dataclass
class Parsed:
    """The contents of one gazetteer file."""

    entries: list[Entry]
    rules: list[ContextRule]
    adjectives: list[tuple[str, list[str]]]
    #: The file says ``@learned``: its entries are names learned from a corpus.
    learned: bool = False


def norm_name(ff: str) -> str:
    """A folded name for comparing spellings: «عبد العزيز» = «عبدالعزيز»,
    «ابن» = «بن» inside a chain, and no family «آل X» at the end."""
    words = ff.split()
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w == ABD and k + 1 < len(words) and words[k + 1].startswith("ال"):
            out.append(w + words[k + 1])
            k += 2
            continue
        out.append("بن" if k and w == "ابن" else w)
        k += 1
    if len(out) > 2 and out[-2] == AL:
        out = out[:-2]
    return " ".join(out)


class Gazetteer:
    """Entries by id, and every folded form compiled into one regex."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        self.context_rules: list[ContextRule] = []
        self._ids: dict[str, str] = {}
        self._owner: dict[str, str] = {}
        #: Demonyms and relational adjectives by entity id (counted, never mentions).
        self.adjectives: dict[str, list[str]] = {}
        #: Changes whenever the entries do: the key of results memoised on a Doc.
        self.serial = next(_SERIALS)
        for e in entries:
            self.add(e)

    def add(self, entry: Entry) -> None:
        """Add *entry*; an entry with the same id (any case) is replaced and
        its forms are taken from whatever entity held them before."""
        old = self._ids.pop(entry.id.lower(), None)
        if old is not None:
            for f in self.entries.pop(old).forms:
                self._owner.pop(fold_form(f), None)
        for f in entry.forms:
            ff = fold_form(f)
            holder = self._owner.get(ff)
            if holder is not None and holder != entry.id:
                other = self.entries[holder]
                other.forms = [x for x in other.forms if fold_form(x) != ff]
                other.ambiguous.discard(ff)
            self._owner[ff] = entry.id
        self.entries[entry.id] = entry
        self._ids[entry.id.lower()] = entry.id
        for cached in (
            "compiled",
            "learned_compiled",
            "form_index",
            "name_index",
            "mastheads",
            "paper_ids",
            "club_forms",
        ):
            self.__dict__.pop(cached, None)
        self.serial = next(_SERIALS)

    def merge(self, parsed: Parsed) -> None:
        """Add the entries, context rules and adjectives of one file."""
        for e in parsed.entries:
            self.add(e)
        self.context_rules.extend(parsed.rules)
        for eid, forms in parsed.adjectives:
            self.adjectives.setdefault(eid, []).extend(forms)
        self.__dict__.pop("adjective_re", None)
        self.serial = next(_SERIALS)

    @cached_property
    def adjective_re(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """The adjectives' regex (group ``name``) and folded adjective -> entity id."""
        index: dict[str, str] = {}
        for eid, forms in self.adjectives.items():
            for f in forms:
                ff = fold_form(f)
                if ff.startswith("ال"):
                    ff = ff[2:]
                variants = [ff]
                if ff.endswith("ي"):
                    variants += [ff + suf for suf in ("ه", "ون", "ين", "ان", "تان", "تين", "ات")]
                for v in variants:
                    index.setdefault(v, eid)
        pattern = (
            rf"(?<!{WORDCHAR})(?:{CONJ}?{PREP}?ال|{CONJ}?لل|{CONJ}?{PREP}|{CONJ})??"
            rf"(?P<name>{trie_regex(index)})(?!{WORDCHAR})"
        )
        return re.compile(pattern), index

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entries

    def get(self, entity_id: str) -> Entry | None:
        return self.entries.get(entity_id)

    def id_of(self, name: str) -> str | None:
        """The id of an entity given by its id (any case)."""
        return self._ids.get(name.lower())

    @cached_property
    def form_index(self) -> dict[str, str]:
        """Folded form -> entity id."""
        out: dict[str, str] = {}
        for e in self.entries.values():
            for f in e.forms:
                ff = fold_form(f)
                if ff:
                    out[ff] = e.id
        return out

    @cached_property
    def name_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Normalised multi-word forms -> ids, and their word prefixes
        (two words or more) -> ids, for linking rule-found names."""
        full: dict[str, set[str]] = defaultdict(set)
        prefixes: dict[str, set[str]] = defaultdict(set)
        for ff, eid in self.form_index.items():
            words = norm_name(ff).split()
            if len(words) < 2 or words[0] in TITLES:
                continue
            full[" ".join(words)].add(eid)
            for k in range(2, len(words)):
                prefixes[" ".join(words[:k])].add(eid)
        return dict(full), dict(prefixes)

    @cached_property
    def mastheads(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Newspapers by their masthead: X of every «صحيفة X»/«جريدة X» form
        -> the paper's id, and a regex finding X (groups ``name``…``name4``)
        quoted («"الحياة"», «لـ«عكاظ»»), before «الإلكترونية», or between
        dashes (a byline: «جدة - سبق -»), a dash and a colon, or opening a
        line before a dash or a dateline («سبق- الرياض:», «سبق ـ أبها:») when X
        is no other entity's name («- سبق:», not the dateline «- الرياض:»)."""
        index: dict[str, str] = {}
        for ff, eid in self.form_index.items():
            head, _, rest = ff.partition(" ")
            if head in PAPER_HEADS and rest and self.entries[eid].type == "ORG":
                index.setdefault(rest, eid)
        if not index:
            return None, index
        names, sp = trie_regex(index), r"[^\S\n]*"
        # «سبق- الرياض:» — before a colon a place's name is the dateline.
        plain = trie_regex(x for x, eid in index.items() if self.form_index.get(x, eid) == eid)
        pattern = (
            rf"[«\"“]{sp}(?P<name>{names}){sp}[»\"”]"
            rf"|(?<!{WORDCHAR})(?P<name2>{names}){_HSPACE}الالكترونيه(?!{WORDCHAR})"
            rf"|[-–]{sp}(?P<name3>{names}){sp}[-–]|[-–]{sp}(?P<name4>{plain}){sp}:"
            rf"|(?m:^){sp}(?P<name5>{plain})(?={sp}[-–]|[^\S\n]{{2,}}{_DATELINE_PLACE})"
        )
        return re.compile(pattern), index

    @cached_property
    def club_forms(self) -> dict[str, str]:
        """X of every «نادي X» form (folded) -> the club's id: «الهلال» named alone by a role («فريق الهلال»)."""
        out: dict[str, str] = {}
        for ff, eid in self.form_index.items():
            head, _, rest = ff.partition(" ")
            if head == "نادي" and rest and " " not in rest and self.entries[eid].type == "ORG":
                out.setdefault(rest, eid)
        return out

    @cached_property
    def paper_ids(self) -> frozenset[str]:
        """The ids of the newspapers :attr:`mastheads` finds."""
        return frozenset(self.mastheads[1].values())

    @cached_property
    def compiled(self) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
        """The forms' regex (groups ``pre``/``name``, or ``lpre``/``lname``
        for «ل» + a form with its alef dropped), the «ل» forms, every form
        (of every entry but the learned ones: :attr:`learned_compiled`)."""
        return _compile({ff: e for ff, e in self.form_index.items() if not self.entries[e].learned})

    @cached_property
    def learned_compiled(self) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]] | None:
        """As :attr:`compiled`, for the forms of learned entries only (None when there are none)."""
        forms = {ff: e for ff, e in self.form_index.items() if self.entries[e].learned}
        return _compile(forms) if forms else None


def _compile(form_index: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    forms = dict(form_index)
    for ff, eid in list(forms.items()):  # «عبد العزيز» = «عبدالعزيز»
        for variant in (ff.replace("عبد ال", "عبدال"), ff.replace("عبدال", "عبد ال")):
            forms.setdefault(variant, eid)
    # Forms that start with the article also match after «ل» with the
    # alef dropped: «للكرملين» = ل + «لكرملين».
    lam: dict[str, str] = {}
    for ff in forms:
        if ff.startswith("ال") and len(ff) > 4:
            lam[ff[1:]] = ff
    main = trie_regex(forms)
    lam_re = trie_regex(lam)
    pattern = (
        rf"(?<!{WORDCHAR})(?:(?P<pre>{CONJ}?{PREP}|{CONJ})??(?P<name>{main})"
        rf"|(?P<lpre>{CONJ}?ل)(?P<lname>{lam_re}))(?!{WORDCHAR})"
    )
    return re.compile(pattern), lam, forms


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly *words*, longest first, built from a trie."""
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"

    def build(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            piece = _HSPACE if ch == " " else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _data_files() -> list[tuple[str, str]]:
    pkg = resources.files("kzcorpus") / "data"
    out: list[tuple[str, str]] = []
    names = sorted(p.name for p in pkg.iterdir() if p.name.endswith(".tsv"))
    for name in ["gazetteer.tsv"] + [n for n in names if n.startswith("entities_")]:
        res = pkg / name
        if res.is_file():
            out.append((name, res.read_text(encoding="utf-8")))
    return out


def parse_gazetteer(text: str, source: str) -> Parsed:
    """Parse gazetteer TSV *text* (see the header of ``data/gazetteer.tsv``).

    Columns: id, type, then one Arabic (or Latin) form per column; a form
    written ``~form`` is ambiguous.  Blank lines and ``#`` comments are
    skipped.  A bad line raises :class:`InputError` naming *source* and the
    line number.
    """
    entries: list[Entry] = []
    rules: list[ContextRule] = []
    adjectives: list[tuple[str, list[str]]] = []
    learned = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if n == 1 and cols[:2] == ["id", "type"]:
            continue  # a header row
        where = f"{source} line {n}"
        if cols[0] == "@learned":
            learned = True
            continue
        if cols[0] == "@adjective":
            if len(cols) < 3 or not cols[1] or not any(cols[2:]):
                raise InputError(f"{where}: an adjective line needs '@adjective<TAB>entity-id<TAB>form[<TAB>form…]'")
            adjectives.append((cols[1], [c for c in cols[2:] if c]))
            continue
        if cols[0] == "@context":
            if len(cols) < 4 or not all(cols[1:4]):
                raise InputError(f"{where}: a context rule needs '@context<TAB>from-id<TAB>to-id<TAB>trigger-id[…]'")
            rules.append(ContextRule(cols[1], cols[2], frozenset(c for c in cols[3:] if c)))
            continue
        if len(cols) < 3 or not cols[0]:
            raise InputError(
                f"{where}: expected tab-separated columns 'id<TAB>type<TAB>form[<TAB>form…]', got {line[:60]!r}"
                " (separate columns with tabs, not spaces)"
            )
        eid, etype = cols[0], cols[1].upper()
        if etype not in TYPES:
            raise InputError(f"{where}: unknown type {cols[1]!r} for {eid!r}; use one of {', '.join(TYPES)}")
        forms: list[str] = []
        ambiguous: set[str] = set()
        for c in cols[2:]:
            for f in c.split("|"):
                f = f.strip()
                if not f:
                    continue
                if f.startswith("~"):
                    f = f[1:].strip()
                    ambiguous.add(fold_form(f))
                if not fold_form(f) or not re.search(WORDCHAR, fold(f)):
                    raise InputError(f"{where}: form {f!r} of {eid!r} has no letters; give the name as written")
                forms.append(f)
        if not forms:
            raise InputError(f"{where}: {eid!r} has no forms; add at least one Arabic form after the type")
        entries.append(Entry(eid, etype, forms, source, ambiguous))
    for e in entries:  # «@learned» anywhere in the file marks all its entries
        e.learned = learned
    return Parsed(entries, rules, adjectives, learned)


def _learned_ok(gz: Gazetteer, entry: Entry) -> bool:
    """A learned entry keeps only the forms no earlier entry has; False when none is left or its id is taken
    (a names file learned before the lists grew)."""
    entry.forms = [f for f in entry.forms if gz._owner.get(fold_form(f)) is None]
    return bool(entry.forms) and gz.id_of(entry.id) is None


def load_gazetteer(extra: Sequence[str | Path] = ()) -> Gazetteer:
    """The package gazetteer plus user TSV files (which add or override)."""
    gz = Gazetteer()
    for name, text in _data_files():
        parsed = parse_gazetteer(text, name)
        for e in parsed.entries:
            e.source = "gazetteer"
            e.bulk = name in BULK_FILES
        gz.merge(parsed)
    for path in extra:
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read gazetteer {p}: {exc.strerror or exc}") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"gazetteer {p}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
        parsed = parse_gazetteer(text, str(p))
        for e in parsed.entries:
            e.source = f"gazetteer:{p.name}"
        if parsed.learned:  # learned names never take an entry or a form from the lists before them
            parsed.entries = [e for e in parsed.entries if _learned_ok(gz, e)]
        gz.merge(parsed)
    return gz
