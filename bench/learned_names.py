"""Names learned from SaudiNewsNet (``kzcorpus entities --learn``): what they add to the entity scores.

    .venv/bin/python bench/learned_names.py [--names FILE] [--sets DIR ...]

Learns the names of all 31,030 SaudiNewsNet articles (read from ../shared;
nothing is measured when they are absent) into FILE (default
``/tmp/kzcorpus-learned-names.tsv``, reused when it is already there: delete
it after changing the learner), then scores every annotated SaudiNewsNet set
with ``bench/score_entities.py`` without and with ``--gazetteer FILE``, and
prints typed precision / recall / F1 side by side.  The learning pass is
unsupervised (no annotation is read), so the sets' own articles are learned
from like every other article of the corpus.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from common import KZ, saudinewsnet_glob

HERE = Path(__file__).resolve().parent
SETS = ["bench/dev", "bench/dev2-entities", "bench/holdout", "bench/holdout2", "bench/holdout3"]


def typed_all(args: list[str]) -> str:
    """The ``ALL`` row's typed P / R / F1 of ``score_entities.py`` *args*."""
    out = subprocess.run(
        [sys.executable, str(HERE / "score_entities.py"), *args], check=True, capture_output=True, text=True
    ).stdout
    row = next(line for line in out.splitlines() if line.startswith("ALL"))
    return " / ".join(row.split()[1:4])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", default="/tmp/kzcorpus-learned-names.tsv", help="the learned gazetteer file")
    ap.add_argument("--sets", nargs="+", default=SETS, help="annotated sets to score")
    args = ap.parse_args()
    glob = saudinewsnet_glob()
    if glob is None:
        return 0
    names = Path(args.names)
    if not names.exists():
        t0 = time.perf_counter()
        subprocess.run(
            [*KZ, "entities", "-c", glob, "--learn", str(names), "--limit", "0", "--json"],
            check=True,
            capture_output=True,
        )
        print(f"learned in {time.perf_counter() - t0:.0f} s (wall)")
    learned = sum(1 for line in names.read_text("utf-8").splitlines() if line and line[0] not in "#@")
    print(f"{learned:,} learned names in {names}\n")
    print(f"{'set':22s} {'without: P / R / F1':24s} with learned names")
    for d in args.sets:
        if not (HERE.parent / d).is_dir():
            continue
        print(f"{d:22s} {typed_all(['--dev', d]):24s} {typed_all(['--dev', d, '--gazetteer', str(names)])}")
    print(f"{'seeds (gold)':22s} {typed_all([]):24s} {typed_all(['--gazetteer', str(names)])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
