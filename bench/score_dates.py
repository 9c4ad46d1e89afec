"""Score kzcorpus date expressions on the seed articles against the gold.

Usage: .venv/bin/python bench/score_dates.py [--errors]

Prints precision, recall and F1 (spans overlap and values are equal at the
gold's precision, GUIDELINES.md; optional gold lines neither reward nor
penalise) twice: with the seeds' metadata (``published`` from
seeds/metadata.csv) and without it (article dates inferred from the text).
``--errors`` lists the misses and the false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcorpus.corpus import Corpus  # noqa: E402
from kzcorpus.dates import article_date, find_dates  # noqa: E402
from kzcorpus.doc import Doc  # noqa: E402
from kzcorpus.evaluation.dates import score  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "dates.jsonl"


def run(with_metadata: bool) -> tuple[list[dict[str, Any]], float]:
    found: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for article in Corpus([str(ROOT / "seeds")]):
        if not with_metadata:
            article.meta = {}
        doc = Doc(article)  # one fold and one date scan for both calls
        anchor = article_date(doc)
        found.extend(m.record() for m in find_dates(doc, anchor=anchor))
    return found, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(
        f"gold: {sum(not g.get('optional') for g in gold)} dates ({sum(bool(g.get('optional')) for g in gold)} optional)"
    )
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    for label, meta in (("with metadata", True), ("without metadata", False)):
        found, elapsed = run(meta)
        res = score(found, gold)
        print(
            f"{label:18}{res['precision']:7.3f}{res['recall']:7.3f}{res['f1']:7.3f}"
            f"{res['tp']:5}{res['fp']:5}{res['fn']:5}   ({len(found)} found, {elapsed:.3f}s)"
        )
        if args.errors:
            for f in res["false_positives"]:
                print(f"   false alarm: {f['doc']} {f['start']}-{f['end']} «{f['text']}» {f['value']}")
            for g in res["false_negatives"]:
                print(f"   missed:      {g['doc']} {g['start']}-{g['end']} «{g['text']}» {g['value']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
