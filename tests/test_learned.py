"""entities --learn: names the rules found with evidence, learned from the corpus and found bare."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from clirun import run, write_jsonl

from kzcorpus.corpus import Article
from kzcorpus.entities import find_mentions, load_gazetteer, parse_gazetteer
from kzcorpus.entities.learned import NameLearner, evidence, learned_records, learned_tsv

# d1-d3 name the minister, the town and the club with a title or a head; d4 names them bare.
ROWS = [
    {"id": "d1", "text": "صرح الوزير هاشم الدباغ بأن الخطة جاهزة في محافظة بلقرن."},
    {"id": "d2", "text": "وصل المدرب هاشم الدباغ إلى محافظة بلقرن أمس، وشارك نادي الترجي في البطولة."},
    {"id": "d3", "text": "شارك نادي الترجي في البطولة، وعاد الدكتور نصار الغامدي."},
    {"id": "d4", "text": "وأكد هاشم الدباغ أن الفريق جاهز في بلقرن، وفاز الترجي على ضيفه."},
]


@pytest.fixture
def handmade(tmp_path: Path) -> str:
    return write_jsonl(tmp_path / "beat.jsonl", ROWS)


def _mention(text: str, etype: str, found_by: str, eid: str | None = None) -> dict[str, Any]:
    return {"text": text, "type": etype, "found_by": found_by, "id": eid or text}


def test_evidence_takes_titled_people_and_the_word_after_a_head() -> None:
    assert evidence(_mention("هاشم الدباغ", "PER", "rule:title(الوزير)")) == (
        "PER",
        "هاشم الدباغ",
        "rule:title(الوزير)",
    )
    assert evidence(_mention("محافظة بلقرن", "LOC", "rule:head(محافظة)")) == ("LOC", "بلقرن", "rule:head(محافظة)")
    assert evidence(_mention("نادي الترجي", "ORG", "rule:head(نادي)")) == ("ORG", "الترجي", "rule:head(نادي)")
    assert evidence(_mention("فوربس", "ORG", "rule:quoted(مجلة)")) == ("ORG", "فوربس", "rule:quoted(مجلة)")
    # not evidence: a given name alone, a bare given-name guess, «أبو» chains, a head not on the list, two words after it
    assert evidence(_mention("فهد", "PER", "rule:title(الملك)")) is None
    assert evidence(_mention("أسعد الزهراني", "PER", "rule:given-name")) is None
    assert evidence(_mention("أبو أسامة العراقي", "PER", "rule:chain(أبو)")) is None
    assert evidence(_mention("بحر الشمال", "LOC", "rule:head(بحر)")) is None
    assert evidence(_mention("مدينة الملك فهد", "LOC", "rule:facility(مدينة)")) is None
    assert evidence(_mention("وزارة الصحة", "ORG", "rule:head(وزارة)")) is None
    assert evidence(_mention("اليمن", "LOC", "gazetteer")) is None


def _learner(rows: list[tuple[str, list[dict[str, Any]], list[str]]]) -> NameLearner:
    learner = NameLearner(load_gazetteer())
    for doc_id, mentions, words in rows:
        learner.add(doc_id, mentions, words)
    return learner


def test_a_name_needs_two_articles_and_a_one_word_name_its_share() -> None:
    town = _mention("محافظة بلقرن", "LOC", "rule:head(محافظة)")
    dates = _mention("مدينة التمور", "LOC", "rule:head(مدينة)")
    person = _mention("هاشم الدباغ", "PER", "rule:title(الوزير)")
    once = _mention("نصار الغامدي", "PER", "rule:title(الدكتور)")
    learner = _learner(
        [
            ("d1", [town, dates, person, once], ["بلقرن", "التمور"]),
            ("d2", [town, dates, person], ["بلقرن", "التمور"]),
            # «التمور» as the plural of «تمر» 40 more times; «بلقرن» bare twice
            ("d3", [], ["التمور"] * 40 + ["بلقرن", "بلقرن"]),
        ]
    )
    rows = learned_records(learner)
    assert [(r["id"], r["type"], r["form"], r["articles"], r["evidence"], r["share"]) for r in rows] == [
        ("بلقرن", "LOC", "بلقرن", 2, 2, 0.5),
        ("هاشم الدباغ", "PER", "هاشم الدباغ", 2, 2, 1.0),
    ]
    assert rows[0]["found_by"] == {"rule:head(محافظة)": 2}
    # «التمور»: 2 of 42 occurrences (0.048) is under MIN_SHARE
    assert learner.share("التمور", learner.forms[("LOC", "التمور")]) == pytest.approx(2 / 42)


def test_a_person_is_learned_only_when_each_word_is_mostly_a_name() -> None:
    # «حفل الافتتاح» after «المدرب» (a rule's slip) against «هاشم الدباغ»: the words' use in the corpus decides
    slip = _mention("حفل الافتتاح", "PER", "rule:title(المدرب)")
    person = _mention("هاشم الدباغ", "PER", "rule:title(الوزير)")
    bare = _mention("هاشم الدباغ", "PER", "rule:given-name")
    words = ["حفل"] * 30 + ["الافتتاح"] * 10 + ["هاشم", "الدباغ"] * 3
    learner = _learner([("d1", [slip, person], words), ("d2", [slip, person, bare], [])])
    assert learner.name_share("هاشم") == 1.0 and learner.name_share("حفل") == pytest.approx(2 / 30)
    assert [r["form"] for r in learned_records(learner)] == ["هاشم الدباغ"]


def test_short_or_verb_shaped_one_word_names_are_not_learned() -> None:
    club = _mention("نادي هجر", "ORG", "rule:head(نادي)")  # «هجر» is also a verb and a noun
    verb = _mention("مدينة يخسرها", "LOC", "rule:head(مدينة)")
    town = _mention("محافظة الزلفي", "LOC", "rule:head(محافظة)")
    learner = _learner([(d, [club, verb, town], []) for d in ("d1", "d2")])
    assert [r["form"] for r in learned_records(learner)] == ["الزلفي"]


def test_known_entities_single_word_people_and_ordinals_are_not_learned() -> None:
    linked = _mention("عادل الجبير", "PER", "rule:title(الوزير)", eid="Adel al-Jubeir")
    abdullah = _mention("عبد الله", "PER", "rule:title(الملك)")
    known_form = _mention("محافظة جدة", "LOC", "rule:head(محافظة)")
    ordinal = _mention("ولاية خامسة", "LOC", "rule:head(ولاية)")  # a fifth term, not a state
    cut = _mention("مدينة سان", "LOC", "rule:head(مدينة)")  # «سان فرانسيسكو» cut short
    rows = [(d, [linked, abdullah, known_form, ordinal, cut], ["جدة"]) for d in ("d1", "d2", "d3")]
    learner = _learner(rows)
    assert learned_records(learner) == []


def test_the_file_is_a_gazetteer_the_loader_reads() -> None:
    rows = [
        {"id": "هاشم الدباغ", "type": "PER", "form": "هاشم الدباغ"},
        {"id": "بلقرن", "type": "LOC", "form": "بلقرن"},
    ]
    text = learned_tsv(rows, corpus="beat.jsonl", articles=4)
    assert text.splitlines()[1] == "# Learned from 4 articles of beat.jsonl:"
    assert text.endswith("@learned\n# id\ttype\tform\nهاشم الدباغ\tPER\tهاشم الدباغ\nبلقرن\tLOC\tبلقرن\n")
    parsed = parse_gazetteer(text, "names.tsv")
    assert parsed.learned and [(e.id, e.learned) for e in parsed.entries] == [("هاشم الدباغ", True), ("بلقرن", True)]


def test_learned_names_only_where_the_gazetteer_and_rules_found_nothing(tmp_path: Path) -> None:
    names = tmp_path / "names.tsv"
    rows = [{"id": "هجر", "type": "ORG", "form": "هجر"}, {"id": "هاشم", "type": "LOC", "form": "هاشم"}]
    names.write_text(learned_tsv(rows), "utf-8")
    plain = tmp_path / "plain.tsv"  # the same lines without @learned: matched first, as any gazetteer
    plain.write_text(learned_tsv(rows).replace("@learned\n", ""), "utf-8")
    text = "فاز نادي هجر على ضيفه، وصرح الوزير هاشم الدباغ بأن هجر جاهز لجامعة هجر."
    article = Article(id="a", text=text, path="a")

    def found(files: list[Path]) -> list[tuple[str, str, str]]:
        return [(m.text, m.type, m.found_by) for m in find_mentions(article, load_gazetteer(files))]

    # the rules' whole names stay; the learned name only where nothing was found, not after a head («لجامعة هجر»)
    assert found([names]) == [
        ("نادي هجر", "ORG", "rule:head(نادي)"),
        ("هاشم الدباغ", "PER", "rule:title(الوزير)"),
        ("هجر", "ORG", "gazetteer:names.tsv"),
    ]
    assert found([plain])[:2] == [("هجر", "ORG", "gazetteer:plain.tsv"), ("هاشم", "LOC", "gazetteer:plain.tsv")]


def test_cli_learns_then_finds_the_names_bare(
    capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path
) -> None:
    names = tmp_path / "names.tsv"
    code, rows, err = run(capsys, "entities", "--corpus", handmade, "--learn", str(names), "--json", "--jobs", "1")
    assert code == 0, err
    assert [(r["form"], r["type"], r["articles"], r["evidence"], r["share"]) for r in rows] == [
        ("بلقرن", "LOC", 2, 2, 0.667),
        ("الترجي", "ORG", 2, 2, 0.667),
        ("هاشم الدباغ", "PER", 2, 2, 1.0),
    ]
    assert [ln for ln in names.read_text("utf-8").splitlines() if not ln.startswith("#")] == [
        "@learned",
        "بلقرن\tLOC\tبلقرن",
        "الترجي\tORG\tالترجي",
        "هاشم الدباغ\tPER\tهاشم الدباغ",
    ]
    # without the learned names d4 has no mention; with them, all three bare names
    code, before, _ = run(capsys, "entities", "--corpus", handmade, "--mentions", "--doc", "d4", "--json")
    assert code == 1 and not before  # exit status 1: nothing found
    code, after, _ = run(
        capsys, "entities", "--corpus", handmade, "--gazetteer", str(names), "--mentions", "--doc", "d4", "--json"
    )
    text = ROWS[3]["text"]
    assert [(m["text"], m["type"], m["found_by"]) for m in after] == [
        ("هاشم الدباغ", "PER", "gazetteer:names.tsv"),
        ("بلقرن", "LOC", "gazetteer:names.tsv"),
        ("الترجي", "ORG", "gazetteer:names.tsv"),
    ]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in after)


def test_cli_learn_refuses_other_modes(capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path) -> None:
    code, _, err = run(capsys, "entities", "--corpus", handmade, "--learn", str(tmp_path / "n.tsv"), "--mentions")
    assert code == 2
    assert "--learn writes a gazetteer file" in err
    assert not (tmp_path / "n.tsv").exists()


def test_cli_learn_reports_an_unwritable_file(
    capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "entities", "--corpus", handmade, "--learn", str(tmp_path / "no" / "n.tsv"), "--json")
    assert code != 0
    assert "cannot write" in err and "Traceback" not in err


def test_counter_of_words_is_what_share_divides_by() -> None:
    learner = _learner([("d1", [], ["بلقرن"]), ("d2", [], ["بلقرن"])])
    assert learner.words == Counter({"بلقرن": 2}) and learner.articles == 2


def test_cli_learns_the_same_from_an_index(capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path) -> None:
    names, from_index, index = tmp_path / "names.tsv", tmp_path / "names-ix.tsv", tmp_path / "beat.kzi"
    code, scanned, err = run(capsys, "entities", "--corpus", handmade, "--learn", str(names), "--json", "--jobs", "1")
    assert code == 0, err
    code, _, err = run(capsys, "index", "build", "--corpus", handmade, "--index", str(index))
    assert code == 0, err
    code, stored, err = run(capsys, "entities", "--index", str(index), "--learn", str(from_index), "--json")
    assert code == 0, err
    assert stored == scanned and len(stored) == 3
    assert from_index.read_text("utf-8").splitlines()[2:] == names.read_text("utf-8").splitlines()[2:]


def test_a_stale_names_file_never_takes_a_form_from_the_lists(tmp_path: Path) -> None:
    # learned before the lists knew «روسيا»: the package entry keeps it, the rest of the file loads
    names = tmp_path / "names.tsv"
    rows = [{"id": "روسيا", "type": "LOC", "form": "روسيا"}, {"id": "بلقرن", "type": "LOC", "form": "بلقرن"}]
    names.write_text(learned_tsv(rows), "utf-8")
    gz = load_gazetteer([names])
    assert gz.form_index["روسيا"] == "Russia" and gz.form_index["بلقرن"] == "بلقرن"
    assert gz.get("روسيا") is None


def test_cli_learn_exit_status_follows_the_file_not_the_rows_shown(
    capsys: pytest.CaptureFixture[str], handmade: str, tmp_path: Path
) -> None:
    names = tmp_path / "names.tsv"
    code, rows, err = run(capsys, "entities", "--corpus", handmade, "--learn", str(names), "--limit", "0", "--json")
    assert code == 0, err
    assert rows == [] and "هاشم الدباغ" in names.read_text("utf-8")
    code, rows, _ = run(capsys, "entities", "--corpus", handmade, "--doc", "d4", "--learn", str(names), "--json")
    assert code == 1 and rows == []  # nothing to learn from d4 alone: an empty file
    assert [ln for ln in names.read_text("utf-8").splitlines() if not ln.startswith("#")] == ["@learned"]
