"""Learned boilerplate on SaudiNewsNet: what the first pass costs, what it finds.

Reads ../shared/corpora/saudinewsnet (says so and stops when it is absent).
Measures, as medians of interleaved runs, reading every article
(``list(Corpus(...))``) and learning the boilerplate from a fresh corpus
(``Corpus(...).boilerplate()``: reading plus the line pass), and reports the
pass as a ratio of the read; then, per outlet, the learned lines and tails
and how many articles and lines become residue.

    python bench/bench_boilerplate.py [--repeats 3] [--days 2015-07-21 …]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from kzcorpus.corpus import Corpus
from kzcorpus.doc import Doc

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--days", nargs="*", default=[], help="zip stems (default: all 18 days)")
    args = ap.parse_args()
    if not SNN.is_dir():
        print(f"SaudiNewsNet is absent ({SNN}): nothing measured")
        return 0
    specs = [str(SNN / f"{d}.zip") for d in args.days] or [str(SNN)]
    read, learn = [], []
    for _ in range(args.repeats):
        t = time.perf_counter()
        n = sum(1 for _ in Corpus(specs))
        read.append(time.perf_counter() - t)
        t = time.perf_counter()
        Corpus(specs).boilerplate()
        learn.append(time.perf_counter() - t)
    r, lp = statistics.median(read), statistics.median(learn)
    print(f"{n:,} articles: read {r:.2f} s, read + learn {lp:.2f} s (median of {args.repeats}; {lp / r:.2f}x the read)")
    corpus = Corpus(specs)
    model = corpus.boilerplate()
    arts: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for a in corpus:
        src = a.source or ""
        arts[src] += 1
        before = {(p.line, p.start) for p in Doc(a).parts if p.part == "residue"}
        new = [p for p in Doc(a, model).parts if p.part == "residue" and (p.line, p.start) not in before]
        changed[src] += bool(new)
        lines[src] += len(new)
    print("source       articles  learned lines  tails  articles changed  new residue parts")
    for src, k in arts.most_common():
        o = model.outlet(src)
        print(f"{src or '-':12s} {k:8,d} {len(o.lines):14d} {len(o.tails):6d} {changed[src]:17,d} {lines[src]:18,d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
