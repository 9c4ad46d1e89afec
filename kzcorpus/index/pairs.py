"""The near-duplicate pairs an index stores (``dupe_pairs``), and the sketches that keep them up to date.

``index build`` finds the pairs as ``kzcorpus dupes`` does
(:class:`kzcorpus.dupes.DupeFinder`, article numbers as ids) while it
writes the articles, and keeps each article's MinHash (``dupe_sketch``: 128
unsigned 64-bit values; only articles long enough to be paired).  ``index
update`` then needs no pass over the articles it keeps: the LSH is filled
from their stored MinHashes, each new article is looked up in it, and only
the stored articles it proposes are read again (their shingles, for the
exact Jaccard check).  A pair is kept or not by its two articles alone, so
the pairs after an update are those a fresh build would find.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from kzcorpus.doc import Doc
from kzcorpus.dupes import SEED, DupeFinder, Sketch, body_words, jaccard, shingles
from kzcorpus.index.store import Index


def eligible(sketch: Sketch, finder: DupeFinder) -> bool:
    """Whether an article is long enough to be paired (as :meth:`DupeFinder.add` decides)."""
    return sketch.words >= finder.min_words and bool(len(sketch.shingles))


def store_sketch(con: Any, n: int, sketch: Sketch, finder: DupeFinder) -> None:
    if eligible(sketch, finder):
        con.execute(
            "INSERT OR REPLACE INTO dupe_sketch(doc, minhash) VALUES (?, ?)",
            (n, np.asarray(sketch.hashvalues, dtype=np.uint64).tobytes()),
        )


def write_pairs(con: Any, pairs: list[tuple[Any, Any, float]]) -> None:
    con.executemany("INSERT OR REPLACE INTO dupe_pairs(a, b, sim) VALUES (?,?,?)", pairs)


def _lean(hashvalues: Any) -> Any:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme="affine64")


def update_pairs(index: Index, new: list[tuple[int, Sketch]]) -> None:
    """Drop what an update made dead; pair the *new* articles (number, sketch) with the others."""
    con = index.con
    con.execute("DELETE FROM dupe_sketch WHERE doc IN (SELECT n FROM docs WHERE live = 0)")
    con.execute(
        "DELETE FROM dupe_pairs WHERE a IN (SELECT n FROM docs WHERE live = 0) OR b IN (SELECT n FROM docs WHERE live = 0)"
    )
    finder = DupeFinder()
    new = [(n, s) for n, s in new if eligible(s, finder)]
    if not new:
        return
    fresh = {n for n, _ in new}
    for n, blob in con.execute("SELECT doc, minhash FROM dupe_sketch ORDER BY doc"):
        if n not in fresh:
            finder.lsh.insert(n, _lean(np.frombuffer(blob, dtype=np.uint64)), check_duplication=False)
    known: dict[int, Any] = {}
    pairs = []
    for n, sketch in new:
        m = _lean(sketch.hashvalues)
        for other in finder.lsh.query(m):
            if other not in known:
                known.update(_shingles_of(index, [other]))
            sim = jaccard(known[other], sketch.shingles)
            if sim >= finder.threshold:
                pairs.append((min(n, other), max(n, other), sim))
        finder.lsh.insert(n, m, check_duplication=False)
        known[n] = sketch.shingles
    write_pairs(con, pairs)


def _shingles_of(index: Index, numbers: list[int]) -> dict[int, Any]:
    """The shingles of stored articles, from their text (parted with the index's learned boilerplate)."""
    from kzcorpus.boilerplate import Boilerplate

    model = Boilerplate.from_json(index.meta.get("boilerplate", "{}"))
    return {n: shingles(body_words(Doc(article, model))) for n, article in index.articles(numbers)}
