"""keywords: G2, p, log ratio and %DIFF against sums done by hand; stats DOC as the special case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run

from kzcorpus.keywords import p_value, pct_diff

ROWS = [
    {"id": "a1", "published": "2015-07-01", "source": "alpha", "text": "نفط نفط نفط غاز"},
    {"id": "a2", "published": "2015-07-02", "source": "alpha", "text": "نفط نفط سوق"},
    {"id": "b1", "published": "2015-08-01", "source": "beta", "text": "سوق سوق سوق غاز"},
    {"id": "b2", "published": "2015-08-02", "source": "beta", "text": "سوق سوق نفط مال مال"},
]


@pytest.fixture
def handmade(tmp_path: Path) -> str:
    path = tmp_path / "kw.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    return str(path)


KEYS = ("word", "use", "count", "ref_count", "g2", "p", "log_ratio", "pct_diff")

# By hand: target alpha = a1 + a2, c = 7 tokens (نفط 5, غاز 1, سوق 1);
# reference beta = b1 + b2, d = 9 tokens (سوق 5, غاز 1, نفط 1, مال 2).
# نفط: E1 = 7*6/16 = 2.625, E2 = 9*6/16 = 3.375,
#   G2 = 2 (5 ln(5/2.625) + 1 ln(1/3.375)) = 2 (3.22179 - 1.21640) = 4.01078,
#   p = erfc(sqrt(4.01078/2)) = 0.0452, log ratio = log2((5/7)/(1/9)) = log2(6.4286) = 2.68,
#   %DIFF = 100 (5/7 - 1/9)/(1/9) = 542.86.
# غاز: E1 = 0.875, E2 = 1.125: G2 = 2 (ln(1/0.875) + ln(1/1.125)) = 2 (0.13353 - 0.11778) = 0.0315,
#   p = 0.859, log ratio = log2(9/7) = 0.36, %DIFF = 28.57.
# مال (under): a = 0, b = 2: E2 = 9*2/16 = 1.125, G2 = 2 * 2 ln(2/1.125) = 2.30,
#   p = 0.129, log ratio = log2((0.5/7)/(2/9)) = -1.64, %DIFF = -100.
# سوق (under): a = 1, b = 5: G2 = 2 (1 ln(1/2.625) + 5 ln(5/3.375)) = 2.00, p = 0.157,
#   log ratio = log2((1/7)/(5/9)) = -1.96, %DIFF = 100 (1/7 - 5/9)/(5/9) = -74.29.
BY_HAND = [
    ("نفط", "over", 5, 1, 4.01, 0.0452, 2.68, 542.86),
    ("غاز", "over", 1, 1, 0.03, 0.859, 0.36, 28.57),
    ("مال", "under", 0, 2, 2.3, 0.129, -1.64, -100.0),
    ("سوق", "under", 1, 5, 2.0, 0.157, -1.96, -74.29),
]


def test_two_against_two_by_hand(capsys: pytest.CaptureFixture[str], handmade: str) -> None:
    args = ("--corpus", handmade, "--all", "--min-count", "1", "--min-g2", "0", "--json")
    code, rows, err = run(capsys, "keywords", "--target-source", "alpha", "--under", *args)
    assert code == 0, err
    assert [tuple(r[k] for k in KEYS) for r in rows] == BY_HAND
    assert [r["rank"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["per_10k"] == 7142.86 and rows[0]["ref_per_10k"] == 1111.11
    # the same split by metadata, by date, and by an explicit reference
    for sel in (
        ("--target-where", "source=alpha"),
        ("--target-to", "2015-07"),
        ("--target-doc", "a1", "--target-doc", "a2"),
        ("--target-source", "alpha", "--reference-source", "beta"),
    ):
        code, got, err = run(capsys, "keywords", *sel, "--under", *args)
        assert code == 0, err
        assert got == rows, sel
    # the other way round: over and under swap, the scores stay
    code, back, _ = run(capsys, "keywords", "--target-source", "beta", "--under", *args)
    assert [(r["word"], r["use"], r["g2"], r["log_ratio"]) for r in back] == [
        ("مال", "over", 2.3, 1.64),
        ("سوق", "over", 2.0, 1.96),
        ("نفط", "under", 4.01, -2.68),
        ("غاز", "under", 0.03, -0.36),
    ]
    # the defaults: min count 2 and G2 >= 3.84 leave نفط alone
    code, few, _ = run(capsys, "keywords", "--target-source", "alpha", "--corpus", handmade, "--all", "--json")
    assert [r["word"] for r in few] == ["نفط"]


def test_reference_subset_and_corpus(capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path) -> None:
    args = ("--all", "--min-count", "1", "--min-g2", "0", "--json")
    # reference b2 only: d = 5 (سوق 2, نفط 1, مال 2)
    code, rows, _ = run(
        capsys, "keywords", "--corpus", handmade, "--target-source", "alpha", "--reference-doc", "b2", *args
    )
    assert code == 0
    by = {r["word"]: r for r in rows}
    assert by["نفط"]["ref_count"] == 1 and by["نفط"]["ref_per_10k"] == 2000.0
    assert by["غاز"]["ref_count"] == 0 and by["غاز"]["pct_diff"] is None
    # another corpus as the reference
    other = tmp_path / "ref.jsonl"
    other.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS[2:]), encoding="utf-8")
    a = tmp_path / "target.jsonl"
    a.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS[:2]), encoding="utf-8")
    code, got, _ = run(capsys, "keywords", "--corpus", str(a), "--reference-corpus", str(other), "--under", *args)
    code2, want, _ = run(capsys, "keywords", "--corpus", handmade, "--target-source", "alpha", "--under", *args)
    assert code == code2 == 0 and got == want


def test_needs_a_target(capsys: pytest.CaptureFixture[str], handmade: str) -> None:
    code, _, err = run(capsys, "keywords", "--corpus", handmade)
    assert code == 2 and "--target-" in err
    code, _, err = run(capsys, "keywords", "--corpus", handmade, "--target-from", "2015-13-99")
    assert code == 2 and "--target-from" in err
    code, _, err = run(capsys, "keywords", "--corpus", handmade, "--target-source", "nowhere")
    assert code == 2 and "target" in err


def test_stats_doc_is_the_special_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, detail, err = run(capsys, "stats", "001", "--json")
    assert code == 0, err
    code, rows, err = run(capsys, "keywords", "--target-doc", "001", "--limit", "20", "--json")
    assert code == 0, err
    assert len(detail["keywords"]) == 20
    assert [{k: r[k] for k in detail["keywords"][0]} for r in rows] == detail["keywords"]
    assert all(r["use"] == "over" for r in rows)


def test_helpers() -> None:
    assert p_value(3.84) == 0.05 and p_value(0) == 1.0
    assert pct_diff(1, 0, 10, 10) is None and pct_diff(2, 1, 10, 10) == 100.0
