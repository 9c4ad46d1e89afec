"""A persistent index of a corpus, for repeated work over the same articles.

One SQLite file (:mod:`kzcorpus.index.store`) holds, for every article of a
corpus: where it came from, its metadata and text (compressed), the folded
tokens it contains (postings), and per-article results of the analyses
(:mod:`kzcorpus.index.build`).  Commands given ``--index`` read articles from
it instead of parsing the inputs again, look up ``kwic`` candidates through
the postings, and take stored per-article results instead of recomputing
them; the output is the same as without the index.

:func:`open_index` refuses an index built by another kzcorpus version or
with other gazetteer files, and one whose inputs changed since it was built
(``kzcorpus index update`` brings it up to date).
"""

from kzcorpus.index.store import INDEX_FORMAT, IndexInfo, StaleIndex, open_index

__all__ = ["INDEX_FORMAT", "IndexInfo", "StaleIndex", "open_index"]
