"""KWIC on the seeds: exact hits, matching modes, context, sorting."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kzcorpus.arabic import fold
from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError
from kzcorpus.kwic import Matcher, concordance, count, kwic, sort_hits


def hits(articles: list[Article], query: str, **kw: object) -> list[tuple[str, int, int, str, str]]:
    return [(h.doc[:3], h.start, h.end, h.keyword, h.match) for h in kwic(articles, query, **kw)]  # type: ignore[arg-type]


def test_tokayev_49_hits_two_with_lam(seeds: list[Article]) -> None:
    found = list(kwic(seeds, "توكاييف"))
    assert len(found) == 49
    assert Counter(h.keyword for h in found) == {"توكاييف": 47, "لتوكاييف": 2}
    assert [(h.doc[:3], h.start, h.end, h.match) for h in found if h.keyword == "لتوكاييف"] == [
        ("001", 4320, 4328, "ل + توكاييف"),
        ("001", 9244, 9252, "ل + توكاييف"),
    ]
    by_doc = Counter(h.doc[:3] for h in found)
    assert by_doc == {"000": 9, "001": 25, "002": 5, "003": 6, "004": 4}


def test_every_hit_is_the_original_surface(seeds: list[Article]) -> None:
    texts = {a.id: a.text for a in seeds}
    for q in ("توكاييف", "روسيا", "نور سلطان", "العقوبات", "lpr"):
        for h in kwic(seeds, q):
            assert texts[h.doc][h.start : h.end] == h.keyword


def test_russia_with_clitics_but_never_the_adjective(seeds: list[Article]) -> None:
    found = list(kwic(seeds, "روسيا"))
    forms = Counter(h.keyword for h in found)
    assert forms == {"روسيا": 43, "لروسيا": 6, "وروسيا": 1}
    assert not any("الروسي" in h.keyword for h in found)
    assert ("002", 1202, 1208, "وروسيا", "و + روسيا") in hits(seeds, "روسيا")


def test_phrase_nur_sultan(seeds: list[Article]) -> None:
    assert hits(seeds, "نور سلطان") == [
        ("000", 2059, 2069, "ونور سلطان", "و + نور سلطان"),
        ("000", 3317, 3326, "نور سلطان", "نور سلطان"),
        ("000", 4283, 4292, "نور سلطان", "نور سلطان"),
        ("000", 4596, 4605, "نور سلطان", "نور سلطان"),
        ("001", 6588, 6597, "نور سلطان", "نور سلطان"),
        ("002", 14, 23, "نور سلطان", "نور سلطان"),
        ("004", 348, 357, "نور سلطان", "نور سلطان"),
        ("004", 5832, 5841, "نور سلطان", "نور سلطان"),
    ]


def test_latin_is_case_insensitive(seeds: list[Article]) -> None:
    assert hits(seeds, "SPIEF") == [("000", 587, 592, "SPIEF", "SPIEF"), ("000", 5307, 5312, "SPIEF", "SPIEF")]
    assert hits(seeds, "lpr") == [
        ("000", 712, 715, "LPR", "LPR"),
        ("000", 2864, 2867, "LPR", "LPR"),
        ("000", 3383, 3386, "LPR", "LPR"),
    ]


def test_query_article_is_optional_both_ways(seeds: list[Article]) -> None:
    sanctions = Counter(h.keyword for h in kwic(seeds, "العقوبات"))
    assert sanctions == {"العقوبات": 9, "للعقوبات": 3, "والعقوبات": 1, "بالعقوبات": 1, "لعقوبات": 1}
    org = Counter(h.keyword for h in kwic(seeds, "منظمة"))
    assert org == {"منظمة": 8, "المنظمة": 4, "لمنظمة": 1}


def article(text: str) -> Article:
    return Article(id="t", text=text, path="t.txt")


def test_clitic_matching_is_driven_by_the_query() -> None:
    a = article("قال بوتين وبوتين لبوتين. زار لندن وللكرملين والكرملين؛ عقوبات وبعقوبات. الروسية روسيا")
    assert [h.keyword for h in kwic([a], "بوتين")] == ["بوتين", "وبوتين", "لبوتين"]
    # The token's letters are never stripped blindly: «بوتين» for «بوتين»,
    # but a query of «وتين» legitimately reads «بوتين» as ب + وتين.
    assert [h.match for h in kwic([a], "بوتين")] == ["بوتين", "و + بوتين", "ل + بوتين"]
    assert [h.keyword for h in kwic([a], "لندن")] == ["لندن"]
    kremlin = [(h.keyword, h.match) for h in kwic([a], "الكرملين")]
    assert kremlin == [("وللكرملين", "و + لل + كرملين"), ("والكرملين", "و + ال + كرملين")]
    assert [(h.keyword, h.match) for h in kwic([a], "العقوبات")] == [
        ("عقوبات", "عقوبات (without ال)"),
        ("وبعقوبات", "و + ب + عقوبات (without ال)"),
    ]


def test_folding_finds_spelling_variants() -> None:
    a = article("قالَ تُوكاييفُ إن «كازاخـستان» الى جانب إلى ٢٠٢٢")
    assert [h.keyword for h in kwic([a], "توكاييف")] == ["تُوكاييفُ"]
    assert [h.keyword for h in kwic([a], "كازاخستان")] == ["كازاخـستان"]
    assert [h.keyword for h in kwic([a], "إلى")] == ["الى", "إلى"]
    assert [h.keyword for h in kwic([a], "2022")] == ["٢٠٢٢"]


def test_match_modes() -> None:
    a = article("إلى الى لروسيا روسيا Putin putin")
    assert [h.keyword for h in kwic([a], "إلى", match="exact")] == ["إلى"]
    assert [h.keyword for h in kwic([a], "الى", match="normalized")] == ["إلى", "الى"]
    assert [h.keyword for h in kwic([a], "روسيا", match="normalized")] == ["روسيا"]
    assert [h.keyword for h in kwic([a], "Putin", match="exact")] == ["Putin"]
    assert [(h.keyword, h.match) for h in kwic([a], r"[Pp]ut\w+", match="regex")] == [
        ("Putin", "regex"),
        ("putin", "regex"),
    ]


@pytest.mark.parametrize(
    ("query", "mode", "message"),
    [
        ("", "clitic", "empty"),
        ("   ", "exact", "empty"),
        ("\u064e\u064f", "clitic", "no letters or digits"),
        ("(", "regex", "invalid regular expression"),
        ("x", "fuzzy", "unknown match mode"),
    ],
)
def test_bad_queries(query: str, mode: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        Matcher(query, mode)  # type: ignore[arg-type]


def test_context_is_counted_in_words() -> None:
    a = article("واحد اثنان ثلاثة، أربعة «خمسة» ستة سبعة ثمانية تسعة")
    (h,) = kwic([a], "خمسة", width=2)
    assert (h.before, h.keyword, h.after) == ("ثلاثة، أربعة «", "خمسة", "» ستة سبعة")
    (h,) = kwic([a], "واحد", width=3)
    assert (h.before, h.after, h.line) == ("", "اثنان ثلاثة، أربعة", 1)
    (h,) = kwic([a], "تسعة", width=0)
    assert (h.before, h.after) == ("", "")
    with pytest.raises(UsageError):
        list(concordance(Doc(a), [], width=-1))


def test_context_never_carries_control_characters() -> None:
    a = article("أ\x1b[2J ب\u202e ج\nد هدف هـ\tو")
    (h,) = kwic([a], "هدف")
    assert h.before == "أ[2J ب ج د" and h.after == "هـ و" and h.line == 2


def test_sorting(seeds: list[Article]) -> None:
    found = list(kwic(seeds, "روسيا"))
    by_after = list(sort_hits(found, "after1"))
    firsts = [fold(h.words_after[0]) if h.words_after else "" for h in by_after]
    assert firsts == sorted(firsts)
    by_article = list(sort_hits(found, "article"))
    assert [(h.doc, h.start) for h in by_article] == sorted((h.doc, h.start) for h in found)
    assert list(sort_hits(found, "position")) == found
    by_before2 = list(sort_hits(found, "before2"))
    seconds = [fold(h.words_before[1]) if len(h.words_before) > 1 else "" for h in by_before2]
    assert seconds == sorted(seconds)


def test_count(seeds: list[Article]) -> None:
    assert [(r["doc"][:3], r["hits"]) for r in count(seeds, "توكاييف")] == [
        ("000", 9),
        ("001", 25),
        ("002", 5),
        ("003", 6),
        ("004", 4),
    ]


def test_record_schema(seeds: list[Article]) -> None:
    rec = next(iter(kwic(seeds, "توكاييف"))).record()
    assert list(rec) == ["doc", "ref", "start", "end", "line", "before", "keyword", "after", "match", "part", "copies"]
    assert rec == {
        "doc": "000_7b53a6053af83644",
        "ref": "000_7b53a6053af83644:139-146",
        "start": 139,
        "end": 146,
        "line": 1,
        "before": "الجميع ، بين قوسين. أدلى قاسم جومارت",
        "keyword": "توكاييف",
        "after": '، الذي "جلس" بصفته المتبرع له ، الرئيس',
        "match": "توكاييف",
        "part": "body",
        "copies": None,
    }


@pytest.mark.parametrize("width", [0, 1, 6, 40])
@pytest.mark.parametrize(("query", "mode"), [("روسيا", "clitic"), ("وكايي", "regex"), (r"\d+", "regex")])
def test_windowed_context_equals_whole_article_tokens(seeds: list[Article], query: str, mode: str, width: int) -> None:
    from kzcorpus.arabic import tokenize

    for a in seeds:
        toks = list(tokenize(a.text))
        for h in kwic([a], query, match=mode, width=width):  # type: ignore[arg-type]
            before = [t for t in toks if t.end <= h.start][-width:] if width else []
            after = [t for t in toks if t.start >= h.end][:width]
            assert h.words_before == [t.surface for t in reversed(before)]
            assert h.words_after == [t.surface for t in after]


def test_hits_say_which_part_of_the_page_they_are_in(seed_by_id: dict[str, Article]) -> None:
    a = seed_by_id["001_2a176dd2cbfe933f"]
    parts = {(h.line, h.part) for h in kwic([a], "درج")}
    assert (5, "residue") in parts  # «لتلقّي أبرز قصص درج على واتساب»
    (title_hit,) = [h for h in kwic([a], "رافضاً")]
    assert (title_hit.line, title_hit.part) == (3, "title")
    comments = {h.part for h in kwic([seed_by_id["002_54b42a50ae65c283"]], "2022")}
    assert "comment" in comments or "residue" in comments


# --------------------------------------------------------------------------
# Prefilter: never rejects an article the matcher finds a hit in

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LETTERS = "ابتيونلسكم"
_VARIANTS = "أإآٱىئیکـًٌَُِّْ\u200cﻻﻷﺏﺑ\u0660\u0661 "
_QUERY_WORDS = ["بوتين", "الكتاب", "لا", "ابن", "سلام", "Kelvin", "كتب", "\u0661\u0660"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=_LETTERS + _VARIANTS + "Kk\u212aelvinبوتين", min_size=0, max_size=60),
    query=st.sampled_from(_QUERY_WORDS),
    mode=st.sampled_from(["clitic", "normalized", "exact"]),
)
def test_prefilter_never_rejects_an_article_with_hits(text: str, query: str, mode: str) -> None:
    m = Matcher(query, mode)  # type: ignore[arg-type]
    if any(True for _ in m.find(Doc.of(text))):
        assert m.may_match(text), (text, query, mode)


def test_prefilter_rejects_articles_without_the_word() -> None:
    m = Matcher("بوتين")
    assert not m.may_match("قال ترامب إن الاتفاق سيوقع")
    assert m.may_match("قال بُوتـين") and m.may_match("لبوتين") and m.may_match("ﺑوتين")
    assert Matcher("regex.*", "regex").may_match("anything")


def test_a_word_of_its_own_is_not_read_as_clitics() -> None:
    text = "منذ أمد بعيد احتفل الناس بالعيد، وفي عيد الفطر زاروا الأقارب. والعيد قريب."
    doc = Doc.of(text)
    default = [(text[h.start : h.end], h.match) for h in Matcher("عيد").find(doc)]
    assert [t for t, _ in default] == ["بالعيد", "عيد", "والعيد"]  # «بعيد» (far) is left out
    # A definite noun after it makes the clitic reading clear: «بعيد الفطر» = ب + عيد الفطر.
    eid = "احتفلوا بعيد الفطر مع أسرهم"
    assert [h.match for h in Matcher("عيد").find(Doc.of(eid))] == ["ب + عيد"]
    every = [(text[h.start : h.end], h.match) for h in Matcher("عيد", lookalikes=True).find(doc)]
    assert every[0] == ("بعيد", "ب + عيد (also a word of its own: بعيد)")
    assert [t for t, _ in every[1:]] == ["بالعيد", "عيد", "والعيد"]


def test_clitic_all_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from kzcorpus.cli import main

    (tmp_path / "a.txt").write_text("منذ أمد بعيد احتفل الناس بالعيد", encoding="utf-8")
    for match, n in (("clitic", 1), ("clitic-all", 2)):
        with pytest.raises(SystemExit):
            main(["kwic", "عيد", "--match", match, "--json", "--corpus", str(tmp_path)])
        assert len(json.loads(capsys.readouterr().out)) == n
