"""entities --cooccur: pair counts and scores against sums done by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import run

from kzcorpus.cooccur import check_within
from kzcorpus.errors import UsageError

ROWS = [
    {"id": "d1", "text": "روسيا تحاور أوكرانيا اليوم. كازاخستان تراقب روسيا. موسكو هادئة."},
    {"id": "d2", "text": "أوكرانيا تحاور روسيا. لا أحد هنا."},
]
KEYS = ("source", "target", "pair_count", "articles", "source_count", "target_count", "pmi", "logdice")


@pytest.fixture
def handmade(tmp_path: Path) -> str:
    path = tmp_path / "co.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    return str(path)


def test_sentences_by_hand(capsys: pytest.CaptureFixture[str], handmade: str) -> None:
    # N = 5 sentences: d1 {Russia, Ukraine} {Kazakhstan, Russia} {Moscow}; d2 {Russia, Ukraine} {}.
    # Russia 3, Ukraine 2, Kazakhstan 1, Moscow 1.
    # Russia-Ukraine: 2; pmi = log2(2*5/(3*2)) = 0.737, logdice = 14 + log2(4/5) = 13.678.
    # Kazakhstan-Russia: 1; pmi = log2(1*5/(1*3)) = 0.737, logdice = 14 + log2(2/4) = 13.
    code, rows, err = run(capsys, "entities", "--cooccur", "--corpus", handmade, "--json")
    assert code == 0, err
    assert [tuple(r[k] for k in KEYS) for r in rows] == [
        ("Russia", "Ukraine", 2, 2, 3, 2, 0.737, 13.678),
        ("Kazakhstan", "Russia", 1, 1, 1, 3, 0.737, 13.0),
    ]
    assert rows[0]["source_name"] == "روسيا" and rows[0]["target_type"] == "LOC"
    code, rows, _ = run(capsys, "entities", "--cooccur", "--corpus", handmade, "--min-count", "2", "--json")
    assert [(r["source"], r["target"]) for r in rows] == [("Russia", "Ukraine")]


def test_articles_by_hand(capsys: pytest.CaptureFixture[str], handmade: str) -> None:
    # N = 2 articles: d1 {Kazakhstan, Moscow, Russia, Ukraine}, d2 {Russia, Ukraine}.
    # Russia-Ukraine: 2, pmi = log2(2*2/(2*2)) = 0, logdice 14; Kazakhstan-Moscow: pmi = log2(2/1) = 1,
    # logdice 14; the others with Russia or Ukraine: pmi 0, logdice = 14 + log2(2/3) = 13.415.
    code, rows, err = run(capsys, "entities", "--cooccur", "--within", "article", "--corpus", handmade, "--json")
    assert code == 0, err
    assert [tuple(r[k] for k in KEYS) for r in rows] == [
        ("Russia", "Ukraine", 2, 2, 2, 2, 0.0, 14.0),
        ("Kazakhstan", "Moscow", 1, 1, 1, 1, 1.0, 14.0),
        ("Kazakhstan", "Russia", 1, 1, 1, 2, 0.0, 13.415),
        ("Kazakhstan", "Ukraine", 1, 1, 1, 2, 0.0, 13.415),
        ("Moscow", "Russia", 1, 1, 1, 2, 0.0, 13.415),
        ("Moscow", "Ukraine", 1, 1, 1, 2, 0.0, 13.415),
    ]
    code, rows, _ = run(capsys, "entities", "--cooccur", "--type", "PER", "--corpus", handmade, "--json")
    assert code == 1


def test_seeds_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, err = run(capsys, "entities", "--cooccur", "--limit", "3", "--json")
    assert code == 0, err
    assert len(rows) == 3 and all(r["source"] < r["target"] for r in rows)
    assert all(r["pair_count"] <= min(r["source_count"], r["target_count"]) for r in rows)
    code, _, err = run(capsys, "entities", "--cooccur", "--mentions")
    assert code == 2
    code, _, err = run(capsys, "entities", "--within", "article")
    assert code == 2 and "--cooccur" in err
    with pytest.raises(UsageError):
        check_within("paragraph")


def test_residue_lines_are_left_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The «اقرأ أيضا» block (a heading and a linked title) is residue, as in the entity table:
    # its co-mention of Russia and Ukraine is not counted and its two lines are not units.
    # N = 3 body sentences: {Russia, Kazakhstan} {Ukraine} {}; Russia 1, Kazakhstan 1, Ukraine 1.
    text = "روسيا تحاور كازاخستان اليوم.\nأوكرانيا تراقب.\nلا جديد.\nاقرأ أيضا:\nروسيا وأوكرانيا تتفقان على الهدنة\n"
    path = tmp_path / "res.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    code, rows, err = run(capsys, "entities", "--cooccur", "--corpus", str(path), "--json")
    assert code == 0, err
    # pmi = log2(1*3/(1*1)) = 1.585, logdice = 14 + log2(2/2) = 14.
    assert [tuple(r[k] for k in KEYS) for r in rows] == [("Kazakhstan", "Russia", 1, 1, 1, 1, 1.585, 14.0)]
    code, rows, _ = run(capsys, "entities", "--corpus", str(path), "--json")
    assert {r["id"]: r["mentions"] for r in rows} == {"Russia": 1, "Kazakhstan": 1, "Ukraine": 1}


def test_same_pairs_from_an_index(capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path) -> None:
    index = str(tmp_path / "co.kzi")
    assert run(capsys, "index", "build", "--corpus", handmade, "--index", index)[0] == 0
    code, from_files, err = run(capsys, "entities", "--cooccur", "--corpus", handmade, "--json")
    assert code == 0, err
    code, from_index, err = run(capsys, "entities", "--cooccur", "--index", index, "--json")
    assert code == 0, err
    assert from_index == from_files and from_files
