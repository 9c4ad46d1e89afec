"""Per-article work beyond one machine: a corpus on a Dask cluster.

Needs the ``dask`` extra (``pip install 'kzcorpus[dask]'``), and kzcorpus
installed on every worker.  Only *paths* are shipped to the workers: a
corpus is cut into :class:`Partition` objects (input files, or slices of the
articles of one large collection), and each worker reads its partition with
the same :class:`~kzcorpus.corpus.Corpus` logic as a local run, so every
article gets the id, metadata and results it gets locally.  An id can depend
on the articles before it (a repeated id becomes ``id~2``), so the plan
ships each partition the counts of its ids met earlier (:func:`plan` reads
the JSON collections once; text files with distinct names need no pass).

The building blocks, for your own pipelines over a ``dask.bag``:

- :func:`article_bag` — the articles of a corpus, one bag partition per
  :class:`Partition`, read on the workers;
- :func:`extract` — per-article results as records ``{doc, kind, data}``;
- :func:`write_extract` — records written as JSON Lines or Parquet
  partitions plus a manifest, read back with :func:`read_extract` (or
  pandas, DuckDB, Spark);

and for whole runs: :func:`scan_partitions` (``(article, result)`` in corpus
order, what ``index build --engine dask`` uses), :func:`extract_corpus` (what
``kzcorpus extract`` runs, on a cluster or on local cores) and
:func:`build_index_from_extract`.
"""

from __future__ import annotations

import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kzcorpus.boilerplate import Boilerplate, Counts, count, merged
from kzcorpus.corpus import Article, Corpus, Problem, _Source
from kzcorpus.doc import Doc
from kzcorpus.errors import KzError, UsageError

if TYPE_CHECKING:
    from kzcorpus.index.store import Index

T = TypeVar("T")
R = TypeVar("R")

#: Articles per partition (a collection with more is cut into slices).
PARTITION_ARTICLES = 200
#: Output formats of :func:`write_extract`.
FORMATS = ("jsonl", "parquet")
#: The file of an extract directory that lists its partitions (written last).
MANIFEST = "_kzcorpus.json"
#: Seconds to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = 5.0
#: The extra kind: an article's distinct folded tokens (what an index's postings hold).
TOKENS = "tokens"

log = logging.getLogger("kzcorpus.distributed")

#: An ordered map: ``runner(fn, items)`` yields ``fn(item)`` for every item, in order.
Runner = Callable[[Callable[[Any], Any], Sequence[Any]], Iterator[Any]]
Progress = Callable[[Any], None]


