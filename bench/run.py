"""`make bench`: every benchmark and quality score, in one run.

Speed figures are medians with ratios against a baseline measured in the
same run (the machine is small and noisy).  The SaudiNewsNet corpus is read
from ../shared when it is there; each script says when it is absent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("start-up of kzcorpus kwic against `import typer`", ["startup.py", "21"]),
    ("date extraction against dateparser", ["bench_dates.py", "--repeats", "9"]),
    ("entity quality on the seeds (gold)", ["score_entities.py"]),
    ("date quality on the seeds (gold)", ["score_dates.py"]),
    ("date quality on the SaudiNewsNet dev set", ["score_dates.py", "--dev", "bench/dev"]),
    ("entity quality with names learned from SaudiNewsNet (entities --learn)", ["learned_names.py"]),
    ("archive scale: all cores, the index (SaudiNewsNet)", ["bench_archive.py", "--repeats", "3"]),
    ("learned boilerplate: the first pass, what it finds (SaudiNewsNet)", ["bench_boilerplate.py", "--repeats", "3"]),
    ("trend and collocates against a cold kwic (SaudiNewsNet)", ["bench_analyst.py", "--repeats", "3"]),
    (
        "what counting every article's body tokens costs, against a cold kwic (SaudiNewsNet)",
        ["bench_floor.py", "--repeats", "3"],
    ),
    ("--dedupe: cost and articles left out (SaudiNewsNet)", ["bench_dedupe.py", "--repeats", "3"]),
    (
        "long one-line articles (linear time)",
        ["long_article.py", "--sizes", "1", "2", "4", "--commands", "entities", "kwic", "dates", "stats", "words"],
    ),
]


def main() -> int:
    status = 0
    for title, args in SCRIPTS:
        print(f"\n== {title}: bench/{' '.join(args)}", flush=True)
        status |= subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]], check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
