"""Bad input (issue 13): mixed directories, bad encodings, broken collections,
slow regexes, repeated file names.  Each is reported and the rest processed."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest

from kzcorpus import kwic as kwic_module
from kzcorpus.cli import main
from kzcorpus.corpus import NOTES_PER_KIND, Article, Corpus, decode, reads_as_arabic
from kzcorpus.doc import Doc
from kzcorpus.errors import InputError, PatternTooSlow
from kzcorpus.kwic import Matcher

TEXT = "قال الرئيس توكاييف إن كازاخستان «دولة صديقة» لروسيا.\n"


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return int(exc.value.code or 0), out, err


# --------------------------------------------------------------------------
# 1. A directory reads every format


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "metadata.csv", "id,title\na,عنوان أ\n")
    _write(tmp_path / "metadata.jsonl", _jsonl({"id": "a", "source": "درج"}))
    _write(tmp_path / "sub" / "arts.jsonl", _jsonl({"id": "j1", "text": TEXT}, {"text": TEXT}))
    _write(tmp_path / "sub" / "arr.json", json.dumps([{"id": "k1", "content": TEXT}], ensure_ascii=False))
    _write(tmp_path / "sub" / "n.ndjson", _jsonl({"id": "n1", "text": TEXT}))
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as zf:
        zf.writestr("day.json", json.dumps([{"text": TEXT}], ensure_ascii=False))
        zf.writestr("t.txt", TEXT)
    _write(tmp_path / "notes.md", "not an article")
    _write(tmp_path / ".hidden" / "h.txt", TEXT)
    _write(tmp_path / ".h.txt", TEXT)
    return tmp_path


def test_a_directory_reads_every_format_in_name_order(mixed: Path) -> None:
    corpus = Corpus([str(mixed)])
    got = list(corpus)
    # sub/… sorts before z.zip; metadata files, .md and hidden names are not articles.
    assert [a.id for a in got] == ["a", "k1", "j1", "arts:2", "n1", "day:1", "t"]
    assert (got[0].title, got[0].source) == ("عنوان أ", "درج")
    assert corpus.problems == [] and corpus.notes == []
    assert [a.id for a in Corpus([str(mixed)])] == [a.id for a in got]  # deterministic


def test_a_directory_of_collections_only(tmp_path: Path) -> None:
    _write(tmp_path / "only.jsonl", _jsonl({"id": "x", "text": TEXT}))
    assert [a.id for a in Corpus([str(tmp_path)])] == ["x"]


def test_include_and_exclude(mixed: Path) -> None:
    def ids(**kw: list[str]) -> list[str]:
        return [a.id for a in Corpus([str(mixed)], **kw)]

    assert ids(include=["*.jsonl"]) == ["j1", "arts:2"]
    assert ids(exclude=["sub"]) == ["a", "day:1", "t"]  # a directory leaves out all below it
    assert ids(exclude=["*.zip", "sub/n.*"]) == ["a", "k1", "j1", "arts:2"]
    assert ids(include=["sub"], exclude=["*.json"]) == ["j1", "arts:2", "n1"]
    assert ids(include=["*.md"]) == ["notes"]  # a pattern naming a file reads it whatever its suffix
    assert ids(include=["a.txt", "notes.*"]) == ["a", "notes"]
    with pytest.raises(InputError, match=r"no article files matching the include and exclude patterns .*; 2 hidden"):
        Corpus([str(mixed)], include=["*.xml"])
    # Globs are filtered too; a file named outright never is.
    assert [a.id for a in Corpus([str(mixed / "**" / "*.*")], exclude=["*.zip", "*.md", "*.csv", "meta*"])] == [
        "a",
        "k1",
        "j1",
        "arts:2",
        "n1",
    ]
    assert [a.id for a in Corpus([str(mixed / "a.txt")], exclude=["*"])] == ["a"]


def test_malformed_collections_are_reported_with_where_and_the_rest_read(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "bad.jsonl", "{oops\n" + _jsonl({"id": "ok", "text": TEXT}, {"title": "no text"}, [1, 2]))
    _write(tmp_path / "broken.json", '[{"id": "k", "text": "x"},\n')
    _write(tmp_path / "garbage.jsonl", "not json at all\nnor this\n")
    _write(tmp_path / "object.json", '{"id": 1}')
    _write(tmp_path / "empty.ndjson", "\n\n")
    _write(tmp_path / "z.txt", TEXT)
    corpus = Corpus([str(tmp_path)])
    assert [a.id for a in corpus] == ["a", "ok", "z"]
    assert [str(p).replace(str(tmp_path), "D") for p in corpus.problems] == [
        "D/bad.jsonl line 1: invalid JSON (Expecting property name enclosed in double quotes)",
        "D/bad.jsonl line 3: no 'text' or 'content' string field",
        "D/bad.jsonl line 4: not a JSON object",
        "D/broken.json: invalid JSON at line 2 column 1 (Expecting value); no record read from it",
        "D/empty.ndjson: not a JSON array or JSON Lines of article objects (it is empty)",
        "D/garbage.jsonl: not a JSON array or JSON Lines of article objects (line 1: Expecting value; 2 of 2 lines are not JSON)",
        "D/object.json line 1: no 'text' or 'content' string field",
    ]


def test_json_files_that_are_not_collections_give_one_problem_each(tmp_path: Path) -> None:
    _write(tmp_path / "config.json", json.dumps({"a": 1, "b": [1, 2], "c": {"d": 2}}, indent=2))
    _write(tmp_path / "article.json", json.dumps({"id": "p", "text": TEXT}, indent=2, ensure_ascii=False))
    _write(tmp_path / "settings.json", "// comment\n{\n  a: 1,\n}\n" + _jsonl({"id": "q", "text": TEXT}))
    _write(tmp_path / "number.json", "1\n\n")
    _write(tmp_path / "data.json", json.dumps([{"a": 1}, {"b": 2}, 3]))
    with zipfile.ZipFile(tmp_path / "pics.zip", "w") as zf:
        for name in ("a.png", "b.png", "c.png", "d.png", "t.txt"):
            zf.writestr(name, TEXT)
    corpus = Corpus([str(tmp_path)])
    assert [a.id for a in corpus] == ["p", "t"]
    assert [str(p).replace(str(tmp_path), "D") for p in corpus.problems] == [
        "D/config.json record 1: no 'text' or 'content' string field",
        "D/data.json: none of its 3 records has a 'text' or 'content' string field (not articles?)",
        "D/number.json: not a JSON array or JSON Lines of article objects",
        "D/pics.zip: 4 members skipped: not .txt, .json or .jsonl (a.png, b.png, c.png …)",
        "D/settings.json: not a JSON array or JSON Lines of article objects "
        "(line 1: Expecting value; 4 of 5 lines are not JSON)",
    ]


# --------------------------------------------------------------------------
# 2. Encodings: Windows-1256 only when it reads as Arabic


LATIN1 = "Café crème, déjà vu à Paris, où l'été est chaud.\n".encode("latin-1")


def test_cp1256_only_when_it_reads_as_arabic() -> None:
    assert decode(TEXT.encode("cp1256")) == TEXT
    with pytest.raises(ValueError, match=r"not Arabic text in Windows-1256 either; name its encoding with --encoding"):
        decode(LATIN1)
    for seed in range(20):
        with pytest.raises(ValueError, match="--encoding"):
            decode(random.Random(seed).randbytes(300))
    damaged = TEXT.encode() * 3 + b"\xff" + TEXT.encode()
    at = len(TEXT.encode()) * 3
    with pytest.raises(ValueError, match=rf"not valid UTF-8 at byte {at}, though most of it reads as UTF-8"):
        decode(damaged)
    assert decode(LATIN1, "latin-1").startswith("Café")  # a named encoding wins


def test_reads_as_arabic_thresholds() -> None:
    assert reads_as_arabic(TEXT)
    assert reads_as_arabic("ابجد abcd")  # half the letters are Arabic: enough
    assert not reads_as_arabic("ابج abcd")  # 3 of 7
    assert reads_as_arabic("قال الوزير إن شركة Apple ستفتح فرعا في الرياض 2015")
    assert not reads_as_arabic("١٢٣ ، ؟")  # no letters
    assert not reads_as_arabic("كلمة ¤¦§¨©®¯°±²³´µ¶·¸¹¼½")  # too many symbols for text


def test_bad_encodings_in_a_directory_are_skipped_and_named(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", TEXT)
    _write(tmp_path / "b.txt", TEXT.encode("cp1256"))
    _write(tmp_path / "c.txt", LATIN1)
    _write(tmp_path / "d.txt", random.Random(7).randbytes(500))
    corpus = Corpus([str(tmp_path)])
    assert [(a.id, a.text) for a in corpus] == [("a", TEXT), ("b", TEXT)]
    assert [Path(p.path).name for p in corpus.problems] == ["c.txt", "d.txt"]
    assert all("--encoding" in p.reason for p in corpus.problems)


# --------------------------------------------------------------------------
# 3. A catastrophic regex stops with an error


def test_slow_regex_raises_pattern_too_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kwic_module, "REGEX_TIMEOUT", 0.05)
    matcher = Matcher("(a+)+$", "regex")
    assert [h.start for h in matcher.find(Doc.of("aaa"))] == [0]
    with pytest.raises(PatternTooSlow, match=r"^pattern too slow on slow; simplify it$") as exc:
        list(matcher.find(Doc.of(_article("slow", "a" * 5000 + "b"))))
    assert exc.value.exit_code == 2


def _article(doc_id: str, text: str) -> Article:
    return Article(id=doc_id, text=text, path=f"{doc_id}.txt")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv"])
def test_slow_regex_in_the_cli_keeps_earlier_hits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(kwic_module, "REGEX_TIMEOUT", 0.05)
    _write(tmp_path / "0.txt", "aaa\n")
    _write(tmp_path / "b.txt", "a" * 5000 + "b\n")
    _write(tmp_path / "c.txt", "aa\n")
    code, out, err = _run(capsys, "kwic", "(a+)+$", "--regex", "--corpus", str(tmp_path), "--format", fmt)
    assert code == 2
    assert err == "kzcorpus: error: pattern too slow on b; simplify it\n"
    if fmt == "json":
        assert [r["doc"] for r in json.loads(out)] == ["0"]
    elif fmt == "jsonl":
        assert [json.loads(line)["doc"] for line in out.splitlines()] == ["0"]
    else:
        assert len(out.splitlines()) == 2  # header and the hit in 0.txt


# --------------------------------------------------------------------------
# 4. Ids unique by construction; notes summarised


def test_repeated_stems_get_relative_path_ids(tmp_path: Path) -> None:
    for d in ("x", "y", "x/z"):
        _write(tmp_path / d / "a.txt", TEXT)
        _write(tmp_path / d / "index.jsonl", _jsonl({"text": TEXT}))
    _write(tmp_path / "u.txt", TEXT)
    _write(tmp_path / "y" / "a.md", TEXT)
    corpus = Corpus([str(tmp_path)], include=["*.txt", "*.jsonl"])
    assert [a.id for a in corpus] == ["u", "x/a", "x/index:1", "x/z/a", "x/z/index:1", "y/a", "y/index:1"]
    assert corpus.notes == [] and corpus.problems == []
    # Same stem and folder, two suffixes read as text: the suffix tells them apart.
    both = Corpus([str(tmp_path / "y")], include=["a.*"])
    assert [a.id for a in both] == ["a.md", "a.txt"]
    # Ids can be selected.
    chosen = Corpus([str(tmp_path)])
    assert chosen.select(["x/z/a"]) == ["x/z/a"]
    assert [a.id for a in chosen] == ["x/z/a"]


def test_seed_ids_do_not_change() -> None:
    assert [a.id for a in Corpus()][:2] == ["000_7b53a6053af83644", "001_2a176dd2cbfe933f"]


def test_notes_after_the_first_few_are_summarised(tmp_path: Path) -> None:
    n = NOTES_PER_KIND + 7
    for i in range(n):
        _write(tmp_path / "one" / f"e{i:02d}.txt", b"")
        _write(tmp_path / "two" / f"e{i:02d}.txt", TEXT)
    seen: list[str] = []
    corpus = Corpus([str(tmp_path / "one"), str(tmp_path / "two")], on_note=seen.append)
    assert len(list(corpus)) == 2 * n
    assert seen == corpus.notes
    assert len(corpus.notes) == 2 * NOTES_PER_KIND + 2
    assert corpus.notes[NOTES_PER_KIND - 1].endswith(
        "e04.txt: empty article (no text); kept, with nothing to find in it"
    )
    assert corpus.notes[-2:] == [
        "… and 7 more notes of this kind (empty articles)",
        "… and 7 more notes of this kind (duplicate ids)",
    ]


def test_a_tree_with_repeated_names_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(30):
        _write(tmp_path / f"pkg{i:02d}" / "README.txt", TEXT)
        _write(tmp_path / f"pkg{i:02d}" / "data.json", json.dumps([{"text": TEXT}], ensure_ascii=False))
    code, out, err = _run(capsys, "kwic", "توكاييف", "--count", "--corpus", str(tmp_path), "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert len(rows) == 60 and len({r["doc"] for r in rows}) == 60
    assert rows[:2] == [
        {"doc": "pkg00/README", "title": None, "hits": 1},
        {"doc": "pkg00/data:1", "title": None, "hits": 1},
    ]
