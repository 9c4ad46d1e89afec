"""Tables for people: bidi modes, word-wise cutting, literal text."""

from __future__ import annotations

import io

from rich.cells import cell_len

from kzcorpus.corpus import Article
from kzcorpus.kwic import kwic
from kzcorpus.output import Column, View
from kzcorpus.render import LRO, PDF, PDI, RLI, fit_words, isolate, render_table, resolve_bidi, visual

KWIC_VIEW = View(
    [
        Column("doc"),
        Column("line", numeric=True),
        Column("before", text=True),
        Column("keyword", text=True),
        Column("after", text=True),
    ],
    kwic=True,
)


def table(
    records: list[dict[str, object]], *, width: int = 100, bidi: str = "visual", env: dict[str, str] | None = None
) -> str:
    out = io.StringIO()
    render_table(records, KWIC_VIEW, out=out, width=width, bidi=bidi, env=env or {})
    return out.getvalue()


def test_resolve_bidi() -> None:
    assert resolve_bidi(None, {}) == "visual"
    assert resolve_bidi(None, {"KONSOLE_VERSION": "230401"}) == "isolate"
    assert resolve_bidi(None, {"KZCORPUS_BIDI": "logical"}) == "logical"
    assert resolve_bidi("isolate", {"KZCORPUS_BIDI": "logical"}) == "isolate"


def test_visual_shapes_reorders_and_protects() -> None:
    shown = visual("في روسيا")
    assert shown.startswith(LRO) and shown.endswith(PDF)
    body = shown[1:-1]
    # Presentation forms, and the first logical word drawn last (rightmost).
    assert all(not ("\u0600" <= ch <= "\u06ff") for ch in body if not ch.isspace())
    assert body.split(" ")[-1] == visual("في")[1:-1]
    assert visual("SPIEF 2022") == "SPIEF 2022"
    assert isolate("روسيا") == RLI + "روسيا" + PDI


def test_fit_words_cuts_whole_words_farthest_first() -> None:
    ident = lambda s: s  # noqa: E731
    assert fit_words("a bb ccc dddd", 9, ident, keep="end") == "…ccc dddd"
    assert fit_words("a bb ccc dddd", 9, ident, keep="start") == "a bb ccc…"
    assert fit_words("a bb", 10, ident, keep="end") == "a bb"
    assert fit_words("abcdefghijkl", 5, ident, keep="end") == "…"


def test_kwic_table_fits_the_width_and_keeps_the_keyword(seeds: list[Article]) -> None:
    records = [h.record() for h in kwic(seeds, "توكاييف")][:12]
    for width in (60, 80, 120, 200):
        text = table(records, width=width)
        lines = text.splitlines()
        assert max(cell_len(line) for line in lines) <= width
        assert text.count(visual("توكاييف")) == len(records)
        assert "000_7b53a6053af83644" in text  # ids are never cut


def test_kwic_columns_are_laid_out_right_to_left() -> None:
    rec = {"doc": "t", "line": 1, "before": "BEFORE", "keyword": "KEY", "after": "AFTER"}
    header, *_ = table([rec], bidi="logical").splitlines()
    assert header.index("after") < header.index("keyword") < header.index("before")
    row = table([rec], bidi="logical").splitlines()[-1]
    assert row.index("AFTER") < row.index("KEY") < row.index("BEFORE")


def test_markup_and_escapes_are_shown_literally() -> None:
    rec = {"doc": "t", "line": 1, "before": "[ad_1] [bold]x[/bold]", "keyword": "\x1b[2Jk", "after": "\u202eY"}
    text = table([rec], bidi="logical")
    assert "[ad_1] [bold]x[/bold]" in text
    assert "\x1b" not in text and "\u202e" not in text


def test_vte_gets_explicit_mode_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    rec = {"doc": "t", "line": 1, "before": "ب", "keyword": "ك", "after": "أ"}
    out = Tty()
    render_table([rec], KWIC_VIEW, out=out, width=80, bidi="auto", env={"VTE_VERSION": "7200"})
    assert out.getvalue().startswith("\x1b[8l") and out.getvalue().endswith("\x1b[8h")
    out = Tty()
    render_table([rec], KWIC_VIEW, out=out, width=80, bidi="auto", env={"VTE_VERSION": "7200", "TMUX": "/tmp/x"})
    assert "\x1b[8l" not in out.getvalue()


def test_empty_table_says_so() -> None:
    out = io.StringIO()
    render_table([], View([Column("doc")], empty_message="no hits for x"), out=out, width=80, env={})
    assert out.getvalue().strip() == "no hits for x"


def test_brackets_are_mirrored_in_right_to_left_text() -> None:
    # Drawn left to right, «كازاخستان (82)» must show (82) on the left.
    assert visual("كازاخستان (82)")[1:-1].startswith("(82) ")
    # Arabic quotation marks point outwards: «بوتين».
    assert visual("«بوتين» قال")[1:-1].endswith("«" + visual("بوتين")[1:-1] + "»")
    assert visual("إضغط(ي) هنا")[1:-1].endswith("(" + visual("ي")[1:-1] + ")" + visual("إضغط")[1:-1])
    # Left-to-right pairs inside Arabic are already right.
    assert "SPIEF-2022 (x)" in visual("في SPIEF-2022 (x) هنا")
    assert "Nezalezhnaya (1)" in visual("Nezalezhnaya (1) | أوكرانيا")


def test_an_arabic_id_in_a_plain_column_is_shaped_a_latin_one_left_alone() -> None:
    out = io.StringIO()
    view = View([Column("id"), Column("name", text=True)])
    rows = [{"id": "هاشم الدباغ", "name": "هاشم الدباغ"}, {"id": "Russia", "name": "روسيا"}]
    render_table(rows, view, out=out, width=80, bidi="visual", env={})
    lines = out.getvalue().splitlines()
    assert visual("هاشم الدباغ") in lines[2] and "هاشم" not in lines[2]
    assert lines[3].split()[0] == "Russia"
