"""--dedupe on all of SaudiNewsNet: what it costs, and how many articles it leaves out.

In one run, alternating so that the machine's load weighs on both alike:
``words`` and ``kwic QUERY --count`` with and without ``--dedupe`` (no
index: --dedupe costs a first sketch pass over every article), then the
same ``kwic`` with an index (built here, or --index PATH), where the groups
are read from the index.  Prints medians and ratios of wall time and of
CPU time (the command and its workers: steadier when others load the machine), the articles
``--dedupe`` left out (from its stderr note), and checks what must hold
whatever the timing: the index changes nothing, and --dedupe never finds
more hits.  Reads ../shared/corpora/saudinewsnet (says so and exits 0 when
absent).

    python bench/bench_dedupe.py [--query بوتين] [--repeats 3] [--index PATH] [--skip-words]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import KZ, ensure_index, saudinewsnet_glob

NOTE_RE = re.compile(r"--dedupe: ([\d,]+) articles? of ([\d,]+) left out as near-copies \(([\d,]+) group")


#: CPU seconds (user + system, the command and its worker processes) of each run, by command line.
CPU: dict[str, list[float]] = {}


def run(args: list[str]) -> tuple[float, str, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([*KZ, *args], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(" ".join(args), []).append(cpu)
    if done.returncode not in (0, 1):
        raise SystemExit(f"failed: kzcorpus {' '.join(args)}\n{done.stderr}")
    return elapsed, done.stdout, done.stderr


def paired(plain: list[str], deduped: list[str], repeats: int) -> tuple[list[float], list[float], str, str, str]:
    """Alternate the two commands *repeats* times; times, and the last outputs and stderr of --dedupe."""
    tp, td = [], []
    out_p = out_d = err_d = ""
    for _ in range(repeats):
        t, out_p, _ = run(plain)
        tp.append(t)
        t, out_d, err_d = run(deduped)
        td.append(t)
    return tp, td, out_p, out_d, err_d


def dropped(stderr: str) -> str:
    m = NOTE_RE.search(stderr)
    return f"{m.group(1)} of {m.group(2)} articles left out ({m.group(3)} groups)" if m else "no --dedupe note!"


def hits(out: str) -> int:
    return sum(json.loads(line)["hits"] for line in out.splitlines())


def line(label: str, plain: list[float], deduped: list[float], command: list[str]) -> str:
    """Wall-time medians and their ratio; then CPU-time medians (steadier on a loaded machine)."""
    mp, md = statistics.median(plain), statistics.median(deduped)
    cp = statistics.median(CPU[" ".join(command)])
    cd = statistics.median(CPU[" ".join([*command, "--dedupe"])])
    return (
        f"{label:26s} wall {mp:7.1f} s, --dedupe {md:7.1f} s ({md / mp:5.2f}x); "
        f"CPU {cp:7.1f} s, --dedupe {cd:7.1f} s ({cd / max(cp, 1e-9):5.2f}x)"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--query", default="بوتين")
    ap.add_argument("--index", default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-words", action="store_true", help="only kwic (words is the slowest)")
    opts = ap.parse_args()
    glob = saudinewsnet_glob()
    if glob is None:
        return 0
    q = opts.query
    load = Path("/proc/loadavg").read_text().split()[0]
    print(f"corpus: {glob}; query {q!r}; medians of {opts.repeats}; machine load {load}")
    ok = True
    kw = ["kwic", q, "--count", "-c", glob, "-f", "jsonl"]
    tp, td, out_p, out_d, err_d = paired(kw, [*kw, "--dedupe"], opts.repeats)
    print(line("kwic --count (no index)", tp, td, kw) + f"   hits {hits(out_p):,} -> {hits(out_d):,}")
    print(f"  {dropped(err_d)}")
    ok &= hits(out_d) <= hits(out_p)
    if not opts.skip_words:
        words = ["words", "-c", glob, "-f", "jsonl", "--limit", "100"]
        wp, wd, _, _, werr = paired(words, [*words, "--dedupe"], opts.repeats)
        print(line("words (no index)", wp, wd, words))
        print(f"  {dropped(werr)}")
    with tempfile.TemporaryDirectory() as tmp:
        index = opts.index or str(Path(tmp) / "saudinewsnet.kzi")
        ensure_index(glob, index, "index build (stores the pairs)")
        ki = ["kwic", q, "--count", "--index", index, "-f", "jsonl"]
        ip, idd, iout_p, iout_d, ierr = paired(ki, [*ki, "--dedupe"], opts.repeats)
        print(line("kwic --count --index", ip, idd, ki))
        print(f"  {dropped(ierr)}")
        same = iout_p == out_p and iout_d == out_d and dropped(ierr) == dropped(err_d)
        print(f"same output and same articles left out with the index: {same}")
        ok &= same
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
