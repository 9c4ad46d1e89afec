"""Slicing options every command can take, and the :class:`~kzcorpus.slicing.Slice` they build.

``--from``/``--to`` (the article's date: metadata ``published``, else the
date inferred from the text), ``--source`` (repeatable), ``--where``
(``FIELD=VALUE`` or ``FIELD~REGEX``, repeatable) and, on commands whose
records carry ``part``, ``--part`` (repeatable).
"""

from collections.abc import Callable
from typing import Annotated, Any

import typer

FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Only articles dated on or after this ISO date (2015, 2015-07, 2015-07-21): metadata "
        "published, else the date inferred from the text. Undated articles are left out (counted on stderr).",
        show_default=False,
    ),
]
ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        help="Only articles dated on or before this ISO date (each date at its own precision).",
        show_default=False,
    ),
]
SourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source", help="Only articles from this source (metadata source; any case). Repeatable.", show_default=False
    ),
]
WhereOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        help="Only articles whose metadata FIELD=VALUE (exactly) or FIELD~REGEX (a pattern found in it); "
        "id and title count as fields. Repeatable: every condition must hold.",
        show_default=False,
    ),
]
PartOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--part",
        help="Only hits in this part of the page: title, body, comment, residue. Repeatable.",
        show_default=False,
    ),
]


def build_slice(
    date_from: str | None = None,
    date_to: str | None = None,
    source: list[str] | None = None,
    where: list[str] | None = None,
    part: list[str] | None = None,
) -> Any:
    """The :class:`~kzcorpus.slicing.Slice` the options ask for (errors name the flags)."""
    from kzcorpus.errors import UsageError
    from kzcorpus.slicing import PART_CHOICES, Slice

    for option, value in (("--from", date_from), ("--to", date_to)):
        if value is not None:
            from kzcorpus.dates import normalise_date

            if normalise_date(value) is None:
                raise UsageError(f"{option} {value!r} is not a date; use ISO 8601: 2022, 2022-07 or 2022-07-15")
    for p in part or ():
        if p.lower() not in PART_CHOICES:
            raise UsageError(f"--part {p!r} is not one of {', '.join(PART_CHOICES)}")
    for w in where or ():
        if "=" not in w and "~" not in w:
            raise UsageError(f"--where {w!r}: give FIELD=VALUE or FIELD~REGEX")
    try:
        return Slice.build(date_from, date_to, source, where, part)
    except UsageError as exc:
        message = str(exc).replace("the first date", "--from").replace("the last date", "--to")
        raise UsageError(message if message.startswith("--") else f"--where: {message}") from None


def slice_note(sl: Any) -> None:
    """Say on stderr how many articles a date range left out for want of a date."""
    note = sl.note()
    if note:
        from kzcorpus.cli.base import _stderr

        _stderr(f"note: {note}")


def slice_options(*, dates: bool = True, parts: bool = False) -> Callable[[Any], Any]:
    """Decorator: add the slicing options to a command (``--from``/``--to``
    only with *dates*, ``--part`` only with *parts*); the slice they build
    applies to every article :func:`kzcorpus.cli.common.open_corpus` gives, and
    ``--part`` to the records the command writes."""
    from kzcorpus.cli.common import add_options

    options: list[tuple[str, Any]] = []
    if dates:
        options += [("date_from", FromOpt), ("date_to", ToOpt)]
    options += [("source", SourceOpt), ("where", WhereOpt)]
    if parts:
        options.append(("part", PartOpt))

    def build(values: dict[str, Any]) -> None:
        values["slice"] = build_slice(
            values.get("date_from") if dates else None,
            values.get("date_to") if dates else None,
            values.get("source"),
            values.get("where"),
            values.get("part") if parts else None,
        )

    return lambda fn: add_options(fn, options, after=build)
