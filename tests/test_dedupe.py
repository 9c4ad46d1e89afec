"""--dedupe (each near-duplicate group counts once) and kwic's copies, with and without an index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kzcorpus.dedupe import DupeSet

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERY = "كازاخستان"
#: A sentence only the copy has, holding the query.
EXTRA = "وأكدت المصادر أن كازاخستان لن تغير موقفها."


# -- the groups and their representatives --------------------------------------------


def test_the_earliest_published_article_represents_its_group() -> None:
    order = [("a", "2015-07-22"), ("b", "2015-07-21T10:00"), ("c", None), ("d", None), ("e", "2015-07")]
    ds = DupeSet.build(order, [("a", "b"), ("c", "b"), ("c", "d")])
    # b is dated earliest; the others follow in corpus order.
    assert ds.groups == [("b", "a", "c", "d")]
    assert [ds.is_copy(x) for x in "abcde"] == [True, False, True, True, False]
    assert ds.dropped == 3
    assert ds.articles == 5
    assert ds.group_of("e") is None


def test_undated_articles_come_after_dated_ones_then_corpus_order_decides() -> None:
    ds = DupeSet.build([("x", None), ("y", None), ("z", "2016")], [("y", "x"), ("x", "z")])
    assert ds.groups == [("z", "x", "y")]
    ds = DupeSet.build([("x", None), ("y", None)], [("y", "x")])
    assert ds.groups == [("x", "y")]
    # A less precise date sorts before the dates it contains.
    ds = DupeSet.build([("p", "2015-07-21"), ("q", "2015-07")], [("p", "q")])
    assert ds.groups == [("q", "p")]


def test_pairs_through_an_article_not_read_do_not_join() -> None:
    ds = DupeSet.build([("a", None), ("b", None)], [("a", "gone"), ("gone", "b")])
    assert ds.groups == []
    assert ds.dropped == 0


# -- the check the issue asks for --------------------------------------------------


def _seed_dirs(tmp_path: Path) -> tuple[Path, Path, str]:
    """The seeds as they are, and the seeds plus a copy of seed 004 with a
    byline of its own, page residue and one sentence more."""
    plain = tmp_path / "plain"
    shutil.copytree(SEEDS, plain)
    with_copy = tmp_path / "with_copy"
    shutil.copytree(SEEDS, with_copy)
    seed = next(SEEDS.glob("004_*.txt"))
    (with_copy / "zzz_copy.txt").write_text(
        "fbpx\n\nالرياض - واس\n\n"
        + seed.read_text(encoding="utf-8").rstrip()
        + "\n\n"
        + EXTRA
        + "\n\nإقرأوا أيضاً:\n\nNo posts\n\nالأكثر قراءة\n",
        encoding="utf-8",
    )
    return plain, with_copy, seed.stem


def _run(args: list[str], exit_codes: tuple[int, ...] = (0,)) -> Any:
    from typer.testing import CliRunner

    from kzcorpus.cli import app
    from kzcorpus.cli.base import load_commands

    load_commands([args[0]])
    r = CliRunner().invoke(app, args)
    assert r.exit_code in exit_codes, (args, r.output)
    return r


def _jsonl(r: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_a_doctored_copy_of_a_seed_leaves_words_dedupe_unchanged_and_pairs_in_dupes(tmp_path: Path) -> None:
    plain, with_copy, seed_id = _seed_dirs(tmp_path)
    base = _run(["words", "-c", str(plain), "-f", "jsonl"])
    got = _run(["words", "-c", str(with_copy), "-f", "jsonl", "--dedupe"])
    assert got.stdout == base.stdout
    assert "--dedupe: 1 article of 6 left out as near-copies (1 group" in got.stderr
    # Without --dedupe the copy counts.
    assert _run(["words", "-c", str(with_copy), "-f", "jsonl"]).stdout != base.stdout
    groups = json.loads(_run(["dupes", "-c", str(with_copy), "--json"]).stdout)
    assert [g["docs"] for g in groups] == [[seed_id, "zzz_copy"]]


COUNTING = [
    ["words"],
    ["words", "--dispersion"],
    ["stats"],
    ["entities"],
    ["entities", "--cooccur"],
    ["dates"],
    ["timeline"],
    ["trend", QUERY],
    ["collocates", QUERY],
    ["kwic", QUERY, "--count"],
    ["plot", QUERY],
    ["keywords", "--target-doc", "000"],
]


@pytest.mark.parametrize("command", COUNTING, ids=lambda c: " ".join(c[:2]))
def test_every_counting_command_with_dedupe_counts_the_copy_once(tmp_path: Path, command: list[str]) -> None:
    plain, with_copy, _ = _seed_dirs(tmp_path)
    base = _run([*command, "-c", str(plain), "-f", "jsonl"])
    got = _run([*command, "-c", str(with_copy), "-f", "jsonl", "--dedupe"])
    assert got.stdout == base.stdout
    assert "left out as near-copies" in got.stderr


def test_dedupe_applies_before_the_slice(tmp_path: Path) -> None:
    # The copy has no source; the group's representative (the seed, dated) is
    # read, the copy never is, whatever the slice.
    _, with_copy, seed_id = _seed_dirs(tmp_path)
    r = _run(["kwic", QUERY, "--count", "-c", str(with_copy), "-f", "jsonl", "--dedupe", "--where", "id~^(004|zzz)"])
    assert [x["doc"] for x in _jsonl(r)] == [seed_id]


# -- kwic copies -----------------------------------------------------------------


def test_kwic_copies_counts_the_articles_carrying_the_sentence(tmp_path: Path) -> None:
    _, with_copy, seed_id = _seed_dirs(tmp_path)
    hits = _jsonl(_run(["kwic", QUERY, "-c", str(with_copy), "-f", "jsonl", "--copies"]))
    by_doc: dict[str, set[int]] = {}
    for h in hits:
        by_doc.setdefault(h["doc"], set()).add(h["copies"])
    # The seed and its copy share every sentence of the seed; the copy's extra
    # sentence is its own; other seeds have no near-duplicates.
    assert by_doc.pop(seed_id) == {2}
    extra = [h for h in hits if h["doc"] == "zzz_copy" and h["after"].startswith("لن تغير")]
    assert [h["copies"] for h in extra] == [1]
    assert by_doc.pop("zzz_copy") == {1, 2}
    assert all(v == {1} for v in by_doc.values())
    # --dedupe reads only the seed, and its hits say 2.
    deduped = _jsonl(_run(["kwic", QUERY, "-c", str(with_copy), "-f", "jsonl", "--dedupe"]))
    assert {h["copies"] for h in deduped if h["doc"] == seed_id} == {2}
    assert not [h for h in deduped if h["doc"] == "zzz_copy"]
    # Without either option copies is null.
    assert {h["copies"] for h in _jsonl(_run(["kwic", QUERY, "-c", str(with_copy), "-f", "jsonl"]))} == {None}


# -- the same with an index and on every core --------------------------------------


def test_same_results_with_an_index_and_across_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzcorpus.engine

    _, with_copy, _ = _seed_dirs(tmp_path)
    index = str(tmp_path / "c.kzi")
    _run(["index", "build", "-c", str(with_copy), "--index", index])
    cases = [
        ["kwic", QUERY, "--count", "--dedupe"],
        ["kwic", QUERY, "--dedupe"],
        ["kwic", QUERY, "--copies"],
        ["kwic", QUERY, "--copies", "--doc", "004", "--doc", "zzz"],
        ["trend", QUERY, "--dedupe", "--source", "درج (Daraj)"],
        ["trend", QUERY, "--dedupe", "--by", "source"],
        ["collocates", QUERY, "--dedupe", "--min-count", "1"],
        ["entities", "--dedupe"],
        ["stats", "--dedupe"],
    ]
    for args in cases:
        scanned = _run([*args, "-c", str(with_copy), "-f", "jsonl"], (0, 1))
        indexed = _run([*args, "--index", index, "-f", "jsonl"], (0, 1))
        assert indexed.stdout == scanned.stdout, args
        assert indexed.stderr == scanned.stderr, args
    monkeypatch.setattr(kzcorpus.engine, "POOL_AFTER_CHARS", 0)
    for args in cases[:3]:
        one = _run([*args, "-c", str(with_copy), "-f", "jsonl", "-j", "1"])
        two = _run([*args, "-c", str(with_copy), "-f", "jsonl", "-j", "2"])
        assert two.stdout == one.stdout, args


def test_an_index_update_finds_the_pairs_again(tmp_path: Path) -> None:
    plain, _, seed_id = _seed_dirs(tmp_path)
    index = str(tmp_path / "p.kzi")
    _run(["index", "build", "-c", str(plain), "--index", index])
    r = _run(["kwic", QUERY, "--count", "--dedupe", "--index", index, "-f", "jsonl"])
    assert "--dedupe: 0 articles of 5 left out" in r.stderr
    seed = (plain / f"{seed_id}.txt").read_text(encoding="utf-8")
    (plain / "zzz_copy.txt").write_text("جدة - خاص\n\n" + seed, encoding="utf-8")
    _run(["index", "update", "--index", index])
    r = _run(["kwic", QUERY, "--count", "--dedupe", "--index", index, "-f", "jsonl"])
    assert "--dedupe: 1 article of 6 left out" in r.stderr
    assert "zzz_copy" not in r.stdout
    # The pairs an update finds (without a pass over the kept articles) are a fresh build's.
    fresh = str(tmp_path / "fresh.kzi")
    _run(["index", "build", "-c", str(plain), "--index", fresh])
    assert _pairs(index) == _pairs(fresh) == [(seed_id, "zzz_copy")]
    # The copy changed beyond recognition: its pair goes.
    (plain / "zzz_copy.txt").write_text("نص آخر تماما لا يشبه شيئا. " * 10, encoding="utf-8")
    _run(["index", "update", "--index", index])
    assert _pairs(index) == []


def _pairs(path: str) -> list[tuple[str, str]]:
    from kzcorpus.index import open_index

    idx = open_index(path, check_inputs=False)
    try:
        return sorted((a[1], b[1]) for a, b in idx.dupe_pairs())
    finally:
        idx.close()
