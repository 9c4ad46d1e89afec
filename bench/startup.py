"""Start-up cost of `kzcorpus kwic` against the floor of any Typer CLI.

Runs each command N times, interleaved (so machine noise hits all alike),
and prints medians and ratios against `python -c "import typer"`, measured
in the same run.  Targets (issue 2): JSON ≤ 1.3×, table ≤ 1.7×.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
KZ = str(BIN / "kzcorpus")
QUERY = "توكاييف"

COMMANDS: dict[str, list[str]] = {
    "floor: python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "kzcorpus kwic توكاييف --json": [KZ, "kwic", QUERY, "--json"],
    "kzcorpus kwic توكاييف --format table": [KZ, "kwic", QUERY, "--format", "table"],
    "kzcorpus kwic توكاييف (TSV)": [KZ, "kwic", QUERY],
}
TARGETS = {"kzcorpus kwic توكاييف --json": 1.3, "kzcorpus kwic توكاييف --format table": 1.7}


# As an installed user runs it: with byte-code caches (some shells here set
# PYTHONDONTWRITEBYTECODE, which would time the compiler instead).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(runs: int = 21) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for cmd in COMMANDS.values():  # warm the file and byte-code caches once
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=ENV)
    for _ in range(runs):
        for name, cmd in COMMANDS.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=ENV)
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    medians = measure(runs)
    floor = medians["floor: python -c 'import typer'"]
    print(f"start-up, median of {runs} interleaved runs (seconds, ratio to the Typer floor):")
    failed = False
    for name, t in medians.items():
        ratio = t / floor
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            ok = ratio <= target
            failed |= not ok
            verdict = f"  target ≤ {target}×: {'ok' if ok else 'MISSED'}"
        print(f"  {name:42s} {t * 1000:7.1f} ms  {ratio:5.2f}×{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
