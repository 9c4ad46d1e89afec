"""kzcorpus dupes: shingles, exact Jaccard, grouping, and a doctored copy of a seed."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.dupes import DupeFinder, SketchTask, body_words, find_dupes, jaccard, shingles

WORDS = [f"كلمة{i}" for i in range(24)]


def text(words: list[str]) -> str:
    return " ".join(words) + "."


def test_shingles_of_24_words_are_20_and_one_changed_word_changes_5() -> None:
    a = shingles(WORDS)
    changed = list(WORDS)
    changed[12] = "اخرى"
    b = shingles(changed)
    assert len(a) == len(b) == 20
    # 15 shingles shared, 25 in all.
    assert jaccard(a, b) == pytest.approx(15 / 25)
    assert jaccard(a, a) == 1.0


def test_a_text_shorter_than_a_shingle_is_one_shingle() -> None:
    assert len(shingles(["ا", "ب", "ج"])) == 1
    assert len(shingles([])) == 0


def test_jaccard_of_handmade_sets() -> None:
    a = np.array([1, 2, 3, 4], dtype=np.uint64)
    b = np.array([3, 4, 5, 6, 7, 8], dtype=np.uint64)
    assert jaccard(a, b) == pytest.approx(2 / 8)


def test_body_words_leave_out_residue_and_title() -> None:
    a = Article("x", "fbpx\n\n" + text(WORDS) + "\n\nإقرأوا أيضاً:\n\nNo posts\n", "<t>")
    assert body_words(Doc(a)) == [Doc(a).words[i] for i in range(1, 25)]


def test_groups_and_similarities() -> None:
    changed = list(WORDS)
    changed[12] = "اخرى"
    arts = [
        Article("a", text(WORDS), "<t>", meta={"source": "s1", "published": "2015-07-21"}),
        Article("b", text([f"غير{i}" for i in range(24)]), "<t>", meta={"source": "s2"}),
        Article("c", text(WORDS), "<t>", meta={"source": "s3", "published": "2015-07-22"}),
        Article("d", text(changed), "<t>"),
        Article("e", "قصير جدا.", "<t>"),
    ]
    assert find_dupes(arts, threshold=0.9) == [
        {
            "group": 1,
            "size": 2,
            "docs": ["a", "c"],
            "sources": ["s1", "s3"],
            "dates": ["2015-07-21", "2015-07-22"],
            "similarity_min": 1.0,
            "similarity_max": 1.0,
        }
    ]
    got = find_dupes(arts, threshold=0.5)
    assert [(g["docs"], g["similarity_min"], g["similarity_max"]) for g in got] == [(["a", "c", "d"], 0.6, 1.0)]


def test_short_articles_are_left_out() -> None:
    finder = DupeFinder(0.8, min_words=20)
    task = SketchTask()
    for i in range(2):
        d = Doc(Article(f"s{i}", "خبر قصير جدا.", "<t>"))
        finder.add(d.id, None, None, task(d))
    assert finder.skipped == 2
    assert finder.groups() == []


def test_bad_threshold() -> None:
    from kzcorpus.errors import UsageError

    with pytest.raises(UsageError):
        DupeFinder(0.0)


def test_a_seed_copy_with_another_byline_and_residue_pairs_with_it(seed_by_id: dict[str, Article]) -> None:
    seed = next(a for k, a in seed_by_id.items() if k.startswith("004"))
    copy = Article(
        "copy",
        "fbpx\n\nالرياض - واس\n\n" + seed.text + "\n\nإقرأوا أيضاً:\n\nNo posts\n\nالأكثر قراءة\n",
        "<t>",
    )
    groups = find_dupes([*seed_by_id.values(), copy])
    assert len(groups) == 1
    assert groups[0]["docs"] == [seed.id, "copy"]
    assert groups[0]["similarity_min"] >= 0.9


def test_cli_dupes(tmp_path, seed_by_id: dict[str, Article]) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from kzcorpus.cli import app
    from kzcorpus.cli.base import load_commands

    seed = next(a for k, a in seed_by_id.items() if k.startswith("004"))
    (tmp_path / "a.txt").write_text(seed.text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "جدة - خاص\n\n" + seed.text.replace("\n\n", "\n\nتابعونا على تويتر\n\n", 1), encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(text(WORDS), encoding="utf-8")
    load_commands(["dupes"])
    r = CliRunner().invoke(app, ["dupes", "--corpus", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert [g["docs"] for g in got] == [["a", "b"]]
    r = CliRunner().invoke(app, ["dupes", "--corpus", str(tmp_path), "--json", "--min-words", "100000"])
    assert r.exit_code == 1
