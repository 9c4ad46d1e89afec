"""Corpus loading: sources, encodings, metadata, problems, selection."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from kzcorpus.corpus import Corpus, Problem, decode, seeds_dir
from kzcorpus.errors import InputError, UsageError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXT = "قال الرئيس توكاييف إن كازاخستان «دولة صديقة» لروسيا.\n"
SEED_IDS = [
    "000_7b53a6053af83644",
    "001_2a176dd2cbfe933f",
    "002_54b42a50ae65c283",
    "003_adc600505a9cb510",
    "004_05eb89a420704b8c",
]


def test_default_corpus_is_the_embedded_seeds() -> None:
    articles = list(Corpus())
    assert [a.id for a in articles] == SEED_IDS
    assert seeds_dir() == SEEDS
    by_id = {a.id: a for a in articles}
    # Metadata beside the seeds is read automatically.
    assert by_id["002_54b42a50ae65c283"].published == "2022-07-15"
    assert by_id["002_54b42a50ae65c283"].title == "فخ كازاخستان: نور سلطان بين روسيا والغرب الجماعي"
    assert by_id["000_7b53a6053af83644"].title is None
    # Text is the file decoded, byte for byte, with no newline translation.
    raw = (SEEDS / "001_2a176dd2cbfe933f.txt").read_bytes().decode("utf-8")
    assert by_id["001_2a176dd2cbfe933f"].text == raw


def test_env_var_sets_default_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("KZCORPUS_CORPUS", str(tmp_path))
    assert [a.id for a in Corpus()] == ["a"]


@pytest.mark.parametrize(
    "encoded",
    [
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        TEXT.encode("cp1256"),
    ],
    ids=["utf8-bom", "utf8", "utf16", "utf16-be", "utf16-le", "cp1256"],
)
def test_encodings_are_detected(encoded: bytes) -> None:
    assert decode(encoded) == TEXT


def test_forced_encoding_and_bad_encoding(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode("utf-16-le"))
    assert next(iter(Corpus([str(f)], encoding="utf-16-le"))).text == TEXT
    with pytest.raises(UsageError, match="unknown encoding"):
        Corpus([str(f)], encoding="klingon")


def test_unreadable_files_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf\xff\xfe bad utf-8 after a BOM")
    (tmp_path / "d.txt").write_text(TEXT, encoding="utf-8")
    seen: list[Problem] = []
    corpus = Corpus([str(tmp_path)], on_problem=seen.append)
    assert [a.id for a in corpus] == ["a", "d"]
    assert [(Path(p.path).name, p.reason.split(" (")[0]) for p in corpus.problems] == [
        ("b.txt", "binary file"),
        ("c.txt", "has a UTF-8 BOM but is not valid UTF-8"),
    ]
    assert seen == corpus.problems


def test_missing_path_and_empty_glob_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        Corpus([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="no files match"):
        Corpus([str(tmp_path / "*.txt")])
    with pytest.raises(InputError, match=r"no article files \(\.txt, "):
        Corpus([str(tmp_path)])


def test_directories_recurse_and_globs_expand(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "notes.md").write_text("not an article", encoding="utf-8")
    assert [a.id for a in Corpus([str(tmp_path)])] == ["a", "b"]
    assert [a.id for a in Corpus([str(tmp_path / "**" / "*.txt")])] == ["a", "b"]


def test_collections_jsonl_json_zip_and_stdin(tmp_path: Path) -> None:
    records = [
        {"id": "x1", "title": "عنوان", "text": TEXT, "published": "2022-07-15"},
        {"content": TEXT, "date_extracted": "2015-07-21 02:51:32", "source": "aawsat", "url": "http://e/1"},
        {"title": "no text"},
    ]
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n{broken\n", encoding="utf-8")
    arr = tmp_path / "c.json"
    arr.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    zp = tmp_path / "z.zip"
    with zipfile.ZipFile(zp, "w") as zf:
        zf.write(arr, "2015-07-21.json")

    corpus = Corpus([str(jl)])
    got = list(corpus)
    assert [(a.id, a.title, a.published) for a in got] == [
        ("x1", "عنوان", "2022-07-15"),
        ("c:2", None, "2015-07-21 02:51:32"),
    ]
    assert got[1].source == "aawsat" and got[1].url == "http://e/1"
    assert [p.reason for p in corpus.problems] == [
        "no 'text' or 'content' string field",
        "invalid JSON (Expecting property name enclosed in double quotes)",
    ]
    assert [a.id for a in Corpus([str(arr)])] == ["x1", "c:2"]
    assert [a.id for a in Corpus([str(zp)])] == ["x1", "2015-07-21:2"]

    stdin_text = Corpus(["-"], stdin=lambda: TEXT.encode("cp1256"))
    assert [(a.id, a.text) for a in stdin_text] == [("stdin", TEXT)]
    stdin_jsonl = Corpus(["-"], stdin=lambda: jl.read_bytes())
    assert [a.id for a in stdin_jsonl] == ["x1", "stdin:2"]
    # Text that merely starts with a bracket is still text.
    markup = Corpus(["-"], stdin=lambda: "[ad_1]\nنص".encode())
    assert [a.text for a in markup] == ["[ad_1]\nنص"]


def test_metadata_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("id,title,published\na,عنوان أ,2022-01-07\n", encoding="utf-8")
    extra = tmp_path / "more.jsonl"
    extra.write_text(json.dumps({"id": "b", "source": "درج", "published": "2023-12"}) + "\n", encoding="utf-8")
    got = {a.id: a for a in Corpus([str(tmp_path)], metadata=[extra])}
    assert (got["a"].title, got["a"].published) == ("عنوان أ", "2022-01-07")
    assert (got["b"].source, got["b"].published) == ("درج", "2023-12")

    bad = tmp_path / "bad.csv"
    bad.write_text("title\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'id'"):
        Corpus([str(tmp_path)], metadata=[bad])


def test_select_by_id_or_prefix() -> None:
    corpus = Corpus()
    assert corpus.select(["001", "004_05eb89a420704b8c"]) == ["001_2a176dd2cbfe933f", "004_05eb89a420704b8c"]
    assert [a.id for a in corpus] == ["001_2a176dd2cbfe933f", "004_05eb89a420704b8c"]
    with pytest.raises(UsageError, match="no article '9'"):
        Corpus().select(["9"])
    with pytest.raises(UsageError, match="names 5 articles"):
        Corpus().select(["0"])


def test_duplicate_ids_are_renamed_and_reported(tmp_path: Path) -> None:
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(TEXT, encoding="utf-8")
    # Two inputs that share a stem (within one directory, ids are paths: tests/test_bad_input.py).
    corpus = Corpus([str(tmp_path / "x"), str(tmp_path / "y")])
    assert [a.id for a in corpus] == ["a", "a~2"]
    assert corpus.problems == []  # nothing was skipped
    assert "duplicate id 'a'; this article is called 'a~2'" in corpus.notes[0]


def test_metadata_notes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = tmp_path / "m.csv"
    meta.write_text("id,published\na,20-07-2015\nghost,2022\n", encoding="utf-8")
    corpus = Corpus([str(tmp_path / "a.txt")], metadata=[meta])
    (a,) = list(corpus)
    assert a.published is None
    assert corpus.notes == [
        "a: metadata published '20-07-2015' is not an ISO 8601 date (2022, 2022-07, 2022-07-15 or 2015-07-21 02:51:32); ignored",
        "--metadata: 1 row name no article in the corpus (ghost)",
    ]
    assert corpus.problems == []


def test_empty_file_is_kept_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    corpus = Corpus([str(tmp_path)])
    assert [(a.id, a.text) for a in corpus] == [("e", "")]
    assert corpus.notes == [f"{tmp_path / 'e.txt'}: empty article (no text); kept, with nothing to find in it"]
    assert corpus.problems == []
