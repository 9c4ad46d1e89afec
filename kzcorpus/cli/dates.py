"""``kzcorpus dates`` and ``kzcorpus timeline``."""

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
    IndexOpt,
    JobsOpt,
    JsonOpt,
    LimitOpt,
    MetadataOpt,
    Tally,
    check_choices,
    dedupe_option,
    emit_records,
    finish,
    input_options,
    open_corpus,
    per_article,
    plural,
)
from kzcorpus.cli.picture import PlotOpt, check_plot, draw_plot
from kzcorpus.cli.slicing import slice_options

DATE_KINDS = ("year", "month", "day", "datetime", "relative")
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from", help="Only dates on or after this ISO date (2022, 2022-07, 2022-07-15).", show_default=False
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to", help="Only dates that begin on or before this ISO date (each at its own precision).", show_default=False
    ),
]


def _check_bounds(date_from: str | None, date_to: str | None) -> None:
    from kzcorpus.dates import normalise_date
    from kzcorpus.errors import UsageError

    for option, value in (("--from", date_from), ("--to", date_to)):
        if value is not None and normalise_date(value) is None:
            raise UsageError(f"{option} {value!r} is not a date; use ISO 8601: 2022, 2022-07 or 2022-07-15")
    if date_from and date_to:
        # ISO strings compare in date order once padded: the range's first
        # day against its last (month 12, day 31 are upper bounds enough).
        first = date_from[:10] + "0000-01-01"[len(date_from[:10]) :]
        last = date_to[:10] + "0000-12-31"[len(date_to[:10]) :]
        if first > last:
            raise UsageError(f"--from {date_from} is after --to {date_to}")


@app.command()
@input_options
@slice_options(dates=False, parts=True)
@dedupe_option
def dates(
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind", "-k", help="Only this kind: year, month, day, datetime, relative. Repeatable.", show_default=False
        ),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: LimitOpt = None,
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
    """Every date expression, normalised to ISO 8601, with its offsets.

    Gregorian (both month systems, Maghreb names), Hijri (converted),
    numeric dates, years, clock times, ranges and relative expressions
    («هذا العام», «الشهر الماضي»), resolved against the article's date.

    Examples:

      kzcorpus dates

      kzcorpus dates --kind relative --json

      kzcorpus dates --from 2022-01 --to 2022-06 --doc 000

      kzcorpus dates --kind day --limit 20
    """
    from kzcorpus.dates import in_range
    from kzcorpus.schema import DATE
    from kzcorpus.tasks import date_records

    _check_bounds(date_from, date_to)
    kinds = check_choices(kind, DATE_KINDS, "--kind")
    c = open_corpus(corpus, metadata, encoding, doc, index)
    records: Any = (
        r
        for _, found in per_article(c, "dates", date_records, jobs)
        for r in found
        if (kinds is None or r["kind"] in kinds) and in_range(r["value"], date_from, date_to)
    )
    if limit is not None:
        records = islice(records, limit)

    tally = Tally()
    view = DATE.view(empty_message="no dates", summary=lambda n: _summary(n, tally, limit))
    written = emit_records(tally(records), view, format, json, bidi)
    finish(written, c)


@app.command()
@input_options
@slice_options(dates=False)
@dedupe_option
def timeline(
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    unit: Annotated[
        Literal["auto", "year", "month"],
        typer.Option(
            "--unit", help="Bar view per year or per month (auto: month when all dates fall in one or two years)."
        ),
    ] = "auto",
    plot: PlotOpt = None,
    limit: LimitOpt = None,
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
    """What the corpus dates, in chronological order, with each date's sentence.

    A table on a terminal ends with a bar view of dates per year (or month).

    Examples:

      kzcorpus timeline

      kzcorpus timeline --from 2022 --to 2022-12 --unit month

      kzcorpus timeline --json | jq '.[] | .value + " " + .doc'

      kzcorpus timeline --limit 50

      kzcorpus timeline --unit month --plot timeline.png
    """
    from kzcorpus.dates import bars, chronological, in_range
    from kzcorpus.schema import TIMELINE
    from kzcorpus.tasks import timeline_records

    _check_bounds(date_from, date_to)
    check_plot(plot)
    c = open_corpus(corpus, metadata, encoding, doc, index)
    rows = sorted(
        (
            r
            for _, found in per_article(c, "timeline", timeline_records, jobs)
            for r in found
            if in_range(r["value"], date_from, date_to)
        ),
        key=chronological,
    )
    if limit is not None:
        rows = rows[:limit]
    years = {str(r["value"])[:4] for r in rows if r.get("value")}
    chosen = unit if unit != "auto" else ("month" if len(years) <= 2 else "year")
    counts = bars(rows, unit=chosen)
    draw_plot(plot, "timeline", rows, unit=chosen)
    peak = max((n for _, n in counts), default=0)
    footer = None
    if counts:
        scale = 40 / peak if peak > 40 else 1
        lines = [f"{label:>7}  {'█' * max(1, round(n * scale))} {n}" for label, n in counts]
        footer = f"dates per {chosen}:\n" + "\n".join(lines)
    tally = Tally()
    view = TIMELINE.view(empty_message="no dates", footer=footer, summary=lambda n: _summary(n, tally, limit))
    written = emit_records(tally(rows), view, format, json, bidi)
    finish(written, c)


def _summary(n: int, tally: Tally, limit: int | None) -> str:
    line = f"{plural(n, 'date')} in {plural(len(tally.docs), 'article')}"
    if limit is not None and n >= limit:
        line += f"; stopped at --limit {limit}, later dates not shown"
    return line
