"""collocates: every measure against counts by hand, and against kwic contexts on the seeds."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from kzcorpus.arabic import fold
from kzcorpus.cli import main
from kzcorpus.collocates import log_likelihood, parse_window, scores
from kzcorpus.corpus import Article
from kzcorpus.errors import UsageError
from kzcorpus.kwic import KwicHit, kwic
from tests.conftest import DATA

HANDMADE = str(DATA / "analyst" / "handmade.jsonl")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def colloc(capsys: pytest.CaptureFixture[str], *args: str, corpus: str | None = HANDMADE) -> list[dict[str, Any]]:
    extra = ["--corpus", corpus] if corpus else []
    code, out, err = run(capsys, "collocates", *args, *extra, "--json")
    assert code in (0, 1), err
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


# By hand (tests/data/analyst/handmade.jsonl): N = 23 + 20 + 14 + 11 = 68
# body tokens; روسيا has f_n = 4 hits (a: tokens 4 and 18; b: 6; d: 4).
# Windows of 5,5 inside each sentence, stopwords out:
#   a/4:  الخارجية وزير زار | والتقى نظيره موسكو
#   a/18: العلاقات الوزير | قوية التعاون سيستمر
#   b/6:  التعاون الحكومة أعلنت | مجال الطاقة سيتوسع
#   d/4:  الخبراء تحدث | والعقوبات الغربية المفروضة
# «الوزير» counts with «وزير» (which occurs), so وزير: O = 2 (left 2),
# f_c = 2; التعاون: O = 2 (left 1, right 1), f_c = 2.  Everything else once.


def test_counts_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    rows = colloc(capsys, "روسيا", "--min-count", "1", "--by", "freq")
    assert len(rows) == 20 and sum(r["joint"] for r in rows) == 22
    top = rows[:2]
    keys = ("rank", "collocate", "joint", "left", "right", "collocate_count", "node_count", "forms")
    assert [tuple(r[k] for k in keys) for r in top] == [
        (1, "التعاون", 2, 1, 1, 2, 4, ["التعاون (2)"]),
        (2, "الوزير", 2, 2, 0, 2, 4, ["الوزير (1)", "وزير (1)"]),
    ]
    by_word = {r["collocate"]: r for r in rows}
    assert by_word["العلاقات"]["joint"] == 1 and by_word["العلاقات"]["collocate_count"] == 3
    assert "مع" not in by_word and "وقال" not in by_word  # stopwords
    with_sw = {r["collocate"]: r["joint"] for r in colloc(capsys, "روسيا", "--min-count", "1", "--stopwords")}
    assert with_sw["مع"] == 2 and with_sw["في"] == 2 and with_sw["أمس"] == 1


def test_scores_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    # O = 2, f_n = 4, f_c = 2, N = 68: E = 8/68; O/E = 17.
    row = colloc(capsys, "روسيا", "--min-count", "2")[0]
    assert row["mi"] == round(math.log2(17), 3) == 4.087
    assert row["mi3"] == round(math.log2(68), 3) == 6.087
    assert row["t"] == round((2 - 8 / 68) / math.sqrt(2), 3) == 1.331
    assert row["logdice"] == round(14 + math.log2(4 / 6), 3) == 13.415
    # 2x2 table: 2, 2 / 0, 64; rows 4, 64; columns 2, 66.
    g2 = 2 * (2 * math.log(2 / (4 * 2 / 68)) + 2 * math.log(2 / (4 * 66 / 68)) + 64 * math.log(64 / (64 * 66 / 68)))
    assert row["ll"] == round(g2, 3) == 12.501
    assert row["score"] == row["logdice"]
    for by in ("mi", "mi3", "t", "ll"):
        r = colloc(capsys, "روسيا", "--min-count", "2", "--by", by)[0]
        assert r["score"] == r[by]


def test_window_and_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    rows = colloc(capsys, "روسيا", "--min-count", "1", "--window", "2,2")
    assert sorted(r["collocate"] for r in rows) == sorted(
        "الخارجية وزير والتقى العلاقات قوية التعاون مجال الخبراء والعقوبات الغربية".split()
    )
    # 0,12: a's first window runs to the end of its sentence (العلاقات once);
    # across sentences it reaches a's second «العلاقات» and b's.
    one = {r["collocate"]: r for r in colloc(capsys, "روسيا", "--min-count", "1", "--window", "0,12")}
    both = {
        r["collocate"]: r for r in colloc(capsys, "روسيا", "--min-count", "1", "--window", "0,12", "--cross-sentences")
    }
    assert (one["العلاقات"]["joint"], one["العلاقات"]["left"]) == (1, 0)
    assert both["العلاقات"]["joint"] == 3


def test_slicing_narrows_the_counted_text(capsys: pytest.CaptureFixture[str]) -> None:
    rows = colloc(capsys, "روسيا", "--min-count", "1", "--source", "alpha")
    assert {r["node_count"] for r in rows} == {2}
    assert sum(r["joint"] for r in rows) == 11  # a's two windows only


def test_units() -> None:
    assert parse_window("5,5") == (5, 5) and parse_window("3") == (3, 3) and parse_window("0, 4") == (0, 4)
    for bad in ("a", "0,0", "-1,2", "1,2,3"):
        with pytest.raises(UsageError):
            parse_window(bad)
    assert scores(0, 1, 1, 10)["mi"] is None
    assert log_likelihood(1, 20, 20, 100) < 0  # below chance (E = 4): repulsion is signed
    assert log_likelihood(5, 10, 10, 100) > 0


def _window_occurrences(hits: list[KwicHit], forms: set[str], left: int, right: int) -> int:
    n = 0
    for h in hits:
        words = h.words_before[:left] + h.words_after[:right]
        n += sum(1 for w in words if fold(w) in forms)
    return n


@pytest.mark.parametrize("query", ["روسيا", "كازاخستان", "توكاييف"])
def test_joint_equals_kwic_windows_on_seeds(
    capsys: pytest.CaptureFixture[str], seeds: list[Article], query: str
) -> None:
    # Every line, windows across sentences: the window is kwic's context.
    rows = colloc(capsys, query, "--all", "--cross-sentences", "--by", "freq", corpus=None)
    hits = list(kwic(seeds, query, width=5))
    assert rows and rows[0]["node_count"] == len(hits)
    for top in rows[:3]:
        forms = {fold(f.rsplit(" (", 1)[0]) for f in top["forms"]}
        assert len(top["forms"]) < 8
        assert _window_occurrences(hits, forms, 5, 5) == top["joint"], top["collocate"]


def test_jobs_do_not_matter(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    serial = colloc(capsys, "روسيا", "--jobs", "1", corpus=None)
    import kzcorpus.engine

    monkeypatch.setattr(kzcorpus.engine, "POOL_AFTER_CHARS", 0)
    monkeypatch.setattr(kzcorpus.engine, "CHUNK_ARTICLES", 1)
    assert colloc(capsys, "روسيا", "--jobs", "2", corpus=None) == serial
