"""Charts as PNG or SVG files, drawn with matplotlib (the ``plot`` extra).

Each ``*_figure`` function takes the records a command emits (``trend``,
``timeline``, ``plot``, ``entities --cooccur``) and returns a matplotlib
``Figure``; :func:`save` writes it, the file's suffix choosing PNG or SVG.
matplotlib is imported only when a chart is drawn: without it,
:class:`PlotUnavailable` says how to install it.

Arabic labels: matplotlib 3.11 and later lay text out with libraqm (shaping
and bidi), so labels go in as stored; older versions draw code points left
to right, so labels are shaped and reordered first by :mod:`kzcorpus.shaping`
(the same code the terminal tables use).  Text is drawn in DejaVu Sans,
which matplotlib ships and which has Arabic letters and presentation forms;
a character it lacks is looked for in the other fonts matplotlib finds, and
reported when none has it.  SVG text is drawn as outlines (the file looks
the same in every viewer); each label stays in the file as an XML comment.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from kzcorpus.errors import KzError, UsageError
from kzcorpus.shaping import has_rtl, shape, visual_order

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FORMATS: tuple[str, ...] = ("png", "svg")
INSTALL_HINT = "pip install 'kzcorpus[plot]'"
FONT = "DejaVu Sans"
UNKNOWN = "unknown"
#: Most periods drawn one bar each, every one labelled or ticked (a timeline); past it, a time axis.
MAX_CATEGORIES = 60
DATE_UNITS = ("day", "week", "month", "year")

#: Settings every chart is drawn and saved with: the same file from the same records.
_RC: dict[str, Any] = {
    "svg.hashsalt": "kzcorpus",
    "svg.fonttype": "path",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


class PlotUnavailable(KzError):
    """matplotlib is not installed."""


class PlotError(KzError):
    """A chart that cannot be written where it was asked for."""


# --------------------------------------------------------------------------
# matplotlib, fonts and Arabic labels


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise PlotUnavailable(f"drawing charts needs matplotlib: {INSTALL_HINT}") from exc
    return matplotlib


def lays_out_text() -> bool:
    """Whether matplotlib shapes and reorders complex scripts itself (3.11+, libraqm)."""
    from matplotlib import ft2font

    return hasattr(ft2font, "__libraqm_version__")


def label(text: str) -> str:
    """*text* as it must be handed to matplotlib to read right (see the module's doc)."""
    if not has_rtl(text) or lays_out_text():
        return text
    return visual_order(shape(text))


def short(text: str, width: int = 40) -> str:
    """*text* cut by whole words to at most *width* characters (… where cut)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(" .،,:;…") + "…"


def fonts_for(texts: Iterable[str]) -> tuple[list[str], str]:
    """Font families that cover the characters of *texts* (DejaVu Sans first),
    and the characters no font matplotlib knows has."""
    from matplotlib import font_manager as fm

    wanted = {ch for t in texts for ch in label(t) if not ch.isspace() and ord(ch) >= 0x20}
    families = [FONT]
    missing = wanted - _charmap(fm.findfont(fm.FontProperties(family=FONT)))
    if missing:
        for entry in sorted(fm.fontManager.ttflist, key=lambda f: (f.name, f.fname)):
            if entry.name in families or entry.name.startswith("Last Resort"):
                continue  # Last Resort (3.11+) draws a placeholder for every character
            try:
                covered = missing & _charmap(entry.fname)
            except (OSError, RuntimeError):
                continue
            if covered:
                families.append(entry.name)
                missing -= covered
            if not missing:
                break
    return families, "".join(sorted(missing))


def _charmap(path: str) -> set[str]:
    from matplotlib.font_manager import get_font

    return {chr(cp) for cp in get_font(path).get_charmap()}


@contextmanager
def _style(texts: Iterable[str], on_note: Callable[[str], None] | None) -> Iterator[None]:
    """matplotlib settings for a chart whose labels are *texts*."""
    mpl = _matplotlib()
    families, missing = fonts_for(texts)
    if missing and on_note is not None:
        on_note(f"no font found has {missing!r}: those characters show as placeholders in the chart")
    with mpl.rc_context({**_RC, "font.family": families}):
        yield


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


# --------------------------------------------------------------------------
# Writing a file


def chart_format(path: str) -> str:
    """``png`` or ``svg``, from *path*'s suffix."""
    suffix = os.path.splitext(path)[1].lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(f"cannot tell the chart format of {path!r}: give a file name ending in .png or .svg")
    return suffix


def check_target(path: str) -> str:
    """Check, before any work, that a chart can be written to *path*
    (matplotlib installed, a known suffix, a writable place); its format."""
    fmt = chart_format(path)
    _matplotlib()
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise PlotError(f"cannot write a chart to {path!r}: it is a directory")
    if not os.path.isdir(folder):
        raise PlotError(f"cannot write a chart to {path!r}: no directory {folder!r}")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise PlotError(f"cannot write a chart to {path!r}: permission denied")
    return fmt


def save(fig: Figure, path: str) -> str:
    """Write *fig* to *path* as PNG or SVG (by the suffix); the format written."""
    fmt = check_target(path)
    mpl = _matplotlib()
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
    try:
        with mpl.rc_context(_RC):
            fig.savefig(path, format=fmt, dpi=120, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    except OSError as exc:
        raise PlotError(f"cannot write a chart to {path!r}: {exc.strerror or exc}") from exc
    return fmt


def write_chart(
    kind: str, records: Sequence[Mapping[str, Any]], path: str, on_note: Callable[[str], None] | None = None, **kw: Any
) -> str:
    """Draw the *kind* chart (``trend``, ``timeline``, ``plot``, ``cooccur``) of *records* to *path*."""
    draw = CHARTS.get(kind)
    if draw is None:
        raise UsageError(f"unknown chart {kind!r}; choose one of {', '.join(CHARTS)}")
    return save(draw(records, on_note=on_note, **kw), path)


# --------------------------------------------------------------------------
# trend: a series per query over the periods


def trend_figure(
    records: Sequence[Mapping[str, Any]], *, by: str = "month", on_note: Callable[[str], None] | None = None
) -> Figure:
    """Lines (bars when ``by`` is not a date unit) of each query's rate per
    10,000 body tokens per period (hits with ``--by-date referenced``, where
    there is no rate); periods without articles shaded, their rate a gap;
    undated hits in a panel of their own on the right."""
    queries = list(dict.fromkeys(r["query"] for r in records))
    periods = list(dict.fromkeys(r["period"] for r in records))
    rated = any(r.get("tokens") is not None for r in records)
    value = {(r["query"], r["period"]): _trend_value(r, rated) for r in records}
    dated = by in DATE_UNITS
    main = [p for p in periods if p != UNKNOWN] if dated else periods
    undated = dated and UNKNOWN in periods
    what = "hits per 10,000 body tokens" if rated else "hits"
    with _style(queries, on_note):
        fig = _figure(min(16.0, max(7.0, 0.18 * len(main) + 4)), 4.5)
        if undated:
            ax, side = fig.subplots(1, 2, sharey=True, width_ratios=[max(4, len(main)), 1 + 0.3 * len(queries)])
        else:
            ax, side = fig.subplots(), None
        xs = list(range(len(main)))
        if dated:
            for q in queries:
                ax.plot(xs, [value[q, p] for p in main], marker="o", markersize=3, label=label(q))
            empty = [x for x, p in zip(xs, main, strict=True) if math.isnan(value[queries[0], p])]
            for i, x in enumerate(empty):  # a gap, not a zero: nothing was published
                ax.axvspan(x - 0.5, x + 0.5, color="0.92", zorder=0, label="no articles" if i == 0 else None)
        else:
            _grouped_bars(ax, queries, main, value)
        _period_ticks(ax, main)
        ax.set_ylabel(what)
        ax.set_xlabel("period" if dated else by)
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", alpha=0.3)
        ax.set_title(f"{what}, by {by}")
        if side is not None:
            _grouped_bars(side, queries, [UNKNOWN], value)
            side.set_xticks([0], [UNKNOWN])
            side.set_title("undated", fontsize=9)
            side.tick_params(axis="y", left=False)
        if len(queries) > 1 or not dated or ax.patches:
            ax.legend(loc="best", frameon=False)
    return fig


def _trend_value(r: Mapping[str, Any], rated: bool) -> float:
    if not rated:
        return float(r["hits"])
    rate = r.get("per_10k")
    if rate is None:
        return math.nan if not r.get("tokens") and not r["hits"] else 0.0  # no text at all: a gap
    return float(rate)


def _grouped_bars(ax: Axes, queries: Sequence[str], periods: Sequence[str], value: Mapping[Any, float]) -> None:
    """One bar per query at each period, side by side."""
    n = len(queries)
    width = 0.8 / n
    for i, q in enumerate(queries):
        xs = [x - 0.4 + width * (i + 0.5) for x in range(len(periods))]
        ax.bar(xs, [value[q, p] for p in periods], width=width, label=label(q), color=f"C{i}")


def _period_ticks(ax: Axes, periods: Sequence[str]) -> None:
    """Every period ticked, at most ~30 labelled (evenly), slanted when long."""
    step = max(1, math.ceil(len(periods) / 30))
    ticks = list(range(0, len(periods), step))
    rotate = 0 if max((len(p) for p in periods), default=0) * len(ticks) < 90 else 45
    ax.set_xticks(ticks, [label(periods[i]) for i in ticks], rotation=rotate, ha="right" if rotate else "center")
    if 1 < step and len(periods) <= 120:
        ax.set_xticks(range(len(periods)), minor=True)


# --------------------------------------------------------------------------
# timeline: dates per period


def timeline_figure(
    records: Sequence[dict[str, Any]], *, unit: str = "year", on_note: Callable[[str], None] | None = None
) -> Figure:
    """Bars of the dates the articles mention, per *unit* (``year`` or
    ``month``), every period from the first to the last (zero bars too); past
    :data:`MAX_CATEGORIES` periods, on a time axis (years) where empty
    periods are empty space."""
    from kzcorpus.dates import bars
    from kzcorpus.trend import fill

    counts = dict(bars(records, unit=unit))
    periods = fill(counts, unit)
    left_out = sum(1 for r in records if r.get("value")) - sum(counts.values())
    with _style(periods, on_note):
        many = len(periods) > MAX_CATEGORIES
        fig = _figure(10.0 if many else min(16.0, max(6.0, 0.2 * len(periods) + 3)), 4.0)
        ax = fig.subplots()
        if not many:
            ax.bar(range(len(periods)), [counts.get(p, 0) for p in periods], color="C0")
            _period_ticks(ax, periods)
        else:
            step = 1.0 if unit == "year" else 1 / 12
            xs = [int(p[:4]) + (int(p[5:7]) - 1) / 12 if unit == "month" else int(p) for p in counts]
            ax.bar(xs, list(counts.values()), width=step, align="edge", color="C0")
        ax.set_ylabel("dates mentioned")
        ax.set_xlabel(unit)
        ax.grid(axis="y", alpha=0.3)
        title = f"dates per {unit}: {sum(counts.values()):,} in all"
        if left_out:
            title += f" ({left_out:,} less precise than a {unit} not shown)"
        ax.set_title(title)
    return fig


# --------------------------------------------------------------------------
# plot: where in each article the hits fall


def plot_figure(
    records: Sequence[Mapping[str, Any]],
    *,
    query: str | None = None,
    max_rows: int = 40,
    on_note: Callable[[str], None] | None = None,
) -> Figure:
    """A strip per article, its whole length from 0 (the start, left) to 1,
    with a tick where each hit starts.  Past *max_rows* articles, those with
    the most hits are shown (in the order given)."""
    rows = list(records)
    if len(rows) > max_rows:
        keep = sorted(range(len(rows)), key=lambda i: -int(rows[i]["hits"]))[:max_rows]
        rows = [rows[i] for i in sorted(keep)]
    titles = [short(str(r.get("title") or ""), 48) for r in rows]
    with _style([*titles, query or ""], on_note):
        fig = _figure(10.0, 1.0 + 0.32 * max(1, len(rows)))
        ax = fig.subplots()
        for y, r in enumerate(rows):
            n = max(1, int(r["chars"]))
            ax.broken_barh([(0.0, 1.0)], (y - 0.3, 0.6), facecolors="0.92", edgecolors="0.6", linewidth=0.5)
            ax.vlines([min(1.0, s / n) for s in r["offsets"]], y - 0.3, y + 0.3, colors="C3", linewidth=1.2)
        ax.set_xlim(0, 1)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_yticks(range(len(rows)), [f"{r['doc']} ({r['hits']:,})" for r in rows])
        right = ax.secondary_yaxis("right")
        right.set_yticks(range(len(rows)), [label(t) for t in titles])
        right.tick_params(length=0)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["start", "25%", "50%", "75%", "end"])
        ax.set_xlabel("position in the article (share of its characters)")
        shown = f"{len(rows)} of {len(records):,} articles, most hits" if len(rows) < len(records) else "articles"
        head = f"hits of {label(query)}" if query else "hits"
        ax.set_title(f"{head}: where they fall in each text ({shown}; doc (hits) left, title right)")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
    return fig


# --------------------------------------------------------------------------
# entities --cooccur: a matrix of the entities most often named together


def cooccur_figure(
    records: Sequence[Mapping[str, Any]],
    *,
    top: int = 20,
    within: str = "sentence",
    on_note: Callable[[str], None] | None = None,
) -> Figure:
    """The *top* entities (by pairs they take part in, weighted by
    ``pair_count``) against each other: each cell the units (sentences, or
    articles) naming both."""
    weight: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in records:
        for side in ("source", "target"):
            weight[r[side]] = weight.get(r[side], 0) + int(r["pair_count"])
            names.setdefault(r[side], str(r.get(f"{side}_name") or r[side]))
    chosen = sorted(weight, key=lambda e: (-weight[e], e))[:top]
    where = {e: i for i, e in enumerate(chosen)}
    n = len(chosen)
    matrix = [[0.0] * n for _ in range(n)]
    for r in records:
        i, j = where.get(r["source"]), where.get(r["target"])
        if i is not None and j is not None:
            matrix[i][j] = matrix[j][i] = float(r["pair_count"])
    labels = [short(names[e], 24) for e in chosen]
    with _style(labels, on_note):
        size = 3.0 + 0.38 * n
        fig = _figure(size + 1.5, size)
        ax = fig.subplots()
        peak = max((v for row in matrix for v in row), default=0.0) or 1.0
        image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=peak)
        shown = [label(t) for t in labels]
        ax.set_xticks(range(n), shown, rotation=60, ha="right", rotation_mode="anchor")
        ax.set_yticks(range(n), shown)
        ax.spines[:].set_visible(False)
        for i in range(n):
            for j in range(n):
                if matrix[i][j]:
                    dark = matrix[i][j] > peak * 0.6
                    ax.text(
                        j,
                        i,
                        f"{matrix[i][j]:.0f}",
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if dark else "black",
                    )
        fig.colorbar(image, ax=ax, shrink=0.7, label=f"{within}s naming both")
        ax.set_title(f"entities named together: the {n} most connected of {len(weight):,}")
    return fig


CHARTS: dict[str, Callable[..., Figure]] = {
    "trend": trend_figure,
    "timeline": timeline_figure,
    "plot": plot_figure,
    "cooccur": cooccur_figure,
}
