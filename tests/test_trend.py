"""trend: counts by hand on a handmade corpus, and against kwic --count on the seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzcorpus.cli import main
from kzcorpus.trend import bar_chart, fill, period_of, sparkline
from tests.conftest import DATA

HANDMADE = str(DATA / "analyst" / "handmade.jsonl")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def trend(capsys: pytest.CaptureFixture[str], *args: str, corpus: str = HANDMADE) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "trend", *args, "--corpus", corpus, "--json")
    assert code in (0, 1), err
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def rows_of(rows: list[dict[str, Any]], *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(r[k] for k in keys) for r in rows]


KEYS = ("query", "period", "hits", "articles", "period_articles", "tokens", "per_10k")


def test_by_month_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    # Body tokens: a 23, b 20 (July), c 14 (August), d 11 (undated).
    # روسيا: a twice, b once, d once.  الصين: b once, c once.
    rows = trend(capsys, "روسيا", "الصين")
    assert rows_of(rows, *KEYS) == [
        ("روسيا", "2015-07", 3, 2, 2, 43, 697.67),
        ("الصين", "2015-07", 1, 1, 2, 43, 232.56),
        ("روسيا", "2015-08", 0, 0, 1, 14, 0.0),
        ("الصين", "2015-08", 1, 1, 1, 14, 714.29),
        ("روسيا", "unknown", 1, 1, 1, 11, 909.09),
        ("الصين", "unknown", 0, 0, 1, 11, 0.0),
    ]


def test_by_week_fills_empty_weeks(capsys: pytest.CaptureFixture[str]) -> None:
    rows = trend(capsys, "روسيا", "--by", "week")
    assert rows_of(rows, "period", "hits", "tokens") == [
        ("2015-W27", 2, 23),
        ("2015-W28", 0, 0),
        ("2015-W29", 1, 20),
        ("2015-W30", 0, 0),
        ("2015-W31", 0, 0),
        ("2015-W32", 0, 14),
        ("unknown", 1, 11),
    ]
    assert rows[1]["per_10k"] is None
    days = trend(capsys, "روسيا", "--by", "day")
    assert len(days) == 34 + 1 and days[0]["period"] == "2015-07-01" and days[-2]["period"] == "2015-08-03"


def test_by_source_and_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert rows_of(trend(capsys, "روسيا", "--by", "source"), "period", "hits", "tokens", "per_10k") == [
        ("alpha", 2, 37, 540.54),
        ("beta", 1, 20, 500.0),
        ("gamma", 1, 11, 909.09),
    ]
    assert rows_of(trend(capsys, "روسيا", "--by", "section"), "period", "hits", "articles", "tokens") == [
        ("economy", 2, 2, 31),
        ("politics", 2, 1, 37),
    ]


def test_slicing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "trend", "روسيا", "--from", "2015-07", "--to", "2015-07", "--corpus", HANDMADE, "--json"
    )
    assert code == 0
    assert rows_of(json.loads(out), "period", "hits", "tokens") == [("2015-07", 3, 43)]
    assert "note: 1 article left out of the date range" in err
    assert rows_of(trend(capsys, "روسيا", "--source", "alpha"), "period", "hits", "tokens", "per_10k") == [
        ("2015-07", 2, 23, 869.57),
        ("2015-08", 0, 14, 0.0),
    ]
    assert rows_of(trend(capsys, "روسيا", "--where", "section=economy"), "period", "hits", "tokens") == [
        ("2015-07", 1, 20),
        ("unknown", 1, 11),
    ]
    # every hit is in the body: none in titles, periods still listed
    assert [r["hits"] for r in trend(capsys, "روسيا", "--part", "title")] == [0, 0, 0]
    assert [r["hits"] for r in trend(capsys, "روسيا", "--part", "body")] == [3, 0, 1]


def test_referenced_dates(capsys: pytest.CaptureFixture[str]) -> None:
    # a: «أمس» (2015-06-30) shares the first hit's sentence, the second
    # hit's sentence dates nothing; b: «العام المقبل» (2016); d: no date.
    rows = trend(capsys, "روسيا", "--by", "year", "--by-date", "referenced")
    assert rows_of(rows, *KEYS) == [
        ("روسيا", "2015", 1, 1, None, None, None),
        ("روسيا", "2016", 1, 1, None, None, None),
        ("روسيا", "unknown", 2, 2, None, None, None),
    ]
    code, _, err = run(capsys, "trend", "x", "--by", "source", "--by-date", "referenced", "--corpus", HANDMADE)
    assert code == 2 and "--by-date referenced" in err


@pytest.mark.parametrize("query", ["كازاخستان", "روسيا", "توكاييف", "نور سلطان"])
def test_totals_equal_kwic_count_on_seeds(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, _ = run(capsys, "kwic", query, "--count", "--json")
    kwic_total = sum(r["hits"] for r in json.loads(out))
    for by in ("month", "year", "day", "source"):
        code, out, err = run(capsys, "trend", query, "--by", by, "--json")
        assert code == 0, err
        assert sum(r["hits"] for r in json.loads(out)) == kwic_total


def test_seed_tokens_equal_stats_and_jobs_do_not_matter(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    _, out, _ = run(capsys, "trend", "روسيا", "--by", "year", "--json", "--jobs", "1")
    serial = json.loads(out)
    assert sum(r["tokens"] for r in serial) == stats[-1]["words"]
    assert sum(r["period_articles"] for r in serial) == stats[-1]["articles"]
    import kzcorpus.engine

    monkeypatch.setattr(kzcorpus.engine, "POOL_AFTER_CHARS", 0)
    monkeypatch.setattr(kzcorpus.engine, "CHUNK_ARTICLES", 1)
    _code, out, _ = run(capsys, "trend", "روسيا", "--by", "year", "--json", "--jobs", "2")
    assert json.loads(out) == serial


def test_terminal_table_and_charts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "trend", "روسيا", "الصين", "--corpus", HANDMADE, "--format", "table", "--bidi", "logical"
    )
    assert code == 0
    assert "1 = روسيا: hits per 10,000 body tokens, 4 hits in all" in out
    assert "2015-07 │" in out and "█" in out and "/10k 2" in out


def test_periods_and_charts() -> None:
    assert period_of("2015-07-21T10:29", "week") == "2015-W30"
    assert period_of("2015-07", "day") == "unknown" and period_of("2015-07", "year") == "2015"
    assert period_of("2015-W30", "month") == "unknown" and period_of(None, "year") == "unknown"
    assert fill(["2015-11", "2016-02", "unknown"], "month") == ["2015-11", "2015-12", "2016-01", "2016-02", "unknown"]
    assert fill(["2015-W52", "2016-W01"], "week") == ["2015-W52", "2015-W53", "2016-W01"]
    assert fill(["b", "unknown", "a"], "source") == ["a", "b", "unknown"]
    assert bar_chart([("x", 2.0), ("yy", 1.0), ("z", None)], width=4) == [" x │████ 2.00", "yy │██ 1.00", " z │ -"]
    assert sparkline([0.0, 1.0, 7.0, None]) == "▁▂█ "  # a value above zero never looks like zero
    # Labels shaped for a terminal carry invisible direction marks: aligned by the cells they take.
    marked = "\u202dab\u202c"
    assert bar_chart([(marked, 1.0), ("xyz", 1.0)], width=2, cells=lambda s: len(s.strip("\u202d\u202c"))) == [
        f" {marked} │██ 1.00",
        "xyz │██ 1.00",
    ]


def test_an_arabic_source_is_shaped_in_the_terminal_table_and_chart(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kzcorpus.cli import app

    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "a", "text": "روسيا وروسيا", "source": "درج"}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    got = CliRunner().invoke(
        app, ["trend", "روسيا", "--by", "source", "-c", str(tmp_path), "--bidi", "visual", "-f", "table"]
    )
    assert got.exit_code == 0, got.output
    shaped = "\u202d\ufe9d\ufead\ufea9\u202c"  # «درج» shaped and in visual order
    assert got.output.count(shaped) == 2 and "درج" not in got.output  # in the table and in the chart


def test_a_long_run_without_an_index_says_what_an_index_saves(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import kzcorpus.cli.common as common

    monkeypatch.setattr(common, "INDEX_TIP_ARTICLES", 3)  # the handmade corpus stands for a large one
    for cmd in (["trend", "روسيا", "--by", "month"], ["collocates", "روسيا"]):
        code, _, err = run(capsys, *cmd, "--corpus", HANDMADE, "--json")
        assert code in (0, 1), err
        assert "note: without an index all " in err and "--index FILE" in err
    ix = str(tmp_path / "h.kzi")
    code, _, err = run(capsys, "index", "build", "--corpus", HANDMADE, "--index", ix)
    assert code in (0, 1), err
    for cmd in (["trend", "روسيا", "--by", "month"], ["collocates", "روسيا"]):
        code, _, err = run(capsys, *cmd, "--corpus", HANDMADE, "--index", ix, "--json")
        assert code in (0, 1), err
        assert "without an index" not in err
    monkeypatch.setattr(common, "INDEX_TIP_ARTICLES", 5_000)
    code, _, err = run(capsys, "trend", "روسيا", "--corpus", HANDMADE, "--json")
    assert "without an index" not in err
