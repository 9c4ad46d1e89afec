"""The index file: an SQLite database, crash-safe by construction.

Tables:

``meta``
    ``format`` (:data:`INDEX_FORMAT`), ``version`` (kzcorpus), ``corpus``
    (the ``--corpus`` values, JSON), ``metadata``, ``encoding``,
    ``gazetteer`` (a fingerprint of the gazetteer files), ``boilerplate``
    (the corpus's learned boilerplate, :mod:`kzcorpus.boilerplate`, JSON),
    ``built``, ``updated``.
``inputs``
    every input file: ``path``, ``size``, ``mtime_ns``, ``sha1`` of its
    bytes, ``position`` in the corpus listing.
``docs``
    every article: ``n`` (row id), ``id``, ``input``, ``seq`` (its order
    within the input), ``path``, ``title``, ``meta`` (JSON), ``text``
    (zlib), ``chars``, ``live`` (0 once an update replaced it).
``postings``
    ``token`` (a folded word) -> ``docs`` (sorted article numbers, an
    unsigned 32-bit array).
``results``
    ``(doc, kind)`` -> ``data`` (zlib JSON): a per-article result of an
    analysis.
``figures``
    per article (``n``): its ``date`` (as slices and trends date it),
    ``body_tokens`` and ``all_tokens`` (:func:`kzcorpus.tasks.figures`), so
    that rates and totals need no article text.
``vocab``
    ``(scope, word)`` -> ``count`` of the folded word in the body lines
    (``scope`` ``body``) or every line (``all``) of all live articles, and
    its ``base`` (:func:`kzcorpus.stats.clitic_base` over that scope's
    counts), kept up to date by ``index update``.
``dupe_pairs``
    ``(a, b)`` article numbers -> ``sim``: every pair of near-duplicate
    articles ``kzcorpus dupes`` keeps at its defaults (what ``--dedupe``
    reads, :mod:`kzcorpus.dedupe`).
``dupe_sketch``
    ``doc`` -> ``minhash``: the MinHash of each article long enough to be
    paired, so that ``index update`` pairs new articles without a pass over
    the others (:mod:`kzcorpus.index.pairs`).

A build writes a new file beside the target and renames it into place at
the end, so an interrupted build leaves the previous index (or none), never
a half-written one.  An update runs in one transaction (WAL journal): an
interrupted update is rolled back by SQLite.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzcorpus import __version__
from kzcorpus.corpus import Article, Corpus
from kzcorpus.errors import KzError, UsageError

#: Bumped whenever what the index stores, or how, changes.
INDEX_FORMAT = 2
ENV_INDEX = "KZCORPUS_INDEX"

DDL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE inputs(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                    sha1 TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE docs(n INTEGER PRIMARY KEY, id TEXT NOT NULL, input TEXT NOT NULL, seq INTEGER NOT NULL,
                  path TEXT NOT NULL, title TEXT, meta TEXT NOT NULL, text BLOB NOT NULL,
                  chars INTEGER NOT NULL, live INTEGER NOT NULL DEFAULT 1);
CREATE INDEX docs_input ON docs(input, seq);
CREATE TABLE postings(token TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE results(doc INTEGER NOT NULL, kind TEXT NOT NULL, data BLOB NOT NULL,
                     PRIMARY KEY(doc, kind)) WITHOUT ROWID;
CREATE TABLE figures(n INTEGER PRIMARY KEY, date TEXT, body_tokens INTEGER NOT NULL, all_tokens INTEGER NOT NULL);
CREATE TABLE vocab(scope TEXT NOT NULL, word TEXT NOT NULL, count INTEGER NOT NULL, base TEXT NOT NULL,
                   PRIMARY KEY(scope, word)) WITHOUT ROWID;
CREATE INDEX vocab_base ON vocab(scope, base);
CREATE TABLE dupe_pairs(a INTEGER NOT NULL, b INTEGER NOT NULL, sim REAL NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;
CREATE TABLE dupe_sketch(doc INTEGER PRIMARY KEY, minhash BLOB NOT NULL);
"""

#: Per-article results kept in tables of their own (not in ``results``).
FIGURES = "figures"


class IndexError_(KzError):
    """An index that cannot be used as it is (exit status 2)."""


class StaleIndex(IndexError_):
    """Inputs changed since the index was built."""


