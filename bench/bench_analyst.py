"""trend and collocates on all of SaudiNewsNet, against a cold kwic of the same query.

Targets (issue 10): trend and collocates at most 3x a cold ``kwic QUERY
--count``; with an index, at most 5 s.  Reads ../shared/corpora/saudinewsnet
(says so and exits 0 when absent); builds an index in a temporary directory
(or uses --index PATH).  Also checks what must hold whatever the timing:
trend's hits add up to kwic --count's total, and the index changes nothing.

    python bench/bench_analyst.py [--query السعودية] [--index PATH] [--repeats 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ensure_index

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
KZ = [sys.executable, "-m", "kzcorpus"]


def run(args: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    done = subprocess.run([*KZ, *args], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: kzcorpus {' '.join(args)}\n{done.stderr}")
    return elapsed, done.stdout


def best(args: list[str], repeats: int) -> tuple[float, str]:
    runs = [run(args) for _ in range(repeats)]
    return min(t for t, _ in runs), runs[0][1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--query", default="السعودية")
    ap.add_argument("--index", default=None)
    ap.add_argument("--repeats", type=int, default=1)
    opts = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"SaudiNewsNet not found at {CORPUS}: nothing measured")
        return 0
    glob = str(CORPUS / "*.zip")
    q = opts.query
    print(
        f"corpus: {glob}; query {q!r}; best of {opts.repeats}; machine load {Path('/proc/loadavg').read_text().split()[0]}"
    )
    t_kwic, out = best(["kwic", q, "--count", "-c", glob, "-f", "jsonl"], opts.repeats)
    kwic_total = sum(json.loads(line)["hits"] for line in out.splitlines())
    t_trend, trend_out = best(["trend", q, "--by", "day", "-c", glob, "-f", "jsonl"], opts.repeats)
    trend_total = sum(json.loads(line)["hits"] for line in trend_out.splitlines())
    t_coll, coll_out = best(["collocates", q, "-c", glob, "-f", "jsonl", "--limit", "30"], opts.repeats)
    print(f"kwic --count (cold)   {t_kwic:7.1f} s   {kwic_total:,} hits")
    print(
        f"trend --by day        {t_trend:7.1f} s   {t_trend / t_kwic:4.1f}x kwic (target <= 3x)   {trend_total:,} hits"
    )
    print(f"collocates            {t_coll:7.1f} s   {t_coll / t_kwic:4.1f}x kwic (target <= 3x)")
    ok = trend_total == kwic_total
    print(f"trend total == kwic --count total: {ok}")
    with tempfile.TemporaryDirectory() as tmp:
        index = opts.index or str(Path(tmp) / "saudinewsnet.kzi")
        ensure_index(glob, index)
        t_ik, _ = best(["kwic", q, "--count", "--index", index, "-f", "jsonl"], opts.repeats)
        t_it, itrend = best(["trend", q, "--by", "day", "--index", index, "-f", "jsonl"], opts.repeats)
        t_ic, icoll = best(["collocates", q, "--index", index, "-f", "jsonl", "--limit", "30"], opts.repeats)
        print(f"kwic --count --index  {t_ik:7.1f} s")
        print(f"trend --index         {t_it:7.1f} s   (target <= 5 s)")
        print(f"collocates --index    {t_ic:7.1f} s   (target <= 5 s)")
        same = itrend == trend_out and icoll == coll_out
        print(f"same output with the index: {same}")
        ok = ok and same
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
