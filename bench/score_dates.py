"""Score kzcorpus date expressions against hand-annotated gold.

Usage: .venv/bin/python bench/score_dates.py [--errors]
       .venv/bin/python bench/score_dates.py --dev bench/dev [--errors]
       .venv/bin/python bench/score_dates.py --dev bench/dev2-dates --half 1 [--errors]

Without ``--dev``: the seed articles against ``tests/data/gold/dates.jsonl``,
printed twice: with the seeds' metadata (``published`` from
seeds/metadata.csv) and without it (article dates inferred from the text).

With ``--dev DIR``: the SaudiNewsNet articles of ``DIR/dates.jsonl`` (ids such
as ``2015-07-23:1275``), read with kzcorpus's own :class:`Corpus` from
``../shared/corpora/saudinewsnet/<day>.zip`` beside the clone and anchored on
their metadata date as the CLI does; every false alarm and miss is listed
with ``--errors``.  Never point it at ``bench/holdout`` while tuning.
``--half 1`` / ``--half 2`` scores only the first / second half of the set's
articles in pick order (``DIR/doc_dates.json``'s order): ``bench/dev2-dates``
keeps its second half untouched until the final measurement.

Precision, recall and F1: spans overlap and values are equal at the gold's
precision (GUIDELINES.md); optional gold lines neither reward nor penalise.
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

from kzcorpus.corpus import Article, Corpus  # noqa: E402
from kzcorpus.dates import article_date, find_dates  # noqa: E402
from kzcorpus.doc import Doc  # noqa: E402
from kzcorpus.evaluation.dates import score  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "dates.jsonl"
SAUDINEWSNET = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def run(articles: list[Article], with_metadata: bool = True) -> tuple[list[dict[str, Any]], float]:
    found: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for article in articles:
        if not with_metadata:
            article.meta = {}
        doc = Doc(article)  # one fold and one date scan for both calls
        anchor = article_date(doc)
        found.extend(m.record() for m in find_dates(doc, anchor=anchor))
    return found, time.perf_counter() - t0


def dev_articles(ids: list[str]) -> list[Article]:
    """The articles *ids* (``<day>:<n>``) from the SaudiNewsNet zips, in *ids* order."""
    wanted = set(ids)
    by_id: dict[str, Article] = {}
    for day in sorted({i.split(":")[0] for i in ids}):
        for article in Corpus([str(SAUDINEWSNET / f"{day}.zip")]):
            if article.id in wanted:
                by_id[article.id] = article
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise SystemExit(f"score_dates: not found in {SAUDINEWSNET}: {', '.join(missing)}")
    return [by_id[i] for i in ids]


def read_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def header(gold: list[dict[str, Any]]) -> None:
    print(
        f"gold: {sum(not g.get('optional') for g in gold)} dates ({sum(bool(g.get('optional')) for g in gold)} optional)"
    )
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")


def report(label: str, found: list[dict[str, Any]], gold: list[dict[str, Any]], elapsed: float, errors: bool) -> None:
    res = score(found, gold)
    print(
        f"{label:18}{res['precision']:7.3f}{res['recall']:7.3f}{res['f1']:7.3f}"
        f"{res['tp']:5}{res['fp']:5}{res['fn']:5}   ({len(found)} found, {elapsed:.3f}s)"
    )
    if errors:
        for f in res["false_positives"]:
            print(f"   false alarm: {f['doc']} {f['start']}-{f['end']} «{f['text']}» {f['value']}")
        for g in res["false_negatives"]:
            print(f"   missed:      {g['doc']} {g['start']}-{g['end']} «{g['text']}» {g['value']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--dev", metavar="DIR", help="score the SaudiNewsNet set DIR (dates.jsonl) instead of the seeds")
    ap.add_argument(
        "--half", type=int, choices=(1, 2), help="with --dev: only the first or second half of the articles"
    )
    args = ap.parse_args()
    if args.half and not args.dev:
        ap.error("--half needs --dev")
    gold = read_gold(Path(args.dev) / "dates.jsonl" if args.dev else GOLD)
    if args.dev:
        ids = list(dict.fromkeys(g["doc"] for g in gold))
        docs = json.loads((Path(args.dev) / "doc_dates.json").read_text(encoding="utf-8"))
        ids += [i for i in docs if i not in ids]  # articles without a date are scored too (false alarms)
        if args.half:
            ordered = list(docs) + [i for i in ids if i not in docs]
            cut = (len(ordered) + 1) // 2
            keep = set(ordered[:cut] if args.half == 1 else ordered[cut:])
            ids = [i for i in ordered if i in keep]
            gold = [g for g in gold if g["doc"] in keep]
        header(gold)
        found, elapsed = run(dev_articles(ids))
        report(f"{args.dev}" + (f" half {args.half}" if args.half else ""), found, gold, elapsed, args.errors)
        return 0
    seeds = str(ROOT / "seeds")
    header(gold)
    for label, meta in (("with metadata", True), ("without metadata", False)):
        found, elapsed = run(list(Corpus([seeds])), meta)
        report(label, found, gold, elapsed, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
