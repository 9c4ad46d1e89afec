"""Entity mentions judged for precision: ``dev4-entities`` (20 fresh SaudiNewsNet articles).

    .venv/bin/python bench/dev4_entities.py pick > bench/dev4-entities/ids.txt   # the 20 ids (seed 4711)
    .venv/bin/python bench/dev4_entities.py review   # every mention `kzcorpus entities --mentions` emits, with context
    .venv/bin/python bench/dev4_entities.py score    # precision from bench/dev4-entities/judged.tsv
    .venv/bin/python bench/dev4_entities.py score --gazetteer names.tsv   # ... with extra gazetteer files
    .venv/bin/python bench/dev4_entities.py review --new --gazetteer names.tsv   # only mentions not judged yet
    .venv/bin/python bench/dev4_entities.py score --ids bench/dev4-entities/ids.txt --ids bench/dev4-entities/ids2.txt
    .venv/bin/python bench/dev4_entities.py pick --size 200 | tail -n 180 > bench/dev4-entities/learned-ids.txt
    .venv/bin/python bench/dev4_entities.py learned-review --gazetteer names.tsv   # the names file's new mentions there
    .venv/bin/python bench/dev4_entities.py learned-score --gazetteer names.tsv    # ... their precision

``ids2.txt`` holds the next 20 articles of the walk (``pick --size 40``), a
second batch judged the same way.

The set is for precision only, like ``bench/dev3_dates.py`` for dates: no
full gold annotation, so no recall.  Every emitted mention is read against
the text (``../shared/gold/GUIDELINES.md`` and the decisions of
``bench/dev/README.md``, ``bench/dev2-entities/README.md`` and
``bench/holdout2/README.md``) and judged in ``bench/dev4-entities/judged.tsv``:
doc, start, end, type, text, verdict, class (and a free note), where the
verdict is ``ok``, ``fa`` (no entity there), ``type`` (the right span, the
wrong type) or ``span`` (overlaps a real entity of that type, wrong
boundaries); every verdict but ``ok`` has a class (``ok`` may carry
``optional``: a case the dev READMEs make optional, neither right nor wrong
for the gold scorer).  A mention emitted later that was never judged is
listed by ``score`` as ``unjudged`` and left out of the figures.

``score`` prints strict precision (``ok`` / judged) and the gold scorer's
view (``ok`` + ``span``: spans overlap and types agree), overall, per type
and per ``found_by`` family (``gazetteer``, ``gazetteer:<file>``,
``rule:title``, ``rule:head``, ..., ``alias``), then the count per class.

Rule of the pick (the walk of ``bench/devset.py`` ``pick-set``, its own
seed): every record of the 18 zips in loader order, shuffled with
``random.Random(4711)``, skipping empty texts, texts over 4,000 characters
and every pick of dev, holdout, dev2-dates, dev2-entities, holdout2,
holdout3, dev3-dates and dev3-check (ids from ``bench/devset.py``; the
hidden set's *files* are never read); the first 20 kept.  Articles are read
from ``../shared``; their text is never stored here.

``learned-review`` / ``learned-score`` measure a names file (``kzcorpus
entities --learn``, passed with ``--gazetteer``) on more text: the next 180
articles of the same walk (``learned-ids.txt``), where only the mentions the
file adds are listed and judged (found by ``gazetteer:<file>`` and absent,
with that span and type, from the run without the file), in the same
``judged.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devset  # noqa: E402

SEED = 4711
SIZE = 20
LONGEST = 4_000
#: every earlier set, by the name ``devset.set_ids`` knows (dev and holdout come from ``devset.pick``).
EARLIER = ("dev2-dates", "dev2-entities", "holdout2", "holdout3", "dev3-dates", "dev3-check")
DIR = ROOT / "bench" / "dev4-entities"
IDS = DIR / "ids.txt"
LEARNED_IDS = DIR / "learned-ids.txt"
JUDGED = DIR / "judged.tsv"
VERDICTS = ("ok", "fa", "type", "span")
CONTEXT = 40

Key = tuple[str, int, int, str]


def pick(size: int = SIZE) -> list[str]:
    dev, holdout = devset.pick()
    taken = set(dev) | set(holdout)
    for name in EARLIER:
        taken.update(devset.set_ids(name))
    return devset.walk(SEED, size, taken=taken, longest=LONGEST)


def emitted(gazetteers: list[str], *ids_files: Path) -> list[tuple[dict[str, Any], str]]:
    """Every mention record ``kzcorpus entities --mentions`` gives on the set, with its context."""
    from score_dates import dev_articles

    from kzcorpus.doc import Doc
    from kzcorpus.entities import doc_entities, load_gazetteer

    ids: list[str] = []
    for ids_file in ids_files or (IDS,):
        if not ids_file.is_file():
            raise SystemExit(f"dev4_entities: {ids_file} is absent: see this script's docstring")
        ids += ids_file.read_text(encoding="utf-8").split()
    gz = load_gazetteer(gazetteers)
    out: list[tuple[dict[str, Any], str]] = []
    for article in dev_articles(ids):
        t = article.text
        for m in doc_entities(Doc(article), gz)["mentions"]:
            s, e = m["start"], m["end"]
            ctx = t[max(0, s - CONTEXT) : s] + "[" + t[s:e] + "]" + t[e : e + CONTEXT]
            out.append((m, " ".join(ctx.split())))
    return out


def added(gazetteers: list[str]) -> list[tuple[dict[str, Any], str]]:
    """The mentions the names files add on the learned-ids articles: found by
    one of them and not emitted, with that span and type, without them."""
    if not gazetteers:
        raise SystemExit("dev4_entities: learned-review and learned-score need --gazetteer FILE")
    without = [m for m, _ in emitted([], LEARNED_IDS)]
    base = {(m["doc"], m["start"], m["end"], m["type"]) for m in without}
    files = {f"gazetteer:{Path(g).name}" for g in gazetteers}
    out = []
    for m, ctx in emitted(gazetteers, LEARNED_IDS):
        if m["found_by"] in files and (m["doc"], m["start"], m["end"], m["type"]) not in base:
            over = [b for b in without if b["doc"] == m["doc"] and b["start"] < m["end"] and m["start"] < b["end"]]
            out.append(({**m, "replaces": " ".join(f"«{b['text']}»" for b in over)}, ctx))
    return out


def replaced(found: list[tuple[dict[str, Any], str]], verdicts: dict[Key, tuple[str, str]]) -> None:
    """The added mentions split by whether they take the place of a mention found without the file."""
    for label, rows in (
        ("new (no mention there without the file)", [m for m, _ in found if not m["replaces"]]),
        ("replacing a mention found without the file", [m for m, _ in found if m["replaces"]]),
    ):
        c = Counter(verdicts.get((m["doc"], m["start"], m["end"], m["type"]), ("unjudged", ""))[0] for m in rows)
        print(f"  {label}: {len(rows)}, " + ", ".join(f"{v} {k}" for v, k in sorted(c.items())))


def judged() -> dict[Key, tuple[str, str]]:
    """``(doc, start, end, type)`` -> ``(verdict, class)``."""
    if not JUDGED.is_file():
        return {}
    out: dict[Key, tuple[str, str]] = {}
    with JUDGED.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 6 or row[5] not in VERDICTS or (row[5] != "ok" and (len(row) < 7 or not row[6])):
                raise SystemExit(f"dev4_entities: {JUDGED.name} line {n}: need doc start end type text verdict class")
            out[(row[0], int(row[1]), int(row[2]), row[3])] = (row[5], row[6] if len(row) > 6 else "")
    return out


def family(found_by: str) -> str:
    """``rule:title(الرئيس)`` -> ``rule:title``; ``alias:<id>`` -> ``alias``."""
    if found_by.startswith("alias:"):
        return "alias"
    return found_by.split("(", 1)[0]


def _line(label: str, verdicts: Counter[str]) -> str:
    n = sum(verdicts.values())
    strict = verdicts["ok"] / n if n else 0.0
    scorer = (verdicts["ok"] + verdicts["span"]) / n if n else 0.0
    parts = " ".join(f"{v} {verdicts[v]:3}" for v in VERDICTS[1:])
    return f"  {label:26}{n:5}{strict:8.3f}{scorer:8.3f}   {parts}"


def score(found: list[tuple[dict[str, Any], str]], verdicts: dict[Key, tuple[str, str]], label: str) -> None:
    overall: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {}
    by_family: dict[str, Counter[str]] = {}
    classes: Counter[tuple[str, str]] = Counter()
    optional = unjudged = 0
    for m, _ctx in found:
        v = verdicts.get((m["doc"], m["start"], m["end"], m["type"]))
        if v is None:
            unjudged += 1
            print(f"unjudged: {m['doc']} {m['start']}-{m['end']} «{m['text']}» {m['type']} [{m['found_by']}]")
            continue
        verdict, cls = v
        overall[verdict] += 1
        by_type.setdefault(m["type"], Counter())[verdict] += 1
        by_family.setdefault(family(m["found_by"]), Counter())[verdict] += 1
        if verdict != "ok":
            classes[(verdict, cls)] += 1
        elif cls == "optional":
            optional += 1
    n = sum(overall.values())
    print(f"{DIR.name}, {label}: {n} mentions judged ({optional} ok ones optional in the dev READMEs' terms)")
    print(f"  {'':26}{'n':>5}{'strict':>8}{'scorer':>8}   (strict: ok/n; scorer: (ok+span)/n)")
    print(_line("ALL", overall))
    for t in sorted(by_type):
        print(_line(t, by_type[t]))
    print("per found_by family:")
    for f, c in sorted(by_family.items(), key=lambda kv: -sum(kv[1].values())):
        print(_line(f, c))
    print("error classes:")
    for (verdict, cls), k in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:4}  {verdict:5} {cls}")
    if unjudged:
        print(f"  ({unjudged} emitted mentions not judged yet)")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("cmd", choices=("pick", "review", "score", "learned-review", "learned-score"))
    ap.add_argument(
        "--gazetteer", action="append", default=[], metavar="FILE", help="extra gazetteer file (repeatable)"
    )
    ap.add_argument("--new", action="store_true", help="review: only the mentions judged.tsv has no verdict for")
    ap.add_argument(
        "--ids",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="review/score: ids files (default ids.txt)",
    )
    ap.add_argument("--size", type=int, default=SIZE, help=f"pick: how many ids (default {SIZE})")
    args = ap.parse_args()
    if args.cmd == "pick":
        for rid in pick(args.size):
            print(rid)
        return 0
    found = added(args.gazetteer) if args.cmd.startswith("learned-") else emitted(args.gazetteer, *args.ids)
    verdicts = judged()
    if args.cmd in ("review", "learned-review"):
        for m, ctx in found:
            key = (m["doc"], m["start"], m["end"], m["type"])
            if args.new and key in verdicts:
                continue
            was = f"\twas {m['replaces']}" if m.get("replaces") else ""
            print(
                f"{m['doc']}\t{m['start']}\t{m['end']}\t{m['type']}\t{m['text']}\t{m['found_by']}\t{m['id']}\t{ctx}{was}"
            )
        return 0
    label = "mentions the names files add (learned-ids.txt)"
    if args.cmd == "score":
        label = f"every mention emitted ({' + '.join(f.name for f in args.ids or [IDS])})"
    score(found, verdicts, label)
    if args.cmd == "learned-score":
        replaced(found, verdicts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
