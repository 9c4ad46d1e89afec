"""Archive scale (issue 9): kzcorpus over all 31,030 SaudiNewsNet articles.

Reads ../shared/corpora/saudinewsnet (says so and stops when it is absent),
writes every article as a ``.txt`` file into a scratch folder once (like an
analyst's own archive), and measures, as medians of interleaved runs with
ratios against ``grep -rc`` measured in the same run:

- cold ``kwic بوتين --count`` over the ``.txt`` files and over the 18 zips;
- ``index build`` (time, size against the corpus text), then with the index:
  ``kwic بوتين --count``, ``entities --limit 20``, ``stats``, ``timeline``;
- ``index update`` after touching (and changing) one file;
- peak memory (max RSS) of each command.

    python bench/bench_archive.py [--repeats 3] [--scratch DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
KZ = [sys.executable, "-m", "kzcorpus"]


def export_txt(scratch: Path) -> Path:
    """Every article as ``<day>/<day>_<n>.txt`` (written once, then reused)."""
    out = scratch / "txt"
    stamp = out / ".complete"
    if stamp.exists():
        return out
    shutil.rmtree(out, ignore_errors=True)
    for z in sorted(SNN.glob("*.zip")):
        day = z.stem
        (out / day).mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for i, rec in enumerate(json.loads(zf.read(name)), 1):
                    text = rec.get("text") or rec.get("content") or ""
                    (out / day / f"{day}_{i:05d}.txt").write_text(text, encoding="utf-8")
    stamp.write_text("", encoding="utf-8")
    return out


def run(cmd: list[str]) -> float:
    """Wall seconds of one run."""
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def rss_of(cmd: list[str]) -> int:
    """Max RSS (KB) of one run, via /usr/bin/time when there is one."""
    if not Path("/usr/bin/time").exists():
        return 0
    p = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, check=False)
    try:
        return int(p.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return 0


def median_of(cmds: dict[str, list[str]], repeats: int) -> dict[str, float]:
    """Median wall time of each command, runs interleaved."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeats):
        for k, cmd in cmds.items():
            times[k].append(run(cmd))
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "kzcorpus-bench-archive"))
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    if not SNN.is_dir():
        print(f"SaudiNewsNet is absent ({SNN}); this benchmark needs ../shared beside the clone")
        return 0
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    txt = export_txt(scratch)
    zips = str(SNN / "*.zip")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    chars = sum(len(p.read_text(encoding="utf-8")) for p in txt.rglob("*.txt"))
    text_bytes = sum(p.stat().st_size for p in txt.rglob("*.txt"))
    print(
        f"corpus: {sum(1 for _ in txt.rglob('*.txt')):,} articles, {chars:,} characters, {text_bytes / 1e6:.1f} MB as UTF-8"
    )

    q = "بوتين"
    cold = median_of(
        {
            "grep -rc": ["grep", "-rc", q, str(txt)],
            "kwic --count (.txt)": [*KZ, "kwic", q, "--count", "--corpus", str(txt), "--format", "tsv", *jobs],
            "kwic --count (zips)": [*KZ, "kwic", q, "--count", "--corpus", zips, "--format", "tsv", *jobs],
        },
        args.repeats,
    )
    base = cold["grep -rc"]
    print("\n| measure | median | × grep |\n|---|---|---|")
    for k, v in cold.items():
        print(f"| {k} | {v:.2f} s | {v / base:.1f}× |")

    index = scratch / "snn.kzi"
    t = time.perf_counter()
    # Exit status 2 when some inputs were skipped (empty or binary files): the index is still written.
    subprocess.run(
        [*KZ, "index", "build", "--corpus", str(txt), "--index", str(index), *jobs],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    build = time.perf_counter() - t
    size = index.stat().st_size
    print(f"| index build | {build:.1f} s | — |")
    print(f"| index size | {size / 1e6:.1f} MB = {size / text_bytes:.2f}× the corpus text (UTF-8) | — |")

    ix = ["--index", str(index)]
    warm = median_of(
        {
            "grep -rc (again)": ["grep", "-rc", q, str(txt)],
            "kwic --count --index": [*KZ, "kwic", q, "--count", *ix, "--format", "tsv"],
            "entities --limit 20 --index": [*KZ, "entities", "--limit", "20", *ix, "--format", "tsv", *jobs],
            "stats --index": [*KZ, "stats", *ix, "--format", "tsv", *jobs],
            "timeline --index": [*KZ, "timeline", *ix, "--format", "tsv", *jobs],
        },
        args.repeats,
    )
    base2 = warm["grep -rc (again)"]
    for k, v in warm.items():
        print(f"| {k} | {v:.2f} s | {v / base2:.2f}× |")

    victim = next(iter(sorted(txt.rglob("*.txt"))))
    original = victim.read_text(encoding="utf-8")
    try:
        victim.write_text(original + "\nبوتين", encoding="utf-8")
        t = time.perf_counter()
        subprocess.run([*KZ, "index", "update", *ix], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"| index update after changing one file | {time.perf_counter() - t:.2f} s | — |")
    finally:
        victim.write_text(original, encoding="utf-8")
        subprocess.run([*KZ, "index", "update", *ix], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    print("\n| command over the whole corpus | peak memory (max RSS) |\n|---|---|")
    for name, cmd in {
        "kwic بوتين (.txt, cold)": [*KZ, "kwic", q, "--corpus", str(txt), "--format", "tsv", *jobs],
        "entities (index)": [*KZ, "entities", *ix, "--format", "tsv", *jobs],
        "stats (index)": [*KZ, "stats", *ix, "--format", "tsv", *jobs],
    }.items():
        print(f"| {name} | {rss_of(cmd) / 1024:.0f} MB |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
