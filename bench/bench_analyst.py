"""trend and collocates on all of SaudiNewsNet, against a cold kwic of the same query.

Targets (issue 10): without an index, ``trend QUERY --by week``, ``trend
QUERY --by source`` and ``collocates QUERY`` at most 3x a cold ``kwic QUERY
--count`` of the same query; with an index, at most 5 s each.  Reads
../shared/corpora/saudinewsnet (says so and exits 0 when absent); builds an
index in a temporary directory (or uses --index PATH).  Times are medians of
interleaved runs, quoted as ratios to the cold kwic measured in the same
run.  Also checks what must hold whatever the timing: trend's hits add up to
kwic --count's total, and the index changes no output.

    python bench/bench_analyst.py [--query داعش] [--index PATH] [--repeats 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
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


def medians(cmds: dict[str, list[str]], repeats: int) -> tuple[dict[str, float], dict[str, str]]:
    """Median seconds of each command (runs interleaved) and its first output."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    outs: dict[str, str] = {}
    for _ in range(repeats):
        for k, args in cmds.items():
            t, out = run(args)
            times[k].append(t)
            outs.setdefault(k, out)
    return {k: statistics.median(v) for k, v in times.items()}, outs


def total_hits(out: str) -> int:
    return sum(json.loads(line)["hits"] for line in out.splitlines())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--query", default="داعش")
    ap.add_argument("--index", default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None)
    opts = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"SaudiNewsNet is absent ({CORPUS}): nothing measured")
        return 0
    glob = str(CORPUS / "*.zip")
    q = opts.query
    jobs = ["--jobs", str(opts.jobs)] if opts.jobs else []
    print(
        f"corpus: {glob}; query {q!r}; medians of {opts.repeats} interleaved runs; "
        f"machine load {Path('/proc/loadavg').read_text().split()[0]}"
    )
    what = {
        "kwic --count": ["kwic", q, "--count"],
        "trend --by week": ["trend", q, "--by", "week"],
        "trend --by source": ["trend", q, "--by", "source"],
        "collocates": ["collocates", q, "--limit", "30"],
    }
    cold, outs = medians({k: [*v, "-c", glob, "-f", "jsonl", *jobs] for k, v in what.items()}, opts.repeats)
    base = cold["kwic --count"]
    print("\n| without an index | median | × cold kwic | target |\n|---|---|---|---|")
    for k, v in cold.items():
        print(f"| {k} | {v:.1f} s | {v / base:.2f}× | {'—' if k == 'kwic --count' else '≤ 3×'} |")
    ok = all(total_hits(outs[k]) == total_hits(outs["kwic --count"]) for k in ("trend --by week", "trend --by source"))
    print(f"\ntrend totals == kwic --count total ({total_hits(outs['kwic --count']):,} hits): {ok}")
    with tempfile.TemporaryDirectory() as tmp:
        index = opts.index or str(Path(tmp) / "saudinewsnet.kzi")
        ensure_index(glob, index)
        warm, iouts = medians({k: [*v, "--index", index, "-f", "jsonl", *jobs] for k, v in what.items()}, opts.repeats)
        print("\n| with the index | median | target |\n|---|---|---|")
        for k, v in warm.items():
            print(f"| {k} | {v:.2f} s | {'—' if k == 'kwic --count' else '≤ 5 s'} |")
        same = all(iouts[k] == outs[k] for k in what)
        print(f"\nsame output with the index: {same}")
        ok = ok and same
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
