"""--plot FILE: charts of trend, timeline, plot and entities --cooccur (kzcorpus.plotting).

Figures are checked through the objects matplotlib builds (lines, bars,
images, tick labels), not pixels; files by their magic bytes and XML.
"""

from __future__ import annotations

import json
import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from kzcorpus import plotting
from kzcorpus.errors import UsageError
from kzcorpus.shaping import shape, visual_order
from tests.conftest import DATA
from tests.test_cli_commands import run

pytest.importorskip("matplotlib")

HANDMADE = str(DATA / "analyst" / "handmade.jsonl")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def trend_records(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "trend", "روسيا", "الصين", *args, "--corpus", HANDMADE, "--json")
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def values(ys: Any) -> list[float | None]:
    return [None if math.isnan(y) else float(y) for y in ys]


def svg_comments(path: Path) -> list[str]:
    """The XML comments of an SVG file (matplotlib writes each text's string as one)."""
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(path.read_bytes(), parser=parser)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return [el.text.strip() for el in root.iter() if el.tag is ET.Comment and el.text]


# --------------------------------------------------------------------------
# trend


def test_trend_one_line_per_query_every_week_and_an_undated_panel(capsys: pytest.CaptureFixture[str]) -> None:
    records = trend_records(capsys, "--by", "week")
    fig = plotting.trend_figure(records, by="week")
    main_ax, side = fig.axes
    lines = main_ax.get_lines()
    assert [line.get_label() for line in lines] == ["روسيا", "الصين"]
    # 2015-07-01 is in W27, 07-15 in W29, 08-03 in W32: six weeks, three of them empty.
    assert [t.get_text() for t in main_ax.get_xticklabels()] == [f"2015-W{w}" for w in range(27, 33)]
    # روسيا: 2 hits / 23 tokens (a) in W27, 1 / 20 (b) in W29; الصين: 1 / 20 in W29, 1 / 14 (c) in W32.
    # Weeks 28, 30 and 31 have no articles: no rate (a gap, shaded), not a zero.
    assert values(lines[0].get_ydata()) == [869.57, None, 500.0, None, None, 0.0]
    assert values(lines[1].get_ydata()) == [0.0, None, 500.0, None, None, 714.29]
    assert [(p.get_x(), p.get_label()) for p in main_ax.patches] == [(0.5, "no articles"), (2.5, None), (3.5, None)]
    # The undated article d (one hit of روسيا, 11 tokens) stands apart.
    assert [round(b.get_height(), 2) for b in side.patches] == [909.09, 0.0]
    assert [t.get_text() for t in side.get_xticklabels()] == ["unknown"]


def test_trend_by_source_is_grouped_bars(capsys: pytest.CaptureFixture[str]) -> None:
    records = trend_records(capsys, "--by", "source")
    fig = plotting.trend_figure(records, by="source")
    (ax,) = fig.axes
    assert len(ax.containers) == 2  # one bar series per query
    assert [t.get_text() for t in ax.get_xticklabels()] == ["alpha", "beta", "gamma"]
    assert [len(c) for c in ax.containers] == [3, 3]


def test_trend_without_rates_counts_hits(capsys: pytest.CaptureFixture[str]) -> None:
    records = [
        {"query": "x", "period": "2015", "hits": 2, "tokens": None, "per_10k": None},
        {"query": "x", "period": "2016", "hits": 0, "tokens": None, "per_10k": None},
    ]
    fig = plotting.trend_figure(records, by="year")
    assert list(fig.axes[0].get_lines()[0].get_ydata()) == [2.0, 0.0]
    assert fig.axes[0].get_ylabel() == "hits"


# --------------------------------------------------------------------------
# timeline, plot, cooccur


def test_timeline_bars_fill_empty_months() -> None:
    records = [{"value": v} for v in ("2015-07-03", "2015-07-20", "2015-09", "2015", "2015-W32")]
    fig = plotting.timeline_figure(records, unit="month")
    (ax,) = fig.axes
    # 2015-W32 starts on Monday 3 August; the bare year is less precise than a month.
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2015-07", "2015-08", "2015-09"]
    assert [b.get_height() for b in ax.patches] == [2, 1, 1]
    assert ax.get_title() == "dates per month: 4 in all (1 less precise than a month not shown)"


