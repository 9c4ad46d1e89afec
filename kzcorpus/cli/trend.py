"""``kzcorpus trend``."""

from typing import Annotated, Any, Literal

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    GazetteerOpt,
    IndexOpt,
    JobsOpt,
    JsonOpt,
    MetadataOpt,
    dedupe_option,
    emit_records,
    finish,
    index_tip,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)
from kzcorpus.cli.picture import PlotOpt, check_plot, draw_plot
from kzcorpus.cli.slicing import FromOpt, PartOpt, SourceOpt, ToOpt, WhereOpt, build_slice, slice_note


@app.command()
@dedupe_option
def trend(
    queries: Annotated[
        list[str] | None,
        typer.Argument(metavar="[QUERY]...", help="Words or phrases to count, side by side.", show_default=False),
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            "-b",
            help="day, week, month, year (of the article's date), source, or any metadata FIELD.",
        ),
    ] = "month",
    by_date: Annotated[
        Literal["published", "referenced"],
        typer.Option(
            "--by-date",
            help="published: the article's date; referenced: the date the hit's own sentence refers to.",
        ),
    ] = "published",
    entity: Annotated[
        list[str] | None,
        typer.Option(
            "--entity",
            "-e",
            help="Also count every mention of this entity (id or any Arabic form; aliases merged). Repeatable.",
            show_default=False,
        ),
    ] = None,
    match: Annotated[
        Literal["clitic", "normalized", "exact"],
        typer.Option("--match", "-m", help="How queries match, as in kwic (default: clitic-aware)."),
    ] = "clitic",
    chart: Annotated[
        Literal["auto", "bar", "line", "none"],
        typer.Option("--chart", help="Chart under the table: bars, a one-line sparkline, or none (auto: by length)."),
    ] = "auto",
    plot: PlotOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    where: WhereOpt = None,
    part: PartOpt = None,
    gazetteer: GazetteerOpt = None,
    doc: DocOpt = None,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Hits per period for one or more queries side by side, with rates per 10,000 body tokens.

    Each record: query, period, hits, articles (with hits), period_articles,
    tokens (body tokens of the period) and per_10k. Periods with no hits are
    listed with zeros; undated articles go to 'unknown'. The article's date
    is its metadata published date, else the date inferred from its text.

    Examples:

      kzcorpus trend توكاييف بوتين --by year

      kzcorpus trend السعودية إيران --by day --corpus 'news/*.zip'

      kzcorpus trend روسيا --by-date referenced --by year

      kzcorpus trend الحوثي --by source --format jsonl

      kzcorpus trend داعش روسيا --by week --plot trend.png
    """
    import sys

    from kzcorpus.errors import UsageError
    from kzcorpus.kwic import Matcher
    from kzcorpus.output import resolve_format
    from kzcorpus.trend import DATE_UNITS, TrendTable, TrendTask

    if not queries and not entity:
        raise UsageError("give at least one QUERY, or --entity NAME")
    referenced = by_date == "referenced"
    if referenced and by not in DATE_UNITS:
        raise UsageError("--by-date referenced needs --by day, week, month or year")
    check_plot(plot)
    sl = build_slice(date_from, date_to, source, where, part)
    finders: list[Any] = [Matcher(q, match) for q in queries or []]
    labels = list(queries or [])
    c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer)
    if entity:
        from kzcorpus.entities import EntityMatcher, load_gazetteer

        gz = load_gazetteer(gazetteer or [])
        for name in entity:
            finder = EntityMatcher(name, gz)
            finders.append(finder)
            labels.append(finder.entity_id)
    task = TrendTask(finders, by, slice=sl, referenced=referenced)
    table = TrendTable(labels, by, referenced=referenced)
    _run(c, task, table, sl, jobs)
    records = table.records()
    draw_plot(plot, "trend", records, by=by)
    chosen = resolve_format(format, json, sys.stdout)
    slice_note(sl)
    if chosen != "table":
        written = emit_records(records, _long_view(), format, json, bidi)
        finish(written, c)
    view, rows = _wide(table, records, chart, bidi)
    emit_records(rows, view, format, json, bidi)
    finish(sum(table.total(q) for q in range(len(labels))), c)


def _run(c: Any, task: Any, table: Any, sl: Any, jobs: int | None) -> None:
    """Every article of the slice through *task* (the index's stored token totals when it has them)."""
    from kzcorpus.doc import boilerplate_for
    from kzcorpus.engine import scan
    from kzcorpus.trend import stored_figures

    articles: Any = (a for a in c if sl.metadata_ok(a))
    stored = stored_figures(c) if task.tokens else None
    with progress_bar() as progress:
        if stored is not None:
            # Hook: dates and token totals from the index, hits only from candidate articles.
            for article, date, tokens in stored:
                if sl.count(sl.verdict(article, date)):
                    table.add_article(task.group(article, date), tokens)
            hits_only = task.without_tokens()
            c.restrict_to_hits(task.finders)
            for _, result in scan(c, hits_only, jobs=jobs_or_default(jobs), keep=task.may_match, progress=progress):
                table.add(result, articles=False)
            return
        model = boilerplate_for(c, task)  # the corpus's, though a generator of its articles is scanned
        read = 0
        for _, result in scan(articles, task, jobs=jobs_or_default(jobs), progress=progress, boilerplate=model):
            sl.count(result["verdict"])
            table.add(result)
            read += 1
    index_tip(c, read)


def _long_view() -> Any:
    from kzcorpus.schema import TREND

    return TREND.view(empty_message="no periods")


def _wide(table: Any, records: list[dict[str, Any]], chart: str, bidi: str | None) -> tuple[Any, list[dict[str, Any]]]:
    """The terminal table: one row per period, the queries side by side, then a chart per query."""
    from rich.cells import cell_len

    from kzcorpus.output import Column, View
    from kzcorpus.render import resolve_bidi, transform
    from kzcorpus.trend import bar_chart, sparkline

    shape = transform(resolve_bidi(bidi))
    n = len(table.queries)
    rows: dict[str, dict[str, Any]] = {}
    for r in records:
        row = rows.setdefault(
            r["period"], {"period": r["period"], "articles_all": r["period_articles"], "tokens": r["tokens"]}
        )
        q = table.queries.index(r["query"])
        row[f"hits{q}"] = r["hits"]
        row[f"arts{q}"] = r["articles"]
        row[f"rate{q}"] = r["per_10k"]
    one = n == 1
    columns = [Column("period", text=True)]  # a source or field value may be Arabic
    if not table.referenced:
        columns += [Column("articles_all", header="articles", numeric=True), Column("tokens", numeric=True)]
    for q in range(n):
        tag = "" if one else f" {q + 1}"
        columns += [
            Column(f"hits{q}", header=f"hits{tag}", numeric=True),
            Column(f"arts{q}", header=f"docs{tag}", numeric=True),
        ]
        if table.rates:
            columns.append(Column(f"rate{q}", header=f"/10k{tag}", numeric=True))
    periods = list(rows)
    lines: list[str] = []
    for q, query in enumerate(table.queries):
        values = [rows[p][f"rate{q}"] if table.rates else rows[p][f"hits{q}"] for p in periods]
        what = "hits per 10,000 body tokens" if table.rates else "hits"
        head = f"{'' if one else f'{q + 1} = '}{shape(query)}: {what}, {plural(table.total(q), 'hit')} in all"
        kind = chart if chart != "auto" else ("bar" if len(periods) <= 40 else "line")
        if kind == "none":
            lines.append(head)
            continue
        lines.append(head)
        if kind == "bar":
            labels = [shape(p) for p in periods]
            lines += ["  " + s for s in bar_chart(list(zip(labels, values, strict=True)), width=40, cells=cell_len)]
        else:
            dated = [p for p in periods if p != "unknown"]
            spark = sparkline(values[: len(dated)])
            lines.append(f"  {dated[0] if dated else ''} {spark} {dated[-1] if dated else ''}")
            lines.append(f"  peak {max((v or 0) for v in values):,} ")
        lines.append("")
    view = View(columns, empty_message="no periods", footer="\n".join(lines).rstrip() or None)
    return view, list(rows.values())
