"""Tables for people: the only module that imports rich.

Arabic in a terminal is hard: most terminals neither reorder right-to-left
text nor join letters, a few (VTE, Konsole, mlterm) reorder each screen line
themselves.  ``docs/TERMINALS.md`` records what was seen; the modes are:

``visual``
    shape the letters (:mod:`kzcorpus.shaping`), reorder each cell
    (python-bidi, base direction right to left) and wrap it in LRO … PDF so
    a bidi terminal does not reorder it again.  Reads correctly in xterm,
    Alacritty, VTE (GNOME Terminal), mlterm, tmux, kitty (``force_ltr``).
``isolate``
    logical text, each cell in RLI … PDI: for Konsole, which always
    reorders and mis-joins pre-shaped lam-alef.
``logical``
    the text as stored, untouched.
``auto``
    Konsole → isolate; any other terminal → visual.

Concordance rows are laid out right to left — following context | keyword |
preceding context — so a row reads as one sentence from right to left, and
contexts are cut by whole words, farthest from the keyword first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any, Literal, get_args

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kzcorpus.arabic import clean_for_display
from kzcorpus.schema import Column, Section, View, flat
from kzcorpus.shaping import has_rtl, visual_order

BidiMode = Literal["auto", "visual", "isolate", "logical"]
BIDI_MODES: tuple[str, ...] = get_args(BidiMode)
ENV_BIDI = "KZCORPUS_BIDI"

LRO, PDF, RLI, PDI = "\u202d", "\u202c", "\u2067", "\u2069"
ELLIPSIS = "…"


def resolve_bidi(requested: str | None, env: Mapping[str, str] | None = None) -> BidiMode:
    """The mode to use: the option, else ``$KZCORPUS_BIDI``, else auto-detected."""
    env = os.environ if env is None else env
    mode = (requested or env.get(ENV_BIDI) or "auto").strip().lower()
    if mode not in BIDI_MODES:
        from kzcorpus.errors import UsageError

        raise UsageError(f"unknown bidi mode {mode!r}; choose one of {', '.join(BIDI_MODES)}")
    if mode != "auto":
        return mode  # type: ignore[return-value]
    if env.get("KONSOLE_VERSION") or env.get("KONSOLE_DBUS_SESSION"):
        return "isolate"
    return "visual"


def _vte_outside_tmux(env: Mapping[str, str]) -> bool:
    """VTE ≥ 0.58 honours ``CSI 8 l`` (explicit mode: no reordering)."""
    if env.get("TMUX"):
        return False  # tmux swallows the sequence and leaks VTE_VERSION
    try:
        return int(env.get("VTE_VERSION", "0")) >= 5800
    except ValueError:
        return False


def visual(s: str) -> str:
    """Shape and reorder *s* for a terminal that draws cells left to right."""
    if not has_rtl(s):
        return s
    from kzcorpus.shaping import shape

    return _reorder(shape(s))


def _reorder(shaped: str) -> str:
    return LRO + visual_order(shaped) + PDF


def isolate(s: str) -> str:
    return RLI + s + PDI if has_rtl(s) else s


def transform(mode: BidiMode) -> Callable[[str], str]:
    if mode == "visual":
        return visual
    if mode == "isolate":
        return isolate
    return lambda s: s


def fit_words(s: str, width: int, shape: Callable[[str], str], *, keep: Literal["start", "end"]) -> str:
    """*s* shaped, cut by whole words to fit *width* cells.

    ``keep="end"`` keeps the words at the end (preceding context: the words
    next to the keyword); ``keep="start"`` keeps those at the start.  The cut
    side is marked with an ellipsis.  Never cuts inside a word: a single word
    wider than *width* becomes the ellipsis alone.
    """
    words = s.split(" ")
    if shape is visual and has_rtl(s):
        # Shaping never joins across a space, so words can be shaped and
        # measured one by one, and the kept ones reordered once.
        from kzcorpus.shaping import shape as shape_letters

        shaped = [shape_letters(w) for w in words]
        finish: Callable[[list[str]], str] = lambda kept: _reorder(" ".join(kept))  # noqa: E731
    else:
        shaped = [shape(w) for w in words]
        finish = lambda kept: shape(" ".join(kept))  # noqa: E731
    widths = [cell_len(w) for w in shaped]
    total = sum(widths) + len(words) - 1
    if total <= width:
        return finish(shaped)
    ellipsis = cell_len(ELLIPSIS)
    order = range(len(words) - 1, -1, -1) if keep == "end" else range(len(words))
    used, kept = ellipsis, 0
    for i in order:
        extra = widths[i] + (1 if kept else 0)
        if used + extra > width:
            break
        used += extra
        kept += 1
    if kept == 0:
        return ELLIPSIS if width >= ellipsis else ""
    if keep == "end":
        return finish([ELLIPSIS + shaped[len(words) - kept], *shaped[len(words) - kept + 1 :]])
    return finish([*shaped[: kept - 1], shaped[kept - 1] + ELLIPSIS])


def _cell(value: Any) -> str:
    return clean_for_display(flat(value))


def render_sections(
    sections: Sequence[tuple[Section, Sequence[Mapping[str, Any]]]],
    *,
    out: IO[str],
    bidi: str | None = None,
    width: int | None = None,
    env: Mapping[str, str] | None = None,
) -> None:
    """One titled table per section (empty sections are left out)."""
    for section, records in sections:
        if not records:
            continue
        out.write(f"\n{section.title}\n")
        render_table(records, section.view, out=out, bidi=bidi, width=width, env=env)


def render_table(
    records: Iterable[Mapping[str, Any]],
    view: View,
    *,
    out: IO[str],
    bidi: str | None = None,
    width: int | None = None,
    env: Mapping[str, str] | None = None,
) -> int:
    """Draw *records* as a table on *out*; return how many there were."""
    env = os.environ if env is None else env
    mode = resolve_bidi(bidi, env)
    shape = transform(mode)
    rows = [{c.key: _cell(rec.get(c.key)) for c in view.columns} for rec in records]
    console = Console(
        file=out,
        width=width,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        force_terminal=None,
        legacy_windows=False,
    )
    if not rows:
        console.print(Text(view.empty_message, style="dim"))
        return 0
    columns = [c for c in view.columns if c.table]
    hidden: list[str] = []
    if view.kwic:
        table = _kwic_table(rows, columns, shape, console.width)
    else:
        table, hidden = _plain_table(rows, columns, shape, console.width)
    explicit = mode == "visual" and _vte_outside_tmux(env) and console.is_terminal
    if explicit:
        out.write("\x1b[8l")
    try:
        console.print(table)
        if hidden:
            note = f"({len(hidden)} column{'s' if len(hidden) > 1 else ''} left out to fit {console.width} columns: "
            console.print(
                Text(note + ", ".join(hidden) + "; widen the terminal or use --format tsv/json)", style="dim")
            )
        if view.footer:
            console.print(Text(view.footer, style="dim"))
        if view.summary is not None:
            console.print(Text(view.summary(len(rows)), style="dim"))
    finally:
        if explicit:
            out.write("\x1b[8h")
            out.flush()
    return len(rows)


_MIN_TEXT = 12  # a text column is not squeezed below this many cells


def _fit_columns(
    rows: list[dict[str, str]], columns: list[Column], shape: Callable[[str], str], total: int
) -> tuple[list[Column], dict[str, int], list[str]]:
    """Column widths that fit *total* cells: numbers and ids whole, text
    columns squeezed (widest first), and if that is not enough, the
    rightmost columns left out (their names are returned)."""
    cells = {c.key: [shape(r[c.key]) if c.text else _plain(r[c.key], shape) for r in rows] for c in columns}
    natural = {c.key: max([cell_len(c.title)] + [cell_len(v) for v in cells[c.key]]) for c in columns}
    for c in columns:
        if c.max_width:
            natural[c.key] = min(natural[c.key], max(c.max_width, cell_len(c.title)))

    def least(c: Column) -> int:
        return min(natural[c.key], max(_MIN_TEXT, cell_len(c.title))) if c.text else natural[c.key]

    shown = list(columns)
    hidden: list[str] = []
    while len(shown) > 1 and sum(least(c) for c in shown) + 3 * len(shown) - 1 > total:
        hidden.insert(0, shown.pop().title)
    widths = {c.key: natural[c.key] for c in shown}
    available = total - (3 * len(shown) - 1)
    flexible = [c for c in shown if c.text]
    while flexible and sum(widths.values()) > available:
        widest = max(flexible, key=lambda c: widths[c.key])
        if widths[widest.key] <= least(widest):
            break
        widths[widest.key] -= 1
    return shown, widths, hidden


def _plain_table(
    rows: list[dict[str, str]], columns: list[Column], shape: Callable[[str], str], total: int
) -> tuple[Table, list[str]]:
    """Columns at their natural width; text columns give way first, then the rightmost columns."""
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, header_style="bold")
    shown, widths, hidden = _fit_columns(rows, columns, shape, total)
    for c in shown:
        table.add_column(
            c.title,
            justify="right" if c.numeric or c.text else "left",
            no_wrap=True,
            overflow="crop",
            width=widths[c.key],
        )
    for r in rows:
        table.add_row(
            *[
                Text(fit_words(r[c.key], widths[c.key], shape, keep="start") if c.text else _plain(r[c.key], shape))
                for c in shown
            ]
        )
    return table, hidden


_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


def _plain(value: str, shape: Callable[[str], str]) -> str:
    """A cell of a column that is not text (an id, a name of a kind): shaped
    only when it holds Arabic letters (the id of an entity no list knows)."""
    return shape(value) if _ARABIC_RE.search(value) else value


def _kwic_table(rows: list[dict[str, str]], columns: list[Column], shape: Callable[[str], str], total: int) -> Table:
    """Concordance: plain columns, then after | keyword | before, then other text columns."""
    context = ("before", "keyword", "after")
    lead = [c for c in columns if c.key not in context and not c.text]
    trail = [c for c in columns if c.key not in context and c.text]
    fixed = {c.key: max([len(c.title)] + [cell_len(r[c.key]) for r in rows]) for c in lead}
    trail_cells = {c.key: [shape(r[c.key]) for r in rows] for c in trail}
    for c in trail:
        fixed[c.key] = min(
            max([len(c.title)] + [cell_len(v) for v in trail_cells[c.key]]), max(len(c.title), total // 5)
        )
    kw_cells = [shape(r["keyword"]) for r in rows]
    kw_width = max([len("keyword")] + [cell_len(k) for k in kw_cells])
    n_columns = len(lead) + len(trail) + 3
    # SIMPLE_HEAD without edges: a space of padding each side of a column
    # and a one-cell rule between columns.
    remaining = max(16, total - (3 * n_columns - 1) - sum(fixed.values()) - kw_width)
    after_width = remaining // 2
    before_width = remaining - after_width
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, header_style="bold")
    for c in lead:
        table.add_column(c.title, justify="right" if c.numeric else "left", no_wrap=True, min_width=fixed[c.key])
    table.add_column("after", justify="right", no_wrap=True, overflow="crop", width=after_width)
    table.add_column("keyword", justify="center", no_wrap=True, overflow="crop", style="bold", width=kw_width)
    table.add_column("before", justify="left", no_wrap=True, overflow="crop", width=before_width)
    for c in trail:
        table.add_column(c.title, justify="right", no_wrap=True, overflow="crop", width=fixed[c.key])
    for i, r in enumerate(rows):
        after = fit_words(r["after"], after_width, shape, keep="start")
        before = fit_words(r["before"], before_width, shape, keep="end")
        table.add_row(
            *[Text(r[c.key]) for c in lead],
            Text(after),
            Text(kw_cells[i]),
            Text(before),
            *[Text(fit_words(r[c.key], fixed[c.key], shape, keep="start")) for c in trail],
        )
    return table


def _wrap_logical(text: str, width: int) -> list[str]:
    """Cut *text* into pieces of at most *width* characters at spaces, in
    logical order (wrapping must happen before reordering)."""
    words = text.split()
    if not words:
        return [""]
    lines, cur = [], ""
    for w in words:
        while len(w) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(w[:width])
            w = w[width:]
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def render_article(
    document: Mapping[str, Any],
    *,
    out: IO[str],
    bidi: str | None = None,
    context: int | None = 8,
    width: int | None = None,
    env: Mapping[str, str] | None = None,
) -> None:
    """An article for reading: line numbers, each line's part (residue
    dimmed), the lines of the span marked; with a span and *context*, only
    the lines around it."""
    env = os.environ if env is None else env
    mode = resolve_bidi(bidi, env)
    shape = transform(mode)
    console = Console(file=out, width=width, highlight=False, markup=False, emoji=False, soft_wrap=True)
    lines = list(document["lines"])
    span = document.get("span")
    head = " · ".join(
        str(x)
        for x in (
            document["doc"],
            document.get("title"),
            document["meta"].get("published"),
            document["meta"].get("source"),
        )
        if x
    )
    console.print(Text(clean_for_display(head) if mode == "logical" else shape(clean_for_display(head)), style="bold"))
    if span is not None:
        shown = shape(clean_for_display(span["text"])) if span["text"] else "(empty span)"
        console.print(
            Text(f"span {span['start']}-{span['end']}, line {span['line']}: ", style="dim")
            + Text(shown, style="reverse")
        )
        if context is not None:
            marked = [i for i, ln in enumerate(lines) if ln["marked"]] or [span["line"] - 1]
            lo, hi = max(0, marked[0] - context), min(len(lines), marked[-1] + context + 1)
            if lo:
                console.print(Text(f"… {lo} lines above", style="dim"))
            rest = len(lines) - hi
            lines = lines[lo:hi]
        else:
            rest = 0
    else:
        rest = 0
    number_width = len(str(document["lines"][-1]["line"])) if document["lines"] else 1
    text_width = max(20, console.width - number_width - 15)
    for ln in lines:
        part = ln["part"] or ""
        style = "dim" if part == "residue" else ("bold" if part == "title" else "")
        if ln["marked"]:
            style = "reverse"
        pieces = _wrap_logical(clean_for_display(ln["text"]), text_width)
        for k, piece in enumerate(pieces):
            prefix = f"{'▶' if ln['marked'] and k == 0 else ' '} {ln['line'] if k == 0 else '':>{number_width}} {part if k == 0 else '':<8} │ "
            body = shape(piece)
            if has_rtl(piece) and mode != "logical":
                body = " " * max(0, text_width - cell_len(body)) + body
            console.print(Text(prefix, style="dim") + Text(body, style=style))
    if rest > 0:
        console.print(Text(f"… {rest} lines below", style="dim"))