class ClusterError(KzError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""


def require_dask() -> None:
    """Raise :class:`ClusterError` saying how to install Dask when it is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError("the Dask engine needs Dask: pip install 'kzcorpus[dask]'") from None


@contextmanager
def cluster(address: str | None = None, *, workers: int | None = None, timeout: float | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at *address* (``tcp://HOST:PORT``),
    or of a ``LocalCluster`` of *workers* processes when no address is given."""
    require_dask()
    from distributed import Client, LocalCluster

    if address:
        try:
            client = Client(address, timeout=timeout or CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        try:
            yield client
        finally:
            client.close()
        return
    local = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    client = Client(local)
    try:
        yield client
    finally:
        client.close()
        local.close()


# --------------------------------------------------------------------------
# Ordered maps: in this process, on local cores, on a cluster


def serial_map(fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    return (fn(item) for item in items)


def pool_map(jobs: int) -> Runner:
    """An ordered map on *jobs* local processes (in this process when *jobs* is 1)."""

    def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        if jobs <= 1 or len(items) <= 1:
            yield from serial_map(fn, items)
            return
        from concurrent.futures import ProcessPoolExecutor

        from kzcorpus.engine import _context

        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
            yield from pool.map(fn, items)

    return run


def client_map(client: Any, in_flight: int | None = None) -> Runner:
    """An ordered map on a Dask cluster; at most *in_flight* items pending
    (default: three per worker thread), so results never pile up."""

    def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        limit = in_flight or 3 * max(1, sum(client.nthreads().values()))
        pending: deque[Any] = deque()
        try:
            for item in items:
                pending.append(client.submit(fn, item, pure=False))
                while len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()

    return run


# --------------------------------------------------------------------------
# Planning: a corpus cut into partitions that workers read


@dataclass(frozen=True)
class Partition:
    """Part of a corpus, read where it runs: only paths and small tables travel.

    *slices*: ``(path, first, stop)`` — the articles ``first`` to ``stop``
    (``None``: to the end) of one input.  *seen*: how many articles before
    this partition had each of its ids.  *meta*: the rows of the metadata
    files given to the corpus for its articles.
    """

    number: int
    slices: tuple[tuple[str, int, int | None], ...]
    encoding: str | None = None
    seen: dict[str, int] = field(default_factory=dict)
    meta: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Plan:
    partitions: list[Partition]
    #: Notes about the whole corpus (metadata rows that name no article).
    notes: list[str]


def plan(
    specs: Sequence[str],
    *,
    metadata: Sequence[str | Path] = (),
    encoding: str | None = None,
    partition_articles: int = PARTITION_ARTICLES,
    runner: Runner = serial_map,
) -> Plan:
    """Cut the corpus *specs* into partitions of about *partition_articles* articles.

    Collections are read once by *runner* (on the workers) to count their
    articles and learn their ids; text files are named by their paths.
    """
    if partition_articles < 1:
        raise UsageError("the partition size must be at least 1 article")
    corpus = Corpus(list(specs), metadata=metadata, encoding=encoding)
    sources = corpus._sources
    if any(s.kind == "stdin" for s in sources):
        raise UsageError("standard input cannot be read by workers; save it to a file and pass the file")
    stems = [Path(s.path).stem for s in sources]
    if all(s.kind == "text" for s in sources) and len(set(stems)) == len(stems):
        raw = [[stem] for stem in stems]  # no id can repeat: no need to read anything here
    else:
        groups = [sources[i : i + partition_articles] for i in range(0, len(sources), partition_articles)]
        batches = [[(s.kind, s.path) for s in g] for g in groups]
        raw = [ids for got in runner(_IdsOf(encoding), batches) for ids in got]
    parts: list[Partition] = []
    current: list[tuple[str, int, int | None]] = []
    ids: list[str] = []
    seen: dict[str, int] = {}

    def flush() -> None:
        if not current:
            return
        before = {i: seen[i] for i in set(ids) if i in seen}
        final = []
        for i in ids:
            n = seen.get(i, 0)
            seen[i] = n + 1
            final.append(i if n == 0 else f"{i}~{n + 1}")
        rows = {f: corpus._extra_meta[f] for f in final if f in corpus._extra_meta}
        parts.append(Partition(len(parts), tuple(current), encoding, before, rows))
        current.clear()
        ids.clear()

    for src, src_ids in zip(sources, raw, strict=True):
        if len(src_ids) > partition_articles:
            flush()
            for first in range(0, len(src_ids), partition_articles):
                stop = first + partition_articles
                current.append((src.path, first, stop if stop < len(src_ids) else None))
                ids.extend(src_ids[first:stop])
                flush()
            continue
        if len(ids) + len(src_ids) > partition_articles:
            flush()
        current.append((src.path, 0, None))
        ids.extend(src_ids)
    flush()
    notes = []
    unused = sorted(set(corpus._extra_meta) - set(seen))
    if unused:
        sample = ", ".join(unused[:3]) + (" …" if len(unused) > 3 else "")
        notes.append(
            f"--metadata: {len(unused)} row{'s' if len(unused) > 1 else ''} name no article in the corpus ({sample})"
        )
    return Plan(parts, notes)


class _IdsOf:
    """The ids of the articles of some inputs, as read (picklable, runs on a worker)."""

    def __init__(self, encoding: str | None) -> None:
        self.encoding = encoding

    def __call__(self, batch: list[tuple[str, str]]) -> list[list[str]]:
        reader = Corpus([path for _, path in batch], encoding=self.encoding)
        reader._quiet = True
        return [[a.id for a in reader._articles_from(src)] for src in _same_sources(reader, batch)]


def _same_sources(reader: Corpus, batch: Sequence[tuple[str, str]]) -> list[_Source]:
    if [(s.kind, s.path) for s in reader._sources] != list(batch):  # pragma: no cover - a file changed kind
        raise UsageError("the inputs changed while the corpus was being read; run again")
    return reader._sources


# --------------------------------------------------------------------------
# Reading a partition (on a worker)


def read_partition(part: Partition) -> tuple[list[Article], list[Problem], list[str]]:
    """The articles of *part*, with the problems and notes met reading them."""
    reader = Corpus([path for path, _, _ in part.slices], encoding=part.encoding)
    reader._extra_meta = part.meta

    def raw() -> Iterator[Article]:
        for src, (_, first, stop) in zip(reader._sources, part.slices, strict=True):
            yield from _slice(reader, src, first, stop)

    articles = list(reader._settled(raw(), dict(part.seen)))
    return articles, reader.problems, reader.notes


def _slice(reader: Corpus, src: _Source, first: int, stop: int | None) -> Iterator[Article]:
    """Articles *first* to *stop* of *src*; problems met before article *first* belong to the slice before."""
    reader._quiet = first > 0
    count = 0
    for article in reader._articles_from(src):
        count += 1
        if count <= first:
            reader._quiet = count < first
            continue
        yield article
        if stop is not None and count >= stop:
            break
    reader._quiet = False


class _Scan:
    """``task`` over the articles of a partition (picklable, runs on a worker)."""

    def __init__(self, task: Callable[[Doc], Any], boilerplate: Boilerplate | None = None) -> None:
        self.task, self.boilerplate = task, boilerplate

    def __call__(self, part: Partition) -> tuple[list[tuple[Article, Any]], list[Problem], list[str]]:
        articles, problems, notes = read_partition(part)
        return [(a, self.task(Doc(a, self.boilerplate))) for a in articles], problems, notes


def _count(part: Partition) -> Counts:
    return count(read_partition(part)[0])


def learn_boilerplate(the_plan: Plan, runner: Runner) -> Boilerplate:
    """The corpus's learned boilerplate (:mod:`kzcorpus.boilerplate`), counted where *runner* runs."""
    return merged(runner(_count, the_plan.partitions))


class _Report:
    """Problems and notes from the workers, in corpus order, each once."""

    def __init__(self, on_problem: Callable[[Problem], None] | None, on_note: Callable[[str], None] | None) -> None:
        self.on_problem, self.on_note = on_problem, on_note
        self.problems: list[Problem] = []
        self._metadata: set[Problem] = set()

    def __call__(self, problems: Iterable[Problem], notes: Iterable[str]) -> None:
        for p in problems:
            if p.reason.startswith("metadata ignored"):  # a directory's metadata, read by every partition in it
                if p in self._metadata:
                    continue
                self._metadata.add(p)
            self.problems.append(p)
            if self.on_problem is not None:
                self.on_problem(p)
        for n in notes:
            if self.on_note is not None:
                self.on_note(n)


def scan_partitions(
    the_plan: Plan,
    task: Callable[[Doc], R],
    runner: Runner,
    *,
    progress: Progress | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    boilerplate: Boilerplate | None = None,
) -> Iterator[tuple[Article, R]]:
    """``(article, task(Doc(article, boilerplate)))`` for every article of the plan, in corpus order.

    Articles are read and analysed where *runner* runs (``client_map(client)``:
    on the cluster); their texts come back with the results.
    """
    report = _Report(on_problem, on_note)
    for pairs, problems, notes in runner(_Scan(task, boilerplate), the_plan.partitions):
        report(problems, notes)
        for article, result in pairs:
            if progress is not None:
                progress(article)
            yield article, result
    report((), the_plan.notes)


# --------------------------------------------------------------------------
# Records and extracts


def _task_of(kind: str) -> Callable[[Doc], Any]:
    from kzcorpus.tasks import STORED

    if kind == TOKENS:
        from kzcorpus.index.build import folded_tokens

        return folded_tokens
    if kind not in STORED:
        raise UsageError(f"unknown kind {kind!r}; choose from {', '.join(available_kinds())}")
    return STORED[kind]


def available_kinds() -> list[str]:
    """The kinds an extract can hold: every result an index stores, and ``tokens``."""
    from kzcorpus.tasks import STORED

    return [*sorted(STORED), TOKENS]


def _kinds(kinds: Sequence[str] | None) -> list[str]:
    chosen = list(dict.fromkeys(kinds)) if kinds else available_kinds()
    for k in chosen:
        _task_of(k)
    return chosen


def records_of(
    articles: Iterable[Article], kinds: Sequence[str], boilerplate: Boilerplate | None = None
) -> list[dict[str, Any]]:
    """``{doc, kind, data}`` for every article and kind, articles in order, kinds in the order given."""
    tasks = [(k, _task_of(k)) for k in kinds]
    out: list[dict[str, Any]] = []
    for article in articles:
        doc = Doc(article, boilerplate)
        out.extend({"doc": article.id, "kind": k, "data": task(doc)} for k, task in tasks)
    return out


def check_format(format: str) -> None:
    if format not in FORMATS:
        raise UsageError(f"unknown output format {format!r}; choose jsonl or parquet")
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("Parquet output needs pyarrow (pip install pyarrow); JSON Lines needs nothing") from None


def partition_name(number: int, format: str) -> str:
    return f"part-{number:05d}.{format}"


def write_partition(outdir: str | Path, number: int, format: str, records: Iterable[dict[str, Any]]) -> str:
    """Write one partition file (atomically); return its name."""
    name = partition_name(number, format)
    target = Path(outdir) / name
    tmp = target.with_name(f".{name}.tmp-{os.getpid()}")
    rows = list(records)
    if format == "jsonl":
        with open(tmp, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({"doc": r["doc"], "kind": r["kind"], "data": r["data"]}, ensure_ascii=False) + "\n")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([("doc", pa.string()), ("kind", pa.string()), ("data", pa.string())])
        table = pa.table(
            {
                "doc": [r["doc"] for r in rows],
                "kind": [r["kind"] for r in rows],
                "data": [json.dumps(r["data"], ensure_ascii=False) for r in rows],
            },
            schema=schema,
        )
        pq.write_table(table, tmp)
    os.replace(tmp, target)
    return name


def _prepare(outdir: str | Path, format: str) -> Path:
    """The output directory, created, with the partitions of an earlier extract removed."""
    check_format(format)
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    for old in [out / MANIFEST, *out.glob("part-*.jsonl"), *out.glob("part-*.parquet")]:
        old.unlink(missing_ok=True)
    return out


def _write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    from kzcorpus import __version__

    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps({"kzcorpus": __version__, **manifest}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    os.replace(tmp, out / MANIFEST)


class _Extract:
    """Read a partition, analyse it, write its records (picklable, runs on a worker)."""

    def __init__(self, kinds: Sequence[str], outdir: str, format: str, boilerplate: Boilerplate) -> None:
        self.kinds, self.outdir, self.format, self.boilerplate = list(kinds), outdir, format, boilerplate

    def __call__(self, part: Partition) -> tuple[str, int, int, list[Problem], list[str]]:
        articles, problems, notes = read_partition(part)
        records = records_of(articles, self.kinds, self.boilerplate)
        name = write_partition(self.outdir, part.number, self.format, records)
        return name, len(articles), sum(len(a.text) for a in articles), problems, notes


@dataclass
class ExtractSummary:
    outdir: str
    articles: int
    partitions: list[str]
    problems: list[Problem]


class _Done:
    """What a progress callback is given for an article written on a worker (its size only)."""

    def __init__(self, chars: int) -> None:
        self.text = " " * chars


def extract_corpus(
    specs: Sequence[str],
    outdir: str | Path,
    *,
    kinds: Sequence[str] | None = None,
    format: str = "jsonl",
    metadata: Sequence[str] = (),
    encoding: str | None = None,
    runner: Runner = serial_map,
    partition_articles: int = PARTITION_ARTICLES,
    progress: Progress | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> ExtractSummary:
    """Write the per-article results of a corpus as partitions in *outdir*, where *runner* runs.

    Workers read their partitions and write their files themselves (on a
    cluster, *outdir* must be a directory every worker and this process
    see).  The manifest is written last.
    """
    chosen = _kinds(kinds)
    out = _prepare(outdir, format)
    the_plan = plan(specs, metadata=metadata, encoding=encoding, partition_articles=partition_articles, runner=runner)
    report = _Report(on_problem, on_note)
    names: list[str] = []
    total = 0
    task = _Extract(chosen, str(out.resolve()), format, learn_boilerplate(the_plan, runner))
    for name, n, chars, problems, notes in runner(task, the_plan.partitions):
        report(problems, notes)
        names.append(name)
        total += n
        if progress is not None:
            for _ in range(n):
                progress(_Done(chars // max(1, n)))
    report((), the_plan.notes)
    _write_manifest(
        out,
        {
            "format": format,
            "kinds": chosen,
            "corpus": [str(s) for s in specs],
            "metadata": [str(m) for m in metadata],
            "encoding": encoding or "",
            "articles": total,
            "partitions": names,
            "problems": [str(p) for p in report.problems],
        },
    )
    return ExtractSummary(str(out), total, names, report.problems)


def read_manifest(extract_dir: str | Path) -> dict[str, Any]:
    path = Path(extract_dir) / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{extract_dir} holds no complete extract (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    return manifest


def read_extract(extract_dir: str | Path) -> Iterator[dict[str, Any]]:
    """The records of an extract, ``{doc, kind, data}``, in corpus order."""
    manifest = read_manifest(extract_dir)
    for name in manifest["partitions"]:
        path = Path(extract_dir) / name
        if name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    yield json.loads(line)
        else:
            import pyarrow.parquet as pq

            for row in pq.read_table(path).to_pylist():
                yield {"doc": row["doc"], "kind": row["kind"], "data": json.loads(row["data"])}


# --------------------------------------------------------------------------
# dask.bag


def article_bag(
    specs: Sequence[str],
    *,
    metadata: Sequence[str] = (),
    encoding: str | None = None,
    partition_articles: int = PARTITION_ARTICLES,
    client: Any = None,
) -> Any:
    """A ``dask.bag.Bag`` of the corpus's articles, one partition per :class:`Partition`, read on the workers.

    Problems met reading are logged (logger ``kzcorpus.distributed``, on the worker).
    Planning reads JSON collections once on *client* (or the default Dask scheduler).
    """
    require_dask()
    import dask
    import dask.bag as db

    runner = client_map(client) if client is not None else _dask_map
    the_plan = plan(specs, metadata=metadata, encoding=encoding, partition_articles=partition_articles, runner=runner)
    return db.from_delayed([dask.delayed(_articles_of)(p) for p in the_plan.partitions])


def _dask_map(fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
    import dask

    yield from dask.compute(*[dask.delayed(fn)(item) for item in items])


def _articles_of(part: Partition) -> list[Article]:
    articles, problems, notes = read_partition(part)
    for p in problems:
        log.warning("skipped %s", p)
    for n in notes:
        log.info("note: %s", n)
    return articles


def extract(articles: Any, kinds: Sequence[str] | None = None, boilerplate: Boilerplate | None = None) -> Any:
    """A bag of records ``{doc, kind, data}`` from a bag of articles (every kind by default), page
    parts with *boilerplate* (the corpus's: :func:`learn_boilerplate`; none: the rules alone)."""
    return articles.map_partitions(records_of, _kinds(kinds), boilerplate)


def write_extract(records: Any, outdir: str | Path, format: str = "jsonl") -> list[str]:
    """Write a bag of records as one file per bag partition, and the manifest; return the file names."""
    require_dask()
    import dask

    out = _prepare(outdir, format)
    writes = [
        dask.delayed(write_partition)(str(out.resolve()), i, format, p) for i, p in enumerate(records.to_delayed())
    ]
    names = list(dask.compute(*writes))
    _write_manifest(out, {"format": format, "partitions": names})
    return names


# --------------------------------------------------------------------------
# An index from an extract


def build_index_from_extract(
    path: str | Path,
    extract_dir: str | Path,
    *,
    gazetteer: Sequence[str] = (),
    progress: Progress | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Index:
    """Build the index of an extract's corpus from its records instead of analysing the articles again.

    The corpus (named in the manifest) is read here for the texts; the
    results (and the folded tokens, if the extract has them) come from the
    extract; each article's near-duplicate sketch is made here.  The index
    equals one built from the corpus.
    """
    from kzcorpus.dupes import SketchTask
    from kzcorpus.index.build import build_index, folded_tokens
    from kzcorpus.tasks import STORED as RESULTS

    sketch = SketchTask()
    manifest = read_manifest(extract_dir)
    kinds = list(manifest.get("kinds") or [])
    missing = sorted(set(RESULTS) - set(kinds))
    if missing or "corpus" not in manifest:
        raise UsageError(
            f"{extract_dir} lacks kinds an index needs ({', '.join(missing) or 'its corpus'}); extract them"
        )
    specs = list(manifest["corpus"])
    metadata = list(manifest.get("metadata") or [])
    encoding = manifest.get("encoding") or None
    corpus = Corpus(specs, metadata=metadata, encoding=encoding, on_problem=on_problem, on_note=on_note)

    def scanner(task: Callable[[Doc], Any]) -> Iterator[tuple[Article, Any]]:
        rows = read_extract(extract_dir)
        for article in corpus:
            if progress is not None:
                progress(article)
            got: dict[str, Any] = {}
            for _ in kinds:
                row = next(rows, None)
                if row is None or row["doc"] != article.id:
                    found = "nothing" if row is None else repr(row["doc"])
                    raise UsageError(
                        f"{extract_dir} does not match its corpus (article {article.id!r}, extract {found}); extract again"
                    )
                got[row["kind"]] = row["data"]
            doc = Doc(article)
            tokens = got[TOKENS] if TOKENS in got else folded_tokens(doc)
            # The near-duplicate sketch is not a record an extract holds: made here.
            yield article, (tokens, {k: got[k] for k in sorted(RESULTS)}, sketch(doc))
        if next(rows, None) is not None:
            raise UsageError(f"{extract_dir} has more articles than its corpus; extract again")

    return build_index(path, corpus, specs, metadata=metadata, encoding=encoding, gazetteer=gazetteer, scanner=scanner)
