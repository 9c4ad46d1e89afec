"""Save, or compare against, the JSON output of every command and main option.

A refactoring must not change what kzcorpus prints.  Run once before the
change (``save``) and again after it (``check``): every case's stdout, stderr
and exit status must be byte-identical.

    python bench/snapshot.py save  DIR    # before
    python bench/snapshot.py check DIR    # after: lists every case that differs

Cases run on the embedded seeds and on one SaudiNewsNet day
(``../shared/corpora/saudinewsnet/2015-07-21.zip``, read from ``../shared``
beside the clone; those cases are skipped, with a line saying so, when it is
absent).  The saved outputs hold article text: keep DIR outside the
repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "2015-07-21.zip"
KZ = [sys.executable, "-m", "kzcorpus"]

SEED_CASES: list[list[str]] = [
    ["kwic", "توكاييف"],
    ["kwic", "روسيا", "--explain"],
    ["kwic", "نور سلطان", "--sort", "after1"],
    ["kwic", "العقوبات", "--sort", "before2", "--width", "3"],
    ["kwic", "روسيا", "--match", "normalized"],
    ["kwic", "روسيا", "--match", "exact"],
    ["kwic", "توكا[يی]+ف", "--regex"],
    ["kwic", "العقوبات", "--count"],
    ["kwic", "SPIEF", "--sort", "keyword"],
    ["kwic", "--entity", "Kassym-Jomart Tokayev"],
    ["kwic", "--entity", "أستانا"],
    ["kwic", "روسيا", "--doc", "001", "--limit", "5"],
    ["kwic", "لا يوجد شيء"],
    ["entities"],
    ["entities", "--mentions"],
    ["entities", "--type", "PER", "--limit", "10"],
    ["entities", "--min-count", "3"],
    ["dates"],
    ["dates", "--kind", "relative"],
    ["dates", "--from", "2022-01-01", "--to", "2022-12-31"],
    ["timeline"],
    ["timeline", "--unit", "month"],
    ["stats"],
    ["stats", "--all"],
    ["stats", "001"],
    ["stats", "002", "--top", "5"],
    ["words"],
    ["words", "--ngram", "2", "--limit", "20"],
    ["words", "--no-stopwords", "--min-count", "2"],
    ["words", "--all", "--ngram", "3"],
    ["stats", "003", "--all"],
    ["trend", "روسيا", "توكاييف", "--by", "year"],
    ["trend", "روسيا", "--by", "source"],
    ["collocates", "روسيا", "--min-count", "2"],
    ["keywords", "--target-doc", "001"],
    ["keywords", "--target-doc", "002", "--target-doc", "003", "--under"],
]

ZIP_CASES: list[list[str]] = [
    ["kwic", "بوتين"],
    ["kwic", "عيد", "--explain"],
    ["kwic", "السعودية", "--count"],
    ["kwic", "--entity", "Saudi Arabia", "--limit", "300"],
    ["entities"],
    ["entities", "--mentions", "--limit", "3000"],
    ["dates"],
    ["timeline"],
    ["stats"],
    ["words", "--limit", "300"],
    ["words", "--ngram", "2", "--limit", "200"],
    ["trend", "داعش", "--by", "source"],
    ["trend", "داعش", "السعودية", "--by", "day"],
    ["collocates", "داعش"],
    ["stats", "2015-07-21:1", "--top", "30"],
]


def cases() -> list[tuple[str, list[str]]]:
    out = [(f"seeds-{i:02d}", [*c, "--format", "json"]) for i, c in enumerate(SEED_CASES)]
    if ZIP.exists():
        out += [(f"zip-{i:02d}", [*c, "--corpus", str(ZIP), "--format", "json"]) for i, c in enumerate(ZIP_CASES)]
    else:
        print(f"note: {ZIP} is absent; only the seed cases run", file=sys.stderr)
    return out


def run(args: list[str]) -> dict[str, object]:
    t = time.perf_counter()
    p = subprocess.run([*KZ, *args], capture_output=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin"}, check=False)
    return {
        "args": args,
        "code": p.returncode,
        "stdout": p.stdout.decode("utf-8", "replace"),
        "stderr": p.stderr.decode("utf-8", "replace"),
        "seconds": round(time.perf_counter() - t, 2),
    }


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "check"):
        print(__doc__)
        return 2
    mode, where = sys.argv[1], Path(sys.argv[2])
    where.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, args in cases():
        got = run(args)
        path = where / f"{name}.json"
        if mode == "save":
            path.write_text(json.dumps(got, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{name}: {got['seconds']} s, exit {got['code']}  {' '.join(args[:-2])}")
            continue
        want = json.loads(path.read_text(encoding="utf-8"))
        same = all(got[k] == want[k] for k in ("code", "stdout", "stderr"))
        bad += not same
        print(
            f"{'same' if same else 'DIFFERS'} {name}: {got['seconds']} s (was {want['seconds']} s)  {' '.join(args[:-2])}"
        )
    if mode == "check":
        print(f"{bad} case(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
