"""Pick, show and check the hand-annotated SaudiNewsNet dev and holdout sets.

    python bench/devset.py pick           # the 20 dev ids, then the 10 holdout ids
    python bench/devset.py pick-set NAME  # a further set's ids (dev2-dates, dev2-entities, holdout2, holdout3), disjoint from both
    python bench/devset.py text ID        # one article's text, for annotators
    python bench/devset.py find ID WORDS  # offsets of WORDS in that article's text
    python bench/devset.py check DIR      # verify bench/dev or bench/holdout
    python bench/devset.py ids DIR        # DIR's entity ids with their surface forms (entity_ids.tsv)

Articles are read from ``../shared/corpora/saudinewsnet/*.zip`` beside the
clone (the 18 daily zips, 31,030 records); the text is never stored in the
repository, only offsets and the few words of each mention.

Ids are the ones the kzcorpus loader gives (``kzcorpus/corpus.py``,
``_read_zip`` and ``_records``): a record without ``id`` is called
``<member stem>:<n>``, where the member stem is the JSON file's name inside
the zip without ``.json`` (the same as the zip's stem for these files) and
``n`` counts the array's records from 1, empty ones included, e.g.
``2015-07-21:17``.  The text is the record's ``text`` field, else
``content``, exactly as decoded (no newline translation), so every offset in
the annotation files is a Python ``str`` index into what ``kzcorpus`` reads.

Picking rule (fixed; changing it changes the sets):

1. List every record of the 18 zips in loader order (zips sorted by name,
   records in array order): 31,030 records.
2. Shuffle that list with ``random.Random(2015)``.
3. Walk the shuffled list, skipping records whose text is empty or only
   white space (354 of 31,030), and records longer than 12,000 characters (73 of 31,030;
   too long to annotate by hand in the time allowed -- a pick that long is
   simply passed over and the walk draws the next one).
4. The first 20 kept records are the dev set, the next 10 the holdout set.

So each set is a uniform sample, without replacement, of the non-empty
articles of at most 12,000 characters.

Named sets (``python bench/devset.py pick-set NAME``), each disjoint from
dev and holdout and drawn with its own seed:

- ``dev2-dates`` (seed 4437, 20 records, into ``bench/dev2-dates``): fresh
  text for the date extractor after the dev set had been tuned on.  Same
  walk as above (loader order, shuffled with ``random.Random(4437)``,
  non-empty, at most 12,000 characters), skipping the dev and holdout ids and
  keeping only records whose text holds at least one *date cue*
  (``DATE_CUE_RE``): a four-digit number 1300-1499 or 1900-2099 standing
  alone, or a Gregorian, Levantine or Hijri month name as a word (11,595 of
  the 30,603 non-empty records of at most 12,000 characters have one).  The
  cue only makes the sample richer in dates: an article passes on a number or
  a month-like word that is not a date just as well.  The first 10 are scored before any change (the "before" of the
  round), the last 10 are kept untouched until the final measurement.

Further sets (``pick-set NAME``, :data:`EXTRA_SETS`) follow the same walk
with their own seed and size limit, and also skip every dev and holdout
pick: ``dev2-entities`` (15 articles for entity mentions only, annotated in
``bench/dev2-entities/``) shuffles with ``random.Random(7021)`` and keeps
records of at most 3,000 characters (shorter, so 15 can be annotated by hand
in one session; the limit is part of the rule, so the set samples the
shorter two thirds of the corpus, not all of it).  ``holdout2`` (10 articles
annotated for entities and dates in ``bench/holdout2/``, a fresh untouched
evaluation set) shuffles with ``random.Random(9091)``, keeps records of at
most 4,000 characters and also skips every pick of ``dev2-dates`` and
``dev2-entities`` (:data:`ALSO_SKIP`), so it shares no article with any
earlier set.  ``holdout3`` (12 articles annotated for entities and dates in
``bench/holdout3/``, the next untouched evaluation set) shuffles with
``random.Random(6151)``, keeps records of at most 4,000 characters and skips
every pick of ``dev2-dates``, ``dev2-entities`` and ``holdout2`` and the ids
listed in ``bench/dev3-dates/ids.txt`` and ``bench/dev3-check/ids.txt`` (sets
picked by ``bench/dev3_dates.py``, :data:`ID_FILE_SETS`), so it too shares no
article with any earlier set.  Sets in :data:`ENTITIES_ONLY` have no dates files.

``check DIR`` reads ``DIR/dates.jsonl``, ``DIR/entities.jsonl`` and
``DIR/doc_dates.json`` and verifies, for every line, that
``text[start:end] == line["text"]`` and that the fields follow
``../shared/gold/GUIDELINES.md`` (types, kinds, value formats, order, one
line per span, one type per id, a ``doc_dates.json`` entry per article); it
exits 1 and lists the faults if any.  Besides the guidelines' fields, a date
line may carry ``hijri``: the Hijri value at the text's precision
(``1436-10-25``) when the text writes a Hijri date, whose ``value`` is then
the Gregorian equivalent (Umm al-Qura); ``doc_dates.json`` entries carry
``from_text`` (what the text alone shows, or null) beside ``value`` and
``evidence``.  The decisions taken where the guidelines are silent are in
``bench/dev/README.md``.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import zipfile
from collections.abc import Container, Iterator
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "saudinewsnet"
SEED = 2015
DEV_SIZE = 20
HOLDOUT_SIZE = 10
MAX_CHARS = 12_000
#: name -> (seed, size, longest text): sets picked after dev and holdout, disjoint from them.
EXTRA_SETS: dict[str, tuple[int, int, int]] = {
    "dev2-entities": (7021, 15, 3_000),
    "holdout2": (9091, 10, 4_000),
    "holdout3": (6151, 12, 4_000),
}
#: extra sets annotated for entities only (no dates.jsonl, no doc_dates.json).
ENTITIES_ONLY = {"dev2-entities"}
#: sets picked by another script, whose ids are listed one a line in ``bench/NAME/ids.txt``.
ID_FILE_SETS = {"dev3-dates", "dev3-check"}  # bench/dev3_dates.py
#: extra set -> further sets (named, extra or id-file sets) whose picks it skips besides dev and holdout.
ALSO_SKIP: dict[str, tuple[str, ...]] = {
    "holdout2": ("dev2-dates", "dev2-entities"),
    "holdout3": ("dev2-dates", "dev2-entities", "holdout2", "dev3-dates", "dev3-check"),
}
TEXT_FIELDS = ("text", "content")  # as kzcorpus.corpus.TEXT_FIELDS
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين"
    "|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة"
)
DATE_CUE_RE = re.compile(rf"(?<![\d\w])(?:1[34]\d\d|19\d\d|20\d\d|{_MONTHS})(?![\d\w])")
#: name -> (seed, size, needs a date cue); each is drawn after skipping dev and holdout.
NAMED_SETS: dict[str, tuple[int, int, bool]] = {"dev2-dates": (4437, 20, True)}

ENTITY_TYPES = {"PER", "LOC", "ORG", "MISC"}
DATE_KINDS = {"year", "month", "day", "datetime", "relative"}
VALUE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?$")
DATE_KEYS = {"doc", "start", "end", "text", "value", "kind", "optional", "implicit_year", "hijri", "note"}
OPTIONAL_KEYS = {"implicit_year", "hijri", "note"}
ENTITY_KEYS = {"doc", "start", "end", "text", "type", "id", "optional", "note"}


def die(message: str) -> NoReturn:
    print(f"devset: {message}", file=sys.stderr)
    raise SystemExit(2)


def zips() -> list[Path]:
    if not CORPUS.is_dir():
        die(
            f"{CORPUS} is absent: the SaudiNewsNet zips are read from ../shared beside the clone "
            "(shared/corpora/saudinewsnet/*.zip); they are not in the repository"
        )
    found = sorted(CORPUS.glob("*.zip"))
    if not found:
        die(f"{CORPUS} holds no .zip files")
    return found


def records() -> Iterator[tuple[str, dict[str, Any]]]:
    """``(id, record)`` for every record, in loader order, ids as kzcorpus gives them."""
    for path in zips():
        yield from _zip_records(path)


def body(rec: dict[str, Any]) -> str:
    return next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str)), "")


@functools.cache  # every walk reads the zips once
def bodies() -> list[tuple[str, str]]:
    """``(id, text)`` of every record, in loader order."""
    return [(rid, body(rec)) for rid, rec in records()]


def walk(seed: int, size: int, *, taken: Container[str] = (), longest: int = MAX_CHARS, cue: bool = False) -> list[str]:
    """The first *size* ids of every record shuffled with ``random.Random(seed)``,
    skipping empty texts, texts over *longest* characters, the ids in *taken*
    and, with *cue*, texts without a date cue (:data:`DATE_CUE_RE`): the one
    rule every set of this directory is picked by, each with its own seed."""
    allrecs = bodies()
    order = list(range(len(allrecs)))
    random.Random(seed).shuffle(order)
    out: list[str] = []
    for i in order:
        rid, text = allrecs[i]
        if rid in taken or not text.strip() or len(text) > longest or (cue and not DATE_CUE_RE.search(text)):
            continue
        out.append(rid)
        if len(out) == size:
            break
    return out


@functools.cache  # every set skips these
def pick() -> tuple[list[str], list[str]]:
    kept = walk(SEED, DEV_SIZE + HOLDOUT_SIZE)
    return kept[:DEV_SIZE], kept[DEV_SIZE:]


def pick_named(name: str) -> list[str]:
    """The ids of the named set *name* (``NAMED_SETS``), disjoint from dev and holdout."""
    seed, size, needs_cue = NAMED_SETS[name]
    return walk(seed, size, taken={i for ids in pick() for i in ids}, cue=needs_cue)


def pick_extra(name: str) -> list[str]:
    """The ids of the extra set *name* (:data:`EXTRA_SETS`), in pick order."""
    seed, size, longest = EXTRA_SETS[name]
    dev, holdout = pick()
    taken = set(dev) | set(holdout)
    for other in ALSO_SKIP.get(name, ()):
        taken.update(set_ids(other))
    return walk(seed, size, taken=taken, longest=longest)


@functools.cache
def set_ids(name: str) -> list[str]:
    """The ids of the named, extra or id-file set *name*."""
    if name in NAMED_SETS:
        return pick_named(name)
    if name in EXTRA_SETS:
        return pick_extra(name)
    if name in ID_FILE_SETS:
        path = ROOT / "bench" / name / "ids.txt"
        if not path.is_file():
            die(f"{path} is absent: it lists the ids of the {name} set")
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    die(f"no set called {name!r}")


def texts(wanted: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    stems = {w.split(":", 1)[0] for w in wanted}
    for path in zips():
        if path.stem not in stems:
            continue
        for rid, rec in _zip_records(path):
            if rid in wanted:
                out[rid] = body(rec)
    missing = wanted - set(out)
    if missing:
        die(f"no article {', '.join(sorted(missing))} in {CORPUS}")
    return out


def _zip_records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            member = Path(info.filename)
            data = json.loads(zf.read(info).decode("utf-8"))
            for n, rec in enumerate(data, 1):
                rid = rec.get("id")
                yield (str(rid) if rid not in (None, "") else f"{member.stem}:{n}"), rec


def read_jsonl(path: Path, faults: list[str]) -> list[dict[str, Any]]:
    if not path.is_file():
        faults.append(f"{path}: missing")
        return []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            faults.append(f"{path}:{n}: invalid JSON ({exc.msg})")
    return rows


def check(directory: Path) -> int:
    faults: list[str] = []
    extra = directory.resolve().name in EXTRA_SETS
    entities_only = directory.resolve().name in ENTITIES_ONLY  # no dates, no doc_dates.json
    dates = [] if entities_only else read_jsonl(directory / "dates.jsonl", faults)
    entities = read_jsonl(directory / "entities.jsonl", faults)
    doc_dates: dict[str, Any] = {}
    dd_path = directory / "doc_dates.json"
    if dd_path.is_file():
        doc_dates = json.loads(dd_path.read_text(encoding="utf-8"))
    elif not entities_only:
        faults.append(f"{dd_path}: missing")
    docs = {r.get("doc") for r in dates + entities} | set(doc_dates)
    docs.discard(None)
    corpus = texts({str(d) for d in docs})

    dev, holdout = pick()
    name = directory.resolve().name
    split = {"dev": dev, "holdout": holdout}.get(name)
    if name in NAMED_SETS or extra:
        split = set_ids(name)
        dev, holdout = split, []
    if split is not None:
        stray = sorted(str(d) for d in docs if d not in split)
        if stray:
            faults.append(f"{directory}: articles not in the {directory.resolve().name} picks: {', '.join(stray)}")
        undated = sorted(set(split) - set(doc_dates))
        if undated and doc_dates:
            faults.append(f"{dd_path}: no entry for {', '.join(undated)}")

    for name, rows, keys in (("dates.jsonl", dates, DATE_KEYS), ("entities.jsonl", entities, ENTITY_KEYS)):
        prev: tuple[int, int] | None = None
        order = {d: i for i, d in enumerate(dev + holdout)}
        seen: set[tuple[str, int, int]] = set()
        for n, row in enumerate(rows, 1):
            where = f"{directory / name}:{n}"
            unknown = set(row) - keys
            if unknown:
                faults.append(f"{where}: unknown fields {sorted(unknown)}")
            need = keys - OPTIONAL_KEYS
            lacking = need - set(row)
            if lacking:
                faults.append(f"{where}: missing fields {sorted(lacking)}")
                continue
            doc, start, end = row["doc"], row["start"], row["end"]
            text = corpus.get(doc, "")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                faults.append(f"{where}: bad offsets {start}-{end} (text has {len(text)} characters)")
                continue
            if text[start:end] != row["text"]:
                faults.append(f"{where}: text[{start}:{end}] is «{text[start:end]}», not «{row['text']}»")
            if row["text"] != row["text"].strip():
                faults.append(f"{where}: span has white space at an edge")
            if (doc, start, end) in seen:
                faults.append(f"{where}: duplicate span")
            seen.add((doc, start, end))
            key = (order.get(doc, -1), start)
            if prev is not None and key < prev:
                faults.append(f"{where}: not sorted by doc (pick order) then start")
            prev = key
            if not isinstance(row["optional"], bool):
                faults.append(f"{where}: optional must be true or false")
            if name == "dates.jsonl":
                if row["kind"] not in DATE_KINDS:
                    faults.append(f"{where}: kind {row['kind']!r} not one of {sorted(DATE_KINDS)}")
                if not VALUE_RE.match(str(row["value"])):
                    faults.append(
                        f"{where}: value {row['value']!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm"
                    )
                if "hijri" in row and not VALUE_RE.match(str(row["hijri"])):
                    faults.append(f"{where}: hijri {row['hijri']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
                if "implicit_year" in row and row["implicit_year"] is not True:
                    faults.append(f"{where}: implicit_year is written only when true")
            else:
                if row["type"] not in ENTITY_TYPES:
                    faults.append(f"{where}: type {row['type']!r} not one of {sorted(ENTITY_TYPES)}")
                if not str(row["id"]).strip():
                    faults.append(f"{where}: empty id")
    for doc, entry in doc_dates.items():
        if not isinstance(entry, dict) or not VALUE_RE.match(str(entry.get("value", ""))) or not entry.get("evidence"):
            faults.append(f"{dd_path}: {doc}: needs a value (YYYY[-MM[-DD]]) and evidence")
    # One id, one type.
    types: dict[str, set[str]] = {}
    for row in entities:
        types.setdefault(str(row.get("id")), set()).add(str(row.get("type")))
    for eid, ts in sorted(types.items()):
        if len(ts) > 1:
            faults.append(f"{directory / 'entities.jsonl'}: id {eid!r} has several types {sorted(ts)}")

    for fault in faults:
        print(fault)
    print(
        f"{directory}: {len(docs)} articles, {len(dates)} dates ({sum(bool(r.get('optional')) for r in dates)} optional), "
        f"{len(entities)} entities ({sum(bool(r.get('optional')) for r in entities)} optional): "
        + (f"{len(faults)} faults" if faults else "clean")
    )
    return 1 if faults else 0


def entity_ids(directory: Path) -> int:
    """Print ``entity_ids.tsv`` for DIR: id, type, mentions, surface forms (as the seed gold's)."""
    faults: list[str] = []
    rows = read_jsonl(directory / "entities.jsonl", faults)
    for fault in faults:
        print(fault, file=sys.stderr)
    forms: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        seen = forms.setdefault((str(row["id"]), str(row["type"])), {})
        seen[row["text"]] = seen.get(row["text"], 0) + 1
    print("id\ttype\tmentions\tsurface_forms")
    order = {"LOC": 0, "MISC": 1, "ORG": 2, "PER": 3}
    for (eid, etype), counts in sorted(forms.items(), key=lambda kv: (order.get(kv[0][1], 9), kv[0][0])):
        listed = " | ".join(f"{form} ({n})" for form, n in sorted(counts.items(), key=lambda fc: (-fc[1], fc[0])))
        print(f"{eid}\t{etype}\t{sum(counts.values())}\t{listed}")
    return 1 if faults else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("pick", help="print the dev ids, then the holdout ids")
    p_named = sub.add_parser(
        "pick-set", help="print the ids of a further set: " + ", ".join([*NAMED_SETS, *EXTRA_SETS])
    )
    p_named.add_argument("name", choices=sorted([*NAMED_SETS, *EXTRA_SETS]))
    p_text = sub.add_parser("text", help="print one article's text")
    p_text.add_argument("id")
    p_find = sub.add_parser("find", help="offsets of WORDS in one article's text")
    p_find.add_argument("id")
    p_find.add_argument("words")
    p_check = sub.add_parser("check", help="verify the annotation files in DIR")
    p_check.add_argument("dir", type=Path)
    p_ids = sub.add_parser("ids", help="print DIR's entity ids, types and surface forms (entity_ids.tsv)")
    p_ids.add_argument("dir", type=Path)
    args = ap.parse_args()
    if args.cmd == "pick":
        dev, holdout = pick()
        for rid in dev:
            print(f"dev\t{rid}")
        for rid in holdout:
            print(f"holdout\t{rid}")
        return 0
    if args.cmd == "pick-set":
        for rid in set_ids(args.name):
            print(f"{args.name}\t{rid}")
        return 0
    if args.cmd == "text":
        sys.stdout.write(texts({args.id})[args.id])
        sys.stdout.write("\n")
        return 0
    if args.cmd == "find":
        text = texts({args.id})[args.id]
        for m in re.finditer(re.escape(args.words), text):
            print(f"{m.start()}\t{m.end()}\t{text[max(0, m.start() - 30) : m.end() + 30]!r}")
        return 0
    if args.cmd == "ids":
        return entity_ids(args.dir)
    return check(args.dir)


if __name__ == "__main__":
    raise SystemExit(main())
