"""Dispersion (range, Juilland's D, Gries' DP, DPnorm) on handmade cases whose values are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcorpus.corpus import Article
from kzcorpus.dispersion import Dispersion, dispersion, slice_sizes, word_dispersion


def test_four_equal_articles_one_hit_each() -> None:
    assert dispersion({0: 1, 1: 1, 2: 1, 3: 1}, [10, 10, 10, 10]) == Dispersion(4, 1.0, 0.0, 0.0)


def test_all_hits_in_one_of_four_equal_parts() -> None:
    # DP = 0.5 * (|1 - .25| + 3 * .25) = 0.75; DPnorm = 0.75 / (1 - .25) = 1;
    # p = (x, 0, 0, 0): CV = sqrt(3), D = 1 - sqrt(3) / sqrt(3) = 0.
    assert dispersion({0: 4}, [10, 10, 10, 10]) == Dispersion(1, 0.0, 0.75, 1.0)


def test_unequal_parts() -> None:
    # shares .5 .25 .25; v/f = 2/3 1/3 0: DP = .5 * (1/6 + 1/12 + 1/4) = .25, DPnorm = .25 / .75;
    # p = (.1, .1, 0): mean 1/15, sd sqrt(2)/30, CV = sqrt(2)/2, D = 1 - CV / sqrt(2) = .5.
    assert dispersion({0: 2, 1: 1}, [20, 10, 10]) == Dispersion(2, 0.5, 0.25, 0.3333)


def test_spread_as_the_sizes_is_dp_zero_but_d_sees_equal_rates() -> None:
    # Hits proportional to sizes: DP 0, and relative frequencies are equal: D 1.
    assert dispersion({0: 3, 1: 1}, [30, 10]) == Dispersion(2, 1.0, 0.0, 0.0)
    # The same count in a big and a small part: DP = .5 * (|.5 - .75| + |.5 - .25|) = .25.
    assert dispersion({0: 1, 1: 1}, [30, 10]).dp == 0.25


def test_all_in_the_smallest_part_gives_dpnorm_1() -> None:
    assert dispersion({1: 5}, [30, 10]) == Dispersion(1, 0.0, 0.75, 1.0)


def test_single_part_and_empty_parts() -> None:
    assert dispersion({0: 3}, [10]) == Dispersion(1, None, 0.0, None)
    # An empty part (no tokens) is left out: the same as two parts.
    assert dispersion({0: 1, 2: 1}, [10, 0, 10]) == Dispersion(2, 1.0, 0.0, 0.0)
    assert dispersion({}, [10, 10]) == Dispersion(0, None, None, None)


def test_slice_sizes() -> None:
    assert slice_sizes(10, 3) == [4, 3, 3]
    assert slice_sizes(2, 4) == [1, 1, 0, 0]


def arts(*texts: str) -> list[Article]:
    return [Article(f"a{i}", t, "<t>") for i, t in enumerate(texts)]


def by_word(rows: list[dict[str, object]]) -> dict[object, tuple[object, ...]]:
    return {r["word"]: (r["count"], r["range"], r["juilland_d"], r["dp"], r["dp_norm"]) for r in rows}


def test_word_dispersion_over_articles() -> None:
    rows = word_dispersion(arts("شمس قمر نجم", "شمس قمر بحر", "شمس نهر جبل", "شمس سهل واد"), stopwords=False)
    got = by_word(rows)
    assert got["شمس"] == (4, 4, 1.0, 0.0, 0.0)
    assert got["قمر"] == (2, 2, pytest.approx(1 - 1 / 3**0.5, abs=1e-4), 0.5, pytest.approx(0.6667))
    assert got["نجم"] == (1, 1, 0.0, 0.75, 1.0)


def test_clitic_forms_count_with_their_base() -> None:
    rows = word_dispersion(arts("كتاب كتاب جديد", "والكتاب قديم جديد"), stopwords=False)
    assert by_word(rows)["كتاب"] == (
        3,
        2,
        pytest.approx(1 - (1 / 3) / 1, abs=1e-4),
        pytest.approx(1 / 6, abs=1e-4),
        pytest.approx(1 / 3, abs=1e-4),
    )


def test_word_dispersion_over_equal_slices() -> None:
    # 8 tokens in 2 slices of 4: «شمس» twice in each slice; «نجم» only in the second.
    rows = word_dispersion(arts("شمس شمس قمر", "قمر شمس نجم شمس نجم"), stopwords=False, parts=2)
    got = by_word(rows)
    assert got["شمس"] == (4, 2, 1.0, 0.0, 0.0)
    assert got["نجم"] == (2, 1, 0.0, 0.5, 1.0)


def test_cli_words_dispersion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kzcorpus.cli import main

    for i, t in enumerate(["شمس قمر", "شمس نجم", "شمس بحر", "شمس نهر"]):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        main(["words", "--dispersion", "--stopwords", "--corpus", str(tmp_path), "--json"])
    assert e.value.code == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "rank": 1,
        "word": "شمس",
        "count": 4,
        "per_10k": 5000.0,
        "docs": 4,
        "forms": ["شمس (4)"],
        "range": 4,
        "juilland_d": 1.0,
        "dp": 0.0,
        "dp_norm": 0.0,
    }
    with pytest.raises(SystemExit) as e:
        main(["words", "--dispersion", "--ngram", "2", "--corpus", str(tmp_path)])
    assert e.value.code == 2


# -- kzcorpus plot ------------------------------------------------------------


def test_barcode_by_hand() -> None:
    from kzcorpus.dispersion import barcode

    # 100 characters in 10 cells of 10: hits at 0, 5 (same cell), 55, 99.
    assert barcode(100, [0, 5, 55, 99], 10) == "#....|...|"
    assert barcode(100, [], 4) == "...."
    assert barcode(3, [2], 6) == "....|."


def test_plot_task_on_a_handmade_text() -> None:
    from kzcorpus.dispersion import PlotTask
    from kzcorpus.doc import Doc
    from kzcorpus.kwic import Matcher

    text = "شمس " * 5 + "قمر " * 4 + "شمس"  # 40 characters
    rec = PlotTask(Matcher("قمر"), width=10)(Doc.of(text))
    assert rec == {
        "doc": "text",
        "title": None,
        "hits": 4,
        "chars": 39,
        "barcode": ".....||||.",
        "first": 0.513,
        "offsets": [20, 24, 28, 32],
    }
    assert PlotTask(Matcher("نجم"))(Doc.of(text)) is None


def test_cli_plot(capsys: pytest.CaptureFixture[str]) -> None:
    from kzcorpus.cli import main

    with pytest.raises(SystemExit) as e:
        main(["plot", "روسيا", "--json", "--width", "20"])
    assert e.value.code == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["hits"] for r in rows] == [len(r["offsets"]) for r in rows]
    assert all(len(r["barcode"]) == 20 for r in rows)
    with pytest.raises(SystemExit) as e:
        main(["plot", "زززز"])
    assert e.value.code == 1
