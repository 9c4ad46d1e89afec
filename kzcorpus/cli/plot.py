"""``kzcorpus plot``."""

from itertools import islice
from typing import Annotated, Any, Literal

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    JobsOpt,
    JsonOpt,
    LimitOpt,
    MetadataOpt,
    dedupe_option,
    emit_records,
    finish,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)
from kzcorpus.cli.picture import PlotOpt, check_plot, draw_plot, keep


@app.command()
@dedupe_option
def plot(
    query: Annotated[str, typer.Argument(help="A word or phrase, matched as kwic matches it.")],
    match: Annotated[
        Literal["clitic", "normalized", "exact", "regex"],
        typer.Option("--match", "-m", help="How the query matches, as in kwic (default: clitic-aware)."),
    ] = "clitic",
    width: Annotated[int, typer.Option("--width", "-w", min=1, max=500, help="Cells in each bar.")] = 40,
    plot: PlotOpt = None,
    limit: LimitOpt = None,
    doc: DocOpt = None,
    jobs: JobsOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Where in each article QUERY's hits fall: a barcode per article with hits.

    Each bar is the whole article (its start on the left), cut into --width
    cells: `.` no hit, `|` one hit starts in the cell, `#` two or more.
    Records: doc, title, hits, chars, barcode, first (where the first hit
    starts, as a share of the length) and offsets.

    Examples:

      kzcorpus plot توكاييف

      kzcorpus plot روسيا --width 40 --json | jq '.[] | {doc, first}'

      kzcorpus plot داعش --plot dispersion.svg
    """
    from kzcorpus.dispersion import PlotTask
    from kzcorpus.engine import scan
    from kzcorpus.kwic import Matcher
    from kzcorpus.schema import PLOT

    check_plot(plot)
    matcher = Matcher(query, match)
    c = open_corpus(corpus, metadata, encoding, doc)
    n_articles = 0

    def rows() -> Any:
        nonlocal n_articles
        with progress_bar() as progress:
            for _, rec in scan(
                c, PlotTask(matcher, width), jobs=jobs_or_default(jobs), keep=matcher.may_match, progress=progress
            ):
                if rec is not None:
                    n_articles += 1
                    yield rec

    def summary(n: int) -> str:
        from kzcorpus.render import resolve_bidi, transform

        shown = transform(resolve_bidi(bidi))(query)  # the table's Arabic, as the cells show it
        return (
            f"{plural(n, 'article')} with hits of {shown}; bars are {width} cells, the start of each text on the left"
        )

    records: Any = rows()
    if limit is not None:
        records = islice(records, limit)
    view = PLOT.view(empty_message=f"no hits of {query}", summary=summary)
    shown: list[dict[str, Any]] | None = [] if plot else None
    written = emit_records(keep(records, shown), view, format, json, bidi)
    draw_plot(plot, "plot", shown or [], query=query)
    finish(written, c)
