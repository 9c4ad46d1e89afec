"""Scoring entity mentions against a gold standard (GUIDELINES.md: overlap + same type; linking also same id)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from kzcorpus.entities.gazetteer import TYPES


def score(found: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 per type and overall, plus linking.

    A found mention matches a gold one of the same document when their spans
    overlap and their types agree (one to one).  Gold lines marked
    ``optional`` neither reward nor penalise: found mentions overlapping
    only them are left out.  Linking counts a match only when the ids agree
    too.
    """
    gold_l = list(gold)
    found_l = list(found)
    by_doc_g: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold_l:
        by_doc_g[g["doc"]].append(g)
    out: dict[str, Any] = {}
    for mode in ("typed", "linking"):
        tp_f: Counter[str] = Counter()
        tp_g: Counter[str] = Counter()
        n_f: Counter[str] = Counter()
        n_g: Counter[str] = Counter()
        for g in gold_l:
            if not g.get("optional"):
                n_g[g["type"]] += 1
        used: set[int] = set()
        for f in found_l:
            golds = by_doc_g.get(f["doc"], [])
            over = [g for g in golds if g["start"] < f["end"] and f["start"] < g["end"]]
            ok = [
                g
                for g in over
                if g["type"] == f["type"] and (mode == "typed" or g.get("id") == f.get("id")) and id(g) not in used
            ]
            hit = next((g for g in ok if not g.get("optional")), None) or next(iter(ok), None)
            if hit is not None and hit.get("optional"):
                used.add(id(hit))
                continue
            if hit is None and over and all(g.get("optional") for g in over):
                continue
            n_f[f["type"]] += 1
            if hit is not None:
                used.add(id(hit))
                tp_f[f["type"]] += 1
                tp_g[hit["type"]] += 1
        res: dict[str, Any] = {}
        for t in [*TYPES, "ALL"]:
            if t == "ALL":
                pf, pn, rg, rn = sum(tp_f.values()), sum(n_f.values()), sum(tp_g.values()), sum(n_g.values())
            else:
                pf, pn, rg, rn = tp_f[t], n_f[t], tp_g[t], n_g[t]
            p = pf / pn if pn else 0.0
            r = rg / rn if rn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            res[t] = {"precision": p, "recall": r, "f1": f1, "found": pn, "gold": rn, "correct": pf}
        out[mode] = res
    return out
