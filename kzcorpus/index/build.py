"""Writing an index: ``kzcorpus index build`` and ``kzcorpus index update``.

Each article is analysed once (:func:`index_task`, run by
:func:`kzcorpus.engine.scan` on every core): its folded tokens for the
postings, each registered per-article result (:data:`RESULTS`), and its
MinHash sketch (:class:`kzcorpus.dupes.SketchTask`), from which this
process finds the near-duplicate pairs (:mod:`kzcorpus.index.pairs`).  This process
writes the rows, a batch of articles per transaction.

``build`` writes a fresh file beside the target and renames it into place
when complete.  ``update`` re-reads only the inputs whose size or
modification time changed (and whose content hash differs), drops articles
of removed inputs, adds new inputs, all in one transaction.
"""

from __future__ import annotations

import json
import os
import re
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from kzcorpus import __version__
from kzcorpus.corpus import Article, Corpus
from kzcorpus.doc import Doc
from kzcorpus.dupes import DupeFinder, Sketch, SketchTask
from kzcorpus.engine import scan
from kzcorpus.errors import UsageError
from kzcorpus.index.pairs import store_sketch, update_pairs, write_pairs
from kzcorpus.index.store import (
    DDL,
    INDEX_FORMAT,
    Index,
    IndexError_,
    connect,
    gazetteer_fingerprint,
    list_inputs,
    pack,
    pack_docs,
    sha1_of,
    stat_input,
    unpack_docs,
)
from kzcorpus.tasks import stored

#: A folded token, as the KWIC matcher sees word boundaries in folded text.
TOKEN_RE = re.compile(r"[^\W_]+")
BATCH = 500

#: Runs a per-doc task over the corpus: ``(article, result)`` in corpus order
#: (default: :func:`kzcorpus.engine.scan`; :mod:`kzcorpus.distributed` gives
#: one that runs on a Dask cluster, or reads a written extract).
Scanner = Callable[[Callable[[Doc], Any]], Iterable[tuple[Article, Any]]]


def folded_tokens(doc: Doc) -> list[str]:
    """The distinct folded tokens of *doc*, sorted."""
    return sorted(set(TOKEN_RE.findall(doc.folded)))


class IndexTask:
    """What the index keeps of one article (picklable, for worker processes):
    its folded tokens, each stored per-article result (:func:`kzcorpus.tasks.stored`)
    and its near-duplicate sketch."""

    def __init__(self, tasks: dict[str, Callable[[Doc], Any]]) -> None:
        self.tasks = tasks
        self.sketch = SketchTask()

    def __call__(self, doc: Doc) -> tuple[list[str], dict[str, Any], Sketch]:
        return folded_tokens(doc), {k: task(doc) for k, task in sorted(self.tasks.items())}, self.sketch(doc)


def _input_of(article: Article, inputs: Sequence[str], start: int) -> int:
    """Index in *inputs* (from *start* on) of the input *article* was read from."""
    for i in range(start, len(inputs)):
        p = inputs[i]
        if article.path == p or article.path.startswith(p + "!"):
            return i
    raise IndexError_(f"cannot tell which input {article.path} came from")  # pragma: no cover


class _Writer:
    """Rows of one build or update, written in batches."""

    def __init__(self, con: Any, first_n: int, *, batch: int | None = BATCH) -> None:
        #: Articles per transaction; None: one transaction for everything (an update).
        self.batch = batch
        self.con = con
        self.n = first_n
        self.postings: dict[str, array[int]] = {}
        self.pending = 0

    def add(self, article: Article, input_path: str, seq: int, tokens: list[str], results: dict[str, Any]) -> None:
        self.n += 1
        n = self.n
        text = zlib.compress(article.text.encode("utf-8"), 6)
        self.con.execute(
            "INSERT INTO docs(n, id, input, seq, path, title, meta, text, chars) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                n,
                article.id,
                input_path,
                seq,
                article.path,
                article.title,
                json.dumps(article.meta),
                text,
                len(article.text),
            ),
        )
        self.con.executemany(
            "INSERT INTO results(doc, kind, data) VALUES (?,?,?)", ((n, k, pack(v)) for k, v in results.items())
        )
        for t in tokens:
            arr = self.postings.get(t)
            if arr is None:
                arr = self.postings[t] = array("I")
            arr.append(n)
        self.pending += 1
        if self.batch is not None and self.pending >= self.batch:
            self.con.execute("COMMIT")
            self.con.execute("BEGIN")
            self.pending = 0

    def write_postings(self, merge: bool) -> None:
        for token, arr in self.postings.items():
            data = arr.tobytes()
            if merge:
                row = self.con.execute("SELECT docs FROM postings WHERE token = ?", (token,)).fetchone()
                if row is not None:
                    data = pack_docs([*unpack_docs(row[0]), *arr])
            self.con.execute("INSERT OR REPLACE INTO postings(token, docs) VALUES (?, ?)", (token, data))


