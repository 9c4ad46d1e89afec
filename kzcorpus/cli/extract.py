"""``kzcorpus extract``: per-article results written out as partitions for other tools."""

from typing import Annotated

import typer

from kzcorpus.cli.base import _stderr, app
from kzcorpus.cli.common import CorpusOpt, EncodingOpt, JobsOpt, MetadataOpt, absolute_spec, progress_bar
from kzcorpus.cli.engines import EngineOpt, Problems, SchedulerOpt, dask_client


@app.command("extract")
def extract(
    out: Annotated[
        str, typer.Option("--out", "-o", help="The directory to write (its earlier partitions are replaced).")
    ],
    kinds: Annotated[
        list[str] | None,
        typer.Option("--kinds", "-k", help="Kinds to write (repeat). Default: every kind an index stores, and tokens."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, or parquet (needs pyarrow).")] = "jsonl",
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    jobs: JobsOpt = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per partition (a large collection is cut).")
    ] = 200,
) -> None:
    """Write every article's results as records {doc, kind, data}, in partitions pandas, DuckDB or Spark read.

    The directory gets part-00000.jsonl (or .parquet), … in corpus order, and
    _kzcorpus.json, the manifest, written last.  With --engine dask the
    workers read their own inputs and write their own partitions: --out must
    be a directory they all see.  kzcorpus index build --from-extract DIR
    builds an index from it.

    Examples:

      kzcorpus extract --corpus news/ --out news.extract

      kzcorpus extract --corpus 'news/*.zip' --out /data/news.extract --format parquet --engine dask --scheduler tcp://10.0.0.5:8786
    """
    import os

    from kzcorpus.cli.common import jobs_or_default, plural
    from kzcorpus.corpus import ENV_CORPUS, seeds_dir
    from kzcorpus.distributed import check_format, client_map, extract_corpus, pool_map

    check_format(format)

    specs = corpus or (os.environ.get(ENV_CORPUS, "").split(os.pathsep) if os.environ.get(ENV_CORPUS) else None)
    specs = [absolute_spec(s) for s in (specs or [str(seeds_dir())])]
    meta = [absolute_spec(m) for m in metadata or []]
    report = Problems()
    with dask_client(engine, scheduler, jobs) as client, progress_bar() as progress:
        summary = extract_corpus(
            specs,
            out,
            kinds=kinds,
            format=format,
            metadata=meta,
            encoding=encoding,
            runner=client_map(client) if client is not None else pool_map(jobs_or_default(jobs)),
            partition_articles=partition_size,
            progress=progress,
            on_problem=report.problem,
            on_note=report.note,
        )
    _stderr(f"wrote {plural(summary.articles, 'article')} in {plural(len(summary.partitions), 'partition')} to {out}")
    raise typer.Exit(2 if report.problems else 0)