def test_timeline_past_sixty_periods_uses_a_time_axis() -> None:
    records = [{"value": v} for v in ("1900", "2015-07-03", "2015")]
    (ax,) = plotting.timeline_figure(records, unit="year").axes
    assert [(b.get_x(), b.get_height()) for b in ax.patches] == [(1900, 1), (2015, 2)]  # 116 years: only two bars
    months = [{"value": v} for v in ("2010-01-05", "2015-07-03")]
    (ax,) = plotting.timeline_figure(months, unit="month").axes
    assert [round(b.get_x(), 3) for b in ax.patches] == [2010.0, 2015.5]


PLOT_ROWS = [
    {"doc": "a", "title": "روسيا اليوم", "hits": 2, "chars": 200, "offsets": [0, 150]},
    {"doc": "b", "title": None, "hits": 3, "chars": 100, "offsets": [10, 20, 90]},
    {"doc": "c", "title": "الصين", "hits": 1, "chars": 50, "offsets": [25]},
]


def test_plot_strips_mark_each_hit_at_its_share_of_the_text() -> None:
    fig = plotting.plot_figure(PLOT_ROWS, query="روسيا")
    ax = fig.axes[0]
    ticks = [
        [float(seg[0][0]) for seg in coll.get_segments()] for coll in ax.collections if hasattr(coll, "get_segments")
    ]
    marks = [t for t in ticks if t != [0.0]]  # the strips themselves are bars, hits are vertical lines
    assert marks == [[0.0, 0.75], [0.1, 0.2, 0.9], [0.5]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a (2)", "b (3)", "c (1)"]
    (right,) = ax.child_axes  # the titles' axis on the right
    assert [t.get_text() for t in right.get_yticklabels()] == ["روسيا اليوم", "", "الصين"]


def test_plot_keeps_the_articles_with_most_hits_in_their_order() -> None:
    fig = plotting.plot_figure(PLOT_ROWS, max_rows=2)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["a (2)", "b (3)"]
    assert "2 of 3 articles, most hits" in fig.axes[0].get_title()


COOCCUR_ROWS = [
    {"source": "Russia", "target": "Ukraine", "source_name": "روسيا", "target_name": "أوكرانيا", "pair_count": 5},
    {"source": "Kazakhstan", "target": "Russia", "source_name": "كازاخستان", "target_name": "روسيا", "pair_count": 3},
    {"source": "Moscow", "target": "Ukraine", "source_name": "موسكو", "target_name": "أوكرانيا", "pair_count": 1},
]


def test_cooccur_matrix_of_the_most_connected_entities() -> None:
    # Weights: Russia 8, Ukraine 6, Kazakhstan 3, Moscow 1.
    fig = plotting.cooccur_figure(COOCCUR_ROWS, top=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["روسيا", "أوكرانيا", "كازاخستان"]
    assert ax.images[0].get_array().tolist() == [[0, 5, 3], [5, 0, 0], [3, 0, 0]]
    assert sorted(t.get_text() for t in ax.texts) == ["3", "3", "5", "5"]
    assert ax.get_title() == "entities named together: the 3 most connected of 4"


# --------------------------------------------------------------------------
# Arabic labels


def test_labels_go_in_logical_order_when_matplotlib_lays_text_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plotting, "lays_out_text", lambda: True)
    assert plotting.label("روسيا") == "روسيا"


def test_labels_are_shaped_and_reordered_when_it_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plotting, "lays_out_text", lambda: False)
    shown = plotting.label("روسيا")
    # Left to right as drawn: final alef, medial yeh, initial seen, isolated waw, isolated reh.
    assert shown == visual_order(shape("روسيا")) == "\ufe8e\ufef4\ufeb3\ufeed\ufead"
    assert plotting.label("2015-W30") == "2015-W30"
    fig = plotting.cooccur_figure(COOCCUR_ROWS, top=1)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [shown]
    families, missing = plotting.fonts_for(["روسيا", "المملكة العربية السعودية"])
    assert families == ["DejaVu Sans"] and missing == ""  # its presentation forms are all there


