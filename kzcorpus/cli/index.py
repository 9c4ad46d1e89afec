"""``kzcorpus index build|update|info``."""

from typing import Annotated, Any

import typer

from kzcorpus.cli.base import _stderr, app
from kzcorpus.cli.common import (
    CorpusOpt,
    EncodingOpt,
    GazetteerOpt,
    JobsOpt,
    MetadataOpt,
    absolute_spec,
    input_options,
    jobs_or_default,
    plural,
    progress_bar,
)
from kzcorpus.cli.engines import EngineOpt, Problems, SchedulerOpt, dask_client

index_app = typer.Typer(
    name="index",
    help=(
        "A persistent index of a corpus, for repeated work: every command given --index PATH "
        "(or $KZCORPUS_INDEX) reads it instead of the inputs, with the same results.\n\n"
        "Examples:\n\n"
        "  kzcorpus index build --corpus news/ --index news.kzi\n\n"
        "  kzcorpus kwic بوتين --index news.kzi\n\n"
        "  kzcorpus index update --index news.kzi\n\n"
        "  kzcorpus index info --index news.kzi"
    ),
    no_args_is_help=True,
)
app.add_typer(index_app)

IndexPathOpt = Annotated[
    str | None,
    typer.Option("--index", "-i", help="The index file. Default: $KZCORPUS_INDEX.", show_default=False),
]


def _index_path(index: str | None) -> str:
    import os

    from kzcorpus.errors import UsageError

    path = index or os.environ.get("KZCORPUS_INDEX")
    if not path:
        raise UsageError("give the index file: --index PATH (or set $KZCORPUS_INDEX)")
    return path


