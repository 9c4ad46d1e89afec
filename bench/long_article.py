"""Time commands on one very long one-line article (issue 13: superlinear scans).

Usage: .venv/bin/python bench/long_article.py [--sizes 1 2 4 8] [--commands entities]
       [--seed seeds/000_….txt] [--repeats 1] [--timeout 600]

For each size (MB of UTF-8 text) the script writes, in a temporary
directory, one article made by repeating a seed's text with its line breaks
replaced by spaces, then runs each command on it
(``python -m kzcorpus COMMAND --corpus DIR --format jsonl``, output
discarded) and prints the wall-clock seconds, the median of *repeats*.
A linear command doubles its time when the size doubles; the last column
is the ratio to the size before.

Add a command to :data:`COMMANDS` (name -> extra arguments) to time it too.
Nothing is written outside the temporary directory.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7b53a6053af83644.txt"

#: Command name -> arguments after ``kzcorpus`` (``--corpus DIR`` is added).
COMMANDS: dict[str, list[str]] = {
    "entities": ["entities", "--format", "jsonl"],
    "entities-mentions": ["entities", "--mentions", "--format", "jsonl"],
    "kwic-entity": ["kwic", "--entity", "Russia", "--format", "jsonl"],
    "kwic": ["kwic", "روسيا", "--width", "3", "--format", "jsonl"],
    "dates": ["dates", "--format", "jsonl"],
    "stats": ["stats", "--format", "jsonl"],
    "words": ["words", "--format", "jsonl"],
}


def make_article(seed: Path, megabytes: float, folder: Path) -> Path:
    """One line of about *megabytes* MB: the seed's text repeated, line breaks as spaces."""
    text = " ".join(seed.read_text(encoding="utf-8").split("\n")).strip() + " "
    size = int(megabytes * 1_000_000)
    unit = len(text.encode("utf-8"))
    body = (text * (size // unit + 1)).encode("utf-8")[:size].decode("utf-8", "ignore").rstrip()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "long.txt"
    path.write_text(body + "\n", encoding="utf-8")
    return path


def run(command: list[str], corpus: Path, timeout: float) -> float | None:
    """Seconds for one run, or None if it timed out or failed."""
    argv = [sys.executable, "-m", "kzcorpus", *command, "--corpus", str(corpus)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        return None
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="article sizes in MB")
    ap.add_argument("--commands", nargs="+", default=["entities"], choices=sorted(COMMANDS))
    ap.add_argument("--seed", type=Path, default=SEED, help="text to repeat")
    ap.add_argument("--repeats", type=int, default=1, help="runs per size (median)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a run is given up")
    args = ap.parse_args()
    print(f"seed {args.seed.name}; median of {args.repeats} run(s); seconds (ratio to the size before)")
    with tempfile.TemporaryDirectory(prefix="kz-long-") as tmp:
        for name in args.commands:
            prev: float | None = None
            for mb in args.sizes:
                folder = Path(tmp) / f"{mb:g}MB"
                if not folder.exists():
                    make_article(args.seed, mb, folder)
                times = [run(COMMANDS[name], folder, args.timeout) for _ in range(args.repeats)]
                if any(t is None for t in times):
                    print(f"{name:20} {mb:5g} MB   timed out or failed", flush=True)
                    prev = None
                    continue
                secs = statistics.median(t for t in times if t is not None)
                ratio = f"  (x{secs / prev:.2f})" if prev else ""
                print(f"{name:20} {mb:5g} MB {secs:8.2f} s{ratio}", flush=True)
                prev = secs
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