@dataclass
class InputState:
    path: str
    size: int
    mtime_ns: int


def stat_input(path: str) -> InputState | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return InputState(path, st.st_size, st.st_mtime_ns)


def sha1_of(path: str) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8"))


def pack_docs(ns: Iterable[int]) -> bytes:
    return array("I", sorted(ns)).tobytes()


def unpack_docs(data: bytes) -> array[int]:
    a = array("I")
    a.frombytes(data)
    return a


@dataclass
class IndexInfo:
    """What ``kzcorpus index info`` shows."""

    path: str
    meta: dict[str, str]
    articles: int
    inputs: int
    tokens: int
    results: dict[str, int]
    size_bytes: int
    text_chars: int


def connect(path: str | Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA foreign_keys=OFF")
    return con


class Index:
    """An open index file (read side; :mod:`kzcorpus.index.build` writes)."""

    def __init__(self, path: str | Path, con: sqlite3.Connection) -> None:
        self.path = str(path)
        self.con = con
        self.meta: dict[str, str] = dict(con.execute("SELECT key, value FROM meta").fetchall())

    # -- what was indexed --------------------------------------------------

    @property
    def corpus_specs(self) -> list[str]:
        return list(json.loads(self.meta.get("corpus", "[]")))

    @property
    def metadata_specs(self) -> list[str]:
        return list(json.loads(self.meta.get("metadata", "[]")))

    @property
    def encoding(self) -> str | None:
        return self.meta.get("encoding") or None

    def inputs(self) -> dict[str, tuple[int, int, str, int]]:
        rows = self.con.execute("SELECT path, size, mtime_ns, sha1, position FROM inputs")
        return {p: (s, m, h, pos) for p, s, m, h, pos in rows}

    def changed_inputs(self, listed: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        """Inputs (``added``, ``changed``, ``removed``) compared with *listed*,
        the inputs the corpus has now (size and mtime; a changed one whose
        content hash is the same does not count)."""
        known = self.inputs()
        listed_set = set(listed)
        added = [p for p in listed if p not in known]
        removed = [p for p in known if p not in listed_set]
        changed = []
        for p in listed:
            if p not in known:
                continue
            size, mtime, sha1, _ = known[p]
            st = stat_input(p)
            if st is None:
                removed.append(p)
            elif (st.size, st.mtime_ns) != (size, mtime) and (st.size != size or sha1_of(p) != sha1):
                changed.append(p)
        return added, changed, removed

    # -- articles ------------------------------------------------------------

    _ARTICLE_SQL = (
        "SELECT d.n, d.id, d.path, d.title, d.meta, d.text FROM docs d JOIN inputs i ON d.input = i.path "
        "WHERE d.live = 1 {where} ORDER BY i.position, d.seq"
    )

    def articles(self, only: Iterable[int] | None = None) -> Iterator[tuple[int, Article]]:
        """``(n, article)`` in corpus order (only the numbers *only*, if given)."""
        if only is None:
            rows = self.con.execute(self._ARTICLE_SQL.format(where=""))
        else:
            wanted = sorted(set(only))
            if not wanted:
                return
            self.con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(n INTEGER PRIMARY KEY)")
            self.con.execute("DELETE FROM wanted")
            self.con.executemany("INSERT INTO wanted VALUES (?)", ((n,) for n in wanted))
            rows = self.con.execute(self._ARTICLE_SQL.format(where="AND d.n IN (SELECT n FROM wanted)"))
        for n, doc_id, path, title, meta, text in rows:
            yield n, Article(doc_id, zlib.decompress(text).decode("utf-8"), path, title, json.loads(meta))

    def ids(self) -> list[str]:
        """Every live article id, in corpus order."""
        sql = self._ARTICLE_SQL.format(where="").replace("d.n, d.id, d.path, d.title, d.meta, d.text", "d.id")
        return [r[0] for r in self.con.execute(sql)]

    def docs_with(self, tokens: Iterable[str]) -> set[int]:
        """Numbers of live articles holding any of the folded *tokens*."""
        out: set[int] = set()
        for token in set(tokens):
            row = self.con.execute("SELECT docs FROM postings WHERE token = ?", (token,)).fetchone()
            if row is not None:
                out.update(unpack_docs(row[0]))
        return out

    def has_results(self, kind: str) -> bool:
        """Whether this index stores per-article results of *kind*."""
        return kind in json.loads(self.meta.get("results", "[]"))

    def articles_with_results(self, kind: str, only: Iterable[int] | None = None) -> Iterator[tuple[int, Article, Any]]:
        """``(n, article, stored result of kind)`` in corpus order, streamed."""
        sql = (
            "SELECT d.n, d.id, d.path, d.title, d.meta, d.text, r.data FROM docs d "
            "JOIN inputs i ON d.input = i.path JOIN results r ON r.doc = d.n AND r.kind = ? "
            "WHERE d.live = 1 {where} ORDER BY i.position, d.seq"
        )
        if only is None:
            rows = self.con.execute(sql.format(where=""), (kind,))
        else:
            self.con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(n INTEGER PRIMARY KEY)")
            self.con.execute("DELETE FROM wanted")
            self.con.executemany("INSERT INTO wanted VALUES (?)", ((n,) for n in sorted(set(only))))
            rows = self.con.execute(sql.format(where="AND d.n IN (SELECT n FROM wanted)"), (kind,))
        for n, doc_id, path, title, meta, text, data in rows:
            article = Article(doc_id, zlib.decompress(text).decode("utf-8"), path, title, json.loads(meta))
            yield n, article, unpack(data)

    def figures(self, only: Iterable[int] | None = None) -> Iterator[tuple[int, Article, str | None, int, int]]:
        """``(n, article without its text, date, body tokens, all tokens)`` in
        corpus order (only the numbers *only*, if given): what a slice, a
        grouping and a rate need, read without decompressing any text."""
        sql = (
            "SELECT d.n, d.id, d.path, d.title, d.meta, f.date, f.body_tokens, f.all_tokens FROM docs d "
            "JOIN inputs i ON d.input = i.path JOIN figures f ON f.n = d.n "
            "WHERE d.live = 1 {where} ORDER BY i.position, d.seq"
        )
        if only is None:
            rows = self.con.execute(sql.format(where=""))
        else:
            self._want(only)
            rows = self.con.execute(sql.format(where="AND d.n IN (SELECT n FROM wanted)"))
        for n, doc_id, path, title, meta, date, body, every in rows:
            yield n, Article(doc_id, "", path, title, json.loads(meta)), date, body, every

    def bases(self, scope: str, words: Iterable[str]) -> dict[str, str]:
        """The stored base (clitic grouping over the whole corpus) of each of *words* that occurs in *scope*."""
        return self._vocab_lookup("SELECT word, base FROM vocab WHERE scope = ? AND word IN ({})", scope, words)

    def base_counts(self, scope: str, bases: Iterable[str]) -> dict[str, int]:
        """Occurrences in *scope* of the words grouped under each of *bases*."""
        sql = "SELECT base, sum(count) FROM vocab WHERE scope = ? AND base IN ({}) GROUP BY base"
        return self._vocab_lookup(sql, scope, bases)

    def word_counts(self, scope: str, words: Iterable[str]) -> dict[str, int]:
        """Occurrences in *scope* of each of *words* that occurs there."""
        return self._vocab_lookup("SELECT word, count FROM vocab WHERE scope = ? AND word IN ({})", scope, words)

    def _vocab_lookup(self, sql: str, scope: str, keys: Iterable[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for chunk in _chunked(sorted(set(keys))):
            out.update(self.con.execute(sql.format(",".join("?" * len(chunk))), (scope, *chunk)).fetchall())
        return out

    def vocab(self, scope: str) -> dict[str, int]:
        """Every folded word of *scope* with its count (all live articles)."""
        return dict(self.con.execute("SELECT word, count FROM vocab WHERE scope = ?", (scope,)).fetchall())

    def _want(self, only: Iterable[int]) -> None:
        self.con.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(n INTEGER PRIMARY KEY)")
        self.con.execute("DELETE FROM wanted")
        self.con.executemany("INSERT INTO wanted VALUES (?)", ((n,) for n in sorted(set(only))))

    def has_dupes(self) -> bool:
        """Whether this index stores its near-duplicate pairs."""
        return self.meta.get("dupes") == "1"

    def dupe_pairs(self) -> Iterator[tuple[tuple[int, str, str | None], tuple[int, str, str | None]]]:
        """Each stored pair of live near-duplicates, as two ``(n, id, published)``."""
        rows = self.con.execute(
            "SELECT a.n, a.id, a.meta, b.n, b.id, b.meta FROM dupe_pairs p JOIN docs a ON a.n = p.a "
            "JOIN docs b ON b.n = p.b WHERE a.live = 1 AND b.live = 1 ORDER BY p.a, p.b"
        )
        for na, ida, ma, nb, idb, mb in rows:
            yield (na, ida, json.loads(ma).get("published") or None), (nb, idb, json.loads(mb).get("published") or None)

    def info(self) -> IndexInfo:
        one = self.con.execute
        kinds = dict(one("SELECT kind, count(*) FROM results GROUP BY kind").fetchall())
        return IndexInfo(
            path=self.path,
            meta=dict(self.meta),
            articles=one("SELECT count(*) FROM docs WHERE live = 1").fetchone()[0],
            inputs=one("SELECT count(*) FROM inputs").fetchone()[0],
            tokens=one("SELECT count(*) FROM postings").fetchone()[0],
            results=kinds,
            size_bytes=os.path.getsize(self.path),
            text_chars=one("SELECT coalesce(sum(chars), 0) FROM docs WHERE live = 1").fetchone()[0],
        )

    def close(self) -> None:
        self.con.close()


def _chunked(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def list_inputs(specs: Sequence[str], encoding: str | None = None) -> list[str]:
    """The input files of a corpus, in corpus order."""
    if not specs or "-" in specs:
        raise UsageError("an index needs files: standard input (--corpus -) cannot be indexed")
    corpus = Corpus(list(specs), encoding=encoding)
    return [src.path for src in corpus._sources]


def gazetteer_fingerprint(files: Sequence[str | Path] = ()) -> str:
    """A hash of the package's gazetteer data and any extra gazetteer files."""
    from importlib import resources

    h = hashlib.sha1()
    data = resources.files("kzcorpus").joinpath("data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith(".tsv")):
        h.update(name.encode())
        h.update(data.joinpath(name).read_bytes())
    for f in files:
        try:
            h.update(Path(f).read_bytes())
        except OSError as exc:
            raise UsageError(f"cannot read gazetteer file {f}: {exc.strerror or exc}") from None
    return h.hexdigest()[:16]


def open_index(path: str | Path, *, gazetteer: Sequence[str | Path] = (), check_inputs: bool = True) -> Index:
    """Open an index for reading; refuse one that does not fit this kzcorpus,
    these gazetteer files, or (with *check_inputs*) inputs that changed."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"no index at {p}; build one with: kzcorpus index build --corpus … --index {p}")
    try:
        con = connect(p)
        idx = Index(p, con)
    except sqlite3.DatabaseError as exc:
        raise IndexError_(f"{p} is not a kzcorpus index ({exc}); build one with kzcorpus index build") from None
    fmt = idx.meta.get("format")
    if fmt != str(INDEX_FORMAT) or idx.meta.get("version") != __version__:
        idx.close()
        raise IndexError_(
            f"{p} was built by kzcorpus {idx.meta.get('version', '?')} (index format {fmt}); this is "
            f"kzcorpus {__version__} (format {INDEX_FORMAT}): rebuild it with kzcorpus index build --index {p} --corpus …"
        )
    wanted = gazetteer_fingerprint(gazetteer)
    if idx.meta.get("gazetteer") != wanted:
        idx.close()
        raise IndexError_(
            f"{p} was built with other entity lists than these (other --gazetteer files, a file edited since, "
            f"or kzcorpus's own lists as they were then); rebuild it (kzcorpus index build --index {p} with the "
            f"--gazetteer options you want) or give --gazetteer as it was at the build"
        )
    if check_inputs:
        added, changed, removed = idx.changed_inputs(list_inputs(idx.corpus_specs, idx.encoding))
        if added or changed or removed:
            idx.close()
            what = [f"{len(v)} {k}" for k, v in (("added", added), ("changed", changed), ("removed", removed)) if v]
            example = (changed or added or removed)[0]
            raise StaleIndex(
                f"the index {p} is out of date ({', '.join(what)} since it was built, e.g. {example}); "
                f"run: kzcorpus index update --index {p}"
            )
    return idx
