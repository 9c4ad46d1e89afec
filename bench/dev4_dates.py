"""``dev4-dates``: 15 SaudiNewsNet articles annotated for dates, picked after every earlier set.

    .venv/bin/python bench/dev4_dates.py pick     # the 15 ids (seed 6311)
    .venv/bin/python bench/score_dates.py --dev bench/dev4-dates [--errors]

Rule (the walk of ``bench/devset.py`` ``pick-set dev2-dates`` with its own
seed): every record in loader order, shuffled with ``random.Random(6311)``,
non-empty, at most 4,000 characters (so that one session can annotate the
set by hand), holding a date cue (``devset.DATE_CUE_RE``), and not in dev,
holdout, dev2-dates, dev2-entities, holdout2, dev3-dates or dev3-check.
Kept in its own script so that ``bench/devset.py`` (where further hidden sets
are added) is not edited.  Articles are read from ``../shared``; their text
is never stored here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import dev3_dates  # noqa: E402
import devset  # noqa: E402

SEED = 6311
SIZE = 15
LONGEST = 4_000


def pick() -> list[str]:
    dev, holdout = devset.pick()
    taken = set(dev) | set(holdout)
    taken |= set(devset.pick_named("dev2-dates")) | set(devset.pick_extra("dev2-entities"))
    taken |= set(devset.pick_extra("holdout2"))
    taken |= set(dev3_dates.pick("dev3-dates")) | set(dev3_dates.pick("dev3-check"))
    return devset.walk(SEED, SIZE, taken=taken, longest=LONGEST, cue=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("cmd", choices=("pick",))
    ap.parse_args()
    for rid in pick():
        print(rid)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
