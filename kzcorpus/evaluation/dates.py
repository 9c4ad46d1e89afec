"""Scoring found dates against hand-annotated gold (``tests/data/gold/dates.jsonl``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def value_match(found: str | None, gold: str | None) -> bool:
    """Does *found* equal *gold* at the gold's precision (``2022-01`` matches ``2022``)?"""
    if found is None or gold is None:
        return found == gold
    return found[: len(gold)] == gold


def score(found: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 as in the gold guidelines.

    A found record matches a gold one when ``doc`` is the same, the spans
    overlap and the found value equals the gold value at the gold's
    precision.  Recall is over non-optional gold lines; a found record that
    matches only optional gold lines is neither a true nor a false positive.
    """
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)

    def matches(f: dict[str, Any], g: dict[str, Any]) -> bool:
        return bool(f["start"] < g["end"] and g["start"] < f["end"] and value_match(f.get("value"), g.get("value")))

    matched_gold: set[int] = set()
    tp_found = fp = neutral = 0
    false_pos: list[dict[str, Any]] = []
    for f in found:
        hits = [g for g in by_doc.get(f["doc"], []) if matches(f, g)]
        real = [g for g in hits if not g.get("optional")]
        if real:
            tp_found += 1
            matched_gold.update(id(g) for g in real)
        elif hits:
            neutral += 1
        else:
            fp += 1
            false_pos.append(f)
    required = [g for g in gold if not g.get("optional")]
    tp = sum(1 for g in required if id(g) in matched_gold)
    fn = [g for g in required if id(g) not in matched_gold]
    p = tp_found / (tp_found + fp) if tp_found + fp else 0.0
    r = tp / len(required) if required else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": len(fn),
        "neutral": neutral,
        "gold": len(required),
        "found": len(found),
        "false_positives": false_pos,
        "false_negatives": fn,
    }
