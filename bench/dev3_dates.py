"""Date sets judged for false alarms: ``dev3-dates`` (tuned on) and ``dev3-check`` (kept for the end).

    .venv/bin/python bench/dev3_dates.py pick     # the 20 ids (seed 8123), disjoint from every earlier set
    .venv/bin/python bench/dev3_dates.py review   # every date `kzcorpus dates` emits on them, with context
    .venv/bin/python bench/dev3_dates.py score    # false alarms / emitted, from bench/dev3-dates/judged.tsv
    .venv/bin/python bench/dev3_dates.py --set dev3-check score              # the check set, this code
    .venv/bin/python bench/dev3_dates.py --set dev3-check --code ../main score   # ... another checkout's code

``dev3-check`` (seed 9257, 20 more, disjoint from ``dev3-dates`` too) was
picked and read only after the round's fixes, and the dates of both the
round's base (main) and its end were judged, so its before/after figures are
on text no fix was made for.

The set is for precision only: no full gold annotation.  Every emitted date is
read against the text and judged in ``bench/dev3-dates/judged.tsv`` (doc,
start, end, value, ``ok`` or ``fa`` and, for a false alarm, its class); a
date emitted later that was never judged is listed by ``score`` as
``unjudged`` and left out of the figure until it is judged.

Rule (same walk as ``bench/devset.py`` ``pick-set dev2-dates``, its own
seed): every record in loader order, shuffled with ``random.Random(8123)``,
non-empty, at most 12,000 characters, holding a date cue
(``devset.DATE_CUE_RE``), and not in dev, holdout, dev2-dates or
dev2-entities.  Kept in its own script so that ``bench/devset.py`` (where
further hidden sets are added) is not edited.  Articles are read from
``../shared``; their text is never stored here.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devset  # noqa: E402

#: set name -> seed; each set skips every set before it.
SEEDS = {"dev3-dates": 8123, "dev3-check": 9257}
SIZE = 20
DIR = ROOT / "bench" / "dev3-dates"
IDS = DIR / "ids.txt"
JUDGED = DIR / "judged.tsv"


def pick(name: str = "dev3-dates") -> list[str]:
    dev, holdout = devset.pick()
    taken = set(dev) | set(holdout)
    taken |= set(devset.pick_named("dev2-dates")) | set(devset.pick_extra("dev2-entities"))
    if name == "dev3-check":
        taken |= set(pick("dev3-dates"))
    return devset.walk(SEEDS[name], SIZE, taken=taken, cue=True)


def emitted() -> list[tuple[str, int, int, str, str, str]]:
    """``(doc, start, end, value, text, context)`` of every date found in the set."""
    from score_dates import dev_articles

    from kzcorpus.dates import article_date, find_dates
    from kzcorpus.doc import Doc

    ids = IDS.read_text(encoding="utf-8").split()
    out: list[tuple[str, int, int, str, str, str]] = []
    for article in dev_articles(ids):
        doc = Doc(article)
        for m in find_dates(doc, anchor=article_date(doc)):
            t = article.text
            ctx = t[max(0, m.start - 60) : m.start] + "[" + m.text + "]" + t[m.end : m.end + 60]
            out.append((m.doc, m.start, m.end, str(m.value), m.text, " ".join(ctx.split())))
    return out


def judged() -> dict[tuple[str, int, int, str], tuple[str, str]]:
    if not JUDGED.is_file():
        return {}
    out = {}
    with JUDGED.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            out[(row[0], int(row[1]), int(row[2]), row[3])] = (row[4], row[5] if len(row) > 5 else "")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("cmd", choices=("pick", "review", "score"))
    ap.add_argument("--set", default="dev3-dates", choices=sorted(SEEDS), help="which set (default dev3-dates)")
    ap.add_argument("--code", metavar="DIR", help="run the kzcorpus of another checkout (e.g. ../main)")
    args = ap.parse_args()
    global DIR, IDS, JUDGED
    DIR = ROOT / "bench" / args.set
    IDS, JUDGED = DIR / "ids.txt", DIR / "judged.tsv"
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
        import kzcorpus  # that checkout's, before score_dates puts this one first

        print(f"code: {Path(kzcorpus.__file__).parent}", file=sys.stderr)
    if args.cmd == "pick":
        for rid in pick(args.set):
            print(rid)
        return 0
    if not IDS.is_file():
        raise SystemExit(f"dev3_dates: {IDS} is absent: run `pick > {IDS}` first")
    found = emitted()
    if args.cmd == "review":
        for doc, s, e, value, _text, ctx in found:
            print(f"{doc}\t{s}\t{e}\t{value}\t{ctx}")
        return 0
    verdicts = judged()
    fa: dict[str, int] = {}
    n = unjudged = 0
    for doc, s, e, value, text, _ctx in found:
        v = verdicts.get((doc, s, e, value))
        if v is None:
            unjudged += 1
            print(f"unjudged: {doc} {s}-{e} «{text}» {value}")
            continue
        n += 1
        if v[0] == "fa":
            fa[v[1]] = fa.get(v[1], 0) + 1
    total = sum(fa.values())
    print(f"{DIR.name}: {n} emitted and judged, {total} false alarms, precision {1 - total / n if n else 0:.3f}")
    for cls, k in sorted(fa.items(), key=lambda t: -t[1]):
        print(f"   {k:3}  {cls}")
    if unjudged:
        print(f"   ({unjudged} emitted dates not judged yet)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
