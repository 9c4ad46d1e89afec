"""Statistics of articles and corpora: figures, word lists and keyness.

Pure functions over :class:`~kzcorpus.doc.Doc` objects (an
:class:`~kzcorpus.corpus.Article` is wrapped with :meth:`Doc.of
<kzcorpus.doc.Doc.of>`); no CLI, no terminal code.  Along its seams:

- :mod:`~kzcorpus.stats.measures`: the scope of a ``Doc`` (its body or every
  line) and small measures (TTR, MATTR, hapax, …);
- :mod:`~kzcorpus.stats.analyses`: what the entity and date analyses say
  about the same ``Doc``;
- :mod:`~kzcorpus.stats.article`: the rows of ``kzcorpus stats`` (field
  definitions there);
- :mod:`~kzcorpus.stats.words`: stopwords, clitic grouping, word and n-gram
  frequencies (``kzcorpus words``);
- :mod:`~kzcorpus.stats.keyness`: G2 and log ratio;
- :mod:`~kzcorpus.stats.detail`: ``kzcorpus stats DOC``.
"""

from kzcorpus.stats.article import STATS_FIELDS, article_stats, corpus_stats, doc_stats, iter_corpus_stats, stats_rows
from kzcorpus.stats.detail import article_detail
from kzcorpus.stats.keyness import g2, log_ratio
from kzcorpus.stats.measures import MATTR_WINDOW, SCOPES, Scope, hapax, mattr, mean_word_length, ttr
from kzcorpus.stats.words import clitic_base, is_stopword, load_stopwords, word_frequencies

__all__ = [
    "MATTR_WINDOW",
    "SCOPES",
    "STATS_FIELDS",
    "Scope",
    "article_detail",
    "article_stats",
    "clitic_base",
    "corpus_stats",
    "doc_stats",
    "g2",
    "hapax",
    "is_stopword",
    "iter_corpus_stats",
    "load_stopwords",
    "log_ratio",
    "mattr",
    "mean_word_length",
    "stats_rows",
    "ttr",
    "word_frequencies",
]
