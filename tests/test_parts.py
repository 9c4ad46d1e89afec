"""Article text versus page residue: titles, residue, comments, offsets."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzcorpus.arabic import LineIndex, fold
from kzcorpus.corpus import Article
from kzcorpus.doc import Doc
from kzcorpus.parts import (
    classify,
    continues_sentence,
    count_parts,
    looks_like_title,
    title_of,
)


def seed(seed_by_id: dict[str, Article], prefix: str) -> Article:
    return next(a for k, a in seed_by_id.items() if k.startswith(prefix))


def line(article: Article, n: int) -> str:
    return article.text.split("\n")[n - 1].strip()


def by_line(article: Article) -> dict[int, tuple[str, str]]:
    return {p.line: (p.part, p.reason) for p in classify(article)}


# --------------------------------------------------------------------------
# Titles of the five seeds, from the text alone


def test_titles_of_the_seeds(seed_by_id: dict[str, Article]) -> None:
    s001 = seed(seed_by_id, "001")
    s002 = seed(seed_by_id, "002")
    s003 = seed(seed_by_id, "003")
    # 001: line 1 is «fbpx», so the title is the second non-blank line.
    assert title_of(s001) == line(s001, 3) == "توكاييف رافضاً حرب بوتين على أوكرانيا… كازاخستان تتمرد على حليفها الروسي"
    assert title_of(s002) == line(s002, 1) == "فخ كازاخستان: نور سلطان بين روسيا والغرب الجماعي"
    assert title_of(s003) == line(s003, 1) == line(s003, 3)
    assert title_of(s003) == "وبينما تبدو منطقة ما بعد الاتحاد السوفييتي في مكان آخر، فإن موسكو تراقب عن كثب"
    # 000 and 004 open with a paragraph: no title, and no sentence of the body passed off as one.
    assert title_of(seed(seed_by_id, "000")) is None
    assert title_of(seed(seed_by_id, "004")) is None


def test_titles_never_come_from_metadata(seed_by_id: dict[str, Article]) -> None:
    for article in seed_by_id.values():
        stripped = Article(article.id, article.text, article.path)  # no title, no metadata
        assert title_of(stripped) == title_of(article) == title_of(article.text)


def test_titles_agree_with_metadata_where_it_has_one(seed_by_id: dict[str, Article]) -> None:
    for prefix in ("001", "002", "003"):
        a = seed(seed_by_id, prefix)
        assert a.title and title_of(a.text) == a.title.strip()


# --------------------------------------------------------------------------
# Classes per seed


EXPECTED_COUNTS = {
    "000": {"title": 0, "body": 21, "comment": 0, "residue": 0},
    "001": {"title": 1, "body": 34, "comment": 0, "residue": 10},
    "002": {"title": 1, "body": 6, "comment": 4, "residue": 12},
    "003": {"title": 1, "body": 8, "comment": 0, "residue": 5},
    "004": {"title": 0, "body": 18, "comment": 0, "residue": 0},
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_COUNTS))
def test_lines_per_class(seed_by_id: dict[str, Article], prefix: str) -> None:
    a = seed(seed_by_id, prefix)
    parts = classify(a)
    assert {k: v["lines"] for k, v in count_parts(parts).items()} == EXPECTED_COUNTS[prefix]
    # Every non-blank line has exactly one part, and the offsets are the trimmed line.
    nonblank = [n for n, text in enumerate(a.text.split("\n"), 1) if text.strip()]
    assert [p.line for p in parts] == nonblank
    lines = LineIndex(a.text)
    for p in parts:
        assert a.text[p.start : p.end] == line(a, p.line)
        assert lines.line(p.start) == p.line  # the same numbering as KWIC


def test_residue_of_001(seed_by_id: dict[str, Article]) -> None:
    a = seed(seed_by_id, "001")
    got = {n: reason for n, (part, reason) in by_line(a).items() if part == "residue"}
    assert got == {
        1: "tracking-pixel",  # fbpx
        5: "call-to-action",  # لتلقّي أبرز قصص درج على واتساب إضغط(ي) هنا!
        7: "repeat of line 72",  # the stand-first, printed again as the start of line 72
        9: "most-read",  # الأكثر قراءة
        10: "most-read: shortcode",  # [tptn_list …]
        80: "related-posts",  # إقرأوا أيضاً:
        82: "related-posts: empty-widget",  # No posts
        84: "related-posts: card byline",  # سامر المحمود- صحفي سوري | 23.04.2024
        86: "related-posts: card title",
        88: "related-posts: card excerpt",
    }
    assert line(a, 1) == "fbpx"
    assert line(a, 9) == "الأكثر قراءة"
    assert line(a, 80) == "إقرأوا أيضاً:"
    assert line(a, 84).endswith("23.04.2024")
    # Sub-headings are body, not residue.
    assert by_line(a)[24] == ("body", "text")  # قوة في مواجهة الغرب


def test_residue_and_comments_of_002(seed_by_id: dict[str, Article]) -> None:
    a = seed(seed_by_id, "002")
    got = by_line(a)
    assert got[1] == ("title", "first-line-heading")
    assert got[3] == ("residue", "lone-number")  # «4»: the comment counter under the title
    assert got[17] == ("residue", "comments-heading")  # 4 تعليقات
    assert got[18] == ("residue", "comment-info")  # معلومات
    assert got[19] == ("residue", "comment-login")  # … يجب عليك دخول.
    assert [n for n, v in got.items() if v == ("residue", "comment-vote")] == [20, 23, 26, 29]
    assert [n for n, v in got.items() if v == ("residue", "timestamp")] == [21, 24, 27, 30]
    assert [n for n, v in got.items() if v[0] == "comment"] == [22, 25, 28, 31]
    assert [n for n, v in got.items() if v[0] == "body"] == [5, 7, 11, 13, 15, 16]
    assert line(a, 22).startswith("دع توكاييف")


def test_residue_of_003(seed_by_id: dict[str, Article]) -> None:
    a = seed(seed_by_id, "003")
    got = {n: v for n, v in by_line(a).items() if v[0] != "body"}
    assert got == {
        1: ("title", "first-line-heading"),
        3: ("residue", "title-repeat"),
        5: ("residue", "shortcode"),  # [ad_1]
        23: ("residue", "paywall"),  # لديك 85% من هذه المقالة لقراءتها…
        25: ("residue", "shortcode"),  # [ad_2]
        27: ("residue", "source-label"),  # المصدر
    }


def test_000_and_004_are_all_body(seed_by_id: dict[str, Article]) -> None:
    for prefix in ("000", "004"):
        assert {p.part for p in classify(seed(seed_by_id, prefix))} == {"body"}


# --------------------------------------------------------------------------
# part_at


def test_part_at_reports_where_a_hit_is(seed_by_id: dict[str, Article]) -> None:
    a = seed(seed_by_id, "002")
    doc = Doc(a)
    where: Counter[str] = Counter()
    for m in re.finditer("توكاييف", a.text):
        where[doc.part_at(m.start())] += 1
    # The exact spelling is on lines 7 and 15 (body) and 22, 25, 31 (comments).
    assert [n for n, text in enumerate(a.text.split("\n"), 1) if "توكاييف" in text] == [7, 15, 22, 25, 31]
    assert where == {"body": 2, "comment": 3}
    title_hit = seed(seed_by_id, "001").text.index("توكاييف")
    assert Doc(seed(seed_by_id, "001")).part_at(title_hit) == "title"


def test_doc_parts_equal_classify(seed_by_id: dict[str, Article]) -> None:
    for a in seed_by_id.values():
        assert Doc(a).parts == classify(a)


def test_part_at_edges() -> None:
    text = "\n\nعنوان قصير هنا\n\nفقرة طويلة بما يكفي لتكون نصا من متن المقالة وفيها كلمات كثيرة.\n\n"
    doc = Doc.of(text)
    parts = doc.parts
    assert [p.part for p in parts] == ["title", "body"]
    assert doc.part_at(0) == "title"  # before the first line: the first part
    assert doc.part_at(parts[0].end) == "title"  # the line break after it
    assert doc.part_at(parts[1].start) == "body"
    assert doc.part_at(len(text)) == "body"
    assert Doc.of("").part_at(5) == "body"
    assert doc.spans("title") == [(parts[0].start, parts[0].end)]
    assert doc.spans("all") == [(p.start, p.end) for p in parts]


# --------------------------------------------------------------------------
# The rules on small texts (patterns are general, not seed offsets)

BODY = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني خلال السنوات الخمس المقبلة في كل المناطق."
BODY2 = "وقال وزير المالية إن التمويل سيأتي من الميزانية العامة ومن قروض ميسرة تقدمها المصارف المحلية للشركات."


def parts_of(text: str) -> list[tuple[str, str]]:
    return [(p.part, p.reason) for p in classify(text)]


def test_no_title_when_the_text_starts_with_a_sentence() -> None:
    assert title_of(BODY + "\n" + BODY2) is None
    # A short first line that ends a sentence, or opens a list, is not a title.
    assert title_of("انتهى الاجتماع.\n" + BODY) is None
    assert title_of("* البيت الأبيض يعلن\n" + BODY) is None
    assert title_of("1. البيت الأبيض يعلن\n" + BODY) is None
    # A first line continued by the next one («وأضاف …») is a sentence of the body.
    assert (
        title_of("قال الوزير إن الخطة جاهزة للتنفيذ\nوأضاف أن التمويل متوفر من الميزانية العامة للدولة هذا العام")
        is None
    )
    # No body after it: nothing to be the title of.
    assert title_of("عنوان بلا متن") is None
    assert title_of("") is None
    assert classify("") == []


def test_title_after_residue_and_repeated() -> None:
    text = "fbpx\n\nالحكومة تعلن خطة اقتصادية\nالحكومة تعلن خطة اقتصادية\n" + BODY
    assert parts_of(text) == [
        ("residue", "tracking-pixel"),
        ("title", "first-line-heading"),
        ("residue", "title-repeat"),
        ("body", "text"),
    ]
    assert title_of(text) == "الحكومة تعلن خطة اقتصادية"


def test_byline_is_residue_not_title() -> None:
    text = "الرياضي ـ جدة\n" + BODY
    assert parts_of(text) == [("residue", "byline-place"), ("body", "text")]
    assert title_of(text) is None
    assert parts_of("النصر يتعاقد مع لاعب جديد\nعبدالكريم الحمد - الرياض\n" + BODY) == [
        ("title", "first-line-heading"),
        ("residue", "byline-place"),
        ("body", "text"),
    ]


@pytest.mark.parametrize(
    ("residue", "reason"),
    [
        ("fbpx", "tracking-pixel"),
        ("[ad_1]", "shortcode"),
        ("[/caption]", "shortcode"),
        ('[tptn_list show_date="1" limit="5"]', "shortcode"),
        ("لتلقي أبرز القصص على واتساب اضغط هنا!", "call-to-action"),
        ("تابعونا على تويتر", "call-to-action"),
        ("لديك 60% من هذه المقالة لقراءتها. والباقي للمشتركين فقط.", "paywall"),
        ("المصدر", "source-label"),
        ("المصدر: وكالات", "source-label"),
        ("...المزيد", "read-more"),
        ("* خدمة «نيويورك تايمز»", "syndication"),
        ("someone@example.com", "email-or-url"),
        ("https://example.com/a?b=1", "email-or-url"),
        ("***", "separator"),
        ("12", "lone-number"),
        ("23.04.2024", "timestamp"),
        ("للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (84)", "contact"),
    ],
)
def test_residue_patterns(residue: str, reason: str) -> None:
    assert parts_of(BODY + "\n" + residue + "\n" + BODY2) == [
        ("body", "text"),
        ("residue", reason),
        ("body", "text"),
    ]


def test_patterns_are_folded_like_the_text() -> None:
    # Hamza, alef forms, teh marbuta and diacritics do not matter.
    assert parts_of(BODY + "\nالأكثر قراءة\n" + BODY2)[1] == ("residue", "most-read")
    assert parts_of(BODY + "\nالاكثر قراءه\n" + BODY2)[1] == ("residue", "most-read")
    assert parts_of(BODY + "\nإقْرَأْ أَيْضاً:\n" + BODY2)[1] == ("residue", "related-posts")


def test_related_block_ends_at_the_next_paragraph() -> None:
    text = BODY + "\nاقرأ أيضا:\nعنوان مقال آخر قصير\n" + BODY2
    assert parts_of(text) == [
        ("body", "text"),
        ("residue", "related-posts"),
        ("residue", "related-posts"),
        ("body", "text"),
    ]


def test_comment_section_needs_a_body_before_it_and_furniture_after() -> None:
    # «تعليقات» as the first line is not a comment section heading.
    assert parts_of("تعليقات\n" + BODY)[-1] == ("body", "text")
    # Nor is a sub-heading «التعليقات» followed by more article text.
    assert parts_of(BODY + "\nالتعليقات\n" + BODY2) == [("body", "text")] * 3
    text = BODY + "\n3 تعليقات\nتعليق أول من قارئ\n12 يوليو 2022 10:29\nرد"
    assert parts_of(text) == [
        ("body", "text"),
        ("residue", "comments-heading"),
        ("comment", "comment-section"),
        ("residue", "timestamp"),
        ("residue", "comment-reply"),
    ]


def test_repeated_paragraph_counts_once() -> None:
    # A stand-first printed again inside a longer paragraph, and a paragraph
    # printed twice: the shorter, or the later, copy is residue.
    lead = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني"
    text = lead + ".\n" + BODY + "\n" + BODY2 + "\n" + BODY2
    assert parts_of(text) == [
        ("residue", "repeat of line 2"),
        ("body", "text"),
        ("body", "text"),
        ("residue", "repeat of line 3"),
    ]
    # Short repeated lines (sub-headings, phrases) stay.
    assert parts_of(BODY + "\nالخلاصة\n" + BODY2 + "\nالخلاصة") == [("body", "text")] * 4


def test_repeat_found_whatever_the_punctuation_and_spelling() -> None:
    # The copy inside the longer line has other punctuation, spacing and
    # hamza spelling: the normal forms still contain each other, so the
    # cheap word probes must not rule the pair out.  With one word more
    # («قالت») the line is not a repeat.
    lead = "قالت الحكومة ، اليوم عن خطة جديدة: لدعم الاقتصاد الوطني في الأعوام المقبلة"
    longer = (
        "وأكدت مصادر أن «الحكومة»  اليوم عن خطة  جديدة لدعم الاقتصاد الوطني في الاعوام المقبلة، وذلك بعد اجتماع طويل."
    )
    assert parts_of(BODY + "\n" + "قالت " + lead.split(" ", 1)[1] + "\n" + longer) == [
        ("body", "text"),
        ("body", "text"),
        ("body", "text"),
    ]
    text = BODY + "\n" + lead.replace("قالت ", "") + "\n" + longer
    assert parts_of(text)[1] == ("residue", "repeat of line 3")


@given(
    st.lists(
        st.sampled_from(["خطة", "الاقتصاد", "في", "،", "«دعم»", "2015", "x_y", "الوطني", "(", "جديدة"]),
        min_size=8,
        max_size=30,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
@settings(max_examples=300, deadline=None)
def test_inner_words_are_in_any_line_holding_the_line(words: list[str], cut: int, pad: int) -> None:
    # Whatever the line, a line whose normal form holds its normal form
    # holds each probe word as folded: the probes never rule out a repeat.
    from kzcorpus.parts import _inner_words, _norm

    line = " ".join(words)
    other = "كلام قبل " * pad + line[cut % 3 :] + " وكلام بعد"
    if _norm(line) in _norm(other):
        assert all(w in other for w in _inner_words(line))
    assert all(w in line and w.isalnum() and len(w) >= 4 for w in _inner_words(line))


def test_parts_carry_their_word_counts() -> None:
    text = "fbpx\nعنوان المقال هنا\n" + BODY + "\n" + BODY2
    doc = Doc(Article("t", text, "t.txt"))
    for p in doc.parts:
        assert p.words == len(re.findall(r"[^\W_]+", text[p.start : p.end]))

    def by_hand(spans: list[tuple[int, int]]) -> int:
        return sum(len(re.findall(r"[^\W_]+", text[s:e])) for s, e in spans)

    assert doc.part_tokens("body") == by_hand(doc.spans("body")) == 16 + 16
    assert doc.part_tokens("all") == by_hand(doc.spans("all"))
    assert doc.part_tokens(["title", "residue"]) == 4
    assert doc.part_words("body") == [fold(w) for w in re.findall(r"[^\W_]+", BODY + " " + BODY2)]


def test_crlf_offsets() -> None:
    text = "fbpx\r\n\r\nعنوان المقال هنا\r\n" + BODY + "\r\n"
    parts = classify(text)
    assert [p.part for p in parts] == ["residue", "title", "body"]
    for p in parts:
        assert text[p.start : p.end] == text[p.start : p.end].strip()
        assert "\r" not in text[p.start : p.end]


def test_count_parts_characters_and_words() -> None:
    text = "fbpx\nعنوان المقال هنا\n" + BODY
    counts = count_parts(classify(text), text)
    assert counts["residue"] == {"lines": 1, "chars": 4, "words": 1}
    assert counts["title"] == {"lines": 1, "chars": len("عنوان المقال هنا"), "words": 3}
    assert counts["body"] == {"lines": 1, "chars": len(BODY), "words": len(BODY.split())}
    assert counts["comment"] == {"lines": 0, "chars": 0, "words": 0}


def test_heading_helpers() -> None:
    assert looks_like_title("فخ كازاخستان: نور سلطان بين روسيا والغرب الجماعي")
    assert looks_like_title("هل تنجح الخطة؟")
    assert not looks_like_title("كلمة")  # one word
    assert not looks_like_title("قال الوزير كلاما كثيرا..")
    assert not looks_like_title("جملة أولى. وجملة ثانية")
    assert not looks_like_title(" ".join(["كلمة"] * 21))
    assert continues_sentence("وأضاف الوزير أن …")
    assert continues_sentence("كما أشار إلى …")
    assert not continues_sentence("وزير الخارجية يصل إلى الرياض")
