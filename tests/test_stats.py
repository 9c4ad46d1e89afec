"""Statistics: exact figures on a handmade fixture and on seeds counted independently."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest

from kzcorpus.arabic import fold
from kzcorpus.corpus import Article
from kzcorpus.entities import load_gazetteer
from kzcorpus.errors import UsageError
from kzcorpus.stats import (
    STATS_FIELDS,
    article_detail,
    article_stats,
    clitic_base,
    corpus_stats,
    g2,
    hapax,
    is_stopword,
    load_stopwords,
    log_ratio,
    mattr,
    mean_word_length,
    ttr,
    word_frequencies,
)

DATA = Path(__file__).resolve().parent / "data" / "stats"

# tests/data/stats/handmade.txt, line by line:
#   1 fbpx                                   residue (tracking-pixel)
#   3 مدينة الحرب                            title
#   5 [ad_1]                                 residue (shortcode)
#   7 قال الرئيس إن الحرب انتهت. والحرب لم تبدأ في المدينة!   body
#   8 وصل 3 وزراء إلى Paris، وقال الرئيس: الحرب انتهت.        body
#  10 اقرأ أيضا:                             residue (related-posts)
#  11 عنوان آخر                              residue (in the related block)
#  13 2 تعليقات                              residue (comments-heading)
#  14 معلومات                                residue (comment-info)
#  15 1. +3                                  residue (comment-vote)
#  16 15 يوليو 2022 10:29                    residue (timestamp)
#  17 تعليق جميل جدا                         comment
LINE7 = "قال الرئيس إن الحرب انتهت. والحرب لم تبدأ في المدينة!"
LINE8 = "وصل 3 وزراء إلى Paris، وقال الرئيس: الحرب انتهت."


@pytest.fixture(scope="module")
def handmade() -> Article:
    text = (DATA / "handmade.txt").read_text(encoding="utf-8")
    return Article(id="handmade", text=text, path=str(DATA / "handmade.txt"))


def test_handmade_body(handmade: Article) -> None:
    row = article_stats(handmade)
    assert list(row) == list(STATS_FIELDS)
    # Body = lines 7 and 8.  Tokens, by hand:
    #   7: قال الرئيس إن الحرب انتهت | والحرب لم تبدأ في المدينة        10
    #   8: وصل 3 وزراء إلى Paris وقال الرئيس الحرب انتهت                  9
    # 19 tokens: 17 Arabic, 1 Latin (Paris), 1 number (3).
    # Repeated folded types: الرييس ×2, الحرب ×2, انتهت ×2 («والحرب» is its own
    # type), so 19 - 3 = 16 types, 16 - 3 = 13 hapax; TTR 16/19.
    # Sentences: «… انتهت.» «والحرب … المدينة!» on line 7, one on line 8 (the
    # comma and colon do not end a sentence): 3; 19/3 = 6.33 words each.
    # Folded lengths: 3+6+2+5+5+6+2+4+2+7 (line 7) + 3+1+5+3+5+4+6+5+5 (line 8)
    # = 42 + 37 = 79 characters, 79/19 = 4.16.
    assert {k: row[k] for k in STATS_FIELDS} == {
        "doc": "handmade",
        "title": "مدينة الحرب",
        "title_from": "text",
        "title_in_text": "مدينة الحرب",
        "published": None,
        "published_from": None,
        "source": None,
        "scope": "body",
        "characters": len(LINE7) + len(LINE8),
        "words": 19,
        "words_arabic": 17,
        "words_latin": 1,
        "words_number": 1,
        "words_other": 0,
        "distinct_words": 16,
        "ttr": round(16 / 19, 4),
        "mattr": round(16 / 19, 4),  # shorter than the 50-token window: its TTR
        "mattr_window": 50,
        "hapax": 13,
        "sentences": 3,
        "mean_sentence_words": 6.33,
        "mean_word_length": 4.16,
        "entity_mentions": None,
        "entities_distinct": None,
        "date_expressions": None,
        "lines_title": 1,
        "lines_body": 2,
        "lines_comment": 1,
        "lines_residue": 8,
        "chars_title": 11,  # مدينة الحرب
        "chars_body": 101,  # 53 + 48
        "chars_comment": 14,  # تعليق جميل جدا
        "chars_residue": 69,  # 4 + 6 + 10 + 9 + 9 + 7 + 5 + 19
        "residue_share": round(69 / (11 + 101 + 14 + 69), 4),
        "articles": 1,
    }
    assert len(LINE7) + len(LINE8) == 101


def test_handmade_all(handmade: Article) -> None:
    row = article_stats(handmade, scope="all")
    # Every line: the 19 body tokens, plus fbpx (1), مدينة الحرب (2), [ad_1]
    # → ad, 1 (2), اقرأ أيضا (2), عنوان آخر (2), 2 تعليقات (2), معلومات (1),
    # 1. +3 → 1, 3 (2), 15 يوليو 2022 10:29 → 15, يوليو, 2022, 10, 29 (5),
    # تعليق جميل جدا (3): 41 tokens.
    assert row["words"] == 41
    assert (row["words_arabic"], row["words_latin"], row["words_number"]) == (29, 3, 9)
    assert row["characters"] == 11 + 101 + 14 + 69
    # One sentence per short line (11 lines), two on «1. +3», three in the body.
    assert row["sentences"] == 14
    assert row["residue_share"] == article_stats(handmade)["residue_share"]  # a property of the file


def test_handmade_word_list(handmade: Article) -> None:
    rows = word_frequencies([handmade])
    # Stopwords dropped: قال, إن, لم, في, إلى, وقال (و + قال).  «والحرب» counts
    # with «الحرب» (which occurs); «الرئيس» stays whole («رئيس» does not occur).
    assert [(r["word"], r["count"], r["forms"]) for r in rows] == [
        ("الحرب", 3, ["الحرب (2)", "والحرب (1)"]),
        ("الرئيس", 2, ["الرئيس (2)"]),
        ("انتهت", 2, ["انتهت (2)"]),
        ("3", 1, ["3 (1)"]),
        ("Paris", 1, ["Paris (1)"]),
        ("المدينة", 1, ["المدينة (1)"]),
        ("تبدأ", 1, ["تبدأ (1)"]),
        ("وزراء", 1, ["وزراء (1)"]),
        ("وصل", 1, ["وصل (1)"]),
    ]
    assert rows[0]["per_10k"] == round(3 * 10000 / 19, 2)
    assert [r["rank"] for r in rows] == list(range(1, 10))
    everything = word_frequencies([handmade], stopwords=False, group_clitics=False)
    assert sum(r["count"] for r in everything) == 19


def test_handmade_bigrams(handmade: Article) -> None:
    rows = word_frequencies([handmade], ngram=2)
    # Bigrams inside sentences, dropping those that start or end with a stopword:
    # «الحرب انتهت» twice (line 7 and 8), then «3 وزراء», «الرئيس الحرب», «وصل 3».
    # «انتهت. والحرب» crosses a sentence end and is never counted.
    assert [(r["word"], r["count"]) for r in rows] == [
        ("الحرب انتهت", 2),
        ("3 وزراء", 1),
        ("الرئيس الحرب", 1),
        ("وصل 3", 1),
    ]
    # Without the stopword filter: 4 + 4 bigrams on line 7, 8 on line 8.
    assert sum(r["count"] for r in word_frequencies([handmade], ngram=2, stopwords=False)) == 16
    with pytest.raises(UsageError):
        word_frequencies([handmade], ngram=0)


# --------------------------------------------------------------------------
# Measures


def test_mattr_by_hand() -> None:
    words = ["a", "b", "a", "c", "a"]
    # Windows of 3: {a,b}=2/3, {b,a,c}=3/3, {a,c}=2/3 → mean 7/9.
    assert mattr(words, window=3) == pytest.approx(7 / 9)
    assert mattr(words, window=5) == ttr(words) == pytest.approx(3 / 5)
    assert mattr(words, window=50) == pytest.approx(3 / 5)
    assert mattr([], window=3) is None
    with pytest.raises(UsageError):
        mattr(words, window=0)
    # Same as the plain definition on a longer text.
    text = ("أ ب ت ث ج ح خ أ ب د ذ ر " * 20).split()
    plain = sum(len(set(text[i : i + 7])) / 7 for i in range(len(text) - 6)) / (len(text) - 6)
    assert mattr(text, window=7) == pytest.approx(plain)


def test_small_measures() -> None:
    words = ["a", "b", "a", "cc"]
    assert ttr(words) == 0.75
    assert hapax(words) == 2
    assert mean_word_length(words) == 1.25
    assert ttr([]) is None and mean_word_length([]) is None


def test_g2_and_log_ratio_by_hand() -> None:
    # a=10 in c=100, b=0 in d=100: E1 = 100*10/200 = 5, G2 = 2*10*ln(10/5).
    assert g2(10, 0, 100, 100) == pytest.approx(20 * math.log(2))
    # Log ratio with b=0 taken as 0.5: log2((10/100)/(0.5/100)) = log2(20).
    assert log_ratio(10, 0, 100, 100) == pytest.approx(math.log2(20))
    assert g2(5, 5, 100, 100) == pytest.approx(0.0)
    assert log_ratio(4, 2, 100, 200) == pytest.approx(2.0)
    from kzcorpus.keywords import _ranked

    rows = _ranked(Counter({"x": 10, "y": 1, "z": 2}), Counter({"x": 0, "z": 40}), 100, 100, "over", 2, 3.84)
    assert rows == [("over", "x", round(20 * math.log(2), 2))]  # y is too rare, z is under-used


# --------------------------------------------------------------------------
# Stopwords and clitics


def test_clitic_forms_are_the_inverse_of_clitic_base(seeds: list[Article]) -> None:
    from kzcorpus.doc import Doc
    from kzcorpus.stats.words import Grouper, clitic_forms

    vocab: Counter[str] = Counter()
    for a in seeds:
        d = Doc(a)
        vocab.update(d.part_words("body"))
    group = Grouper(vocab)
    forms: dict[str, list[str]] = {}
    for w in sorted(vocab):
        forms.setdefault(group(w), []).append(w)
    assert all(clitic_forms(b, vocab, group) == ws for b, ws in forms.items())
    assert clitic_forms("روسيا", vocab) == ["روسيا", "لروسيا", "وروسيا"]  # not «بيلاروسيا»
    assert clitic_forms("بيلاروسيا", vocab) == ["بيلاروسيا", "وبيلاروسيا"]
    assert clitic_forms("كلمةغيرموجودة", vocab) == []


def test_stopwords_are_folded_like_the_text() -> None:
    sw = load_stopwords()
    assert len(sw) >= 300
    assert all(w == fold(w) for w in sw)
    # «إلى» in the list matches «الى» and «إلى» in text once both are folded.
    for word in ("إلى", "الى", "إلي", "على", "علي", "هذه", "التي", "الذي", "أن", "إن", "قال", "كانت"):
        assert is_stopword(fold(word)), word
    # With the conjunction: «وإلى», «فإن», «وقد».
    for word in ("وإلى", "والى", "فإن", "وقد", "ولكن"):
        assert is_stopword(fold(word)), word
    for word in ("كازاخستان", "روسيا", "النفط", "الحرب"):
        assert not is_stopword(fold(word)), word


def test_own_stopword_file(tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("# my list\nإلى  # folded like the text\nروسيا\n\n", encoding="utf-8")
    sw = load_stopwords(str(own))
    assert sw == {fold("إلى"), "روسيا"}
    assert is_stopword(fold("والى"), sw) and not is_stopword(fold("في"), sw)
    assert load_stopwords() != sw


def test_clitic_base_only_when_the_base_is_a_word() -> None:
    assert clitic_base("بوتين", {"بوتين"}) == "بوتين"  # never «وتين»
    assert clitic_base("بوتين", {"بوتين", "وتين"}) == "وتين"  # only if «وتين» occurs
    assert clitic_base("والحرب", {"والحرب", "الحرب", "حرب"}) == "حرب"
    assert clitic_base("والحرب", {"والحرب", "الحرب"}) == "الحرب"
    assert clitic_base("للحرب", {"للحرب", "الحرب"}) == "الحرب"  # ل + ال written لل
    assert clitic_base("لروسيا", {"روسيا"}) == "روسيا"
    assert clitic_base("الله", {"له"}) == "الله"  # a base has at least 3 letters
    # With counts, the base must be at least a tenth as common as the form.
    assert clitic_base("كانت", {"كانت": 1413, "انت": 89}) == "كانت"
    assert clitic_base("وكانت", {"وكانت": 441, "كانت": 1413, "انت": 89}) == "كانت"
    assert clitic_base("وقال", {"وقال": 1293, "قال": 775}) == "قال"
    assert clitic_base("فيصل", {"فيصل": 1, "يصل": 100}) == "فيصل"  # listed as never split


# --------------------------------------------------------------------------
# Seeds, counted independently of the implementation

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_WORD = re.compile(r"[^\W_]+")


def _plain_fold(word: str) -> str:
    word = _MARKS.sub("", word)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي")):
        word = word.replace(a, b)
    return word.lower()


def _independent(lines: list[str]) -> dict[str, int]:
    """Counts by plain regular expressions over the given lines."""
    words = [w for line in lines for w in _WORD.findall(_MARKS.sub("", line))]
    folded = Counter(_plain_fold(w) for w in words)
    return {
        "characters": sum(len(line.strip()) for line in lines),
        "words": len(words),
        "words_arabic": sum(1 for w in words if "\u0600" <= w[0] <= "\u06ff"),
        "words_latin": sum(1 for w in words if w[0].isascii() and w[0].isalpha()),
        "words_number": sum(1 for w in words if w[0].isdigit()),
        "distinct_words": len(folded),
        "hapax": sum(1 for n in folded.values() if n == 1),
    }


def _seed(seed_by_id: dict[str, Article], prefix: str) -> Article:
    return next(a for k, a in seed_by_id.items() if k.startswith(prefix))


def test_seed_004_counted_independently(seed_by_id: dict[str, Article]) -> None:
    a = _seed(seed_by_id, "004")
    lines = [line for line in a.text.split("\n") if line.strip()]  # 004 is all body
    expected = _independent(lines)
    assert expected == {
        "characters": 6474,
        "words": 1054,
        "words_arabic": 1044,
        "words_latin": 2,
        "words_number": 8,
        "distinct_words": 651,
        "hapax": 518,
    }
    row = article_stats(a)
    assert {k: row[k] for k in expected} == expected
    assert row["title"] is None and row["title_from"] is None
    assert row["published"] == "2022-01-07" and row["published_from"] == "metadata"


def test_seed_001_body_counted_independently(seed_by_id: dict[str, Article]) -> None:
    a = _seed(seed_by_id, "001")
    # Not body (read by eye): 1 fbpx, 3 the title, 5 WhatsApp prompt, 7 the
    # stand-first repeated in line 72, 9-10 «الأكثر قراءة» + shortcode, 80-88
    # the «إقرأوا أيضاً» block (No posts, byline, related post and excerpt).
    not_body = {1, 3, 5, 7, 9, 10, 80, 82, 84, 86, 88}
    lines = [line for n, line in enumerate(a.text.split("\n"), 1) if n not in not_body and line.strip()]
    assert len(lines) == 34
    expected = _independent(lines)
    assert expected == {
        "characters": 11323,
        "words": 1860,
        "words_arabic": 1844,
        "words_latin": 2,
        "words_number": 14,
        "distinct_words": 1080,
        "hapax": 848,
    }
    row = article_stats(a)
    assert {k: row[k] for k in expected} == expected
    assert row["title"] == row["title_in_text"] == a.title
    assert row["title_from"] == "metadata"
    assert (row["lines_title"], row["lines_body"], row["lines_comment"], row["lines_residue"]) == (1, 34, 0, 10)


# --------------------------------------------------------------------------
# Corpus rows, detail, callables


def test_corpus_rows_and_total(seeds: list[Article]) -> None:
    rows = corpus_stats(seeds)
    assert [r["doc"][:3] for r in rows] == ["000", "001", "002", "003", "004", "TOT"]
    total = rows[-1]
    assert total["doc"] == "TOTAL" and total["articles"] == 5
    for key in ("characters", "words", "words_arabic", "words_latin", "words_number", "sentences", "lines_residue"):
        assert total[key] == sum(r[key] for r in rows[:-1]), key
    assert (
        max(r["distinct_words"] for r in rows[:-1])
        < total["distinct_words"]
        < sum(r["distinct_words"] for r in rows[:-1])
    )
    assert total["ttr"] == round(total["distinct_words"] / total["words"], 4)
    assert total["mean_sentence_words"] == round(total["words"] / total["sentences"], 2)
    assert all(0 < r["mattr"] <= 1 for r in rows)
    assert [r["residue_share"] > 0 for r in rows[:-1]] == [False, True, True, True, False]


def test_entities_and_dates_are_wired(seeds: list[Article]) -> None:
    from kzcorpus.dates import article_date, find_dates
    from kzcorpus.entities import find_mentions, load_gazetteer

    gz = load_gazetteer()
    rows = corpus_stats(seeds[:2], gazetteer=gz, dates=True)
    expected = []
    for a in seeds[:2]:
        found = find_mentions(a, gz)
        expected.append((len(found), len({m.id for m in found}), len(find_dates(a, anchor=article_date(a)))))
    assert [(r["entity_mentions"], r["entities_distinct"], r["date_expressions"]) for r in rows] == [
        *expected,
        (expected[0][0] + expected[1][0], None, expected[0][2] + expected[1][2]),  # distinct entities do not add up
    ]
    assert all(r["entity_mentions"] and r["date_expressions"] for r in rows)
    plain = corpus_stats(seeds[:2])
    assert [(r["entity_mentions"], r["entities_distinct"], r["date_expressions"]) for r in plain] == [(None,) * 3] * 3
    # No date in the metadata: the one the dates analysis infers from the text.
    bare = Article(id="x", text="نص قصير جدا.\n\n3 فبراير 2001 10:29", path="x")
    assert article_date(bare).source == "inferred"
    row = article_stats(bare, dates=True)
    assert (row["published"], row["published_from"]) == (article_date(bare).value, "inferred")
    assert article_stats(bare)["published_from"] is None


def test_unknown_scope() -> None:
    with pytest.raises(UsageError):
        article_stats(Article(id="x", text="نص", path="x"), scope="everything")  # type: ignore[arg-type]


def test_article_detail(seeds: list[Article]) -> None:
    a = next(s for s in seeds if s.id.startswith("001"))
    d = article_detail(a, seeds, top=10, keyness_top=10)
    assert d["stats"] == article_stats(a)
    assert d["keyness"]["reference_articles"] == 4
    assert d["keyness"]["target_tokens"] == 1860
    assert d["keyness"]["reference_tokens"] == sum(article_stats(s)["words"] for s in seeds if s.id != a.id)
    words = [r["word"] for r in d["top_words"]]
    assert words[:3] == ["كازاخستان", "توكاييف", "روسيا"]
    assert not any(is_stopword(fold(w)) for w in words)
    top = d["top_words"][0]
    # «كازاخستان» with its clitic forms: 23 + 4 (و) + 2 (ل).
    assert (top["count"], top["forms"]) == (29, ["كازاخستان (23)", "وكازاخستان (4)", "لكازاخستان (2)"])
    keys = d["keywords"]
    assert keys and [r["rank"] for r in keys] == list(range(1, len(keys) + 1))
    assert all(r["g2"] >= 3.84 and r["log_ratio"] > 0 and r["count"] >= 2 for r in keys)
    assert keys == sorted(keys, key=lambda r: -r["g2"])
    assert [p["part"] for p in d["parts"]].count("residue") == 10
    assert d["parts"][1]["text"] == a.title
    assert d["top_entities"] is None and d["dated_events"] is None
    d2 = article_detail(a, seeds, top=3, gazetteer=load_gazetteer(), dates=True)
    assert [list(e) for e in d2["top_entities"]] == [["id", "name", "type", "mentions"]] * 3
    assert d2["dated_events"] and all(
        list(e) == ["value", "kind", "text", "start", "sentence"] for e in d2["dated_events"]
    )


def test_words_from_per_article_results_equal_the_serial_count(seeds: list[Article]) -> None:
    # What `words --jobs N` does: every article's tally computed apart (on
    # any core), then added up in corpus order; the list must not change,
    # ties, spellings and article counts included.
    from kzcorpus.doc import Doc
    from kzcorpus.stats.words import WordsTask

    for scope in ("body", "all"):
        serial = word_frequencies(seeds, scope=scope, stopwords=False)
        task = WordsTask(scope)
        assert word_frequencies([], scope=scope, stopwords=False, results=[task(Doc(a)) for a in seeds]) == serial
    assert len(serial) > 500


def test_words_jobs_do_not_matter(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import kzcorpus.engine
    from kzcorpus.cli import main

    def words(*args: str) -> list[dict[str, object]]:
        with pytest.raises(SystemExit):
            main(["words", "--json", *args])
        rows = json.loads(capsys.readouterr().out)
        assert isinstance(rows, list)
        return rows

    serial = words("--jobs", "1", "--limit", "300")
    monkeypatch.setattr(kzcorpus.engine, "POOL_AFTER_CHARS", 0)
    monkeypatch.setattr(kzcorpus.engine, "CHUNK_ARTICLES", 1)
    assert words("--jobs", "2", "--limit", "300") == serial
    assert len(serial) == 300
