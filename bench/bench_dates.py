"""Speed of date extraction: kzcorpus against dateparser, in one run.

Usage: .venv/bin/python bench/bench_dates.py [--repeats N] [--zip PATH]

On the seed articles, times ``kzcorpus.dates.find_dates`` (with the
article-date step) and ``dateparser.search.search_dates(text,
languages=['ar'])`` on the same texts, alternately, and prints the median
of each over the repeats and their ratio.  The garbage collector is paused
while each side is timed (as ``timeit`` does).  dateparser is a benchmark-only
dependency (``pip install -e '.[bench]'``); without it only kzcorpus is
timed.  If a SaudiNewsNet zip is present (default: the first of
../shared/corpora/saudinewsnet beside the clone), kzcorpus is also timed on it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcorpus.corpus import Article, Corpus  # noqa: E402
from kzcorpus.dates import find_dates  # noqa: E402

# ../shared beside the clone, as on CI and the developers' machines.
SNN = ROOT.parent / "shared" / "corpora" / "saudinewsnet"


def time_kz(articles: list[Article]) -> tuple[float, int]:
    gc.collect()
    gc.disable()  # as timeit does: collector pauses are not the code's time
    try:
        t0 = time.perf_counter()
        n = sum(len(find_dates(a)) for a in articles)
        return time.perf_counter() - t0, n
    finally:
        gc.enable()


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--zip", help="a SaudiNewsNet-style zip to time kzcorpus on")
    args = ap.parse_args()
    seeds = list(Corpus([str(ROOT / "seeds")]))
    chars = sum(len(a.text) for a in seeds)
    print(f"seeds: {len(seeds)} articles, {chars} characters; {args.repeats} repeats, medians")
    find_dates(seeds[0])  # warm up: compile patterns, import hijridate if needed
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
        print("dateparser is not installed (pip install -e '.[bench]'): timing kzcorpus only")
    kz: list[float] = []
    dp: list[float] = []
    n_kz = n_dp = 0
    if search_dates is not None:
        search_dates(seeds[0].text[:200], languages=["ar"])  # warm up its language data
    for _ in range(args.repeats):
        t, n_kz = time_kz(seeds)
        kz.append(t)
        if search_dates is not None:
            gc.collect()
            gc.disable()
            try:
                t0 = time.perf_counter()
                n_dp = 0
                for a in seeds:
                    res = search_dates(a.text, languages=["ar"])
                    n_dp += len(res or [])
                dp.append(time.perf_counter() - t0)
            finally:
                gc.enable()
    kz_med = statistics.median(kz)
    print(f"kzcorpus find_dates      median {kz_med * 1000:9.1f} ms  ({n_kz} dates, with offsets)")
    if dp:
        dp_med = statistics.median(dp)
        print(f"dateparser search_dates  median {dp_med * 1000:9.1f} ms  ({n_dp} dates, no offsets)")
        print(f"ratio: kzcorpus is {dp_med / kz_med:.0f}x faster")
    zpath = (
        Path(args.zip) if args.zip else (min(SNN.glob("*.zip")) if SNN.is_dir() and any(SNN.glob("*.zip")) else None)
    )
    if zpath is None or not zpath.exists():
        print("no SaudiNewsNet zip found (looked in {SNN}): skipped")
        return 0
    articles = list(Corpus([str(zpath)]))
    zchars = sum(len(a.text) for a in articles)
    t, n = time_kz(articles)
    print(
        f"{zpath.name}: {len(articles)} articles, {zchars / 1e6:.1f}M characters: "
        f"{t:.2f}s, {n} dates ({zchars / t / 1e6:.2f}M chars/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
