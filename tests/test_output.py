"""The output layer: one writer per format, any record stream."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kzcorpus.errors import UsageError
from kzcorpus.output import Column, View, emit, resolve_format

VIEW = View([Column("doc"), Column("keyword", text=True), Column("n", numeric=True), Column("forms")])
RECORDS = [
    {"doc": "a", "keyword": "روسيا", "n": 1, "forms": ["روسيا (2)", "لروسيا (1)"]},
    {"doc": "b", "keyword": "tab\there\nline \\ back", "n": 2, "forms": []},
]


def render(fmt: str, records: list[dict[str, object]] = RECORDS) -> str:
    out = io.StringIO()
    emit(records, VIEW, fmt, out=out)  # type: ignore[arg-type]
    return out.getvalue()


def test_json_is_valid_unescaped_and_streams_even_when_empty() -> None:
    text = render("json")
    assert "روسيا" in text and "\\u" not in text
    assert json.loads(text) == RECORDS
    assert json.loads(render("json", [])) == []


def test_jsonl() -> None:
    lines = render("jsonl").splitlines()
    assert [json.loads(line) for line in lines] == RECORDS
    assert render("jsonl", []) == ""


def test_tsv_has_header_and_escapes() -> None:
    assert render("tsv").splitlines() == [
        "doc\tkeyword\tn\tforms",
        "a\tروسيا\t1\tروسيا (2) | لروسيا (1)",
        "b\ttab\\there\\nline \\\\ back\t2\t",
    ]
    assert render("tsv", []) == "doc\tkeyword\tn\tforms\n"


def test_csv_round_trips() -> None:
    rows = list(csv.reader(io.StringIO(render("csv"))))
    assert rows[0] == ["doc", "keyword", "n", "forms"]
    assert rows[2][1] == "tab\there\nline \\ back"


def test_resolve_format() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert resolve_format(None, False, Tty()) == "table"
    assert resolve_format(None, False, io.StringIO()) == "tsv"
    assert resolve_format("csv", True, Tty()) == "json"
    with pytest.raises(UsageError):
        resolve_format("xml", False, io.StringIO())


def test_document_in_tsv_is_long_form_without_double_escaping() -> None:
    import io

    from kzcorpus.output import emit_document
    from kzcorpus.schema import Column, Section, View

    doc = {"stats": {"doc": "d1", "words": 3}, "parts": [{"line": 1, "text": 'قال "نعم"\tهنا'}]}
    sections = [
        Section("Stats", "stats", View([Column("field"), Column("value")])),
        Section("Parts", "parts", View([])),
    ]
    out = io.StringIO()
    emit_document(doc, sections, "tsv", out=out)
    assert out.getvalue().splitlines() == [
        "section\titem\tfield\tvalue",
        "stats\td1\tdoc\td1",
        "stats\td1\twords\t3",
        "parts\t1\tline\t1",
        'parts\t1\ttext\tقال "نعم"\\tهنا',
    ]