def build_index(
    path: str | Path,
    corpus: Corpus,
    specs: Sequence[str],
    *,
    metadata: Sequence[str] = (),
    encoding: str | None = None,
    gazetteer: Sequence[str] = (),
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    scanner: Scanner | None = None,
) -> Index:
    """Index *corpus* (read from *specs*) into *path*, replacing any index there.

    *scanner*, if given, is what analyses the articles (instead of the
    local engine on *jobs* cores); it must yield the articles of *corpus*.
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise UsageError(f"{target} exists and is not an index file")
    inputs = list_inputs(specs, encoding)
    tmp = target.with_name(f".{target.name}.building-{os.getpid()}")
    for leftover in target.parent.glob(f".{target.name}.building-*"):
        _remove(leftover)
    con = connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.executescript(DDL)
        con.execute("BEGIN")
        meta = {
            "format": str(INDEX_FORMAT),
            "version": __version__,
            "corpus": json.dumps([str(s) for s in specs]),
            "metadata": json.dumps([str(m) for m in metadata]),
            "encoding": encoding or "",
            "gazetteer": gazetteer_fingerprint(gazetteer),
            "gazetteer_files": json.dumps([str(g) for g in gazetteer]),
            "results": json.dumps(sorted(stored(gazetteer))),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "dupes": "1",
        }
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        _write_inputs(con, inputs, inputs)
        writer = _Writer(con, 0)
        if scanner is None:
            scanner = _local(corpus, jobs, progress)
        finder = DupeFinder()

        def pair(n: int, sketch: Sketch) -> None:
            store_sketch(con, n, sketch, finder)
            finder.add(n, None, None, sketch)

        _index_articles(writer, scanner, inputs, stored(gazetteer), pair)
        writer.write_postings(merge=False)
        write_pairs(con, finder.id_pairs())
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=WAL")
        con.close()
        os.replace(tmp, target)
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    from kzcorpus.index.store import open_index

    return open_index(target, gazetteer=gazetteer, check_inputs=False)


def _write_inputs(con: Any, inputs: Sequence[str], changed: Iterable[str]) -> None:
    position = {p: i for i, p in enumerate(inputs)}
    for p in changed:
        st = stat_input(p)
        if st is None:
            continue
        con.execute(
            "INSERT OR REPLACE INTO inputs(path, size, mtime_ns, sha1, position) VALUES (?,?,?,?,?)",
            (p, st.size, st.mtime_ns, sha1_of(p), position[p]),
        )
    con.executemany("UPDATE inputs SET position = ? WHERE path = ?", ((i, p) for p, i in position.items()))


def _local(articles: Iterable[Article], jobs: int, progress: Callable[[Article], None] | None) -> Scanner:
    return lambda task: scan(articles, task, jobs=jobs, progress=progress)


def _index_articles(
    writer: _Writer,
    scanner: Scanner,
    inputs: Sequence[str],
    tasks: dict[str, Callable[[Doc], Any]],
    on_sketch: Callable[[int, Sketch], None],
) -> None:
    current, seq = 0, 0
    for article, (tokens, results, sketch) in scanner(IndexTask(tasks)):
        i = _input_of(article, inputs, current)
        if i != current:
            current, seq = i, 0
        seq += 1
        writer.add(article, inputs[i], seq, tokens, results)
        on_sketch(writer.n, sketch)


def update_index(
    index: Index,
    make_corpus: Callable[[list[str]], Corpus],
    *,
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Bring *index* up to date; return the inputs (added, changed, removed)."""
    inputs = list_inputs(index.corpus_specs, index.encoding)
    added, changed, removed = index.changed_inputs(inputs)
    con = index.con
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("BEGIN IMMEDIATE")
    try:
        gone = [*changed, *removed]
        con.executemany("UPDATE docs SET live = 0 WHERE input = ?", ((p,) for p in gone))
        con.executemany(
            "DELETE FROM results WHERE doc IN (SELECT n FROM docs WHERE input = ? AND live = 0)", ((p,) for p in gone)
        )
        con.executemany("DELETE FROM inputs WHERE path = ?", ((p,) for p in removed))
        _write_inputs(con, inputs, [*added, *changed])
        new: list[tuple[int, Sketch]] = []
        wanted = set(added) | set(changed)
        reread = [p for p in inputs if p in wanted]
        if reread:
            first_n = con.execute("SELECT coalesce(max(n), 0) FROM docs").fetchone()[0]
            writer = _Writer(con, first_n, batch=None)  # one transaction: never commit midway
            files = json.loads(index.meta.get("gazetteer_files", "[]"))
            finder = DupeFinder()

            def keep(n: int, sketch: Sketch) -> None:
                store_sketch(con, n, sketch, finder)
                new.append((n, sketch))

            _index_articles(writer, _local(make_corpus(reread), jobs, progress), reread, stored(files), keep)
            writer.write_postings(merge=True)
        update_pairs(index, new)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('updated', ?)",
            (time.strftime("%Y-%m-%dT%H:%M:%S%z"),),
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added, changed, removed


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
