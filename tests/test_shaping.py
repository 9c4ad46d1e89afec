"""Contextual shaping, checked against arabic-reshaper (a test-only oracle)."""

from __future__ import annotations

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from kzcorpus.shaping import marks_after_base, shape

ORACLE = ArabicReshaper(configuration={"delete_harakat": False, "ARABIC LIGATURE ALLAH": False})
LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + list("پچژگکی \u0640.،0123ab")
MARKS = list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


@given(st.text(alphabet=st.sampled_from(LETTERS), max_size=30))
@settings(max_examples=500)
def test_shape_agrees_with_arabic_reshaper(text: str) -> None:
    assert shape(text) == ORACLE.reshape(text)


ARABIC_ONLY = [chr(c) for c in range(0x0621, 0x064B)] + [" "]


@given(st.lists(st.tuples(st.sampled_from(ARABIC_ONLY), st.sampled_from(["", *MARKS])), max_size=20))
@settings(max_examples=300)
def test_marks_follow_their_letter_after_reordering(pairs: list[tuple[str, str]]) -> None:
    # In right-to-left text, reordering reverses the clusters (a letter and
    # its marks) but each mark must still follow its own letter.
    text = "".join(letter + (mark if letter != " " else "") for letter, mark in pairs)
    clusters: list[str] = []
    for ch in shape(text):
        if ch in MARKS and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    shown = marks_after_base(get_display(shape(text), base_dir="R"))
    assert shown == "".join(reversed(clusters))


def test_known_words() -> None:
    assert shape("توكاييف") == "\ufe97\ufeee\ufedb\ufe8e\ufef3\ufef4\ufed2"
    assert shape("لا") == "\ufefb"
    assert shape("سلام") == "\ufeb3\ufefc\ufee1"
