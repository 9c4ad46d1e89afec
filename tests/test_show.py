"""Reading an article: references, lines with parts, the span marked."""

from __future__ import annotations

import io
import json

import pytest

from kzcorpus.cli import main
from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError
from kzcorpus.render import render_article
from kzcorpus.show import Ref, article_lines, document, parse_ref

IDS = ["000_7b53a6053af83644", "001_2a176dd2cbfe933f", "2015-07-21:17", "2015-07-21:170"]


def test_parse_ref() -> None:
    assert parse_ref("001", IDS) == Ref("001_2a176dd2cbfe933f")
    assert parse_ref("000:139-146", IDS) == Ref("000_7b53a6053af83644", 139, 146)
    assert parse_ref("000_7b53a6053af83644:5", IDS) == Ref("000_7b53a6053af83644", 5, 5)
    # Ids with colons: the id itself wins, then the trailing span.
    assert parse_ref("2015-07-21:17", IDS) == Ref("2015-07-21:17")
    assert parse_ref("2015-07-21:17:3-9", IDS) == Ref("2015-07-21:17", 3, 9)
    for bad in ("", "nothing", "000:9-3", "2015-07-21:1"):
        with pytest.raises(UsageError):
            parse_ref(bad, IDS)


def test_lines_keep_kwic_numbering_and_mark_the_span() -> None:
    text = "عنوان قصير هنا\n\nفقرة طويلة بما يكفي لتكون نصا من متن المقالة وفيها كلمات كثيرة.\nسطر"
    doc = Doc.of(text)
    start = text.index("متن")
    lines = article_lines(doc, start, start + 3)
    assert [ln["line"] for ln in lines] == [1, 2, 3, 4]
    assert [ln["part"] for ln in lines][:3] == ["title", None, "body"]
    assert [ln["marked"] for ln in lines] == [False, False, True, False]
    assert all(text[ln["start"] : ln["end"]] == ln["text"] for ln in lines)


def test_document_and_rendering() -> None:
    text = "عنوان قصير هنا\nفقرة طويلة بما يكفي لتكون نصا من متن المقالة وفيها كلمات كثيرة.\n" * 20
    doc = Doc.of(text, "d1")
    start = text.index("متن", 500)
    rec = document(doc, Ref("d1", start, start + 3))
    assert rec["span"] == {"start": start, "end": start + 3, "text": "متن", "line": doc.line(start)}
    out = io.StringIO()
    render_article(rec, out=out, bidi="logical", context=1, width=100)
    shown = out.getvalue()
    assert "lines above" in shown and "lines below" in shown and "▶" in shown
    assert shown.count("▶") == 1
    with pytest.raises(UsageError):
        document(doc, Ref("d1", 10**6, 10**6))


def test_cli_show_json_and_ref_from_kwic(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["kwic", "توكاييف", "--limit", "1", "--json"])
    hit = json.loads(capsys.readouterr().out)[0]
    with pytest.raises(SystemExit) as exc:
        main(["show", hit["ref"], "--json"])
    assert exc.value.code == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["span"]["text"] == hit["keyword"] == "توكاييف"
    assert rec["doc"] == hit["doc"] and rec["lines"][hit["line"] - 1]["marked"]