def test_a_character_no_font_has_is_reported() -> None:
    notes: list[str] = []
    plotting.timeline_figure([{"value": "2015"}], unit="year", on_note=notes.append)
    assert notes == []
    plotting.plot_figure([{**PLOT_ROWS[0], "title": "\U0010fffd"}], on_note=notes.append)
    assert notes == [f"no font found has {chr(0x10FFFD)!r}: those characters show as placeholders in the chart"]


# --------------------------------------------------------------------------
# Files and the command line


def test_trend_writes_a_png_and_still_prints_its_records(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "trend.png"
    plain = trend_records(capsys, "--by", "month")
    with_plot = trend_records(capsys, "--by", "month", "--plot", str(target))
    assert with_plot == plain
    assert target.read_bytes()[:8] == PNG_MAGIC


def test_svg_is_xml_with_the_labels_and_the_same_bytes_each_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for target in (first, second):
        code, _, err = run(
            capsys, "trend", "روسيا", "الصين", "--by", "week", "--corpus", HANDMADE, "--plot", str(target)
        )
        assert code == 0
        assert f"chart written to {target} (SVG)" in err
    comments = svg_comments(first)
    for text in ("روسيا", "الصين", "2015-W27", "unknown", "hits per 10,000 body tokens, by week"):
        assert plotting.label(text) in comments
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (("timeline", "--unit", "year"), "timeline"),
        (("plot", "روسيا"), "plot"),
        (("entities", "--cooccur", "--within", "article"), "cooccur"),
    ],
)
def test_each_command_writes_its_chart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...], kind: str
) -> None:
    target = tmp_path / f"{kind}.svg"
    code, out, err = run(capsys, *args, "--corpus", HANDMADE, "--plot", str(target), "--json")
    assert code == 0, err
    assert json.loads(out)
    assert svg_comments(target)
    assert f"chart written to {target} (SVG)" in err


def test_cooccur_chart_names_the_pairs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "pairs.svg"
    code, out, _ = run(capsys, "entities", "--cooccur", "--corpus", HANDMADE, "--plot", str(target), "--json")
    assert code == 0
    names = {r[k] for r in json.loads(out) for k in ("source_name", "target_name")}
    assert names and all(plotting.label(n) in svg_comments(target) for n in names)


def test_nothing_to_draw_writes_no_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "none.png"
    code, _, err = run(capsys, "plot", "لاشيءهنا", "--corpus", HANDMADE, "--plot", str(target), "--json")
    assert code == 1
    assert "nothing to draw" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("chart.pdf", "give a file name ending in .png or .svg"),
        ("chart", "give a file name ending in .png or .svg"),
        ("missing/chart.png", "no directory"),
        ("folder.png", "it is a directory"),
    ],
)
def test_bad_targets_fail_before_any_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "folder.png").mkdir()
    code, out, err = run(capsys, "trend", "روسيا", "--corpus", HANDMADE, "--plot", str(tmp_path / name))
    assert code == 2
    assert out == ""
    assert message in err


def test_chart_format_by_suffix() -> None:
    assert plotting.chart_format("a/B.SVG") == "svg"
    assert plotting.chart_format("x.png") == "png"
    with pytest.raises(UsageError):
        plotting.chart_format("x.jpg")


def test_without_matplotlib_the_error_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now raises ImportError
    code, out, err = run(capsys, "timeline", "--corpus", HANDMADE, "--plot", str(tmp_path / "t.png"))
    assert code == 2
    assert out == ""
    assert "pip install 'kzcorpus[plot]'" in err
    with pytest.raises(plotting.PlotUnavailable):
        plotting.trend_figure([])


def test_plot_is_only_for_cooccur_on_entities(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "entities", "--corpus", HANDMADE, "--plot", str(tmp_path / "e.png"))
    assert code == 2
    assert "--plot is for --cooccur" in err


def test_plot_table_summary_shows_the_query_as_the_cells_do(capsys: pytest.CaptureFixture[str]) -> None:
    from kzcorpus.render import visual

    code, out, _ = run(capsys, "plot", "روسيا", "--corpus", HANDMADE, "--format", "table", "--bidi", "visual")
    assert code == 0
    assert f"3 articles with hits of {visual('روسيا')};" in out


def test_help_names_the_extra_to_install(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "trend", "--help")
    assert code == 0
    assert "pip install 'kzcorpus[plot]'" in out  # not eaten as rich markup
