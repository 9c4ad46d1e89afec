"""What several benchmarks share."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

KZ = [sys.executable, "-m", "kzcorpus"]
SAUDINEWSNET = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "saudinewsnet"


def saudinewsnet_glob() -> str | None:
    """The SaudiNewsNet zips as a --corpus glob, or None (said on stdout) when they are absent."""
    if not SAUDINEWSNET.is_dir():
        print(f"SaudiNewsNet not found at {SAUDINEWSNET}: nothing measured")
        return None
    return str(SAUDINEWSNET / "*.zip")


def ensure_index(glob: str, index: str, label: str = "index build") -> None:
    """Build an index of *glob* at *index* unless one is there; print how long it took."""
    if Path(index).exists():
        return
    t0 = time.perf_counter()
    subprocess.run([*KZ, "index", "build", "-c", glob, "--index", index], check=True, capture_output=True)
    print(f"{label:21s} {time.perf_counter() - t0:7.1f} s   ({index})")