@index_app.command("build")
@input_options
def build(
    index: IndexPathOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    gazetteer: GazetteerOpt = None,
    jobs: JobsOpt = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    from_extract: Annotated[
        str | None,
        typer.Option(
            "--from-extract",
            help="Take the per-article results from this kzcorpus extract directory (and its corpus) instead of computing them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read the corpus once and store it, its postings and per-article results in an index file.

    An interrupted build leaves the previous index as it was (the new one is
    written beside it and renamed into place when complete).  With --engine
    dask the articles are read and analysed on a Dask cluster; the index is
    the same.

    Examples:

      kzcorpus index build --corpus news/ --index news.kzi

      kzcorpus index build --corpus news/ --index news.kzi --engine dask --scheduler tcp://10.0.0.5:8786

      kzcorpus index build --from-extract news.extract --index news.kzi
    """
    import os

    from kzcorpus.cli.common import open_corpus
    from kzcorpus.corpus import ENV_CORPUS, seeds_dir
    from kzcorpus.index.build import build_index

    path = _index_path(index)
    if from_extract:
        _build_from_extract(path, from_extract, corpus, engine, gazetteer or [])
    specs = corpus or (os.environ.get(ENV_CORPUS, "").split(os.pathsep) if os.environ.get(ENV_CORPUS) else None)
    specs = [absolute_spec(s) for s in (specs or [str(seeds_dir())])]
    meta = [absolute_spec(m) for m in metadata or []]
    c = open_corpus(specs, meta, encoding, None)
    report = Problems()
    with dask_client(engine, scheduler, jobs) as client, progress_bar() as progress:
        scanner = model = None
        if client is not None:
            from kzcorpus.distributed import client_map, learn_boilerplate, plan, scan_partitions

            runner = client_map(client)
            the_plan = plan(specs, metadata=meta, encoding=encoding, runner=runner)
            model = learn_boilerplate(the_plan, runner)

            def scanner(task: Any) -> Any:
                return scan_partitions(
                    the_plan,
                    task,
                    runner,
                    progress=progress,
                    on_problem=report.problem,
                    on_note=report.note,
                    boilerplate=model,
                )

        idx = build_index(
            path,
            c,
            specs,
            metadata=meta,
            encoding=encoding,
            gazetteer=gazetteer or [],
            jobs=jobs_or_default(jobs),
            progress=progress,
            scanner=scanner,
            boilerplate=model,
        )
    _indexed(idx, path, bool(c.problems or report.problems))


def _indexed(idx: Any, path: str, problems: bool) -> None:
    info = idx.info()
    _stderr(
        f"indexed {plural(info.articles, 'article')} from {plural(info.inputs, 'input')} into {path}"
        f" ({info.size_bytes / 1e6:,.1f} MB)"
    )
    raise typer.Exit(2 if problems else 0)


def _build_from_extract(
    path: str, extract_dir: str, corpus: list[str] | None, engine: str, gazetteer: list[str]
) -> None:
    from kzcorpus.distributed import build_index_from_extract
    from kzcorpus.errors import UsageError

    if corpus or engine != "local":
        raise UsageError("--from-extract reads the corpus named in the extract, here: leave out --corpus and --engine")
    report = Problems()
    with progress_bar() as progress:
        idx = build_index_from_extract(
            path, extract_dir, gazetteer=gazetteer, progress=progress, on_problem=report.problem, on_note=report.note
        )
    _indexed(idx, path, bool(report.problems))


@index_app.command("update")
def update(index: IndexPathOpt = None, gazetteer: GazetteerOpt = None, jobs: JobsOpt = None) -> None:
    """Re-read only the inputs that changed since the index was built (or last updated).

    Inputs whose size or modification time changed and whose content differs
    are re-read; removed inputs are dropped, new ones added; all in one
    transaction, so an interrupted update leaves the index as it was.

    Example:

      kzcorpus index update --index news.kzi
    """
    from kzcorpus.cli.common import open_corpus
    from kzcorpus.index import open_index
    from kzcorpus.index.build import update_index

    path = _index_path(index)
    idx = open_index(path, gazetteer=gazetteer or [], check_inputs=False)
    problems: list[Any] = []

    def reread(inputs: list[str]) -> Any:
        c = open_corpus(inputs, idx.metadata_specs, idx.encoding, None)
        problems.append(c)
        return c

    with progress_bar() as progress:
        added, changed, removed = update_index(idx, reread, jobs=jobs_or_default(jobs), progress=progress)
    if not (added or changed or removed):
        _stderr(f"{path} is up to date")
    else:
        _stderr(f"updated {path}: {len(added)} inputs added, {len(changed)} changed, {len(removed)} removed")
    raise typer.Exit(2 if any(c.problems for c in problems) else 0)


@index_app.command("info")
def info(
    index: IndexPathOpt = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help="table or json.", show_default=False)] = None,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """What an index holds: its corpus, when and by which version it was built, sizes, and whether it is up to date.

    Example:

      kzcorpus index info --index news.kzi
    """
    import json as json_module
    import sys

    from kzcorpus.index import StaleIndex, open_index
    from kzcorpus.index.store import list_inputs

    path = _index_path(index)
    idx = open_index(path, check_inputs=False, gazetteer=_gazetteer_files(path))
    i = idx.info()
    try:
        added, changed, removed = idx.changed_inputs(list_inputs(idx.corpus_specs, idx.encoding))
        state = (
            "up to date"
            if not (added or changed or removed)
            else (f"out of date: {len(added)} inputs added, {len(changed)} changed, {len(removed)} removed")
        )
    except (StaleIndex, OSError) as exc:  # pragma: no cover - listing failed
        state = f"cannot check the inputs: {exc}"
    record = {
        "index": i.path,
        "state": state,
        "articles": i.articles,
        "inputs": i.inputs,
        "tokens": i.tokens,
        "text_characters": i.text_chars,
        "size_bytes": i.size_bytes,
        "results": i.results,
        "corpus": idx.corpus_specs,
        "metadata": idx.metadata_specs,
        "encoding": idx.encoding,
        "gazetteer": i.meta.get("gazetteer"),
        "gazetteer_files": json_module.loads(i.meta.get("gazetteer_files", "[]")),
        "version": i.meta.get("version"),
        "format": i.meta.get("format"),
        "built": i.meta.get("built"),
        "updated": i.meta.get("updated"),
    }
    if json or format == "json":
        sys.stdout.write(json_module.dumps(record, ensure_ascii=False, indent=1) + "\n")
    else:
        width = max(len(k) for k in record)
        for k, v in record.items():
            shown = ", ".join(map(str, v)) if isinstance(v, list) else v
            sys.stdout.write(f"{k:<{width}}  {shown}\n")
    raise typer.Exit(0)


def _gazetteer_files(path: str) -> list[str]:
    """The gazetteer files an index was built with (read without checking)."""
    import json as json_module
    import sqlite3

    try:
        con = sqlite3.connect(path)
        row = con.execute("SELECT value FROM meta WHERE key = 'gazetteer_files'").fetchone()
        con.close()
    except sqlite3.DatabaseError:
        return []
    return list(json_module.loads(row[0])) if row else []
