"""``--plot FILE``: a chart of a command's records as PNG or SVG (:mod:`kzcorpus.plotting`)."""

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import typer

from kzcorpus.cli.base import _stderr

PlotOpt = Annotated[
    str | None,
    typer.Option(
        "--plot",
        metavar="FILE",
        help="Also draw a chart to FILE: PNG or SVG by its suffix (needs: pip install 'kzcorpus\\[plot]').",
        show_default=False,
    ),
]


def check_plot(path: str | None) -> None:
    """Fail before any work when the chart could not be written."""
    if path:
        from kzcorpus.plotting import check_target

        check_target(path)


def draw_plot(path: str | None, kind: str, records: list[dict[str, Any]], **options: Any) -> None:
    """Write the *kind* chart of *records* to *path* and say where on stderr."""
    if not path:
        return
    if not records:
        _stderr(f"note: nothing to draw, so no chart written to {path}")
        return
    from kzcorpus.plotting import write_chart

    fmt = write_chart(kind, records, path, on_note=lambda n: _stderr(f"note: {n}"), **options)
    _stderr(f"chart written to {path} ({fmt.upper()})")


def keep(records: Iterable[dict[str, Any]], into: list[dict[str, Any]] | None) -> Iterator[dict[str, Any]]:
    """*records* as they go by, copied into *into* (for a chart drawn after the output)."""
    for r in records:
        if into is not None:
            into.append(r)
        yield r
