"""Score kzcorpus entity mentions on the seed articles against the gold.

Usage: .venv/bin/python bench/score_entities.py [--errors | --typed-errors] [--gazetteer FILE] [--dev DIR]

``--dev DIR`` scores a SaudiNewsNet set (``bench/dev``, ``bench/holdout``:
``entities.jsonl`` and ``doc_dates.json``) instead of the seeds; the
articles are read from ../shared.

Prints precision, recall and F1 per type (spans overlap and types agree,
GUIDELINES.md) and for linking (same id too); optional gold lines neither
reward nor penalise.  ``--errors`` lists the misses and the false alarms
for linking (type and id), ``--typed-errors`` for the typed score (type only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcorpus.corpus import Corpus  # noqa: E402
from kzcorpus.entities import TYPES, find_mentions, load_gazetteer  # noqa: E402
from kzcorpus.evaluation.entities import score  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "entities.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms (type and id)")
    ap.add_argument("--typed-errors", action="store_true", help="list misses and false alarms (type only)")
    ap.add_argument("--gazetteer", action="append", default=[], help="extra gazetteer TSV")
    ap.add_argument("--dev", metavar="DIR", help="score the SaudiNewsNet set DIR instead of the seeds")
    args = ap.parse_args()
    gold_file = Path(args.dev) / "entities.jsonl" if args.dev else GOLD
    gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.dev:
        from score_dates import dev_articles  # the same loader (../shared, kzcorpus's own Corpus)

        ids = list(dict.fromkeys(g["doc"] for g in gold))
        dd = Path(args.dev) / "doc_dates.json"  # absent from an entities-only set (bench/dev2-entities)
        docs = json.loads(dd.read_text(encoding="utf-8")) if dd.is_file() else {}
        articles = dev_articles(ids + [i for i in docs if i not in ids])
    else:
        articles = list(Corpus([str(ROOT / "seeds")]))
    t0 = time.perf_counter()
    gz = load_gazetteer(args.gazetteer)
    found = []
    texts = {}
    for article in articles:
        texts[article.id] = article.text
        found.extend(m.record() for m in find_mentions(article, gz))
    elapsed = time.perf_counter() - t0
    res = score(found, gold)
    print(f"{len(found)} mentions found, {sum(not g.get('optional') for g in gold)} gold ({elapsed:.2f}s)")
    print(f"{'':8}{'P':>7}{'R':>7}{'F1':>7}   linking{'P':>7}{'R':>7}{'F1':>7}")
    for t in [*TYPES, "ALL"]:
        a, b = res["typed"][t], res["linking"][t]
        print(
            f"{t:8}{a['precision']:7.3f}{a['recall']:7.3f}{a['f1']:7.3f}   {'':7}"
            f"{b['precision']:7.3f}{b['recall']:7.3f}{b['f1']:7.3f}"
        )
    if args.errors or args.typed_errors:
        _errors(found, gold, linking=args.errors)
    return 0


def _errors(found: list[dict], gold: list[dict], *, linking: bool = True) -> None:
    def over(a: dict, b: dict) -> bool:
        return a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"]

    print("\nmissed (gold not matched with type and id):")
    for g in gold:
        if g.get("optional"):
            continue
        if not any(over(f, g) and f["type"] == g["type"] and (not linking or f["id"] == g["id"]) for f in found):
            near = [f"{f['text']}/{f['type']}/{f['id']}" for f in found if over(f, g)]
            print(f"  {g['doc'][:3]} {g['start']:>5} {g['text']} {g['type']} {g['id']}  found: {near}")
    print("\nfalse alarms (found, no gold with the same type and id):")
    for f in found:
        gs = [g for g in gold if over(f, g)]
        if gs and all(g.get("optional") for g in gs):
            continue
        if not any(g["type"] == f["type"] and (not linking or g["id"] == f["id"]) for g in gs):
            print(
                f"  {f['doc'][:3]} {f['start']:>5} {f['text']} {f['type']} {f['id']} [{f['found_by']}]  gold: {[g['text'] for g in gs]}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
