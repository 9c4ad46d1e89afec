"""The persistent index: same results as a scan, never stale or corrupt."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from kzcorpus.cli import main
from kzcorpus.index import open_index
from kzcorpus.index.build import _Writer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

QUERIES = [
    ["kwic", "روسيا"],
    ["kwic", "العقوبات", "--count"],
    ["kwic", "نور سلطان", "--sort", "after1"],
    ["kwic", "SPIEF-2022"],
    ["kwic", "روسيا", "--match", "normalized"],
    ["kwic", "روسيا", "--match", "exact"],
    ["kwic", "توكا[يی]+ف", "--regex"],
    ["kwic", "لا يوجد شيء"],
    ["kwic", "روسيا", "--doc", "001"],
    ["dates"],
    ["dates", "--kind", "relative", "--doc", "000"],
    ["timeline"],
    ["timeline", "--from", "2022-03", "--to", "2022-12", "--limit", "5"],
    ["entities"],
    ["entities", "--mentions", "--type", "PER"],
    ["entities", "--limit", "5", "--min-count", "2"],
    ["stats"],
    ["stats", "--all", "--limit", "2"],
    ["stats", "--doc", "001", "--doc", "003"],
    ["kwic", "--entity", "Kassym-Jomart Tokayev"],
    ["trend", "روسيا", "توكاييف", "--by", "year"],
    ["trend", "روسيا", "--by", "month", "--from", "2022-05"],
    ["collocates", "روسيا"],
    ["collocates", "روسيا", "--all", "--by", "ll", "--min-count", "1"],
    ["collocates", "روسيا", "--window", "2,1", "--stopwords", "--min-count", "2"],
    ["collocates", "روسيا", "--from", "2022-05", "--min-count", "1"],
    ["collocates", "روسيا", "--doc", "001", "--min-count", "1"],
    ["collocates", "توكا[يی]+ف", "--min-count", "1"],
    ["trend", "روسيا", "--by", "source"],
    ["trend", "روسيا", "--by", "week", "--to", "2022-12"],
    ["trend", "روسيا", "--by", "day", "--doc", "001", "--doc", "002"],
    ["kwic", "روسيا", "--from", "2023", "--part", "body"],
    ["entities", "--from", "2022-01", "--to", "2022-12", "--limit", "5"],
    ["stats", "--where", "source~درج"],
    ["dates", "--part", "comment"],
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    shutil.copytree(SEEDS, d)
    return d


@pytest.fixture
def index(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "news.kzi"
    code, _, err = run(capsys, "index", "build", "--corpus", str(corpus), "--index", str(path))
    assert code == 0, err
    assert "indexed 5 articles from 5 inputs" in err
    return path


@pytest.mark.parametrize("args", QUERIES)
def test_results_are_identical_with_and_without_the_index(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, args: list[str]
) -> None:
    plain = run(capsys, *args, "--json", "--corpus", str(corpus))
    indexed = run(capsys, *args, "--json", "--index", str(index))
    assert plain == indexed


def test_index_from_another_directory_and_env(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path.parent)
    monkeypatch.setenv("KZCORPUS_INDEX", str(index))
    code, out, _ = run(capsys, "kwic", "توكاييف", "--count", "--json")
    assert code == 0 and '"hits": ' in out


def test_kwic_candidates_come_from_the_postings(corpus: Path, index: Path) -> None:
    from kzcorpus.kwic import Matcher

    idx = open_index(index)
    (forms,) = Matcher("روسيا").index_tokens() or []
    assert "لروسيا" in forms and "وروسيا" in forms
    holding = idx.docs_with(forms)
    assert len(holding) == 5  # every seed names Russia
    assert idx.docs_with({"كلمةغيرموجودة"}) == set()


def test_a_changed_input_makes_the_index_stale_until_updated(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path
) -> None:
    target = next(corpus.glob("000_*.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\nروسيا وروسيا\n", encoding="utf-8")
    code, out, err = run(capsys, "kwic", "روسيا", "--json", "--index", str(index))
    assert code == 2 and out == ""
    assert "out of date (1 changed" in err and "kzcorpus index update" in err
    code, _, err = run(capsys, "index", "update", "--index", str(index))
    assert code == 0 and "1 changed" in err
    assert run(capsys, "kwic", "روسيا", "--json", "--index", str(index)) == run(
        capsys, "kwic", "روسيا", "--json", "--corpus", str(corpus)
    )
    # Touching a file without changing it is not a change.
    os.utime(target, ns=(1, 1))
    code, _, err = run(capsys, "index", "update", "--index", str(index))
    assert code == 0


def test_added_and_removed_inputs(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, tmp_path: Path
) -> None:
    (corpus / "zz_new.txt").write_text("خبر جديد عن روسيا اليوم", encoding="utf-8")
    next(corpus.glob("002_*.txt")).unlink()
    code, _, err = run(capsys, "index", "update", "--index", str(index))
    assert code == 0 and "1 inputs added, 0 changed, 1 removed" in err
    for args in (["kwic", "روسيا"], ["kwic", "روسيا", "--count"], ["collocates", "روسيا"], ["trend", "روسيا"]):
        assert run(capsys, *args, "--json", "--index", str(index)) == run(
            capsys, *args, "--json", "--corpus", str(corpus)
        )
    # The stored word counts and token totals are those of a fresh build.
    fresh = tmp_path / "fresh.kzi"
    assert run(capsys, "index", "build", "--corpus", str(corpus), "--index", str(fresh))[0] == 0
    a, b = open_index(index), open_index(fresh)
    try:
        for scope in ("body", "all"):
            assert a.vocab(scope) == b.vocab(scope)
            assert a.bases(scope, a.vocab(scope)) == b.bases(scope, b.vocab(scope))
        assert [f[2:] for f in a.figures()] == [f[2:] for f in b.figures()]
        from kzcorpus.corpus import Corpus
        from kzcorpus.doc import Doc
        from kzcorpus.stats.measures import scoped

        by_tokens = sum(scoped(Doc(x), "body").words.count("روسيا") for x in Corpus([str(corpus)]))
        assert a.vocab("body")["روسيا"] == by_tokens == 37
    finally:
        a.close()
        b.close()


def test_an_interrupted_build_leaves_the_previous_index(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = index.read_bytes()
    calls = []

    def interrupted(self: _Writer, *args: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(_Writer, "add", interrupted)
    code, _, err = run(capsys, "index", "build", "--corpus", str(corpus), "--index", str(index))
    assert code == 130 and "interrupted" in err
    assert index.read_bytes() == before
    assert [p.name for p in index.parent.iterdir() if p.name.startswith(".")] == []
    open_index(index)  # still a good index


def test_an_interrupted_update_is_rolled_back(
    capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = next(corpus.glob("001_*.txt"))
    target.write_text("نص جديد تماما", encoding="utf-8")
    monkeypatch.setattr(_Writer, "write_postings", lambda self, merge: (_ for _ in ()).throw(KeyboardInterrupt()))
    code, _, _ = run(capsys, "index", "update", "--index", str(index))
    assert code == 130
    monkeypatch.undo()
    idx = open_index(index, check_inputs=False)
    assert idx.info().articles == 5
    _, changed, _ = idx.changed_inputs([str(p) for p in sorted(corpus.glob("*.txt"))])
    assert changed == [str(target)]  # still stale: nothing of the update was kept


def test_other_version_or_gazetteer_is_refused(capsys: pytest.CaptureFixture[str], index: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("Foo\tPER\tفو\n", encoding="utf-8")
    code, _, err = run(capsys, "kwic", "روسيا", "--index", str(index), "--gazetteer", str(extra))
    assert code == 2 and "other entity lists than these (other --gazetteer files" in err
    con = sqlite3.connect(index)
    con.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'version'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "kwic", "روسيا", "--index", str(index))
    assert code == 2 and "built by kzcorpus 0.0.1" in err and "rebuild" in err


def test_not_an_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bogus = tmp_path / "x.kzi"
    bogus.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "kwic", "روسيا", "--index", str(bogus))
    assert code == 2 and "is not a kzcorpus index" in err
    code, _, err = run(capsys, "kwic", "روسيا", "--index", str(tmp_path / "none.kzi"))
    assert code == 2 and "no index at" in err


def test_info(capsys: pytest.CaptureFixture[str], index: Path) -> None:
    import json

    code, out, _ = run(capsys, "index", "info", "--index", str(index), "--json")
    info = json.loads(out)
    assert code == 0 and info["articles"] == 5 and info["state"] == "up to date" and info["tokens"] > 1000


def test_include_and_exclude_are_refused_with_an_index(capsys: pytest.CaptureFixture[str], index: Path) -> None:
    # The index fixed its input files when it was built: a filter on them would be silently ignored.
    for flag in ("--include", "--exclude"):
        code, out, err = run(capsys, "kwic", "روسيا", flag, "001*", "--index", str(index))
        assert code == 2 and out == ""
        assert "--include/--exclude choose input files" in err and "--doc, --source or --where" in err
