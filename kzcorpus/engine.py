"""Run a per-article analysis over a corpus, on every core, in corpus order.

:func:`scan` takes articles (a :class:`~kzcorpus.corpus.Corpus` streams
them) and a *task*, a picklable callable ``Doc -> result``; it yields
``(article, result)`` in corpus order, whatever the number of worker
processes.  With ``jobs=1`` everything happens in this process, one article
at a time.  With more, articles are sent in chunks to a process pool and at
most a few chunks per worker are in flight, so memory stays bounded
whatever the corpus size.  A small corpus never starts the pool: the first
articles are analysed here, and the pool starts only once the corpus has
proved larger than :data:`POOL_AFTER_CHARS`.

*keep* is a cheap test on the raw text (e.g. a query's prefilter,
:meth:`kzcorpus.kwic.Matcher.may_match`): an article it rejects is not sent,
folded or tokenised at all, and yields nothing.

Reading stays in this process (so problems with inputs are reported in
order, once); only the analysis runs in the workers.

Every ``Doc`` gets the corpus's learned boilerplate
(:mod:`kzcorpus.boilerplate`): *boilerplate* if given, else what
``articles.boilerplate()`` returns (a :class:`~kzcorpus.corpus.Corpus`
learns it in a first pass, an indexed corpus reads it from the index),
unless the task says it never looks at page parts (``needs_parts =
False``, e.g. KWIC hit counts).  The model travels to each worker once,
with the task.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc, boilerplate_for

if TYPE_CHECKING:
    from concurrent.futures import Future

    from kzcorpus.boilerplate import Boilerplate

R = TypeVar("R")

#: Characters analysed in this process before a pool is worth starting.
POOL_AFTER_CHARS = 1_500_000
#: A chunk sent to a worker: this many characters, or articles, whichever first.
CHUNK_CHARS = 400_000
CHUNK_ARTICLES = 200
#: Chunks in flight per worker.
IN_FLIGHT = 3

Progress = Callable[[Article], None]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


_TASK: Callable[[Doc], Any] | None = None
_BOILERPLATE: Boilerplate | None = None


def _init(task: Callable[[Doc], Any], boilerplate: Boilerplate | None = None) -> None:
    global _TASK, _BOILERPLATE
    _TASK, _BOILERPLATE = task, boilerplate


def _run_chunk(chunk: list[Article]) -> list[Any]:
    assert _TASK is not None
    return [_TASK(Doc(a, _BOILERPLATE)) for a in chunk]


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else "spawn")


def scan(
    articles: Iterable[Article],
    task: Callable[[Doc], R],
    *,
    jobs: int = 1,
    keep: Callable[[str], bool] | None = None,
    progress: Progress | None = None,
    boilerplate: Boilerplate | None = None,
) -> Iterator[tuple[Article, R]]:
    """``(article, task(Doc(article)))`` for every kept article, in corpus order."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    model = boilerplate if boilerplate is not None else boilerplate_for(articles, task)
    it = iter(articles)
    seen_chars = 0
    if jobs > 1:
        # Serial until the corpus proves large enough for a pool.
        for article in it:
            if progress is not None:
                progress(article)
            seen_chars += len(article.text)
            if keep is None or keep(article.text):
                yield article, task(Doc(article, model))
            if seen_chars >= POOL_AFTER_CHARS:
                yield from _pooled(it, task, jobs, keep, progress, model)
                return
        return
    for article in it:
        if progress is not None:
            progress(article)
        if keep is None or keep(article.text):
            yield article, task(Doc(article, model))


def _chunks(
    it: Iterator[Article], keep: Callable[[str], bool] | None, progress: Progress | None
) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    chars = 0
    for article in it:
        if progress is not None:
            progress(article)
        if keep is not None and not keep(article.text):
            continue
        chunk.append(article)
        chars += len(article.text)
        if chars >= CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _pooled(
    it: Iterator[Article],
    task: Callable[[Doc], R],
    jobs: int,
    keep: Callable[[str], bool] | None,
    progress: Progress | None,
    model: Boilerplate | None,
) -> Iterator[tuple[Article, R]]:
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[list[Article], Future[list[Any]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_init, initargs=(task, model)
    ) as pool:
        try:
            for chunk in _chunks(it, keep, progress):
                pending.append((chunk, pool.submit(_run_chunk, chunk)))
                while len(pending) >= jobs * IN_FLIGHT:
                    yield from _drain(pending.popleft())
            while pending:
                yield from _drain(pending.popleft())
        except BaseException:
            for _, fut in pending:
                fut.cancel()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _drain(item: tuple[list[Article], Future[list[Any]]]) -> Iterator[tuple[Article, Any]]:
    chunk, fut = item
    yield from zip(chunk, fut.result(), strict=True)
