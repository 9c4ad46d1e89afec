"""``kzcorpus dates`` and ``kzcorpus timeline``."""

from typing import Annotated, Any, Literal

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    JsonOpt,
    MetadataOpt,
    check_choices,
    emit_records,
    finish,
    open_corpus,
)

DATE_KINDS = ("year", "month", "day", "datetime", "relative")
DATE_FIELDS = (
    "doc",
    "start",
    "end",
    "text",
    "value",
    "kind",
    "calendar",
    "hijri",
    "implicit_year",
    "anchor",
    "anchor_source",
    "range",
    "part",
)
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
def dates(
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind", "-k", help="Only this kind: year, month, day, datetime, relative. Repeatable.", show_default=False
        ),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    doc: DocOpt = None,
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
    """
    from kzcorpus.dates import find_dates, in_range
    from kzcorpus.doc import Doc
    from kzcorpus.output import Column, View

    _check_bounds(date_from, date_to)
    kinds = check_choices(kind, DATE_KINDS, "--kind")
    c = open_corpus(corpus, metadata, encoding, doc)

    def records() -> Any:
        for a in c:
            found = (
                {k: r.get(k) for k in DATE_FIELDS}
                for r in (m.record() for m in find_dates(a))
                if (kinds is None or r["kind"] in kinds)
                and ((date_from is None and date_to is None) or in_range(r["value"], date_from, date_to))
            )
            yield from Doc(a).with_parts(found)

    view = View(
        [
            Column("doc"),
            Column("start", numeric=True),
            Column("end", numeric=True),
            Column("text", text=True, max_width=40),
            Column("value"),
            Column("kind"),
            Column("calendar", table=False),
            Column("hijri"),
            Column("implicit_year", table=False),
            Column("anchor"),
            Column("anchor_source"),
            Column("range"),
            Column("part"),
        ],
        empty_message="no dates",
    )
    written = emit_records(records(), view, format, json, bidi)
    finish(written, c)


@app.command()
def timeline(
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    unit: Annotated[
        Literal["auto", "year", "month"],
        typer.Option(
            "--unit", help="Bar view per year or per month (auto: month when all dates fall in one or two years)."
        ),
    ] = "auto",
    doc: DocOpt = None,
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
    """
    from kzcorpus.dates import bars
    from kzcorpus.dates import timeline as build_timeline
    from kzcorpus.output import Column, View

    _check_bounds(date_from, date_to)
    c = open_corpus(corpus, metadata, encoding, doc)
    rows = build_timeline(c, date_from=date_from, date_to=date_to)
    years = {str(r["value"])[:4] for r in rows if r.get("value")}
    chosen = unit if unit != "auto" else ("month" if len(years) <= 2 else "year")
    counts = bars(rows, unit=chosen)
    peak = max((n for _, n in counts), default=0)
    footer = None
    if counts:
        scale = 40 / peak if peak > 40 else 1
        lines = [f"{label:>7}  {'█' * max(1, round(n * scale))} {n}" for label, n in counts]
        footer = f"dates per {chosen}:\n" + "\n".join(lines)
    view = View(
        [
            Column("value"),
            Column("kind"),
            Column("doc"),
            Column("start", numeric=True, table=False),
            Column("end", numeric=True, table=False),
            Column("text", text=True, max_width=30),
            Column("sentence", text=True),
        ],
        empty_message="no dates",
        footer=footer,
    )
    written = emit_records(rows, view, format, json, bidi)
    finish(written, c)
