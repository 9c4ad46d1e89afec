"""Word lists as data: no duplicates, no undeclared overlaps, proclitics built once."""

from __future__ import annotations

from kzcorpus import lexicon


def test_lists_have_no_duplicates_or_undeclared_overlaps() -> None:
    assert lexicon.problems() == []


def test_every_list_loads_and_is_folded() -> None:
    for name in lexicon.names():
        assert lexicon.entries(name), name
        assert "" not in lexicon.folded(name), f"{name}: an entry folds to nothing"


def test_proclitics() -> None:
    assert lexicon.conjunctions() == ("و", "ف")
    assert lexicon.prepositions() == ("ب", "ك", "ل")
    plain = lexicon.proclitics()
    assert set(plain) == {"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"}
    assert plain[-1] == ""
    with_article = set(lexicon.proclitics(article=True))
    assert {"ال", "وال", "بال", "لل", "ولل", "فبال"} <= with_article
    assert "لال" not in with_article and "ولال" not in with_article
    assert set(lexicon.proclitics(conjunction=False)) == {"", "ب", "ك", "ل"}
