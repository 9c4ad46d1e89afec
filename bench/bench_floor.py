"""What any article-by-article count of body tokens costs, against a cold kwic.

Issue 10 asks ``trend`` and ``collocates`` without an index to take at most
3x a cold ``kwic --count`` of the same query.  A cold kwic reads every
article but folds and tokenises only the few its raw-text prefilter lets
through; a rate per 10,000 body tokens needs the body token total of every
article.  This measures, over all of SaudiNewsNet (read from
../shared/corpora/saudinewsnet; says so and exits 0 when absent), with the
same engine and number of workers as the commands:

- ``read``: every article read and offered to a task that takes none of them
  (what a kwic whose word is nowhere costs);
- ``fold + count``: every article folded and its tokens counted line by
  line, no page parts: the least any body-token total can cost, since page
  parts are decided on folded lines and a line's words must be counted;
- ``parts``: every article's page parts classified and its body tokens
  summed (what ``trend`` pays per article without an index);
- ``kwic داعش --count``: the cold kwic itself, as a command.

Times are medians of interleaved runs, with ratios to the cold kwic.

    python bench/bench_floor.py [--repeats 3] [--jobs N] [--only 2015-07-21.zip]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
sys.path.insert(0, str(ROOT))

from kzcorpus.arabic import WORD_RE  # noqa: E402
from kzcorpus.corpus import Corpus  # noqa: E402
from kzcorpus.doc import Doc  # noqa: E402
from kzcorpus.engine import default_jobs, scan  # noqa: E402


class FoldCount:
    """Fold the article and count its tokens line by line (no page parts)."""

    needs_parts = False

    def __call__(self, doc: Doc) -> int:
        _ = doc.folded  # folded as page parts would have it
        text, n, pos = doc.text, 0, 0
        for line in text.split("\n"):
            n += len(WORD_RE.findall(text, pos, pos + len(line)))
            pos += len(line) + 1
        return n


class BodyTokens:
    """Page parts classified, body tokens summed: trend's per-article work."""

    def __call__(self, doc: Doc) -> int:
        return doc.part_tokens("body")


def _never(text: str) -> bool:
    return False


def timed_scan(glob: str, task: Any, jobs: int, keep: Any = None) -> float:
    corpus = Corpus([glob])
    corpus.boilerplate()  # learned (or read from the cache) before the clock starts, as for a command's second run
    t = time.perf_counter()
    for _ in scan(corpus, task, jobs=jobs, keep=keep):
        pass
    return time.perf_counter() - t


def timed_kwic(glob: str, jobs: int) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kzcorpus", "kwic", "داعش", "--count", "-c", glob, "-f", "jsonl", "-j", str(jobs)],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--only", default="*.zip", help="which zips (a glob inside the corpus folder)")
    opts = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"SaudiNewsNet is absent ({CORPUS}): nothing measured")
        return 0
    glob = str(CORPUS / opts.only)
    jobs = opts.jobs or default_jobs()
    print(
        f"corpus: {glob}; {jobs} jobs; medians of {opts.repeats} interleaved runs; "
        f"machine load {Path('/proc/loadavg').read_text().split()[0]}"
    )
    runs: dict[str, list[float]] = {"kwic داعش --count (command)": [], "read": [], "fold + count": [], "parts": []}
    for _ in range(opts.repeats):
        runs["kwic داعش --count (command)"].append(timed_kwic(glob, jobs))
        runs["read"].append(timed_scan(glob, BodyTokens(), jobs, keep=_never))
        runs["fold + count"].append(timed_scan(glob, FoldCount(), jobs))
        runs["parts"].append(timed_scan(glob, BodyTokens(), jobs))
    base = statistics.median(runs["kwic داعش --count (command)"])
    print("\n| every article | median | × cold kwic |\n|---|---|---|")
    for k, v in runs.items():
        m = statistics.median(v)
        print(f"| {k} | {m:.1f} s | {m / base:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
