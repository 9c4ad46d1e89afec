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

Page parts depend on the corpus's learned boilerplate
(:mod:`kzcorpus.boilerplate`): ``build`` learns it first and stores it
(meta ``boilerplate``); ``update`` learns it again from the updated corpus
and, when an outlet's boilerplate changed, analyses that outlet's unchanged
articles again, so an updated index equals a new build.
"""

from __future__ import annotations

import json
import os
import re
import time
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzcorpus import __version__
from kzcorpus.corpus import Article, Corpus
from kzcorpus.doc import Doc
from kzcorpus.dupes import DupeFinder, Sketch, SketchTask
from kzcorpus.engine import scan
from kzcorpus.errors import UsageError
from kzcorpus.index.pairs import store_sketch, update_pairs, write_pairs
from kzcorpus.index.store import (
    DDL,
    FIGURES,
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

if TYPE_CHECKING:
    from kzcorpus.boilerplate import Boilerplate

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
        #: Folded word counts of the articles written: body lines, other lines.
        self.body_words: Counter[str] = Counter()
        self.other_words: Counter[str] = Counter()

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
        fig = results.get(FIGURES)
        if fig is not None:
            self.con.execute(
                "INSERT INTO figures(n, date, body_tokens, all_tokens) VALUES (?,?,?,?)",
                (n, fig["date"], fig["body_tokens"], fig["all_tokens"]),
            )
            self.body_words.update(fig["body_words"])
            self.other_words.update(fig["other_words"])
        self.con.executemany(
            "INSERT INTO results(doc, kind, data) VALUES (?,?,?)",
            ((n, k, pack(v)) for k, v in results.items() if k != FIGURES),
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


def write_vocab(con: Any, body: Counter[str], other: Counter[str]) -> None:
    """The ``vocab`` table from the word counts of every live article (replacing what was there)."""
    from kzcorpus.stats.words import Grouper

    con.execute("DELETE FROM vocab")
    for scope, counts in (("body", body), ("all", body + other)):
        base = Grouper(counts)
        con.executemany(
            "INSERT INTO vocab(scope, word, count, base) VALUES (?,?,?,?)",
            ((scope, w, n, base(w)) for w, n in counts.items() if n > 0),
        )


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
    boilerplate: Boilerplate | None = None,
) -> Index:
    """Index *corpus* (read from *specs*) into *path*, replacing any index there.

    *scanner*, if given, is what analyses the articles (instead of the
    local engine on *jobs* cores); it must yield the articles of *corpus*,
    analysed with *boilerplate* (the corpus's learned boilerplate; by
    default learned here from *corpus*).
    """
    if boilerplate is None:
        boilerplate = corpus.boilerplate()
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
            "results": json.dumps(sorted(k for k in stored(gazetteer) if k != FIGURES)),
            "boilerplate": boilerplate.to_json(),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "dupes": "1",
        }
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        _write_inputs(con, inputs, inputs)
        writer = _Writer(con, 0)
        if scanner is None:
            scanner = _local(corpus, jobs, progress, boilerplate)
        finder = DupeFinder()

        def pair(n: int, sketch: Sketch) -> None:
            store_sketch(con, n, sketch, finder)
            finder.add(n, None, None, sketch)

        _index_articles(writer, scanner, inputs, stored(gazetteer), pair)
        writer.write_postings(merge=False)
        write_vocab(con, writer.body_words, writer.other_words)
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


def _local(
    articles: Iterable[Article], jobs: int, progress: Callable[[Article], None] | None, boilerplate: Boilerplate
) -> Scanner:
    return lambda task: scan(articles, task, jobs=jobs, progress=progress, boilerplate=boilerplate)


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
        body, other = _live_vocab(index, gone)
        con.executemany("UPDATE docs SET live = 0 WHERE input = ?", ((p,) for p in gone))
        for table, key in (("results", "doc"), ("figures", "n")):
            con.executemany(
                f"DELETE FROM {table} WHERE {key} IN (SELECT n FROM docs WHERE input = ? AND live = 0)",
                ((p,) for p in gone),
            )
        con.executemany("DELETE FROM inputs WHERE path = ?", ((p,) for p in removed))
        _write_inputs(con, inputs, [*added, *changed])
        new: list[tuple[int, Sketch]] = []
        wanted = set(added) | set(changed)
        reread = [p for p in inputs if p in wanted]
        files = json.loads(index.meta.get("gazetteer_files", "[]"))
        model = _relearn(
            index, make_corpus(inputs) if reread or removed else None, jobs, stored(files), (body, other), new
        )
        if reread:
            first_n = con.execute("SELECT coalesce(max(n), 0) FROM docs").fetchone()[0]
            writer = _Writer(con, first_n, batch=None)  # one transaction: never commit midway
            finder = DupeFinder()

            def keep(n: int, sketch: Sketch) -> None:
                store_sketch(con, n, sketch, finder)
                new.append((n, sketch))

            _index_articles(writer, _local(make_corpus(reread), jobs, progress, model), reread, stored(files), keep)
            writer.write_postings(merge=True)
            body.update(writer.body_words)
            other.update(writer.other_words)
        write_vocab(con, body, other)
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


def _relearn(
    index: Index,
    corpus: Corpus | None,
    jobs: int,
    tasks: dict[str, Callable[[Doc], Any]],
    vocab: tuple[Counter[str], Counter[str]],
    new: list[tuple[int, Sketch]],
) -> Boilerplate:
    """The updated corpus's boilerplate, stored; the live articles of every
    source whose boilerplate changed get their results, figures and share of
    *vocab* (body words, other words: adjusted in place) computed again, and
    their near-duplicate sketches too (appended to *new*, to be paired again)."""
    from kzcorpus.tasks import figures

    old = _stored_model(index)
    if corpus is None:
        return old
    model = corpus.boilerplate()
    changed = {s for s in {*old.outlets, *model.outlets} if old.outlet(s) != model.outlet(s)}
    if changed:
        body, other = vocab
        numbers: list[int] = []

        def affected() -> Iterable[Article]:
            for n, article in index.articles():
                if (article.source or "") in changed:
                    numbers.append(n)
                    if FIGURES in tasks:  # this article's words as counted under the old model leave
                        before = figures(Doc(article, boilerplate=old))
                        body.subtract(before["body_words"])
                        other.subtract(before["other_words"])
                    yield article

        done = scan(affected(), IndexTask(tasks), jobs=jobs, boilerplate=model)
        finder = DupeFinder()
        for i, (_, (_, results, sketch)) in enumerate(done):
            _forget_pairs(index.con, numbers[i])
            store_sketch(index.con, numbers[i], sketch, finder)
            new.append((numbers[i], sketch))
            index.con.executemany(
                "INSERT OR REPLACE INTO results(doc, kind, data) VALUES (?,?,?)",
                ((numbers[i], k, pack(v)) for k, v in results.items() if k != FIGURES),
            )
            fig = results.get(FIGURES)
            if fig is not None:
                index.con.execute(
                    "UPDATE figures SET date = ?, body_tokens = ?, all_tokens = ? WHERE n = ?",
                    (fig["date"], fig["body_tokens"], fig["all_tokens"], numbers[i]),
                )
                body.update(fig["body_words"])
                other.update(fig["other_words"])
    index.con.execute("INSERT OR REPLACE INTO meta VALUES ('boilerplate', ?)", (model.to_json(),))
    index.meta["boilerplate"] = model.to_json()
    return model


def _forget_pairs(con: Any, n: int) -> None:
    """Drop article *n*'s near-duplicate sketch and pairs (its body changed)."""
    con.execute("DELETE FROM dupe_sketch WHERE doc = ?", (n,))
    con.execute("DELETE FROM dupe_pairs WHERE a = ? OR b = ?", (n, n))


def _stored_model(index: Index) -> Boilerplate:
    """The boilerplate the index's stored results were computed with."""
    from kzcorpus.boilerplate import Boilerplate

    return Boilerplate.from_json(index.meta.get("boilerplate", "{}"))


def _live_vocab(index: Index, leaving: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """The stored word counts (body lines, other lines) less those of the
    live articles of the inputs *leaving* the index (counted again from their stored text)."""
    from kzcorpus.tasks import figures

    body: Counter[str] = Counter(index.vocab("body"))
    other: Counter[str] = Counter(index.vocab("all"))
    other.subtract(body)
    sql = "SELECT n FROM docs WHERE input = ? AND live = 1"
    ns = [n for p in leaving for (n,) in index.con.execute(sql, (p,))]
    model = _stored_model(index)
    for _, article in index.articles(ns):
        fig = figures(Doc(article, boilerplate=model))
        body.subtract(fig["body_words"])
        other.subtract(fig["other_words"])
    return body, other


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
