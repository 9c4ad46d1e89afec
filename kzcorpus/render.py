"""Tables for people: the only module that imports rich.

Arabic in a terminal is hard: most terminals neither reorder right-to-left
text nor join letters, a few (VTE, Konsole, mlterm) reorder each screen line
themselves.  ``docs/TERMINALS.md`` records what was seen; the modes are:

``visual``
    shape the letters (arabic-reshaper), reorder each cell
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
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import IO, Any, Literal, get_args

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kzcorpus.arabic import clean_for_display
from kzcorpus.output import Column, View, flat

BidiMode = Literal["auto", "visual", "isolate", "logical"]
BIDI_MODES: tuple[str, ...] = get_args(BidiMode)
ENV_BIDI = "KZCORPUS_BIDI"

LRO, PDF, RLI, PDI = "\u202d", "\u202c", "\u2067", "\u2069"
_RTL_RE = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
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


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": True,
            "ARABIC LIGATURE ALLAH": False,  # one wide glyph: breaks columns
        }
    )


def has_rtl(s: str) -> bool:
    return _RTL_RE.search(s) is not None


def visual(s: str) -> str:
    """Shape and reorder *s* for a terminal that draws cells left to right."""
    if not has_rtl(s):
        return s
    from bidi import get_display

    shaped = _reshaper().reshape(s)
    return LRO + str(get_display(shaped, base_dir="R")) + PDF


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
    side is marked with an ellipsis.  Never cuts inside a word unless one
    word alone is wider than *width*.
    """
    shown = shape(s)
    if cell_len(shown) <= width:
        return shown
    words = s.split(" ")
    while len(words) > 1:
        if keep == "end":
            words.pop(0)
            candidate = ELLIPSIS + " ".join(words)
        else:
            words.pop()
            candidate = " ".join(words) + ELLIPSIS
        shown = shape(candidate)
        if cell_len(shown) <= width:
            return shown
    return shape(ELLIPSIS) if width >= 1 else ""


def _cell(value: Any) -> str:
    return clean_for_display(flat(value))


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
    if view.kwic:
        table = _kwic_table(rows, columns, shape, console.width)
    else:
        table = _plain_table(rows, columns, shape, console.width)
    explicit = mode == "visual" and _vte_outside_tmux(env) and console.is_terminal
    if explicit:
        out.write("\x1b[8l")
    try:
        console.print(table)
        if view.footer:
            console.print(Text(view.footer, style="dim"))
    finally:
        if explicit:
            out.write("\x1b[8h")
            out.flush()
    return len(rows)


def _plain_table(rows: list[dict[str, str]], columns: list[Column], shape: Callable[[str], str], total: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, header_style="bold")
    budget = max(20, total - 2 * len(columns))
    widths = {c.key: max([len(c.title)] + [cell_len(r[c.key]) for r in rows]) for c in columns}
    for c in columns:
        cap = c.max_width or budget
        widths[c.key] = min(widths[c.key], cap)
    for c in columns:
        table.add_column(
            c.title,
            justify="right" if c.numeric or c.text else "left",
            no_wrap=True,
            overflow="crop" if c.text else "ellipsis",
            max_width=widths[c.key],
        )
    for r in rows:
        cells = []
        for c in columns:
            value = r[c.key]
            if c.text:
                value = fit_words(value, widths[c.key], shape, keep="start")
            cells.append(Text(value))
        table.add_row(*cells)
    return table


def _kwic_table(rows: list[dict[str, str]], columns: list[Column], shape: Callable[[str], str], total: int) -> Table:
    """Concordance: other columns, then after | keyword | before."""
    lead = [c for c in columns if c.key not in ("before", "keyword", "after")]
    lead_widths = {c.key: max([len(c.title)] + [cell_len(r[c.key]) for r in rows]) for c in lead}
    kw_cells = [shape(r["keyword"]) for r in rows]
    kw_width = max([len("keyword")] + [cell_len(k) for k in kw_cells])
    overhead = 2 * (len(lead) + 3)
    remaining = max(16, total - overhead - sum(lead_widths.values()) - kw_width)
    after_width = remaining // 2
    before_width = remaining - after_width
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, header_style="bold")
    for c in lead:
        table.add_column(c.title, justify="right" if c.numeric else "left", no_wrap=True, max_width=lead_widths[c.key])
    table.add_column("after", justify="right", no_wrap=True, overflow="crop", width=after_width)
    table.add_column("keyword", justify="center", no_wrap=True, overflow="crop", style="bold", width=kw_width)
    table.add_column("before", justify="left", no_wrap=True, overflow="crop", width=before_width)
    for r, kw in zip(rows, kw_cells, strict=True):
        after = fit_words(r["after"], after_width, shape, keep="start")
        before = fit_words(r["before"], before_width, shape, keep="end")
        table.add_row(*[Text(r[c.key]) for c in lead], Text(after), Text(kw), Text(before))
    return table
