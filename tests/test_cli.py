"""The command line, end to end: formats, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzcorpus.cli import app, main


def run(
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def test_help_lists_commands_and_examples() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "kwic" in result.output
    result = runner.invoke(app, ["kwic", "--help"])
    assert result.exit_code == 0
    for option in (
        "--match",
        "--regex",
        "--explain",
        "--width",
        "--limit",
        "--sort",
        "--doc",
        "--count",
        "--corpus",
        "--format",
        "--json",
        "--bidi",
    ):
        assert option in result.output
    assert "Examples" in result.output


def test_runner_json_output() -> None:
    result = CliRunner().invoke(app, ["kwic", "توكاييف", "--json", "--limit", "2"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [(d["doc"], d["start"], d["keyword"]) for d in data] == [
        ("000_7b53a6053af83644", 139, "توكاييف"),
        ("000_7b53a6053af83644", 576, "توكاييف"),
    ]


def test_default_format_in_a_pipe_is_tsv(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "kwic", "توكاييف")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert lines[0] == "doc\tref\tstart\tend\tline\tbefore\tkeyword\tafter\tmatch\tpart\tcopies"
    assert len(lines) == 50


def test_exit_status_follows_grep(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "kwic", "توكاييف", "--json")[0] == 0
    code, out, _ = run(capsys, "kwic", "غيرموجودة", "--json")
    assert code == 1 and json.loads(out) == []
    code, out, _ = run(capsys, "kwic", "غيرموجودة", "--format", "jsonl")
    assert code == 1 and out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["kwic", ""], "the query is empty"),
        (["kwic", "\u064e\u064f"], "no letters or digits"),
        (["kwic", "(", "--regex"], "invalid regular expression"),
        (["kwic", "x", "--doc", "999"], "no article '999'"),
        (["kwic", "x", "--corpus", "/no/such/path"], "no such file or directory"),
        (["kwic", "x", "--sort", "left"], "Invalid value for '--sort'"),
        (["kwic", "x", "--format", "xml"], "Invalid value for '--format'"),
        (["kwic", "x", "--bidi", "rtl"], "Invalid value for '--bidi'"),
        (["kwic", "x", "--width", "-1"], "Invalid value for '--width'"),
        (["kwic", "x", "--encoding", "klingon"], "unknown encoding"),
        (["kwic"], "give a QUERY to search for, or --entity NAME"),
        (["kwic", "x", "--entity", "Putin"], "not both"),
        (["kwic", "--entity", "nobody"], "no entity 'nobody'"),
        (["frobnicate"], "No such command"),
    ],
)
def test_errors_are_one_line_exit_2(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_skipped_input_is_reported_and_others_processed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("قال توكاييف", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    code, out, err = run(capsys, "kwic", "توكاييف", "--corpus", str(tmp_path), "--json")
    assert code == 2
    assert [d["doc"] for d in json.loads(out)] == ["good"]
    assert "skipped" in err and "bad.txt" in err and "binary" in err


def test_count_and_doc_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "توكاييف", "--count", "--json")
    assert code == 0
    assert [(r["doc"][:3], r["hits"]) for r in json.loads(out)] == [
        ("000", 9),
        ("001", 25),
        ("002", 5),
        ("003", 6),
        ("004", 4),
    ]
    code, out, _ = run(capsys, "kwic", "توكاييف", "--doc", "003", "--json")
    assert {r["doc"] for r in json.loads(out)} == {"003_adc600505a9cb510"}


def test_sort_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "روسيا", "--sort", "keyword", "--limit", "3", "--json")
    keywords = [r["keyword"] for r in json.loads(out)]
    assert code == 0 and len(keywords) == 3
    assert keywords == sorted(keywords)


def test_stdin_corpus(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("زار بوتين أستانا".encode())))
    code, out, _ = run(capsys, "kwic", "أستانا", "--corpus", "-", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "doc": "stdin",
            "ref": "stdin:10-16",
            "start": 10,
            "end": 16,
            "line": 1,
            "before": "زار بوتين",
            "keyword": "أستانا",
            "after": "",
            "match": "أستانا",
            "part": "body",
            "copies": None,
        }
    ]


def test_table_format_shows_explain_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "توكاييف", "--doc", "001", "--format", "table", "--explain", "--bidi", "logical")
    assert code == 0
    assert "match" in out.splitlines()[0]
    assert "ل + توكاييف" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("kzcorpus ")


def test_python_m_from_another_directory(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kzcorpus", "kwic", "SPIEF", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert [r["start"] for r in json.loads(proc.stdout)] == [587, 5307]


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    proc = subprocess.run(
        f"'{sys.executable}' -m kzcorpus kwic روسيا --format jsonl | head -n 1; echo \"status=${{PIPESTATUS[0]}}\"",
        executable="/bin/bash",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    lines = proc.stdout.splitlines()
    assert len(lines) == 2 and lines[1] == "status=0"  # results were delivered: 0, as grep
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr


def test_entity_drill_down(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "--entity", "Astana", "--json")
    hits = json.loads(out)
    assert code == 0
    assert {h["keyword"] for h in hits} == {"نور سلطان", "أستانا"}
    assert not any(h["start"] == 6588 for h in hits)  # «نور سلطان نزاربايف» is the person
    code, out, _ = run(capsys, "kwic", "-e", "توكاييف", "--count", "--json")
    assert sum(r["hits"] for r in json.loads(out)) == 49


def test_unquoted_glob_says_to_quote_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("روسيا", encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]
    code, out, err = run(capsys, "kwic", "روسيا", "--corpus", *paths)
    assert code == 2 and out == ""
    assert "got 2 unexpected argument(s) that look like paths" in err
    assert "the shell expanded a glob" in err and "repeat --corpus" in err
    code, out, err = run(capsys, "kwic", "روسيا", "foo", "bar")
    assert code == 2 and "got unexpected extra argument(s): foo, bar" in err


def test_slicing_options_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "روسيا", "--count", "--from", "2023", "--json")
    assert code == 0 and [r["doc"] for r in json.loads(out)] == ["003_adc600505a9cb510"]
    code, out, _ = run(capsys, "kwic", "توكاييف", "--part", "title", "--json")
    assert code == 0 and {r["part"] for r in json.loads(out)} == {"title"}
    code, out, _ = run(capsys, "stats", "--to", "2022-06", "--json")
    assert [r["doc"] for r in json.loads(out)][-1] == "TOTAL" and len(json.loads(out)) == 3
    code, out, _ = run(capsys, "entities", "--where", "id=001_2a176dd2cbfe933f", "--limit", "1", "--json")
    assert code == 0 and set(json.loads(out)[0]["per_article"]) == {"001_2a176dd2cbfe933f"}
    code, _, err = run(capsys, "words", "--from", "yesterday")
    assert code == 2 and "--from 'yesterday' is not a date" in err


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv", "csv"])
def test_ctrl_c_leaves_valid_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import kzcorpus.kwic as kw

    real = kw.Concordance.__call__
    calls = []

    def interrupted(self: kw.Concordance, doc: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(self, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(kw.Concordance, "__call__", interrupted)
    code, out, err = run(capsys, "kwic", "روسيا", "--format", fmt, "--jobs", "1")
    assert code == 130 and "interrupted" in err and "Traceback" not in err
    if fmt == "json":
        records = json.loads(out)
        assert len(records) > 0 and {r["doc"][:3] for r in records} == {"000", "001"}
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    else:
        assert out.endswith("\n") and len(out.splitlines()) > 1
