"""entities, dates, timeline, stats, words: end to end on the seeds."""

from __future__ import annotations

import json

import pytest

from kzcorpus.cli import main
from kzcorpus.corpus import Article


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), out, err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_entities_rows(capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "entities")
    assert isinstance(rows, list)
    by_id = {r["id"]: r for r in rows}
    tokayev = by_id["Kassym-Jomart Tokayev"]
    assert (tokayev["type"], tokayev["mentions"], tokayev["articles"]) == (
        "PER",
        48,
        5,
    )  # the 49th mention is in residue
    assert tokayev["name"] == "قاسم جومارت توكاييف"
    astana = by_id["Astana"]
    forms = {f.split(" (")[0] for f in astana["forms"]}
    assert {"نور سلطان", "أستانا"} <= forms
    assert by_id["Nursultan Nazarbayev"]["type"] == "PER"
    mentions = [r["mentions"] for r in rows]
    assert mentions == sorted(mentions, reverse=True)
    per = run_json(capsys, "entities", "--type", "per", "--limit", "3")
    assert isinstance(per, list) and len(per) == 3 and {r["type"] for r in per} == {"PER"}


def test_entity_mentions_have_exact_offsets(capsys: pytest.CaptureFixture[str], seed_by_id: dict[str, Article]) -> None:
    recs = run_json(capsys, "entities", "--mentions", "--doc", "000")
    assert isinstance(recs, list)
    text = seed_by_id["000_7b53a6053af83644"].text
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["part"] in ("title", "body", "comment", "residue")
    russia = [r for r in recs if r["id"] == "Russia"]
    # «لروسيا» at 401-407: the mention is «روسيا» without the ل.
    assert any((r["start"], r["end"], r["text"]) == (402, 407, "روسيا") for r in russia)
    dpr = [r for r in recs if r["text"] == "جمهورية الكونغو الديمقراطية"]
    assert dpr and {r["id"] for r in dpr} == {"Donetsk People's Republic"}


def test_dates_records(capsys: pytest.CaptureFixture[str]) -> None:
    recs = run_json(capsys, "dates", "--doc", "002")
    assert isinstance(recs, list)
    first = recs[0]
    assert first == {
        "doc": "002_54b42a50ae65c283",
        "start": 530,
        "end": 539,
        "text": "هذا الشهر",
        "value": "2022-07",
        "kind": "relative",
        "calendar": "gregorian",
        "hijri": None,
        "implicit_year": None,
        "implicit_year_from": None,
        "anchor": "2022-07-15",
        "anchor_source": "metadata",
        "range": None,
        "part": "body",
    }
    stamps = [r for r in recs if r["kind"] == "datetime"]
    assert stamps[0]["value"] == "2022-07-15T10:29" and stamps[0]["part"] == "residue"
    relative = run_json(capsys, "dates", "--kind", "relative", "--from", "2022-07", "--to", "2022-07")
    assert isinstance(relative, list) and relative
    # A value overlaps the range at its own precision: «هذا العام» (2022) is in.
    assert all(r["kind"] == "relative" and "2022-07".startswith(r["value"][:7]) for r in relative)
    assert {r["value"] for r in relative} == {"2022", "2022-07"}


def test_timeline_is_chronological(capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "timeline")
    assert isinstance(rows, list)
    assert rows[0]["value"] == "1936" and rows[0]["sentence"].endswith("عام 1936.")
    years = [r["value"][:4] for r in rows]
    assert years == sorted(years)
    only = run_json(capsys, "timeline", "--from", "2023")
    assert isinstance(only, list) and all(r["value"] >= "2023" for r in only)
    code, out, _ = run(capsys, "timeline", "--format", "table", "--bidi", "logical")
    assert code == 0 and "dates per year:" in out and "█" in out


def test_stats_rows(capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "stats")
    assert isinstance(rows, list)
    assert [r["doc"][:3] for r in rows] == ["000", "001", "002", "003", "004", "TOT"]
    by = {r["doc"][:3]: r for r in rows}
    assert by["000"]["title"] is None and by["004"]["title"] is None
    assert by["002"]["published"] == "2022-07-15" and by["002"]["published_from"] == "metadata"
    assert by["002"]["lines_comment"] == 4
    assert by["TOT"]["words"] == sum(by[k]["words"] for k in ("000", "001", "002", "003", "004"))
    assert by["001"]["entity_mentions"] > 150 and by["001"]["date_expressions"] >= 10
    every = run_json(capsys, "stats", "--all")
    assert isinstance(every, list) and every[1]["words"] > by["001"]["words"]


def test_stats_limit(capsys: pytest.CaptureFixture[str]) -> None:
    every = run_json(capsys, "stats")
    first = run_json(capsys, "stats", "-n", "2")
    assert isinstance(every, list) and isinstance(first, list)
    assert [r["doc"] for r in first] == [every[0]["doc"], every[1]["doc"], "TOTAL"]
    assert first[:2] == every[:2]
    assert first[-1]["articles"] == 2 and first[-1]["words"] == every[0]["words"] + every[1]["words"]
    code, _, err = run(capsys, "stats", "001", "--limit", "3")
    assert code == 2 and "--top" in err


def test_stats_doc_detail(capsys: pytest.CaptureFixture[str]) -> None:
    detail = run_json(capsys, "stats", "003", "--top", "5")
    assert isinstance(detail, dict)
    assert set(detail) >= {"stats", "parts", "top_words", "keywords", "keyness", "top_entities", "dated_events"}
    assert detail["stats"]["doc"] == "003_adc600505a9cb510"
    assert len(detail["top_words"]) == 5
    assert detail["top_entities"][0]["mentions"] >= detail["top_entities"][-1]["mentions"]
    assert [p["part"] for p in detail["parts"][:2]] == ["title", "residue"]
    code, out, _ = run(capsys, "stats", "003", "--format", "table", "--bidi", "logical")
    assert code == 0 and "Distinctive words" in out and "[ad_1]" in out


def test_words(capsys: pytest.CaptureFixture[str]) -> None:
    rows = run_json(capsys, "words", "--limit", "3")
    assert isinstance(rows, list)
    assert [(r["rank"], r["word"]) for r in rows] == [(1, "كازاخستان"), (2, "روسيا"), (3, "توكاييف")]
    bigrams = run_json(capsys, "words", "--ngram", "2", "--limit", "5")
    assert isinstance(bigrams, list) and all(len(r["word"].split()) == 2 for r in bigrams)
    with_stop = run_json(capsys, "words", "--stopwords", "--limit", "1")
    assert isinstance(with_stop, list) and with_stop[0]["word"] in ("في", "من")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["entities", "--type", "PERSON"], "--type 'PERSON' is not one of"),
        (["dates", "--from", "last week"], "is not a date"),
        (["dates", "--kind", "century"], "--kind 'century'"),
        (["stats", "999"], "no article '999'"),
        (["stats", "001", "--doc", "002"], "either DOC or --doc"),
        (["entities", "--gazetteer", "/no/such.tsv"], "no/such.tsv"),
        (["words", "--ngram", "0"], "Invalid value for '--ngram'"),
    ],
)
def test_command_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_date_range_must_be_ordered(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "timeline", "--from", "2023", "--to", "2022")
    assert code == 2 and "--from 2023 is after --to 2022" in err
    code, _, _ = run(capsys, "dates", "--from", "2022-07-15", "--to", "2022-07", "--json")
    assert code == 0
