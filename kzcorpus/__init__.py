"""kzcorpus: explore a corpus of Arabic news articles.

The library is usable without the CLI::

    from kzcorpus import Corpus
    from kzcorpus.kwic import kwic

    for hit in kwic(Corpus(), "توكاييف"):
        print(hit.doc, hit.start, hit.end, hit.keyword)

Submodules: :mod:`kzcorpus.arabic` (folding, tokens, sentences),
:mod:`kzcorpus.corpus` (loading), :mod:`kzcorpus.kwic`,
:mod:`kzcorpus.output` (record writers).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["Article", "Corpus", "KzError", "__version__", "fold", "tokenize"]


def __getattr__(name: str) -> Any:
    # Lazy re-exports: `import kzcorpus` stays cheap for the CLI's start-up.
    if name in ("Article", "Corpus"):
        import kzcorpus.corpus

        return getattr(kzcorpus.corpus, name)
    if name in ("fold", "tokenize"):
        import kzcorpus.arabic

        return getattr(kzcorpus.arabic, name)
    if name == "KzError":
        from kzcorpus.errors import KzError

        return KzError
    raise AttributeError(f"module 'kzcorpus' has no attribute {name!r}")
