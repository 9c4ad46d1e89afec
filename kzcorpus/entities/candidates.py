"""Candidate mentions in folded offsets, before they become :class:`~kzcorpus.entities.mentions.Mention` s."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cand:
    """A candidate span of the folded text."""

    fstart: int
    fend: int
    type: str
    id: str | None
    found_by: str
    key: str = ""  # folded surface
    ref: Cand | None = None  # the full name an alias stands for
    #: Where the id's surface starts when not at ``fstart`` (a royal title: «الملك فهد»).
    id_from: int = -1


def no_overlaps(cands: list[Cand]) -> list[Cand]:
    """Leftmost first, then longest; later overlapping candidates are dropped."""
    cands.sort(key=lambda c: (c.fstart, -(c.fend - c.fstart)))
    out: list[Cand] = []
    last_end = -1
    for c in cands:
        if c.fstart >= last_end:
            out.append(c)
            last_end = c.fend
    return out


def free(found: list[Cand], start: int, end: int) -> bool:
    """No candidate of *found* overlaps the folded span *start*..*end*."""
    return not any(c.fstart < end and start < c.fend for c in found)
