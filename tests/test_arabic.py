"""The Arabic text layer: folding, offsets, tokens, sentences."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kzcorpus.arabic import (
    FoldMap,
    FoldOptions,
    LineIndex,
    clean_for_display,
    fold,
    script_of,
    sentences,
    tokenize,
)

# Text drawn from the characters that matter: Arabic letters and marks,
# presentation forms, digits, invisible characters, spaces, Latin.
ARABICISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(
            list("\u200c\u200d\u200e\u200f\u202b\u202e\u2067\u2069\u00a0\u00ad\ufeff \n\t.،؟İSPIEFlpr0123")
        ),
    ),
    max_size=60,
)


def test_fold_each_step() -> None:
    assert fold("العَرَبِيَّةُ") == "العربيه"  # diacritics, teh marbuta
    assert fold("كازاخـــستان") == "كازاخستان"  # tatweel
    assert fold("أإآٱ") == "اااا"
    assert fold("على") == "علي"
    assert fold("مؤتمر رئيس") == "موتمر رييس"
    assert fold("کی") == "كي"  # Persian keheh, Farsi yeh
    assert fold("٢٠٢٢ ۱۹") == "2022 19"
    assert fold("\ufefb") == "لا"  # lam-alef ligature, NFKC
    assert fold("كازا\u200cخستان\u200f") == "كازاخستان"
    assert fold("نور\u00a0سلطان") == "نور سلطان"
    assert fold("SPIEF İstanbul") == "spief istanbul"


def test_fold_steps_switch_off() -> None:
    assert fold("أحمد", FoldOptions(alef=False)) == "أحمد"
    assert fold("مدرسة", FoldOptions(teh_marbuta=False)) == "مدرسة"
    assert fold("Putin", FoldOptions(case=False)) == "Putin"
    assert fold("عَرَب", FoldOptions(diacritics=False)) == "عَرَب"
    everything_off = FoldOptions(**{f: False for f in FoldOptions._fields})
    assert fold("أَحمد\u200c ٢", everything_off) == "أَحمد\u200c ٢"


@given(ARABICISH)
@settings(max_examples=300)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(ARABICISH)
@settings(max_examples=300)
def test_fold_map_matches_fold_and_spans_round_trip(text: str) -> None:
    fm = FoldMap(text)
    assert fm.folded == fold(text)
    assert len(fm.start) == len(fm.end) == len(fm.folded)
    for i in range(len(fm.folded)):
        a, b = fm.span(i, i + 1)
        assert 0 <= a < b <= len(text)
        # The original piece folds to a string containing the folded char.
        assert fm.folded[i] in fold(text[a:b])


def test_fold_map_attaches_marks_to_their_letter() -> None:
    text = "قالَ توكاييفُ،"
    fm = FoldMap(text)
    i = fm.folded.index("توكاييف")
    a, b = fm.span(i, i + len("توكاييف"))
    assert text[a:b] == "توكاييفُ"


def test_fold_map_expands_ligature() -> None:
    text = "\ufefb\u0628"  # lam-alef ligature + beh
    fm = FoldMap(text)
    assert fm.folded == "لاب"
    assert fm.span(0, 2) == (0, 1)
    assert fm.span(1, 3) == (0, 2)


@given(ARABICISH)
@settings(max_examples=300)
def test_tokens_are_original_surfaces(text: str) -> None:
    last = -1
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.surface
        assert tok.start >= last
        last = tok.end


def test_tokenize_splits_markup_and_keeps_marks() -> None:
    toks = [t.surface for t in tokenize("[ad_1] وَالرئيسُ SPIEF-2022 «بوتين»")]
    assert toks == ["ad", "1", "وَالرئيسُ", "SPIEF", "2022", "بوتين"]


def test_script_of() -> None:
    assert [script_of(w) for w in ("روسيا", "LPR", "2022", "٢٠٢٢", "Москва")] == [
        "arabic",
        "latin",
        "number",
        "number",
        "other",
    ]


def test_sentences_do_not_end_at_arabic_comma_or_decimal() -> None:
    text = "قال الرئيس، إن النمو 6.2 بالمئة. هل هذا صحيح؟\n\nنعم"
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans == ["قال الرئيس، إن النمو 6.2 بالمئة.", "هل هذا صحيح؟", "نعم"]


def test_line_index() -> None:
    ix = LineIndex("a\nb\n\nc")
    assert [ix.line(o) for o in (0, 1, 2, 4, 5)] == [1, 1, 2, 3, 4]


def test_clean_for_display_removes_escapes_and_overrides() -> None:
    assert clean_for_display("a\x1b[31mb\u202ec\n\n d") == "a[31mbc d"


def test_no_unicode_character_lowercases_longer_after_fold_table() -> None:
    # fold() relies on str.lower() keeping the length once U+0130 is mapped.
    longer = [chr(c) for c in range(0x110000) if len(chr(c).lower()) != 1 and not unicodedata.category(chr(c)) == "Cs"]
    assert longer == ["\u0130"]


def _reference_map(text: str) -> tuple[list[int], list[int]]:
    """The map by brute force: one step per original character."""
    from kzcorpus.arabic import DEFAULT_FOLD, DIACRITICS_AR, TATWEEL, _table

    table = _table(DEFAULT_FOLD)
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        rep = table.get(ord(ch), ch)
        if rep is None:
            if ends and ends[-1] == i and (ch == TATWEEL or ch in DIACRITICS_AR):
                j = len(ends) - 1
                while j >= 0 and ends[j] == i:
                    ends[j] = i + 1
                    j -= 1
            continue
        starts.extend([i] * len(rep))
        ends.extend([i + 1] * len(rep))
    return starts, ends


@given(ARABICISH)
@settings(max_examples=400)
def test_fold_map_equals_brute_force(text: str) -> None:
    fm = FoldMap(text)
    assert (list(fm.start), list(fm.end)) == _reference_map(text)


@given(ARABICISH)
@settings(max_examples=400)
def test_fold_equals_the_translation_table(text: str) -> None:
    from kzcorpus.arabic import DEFAULT_FOLD, _table

    assert fold(text) == text.translate(_table(DEFAULT_FOLD)).lower()
