"""Slicing articles: dates (metadata, else inferred), sources, metadata conditions, parts."""

from __future__ import annotations

import pickle

import pytest

from kzcorpus.corpus import Article, Corpus
from kzcorpus.errors import UsageError
from kzcorpus.slicing import Condition, Slice, article_date
from tests.conftest import DATA

HANDMADE = str(DATA / "analyst" / "handmade.jsonl")


@pytest.fixture(scope="module")
def handmade() -> list[Article]:
    return list(Corpus([HANDMADE]))


def kept(sl: Slice, articles: list[Article]) -> list[str]:
    return [a.id for a in articles if sl.keep(a)]


def test_date_range_uses_published_and_counts_undated(handmade: list[Article]) -> None:
    sl = Slice.build("2015-07", "2015-07")
    assert kept(sl, handmade) == ["a", "b"]
    assert (sl.undated, sl.excluded) == (1, 2)
    assert sl.note() is not None and sl.note().startswith("1 article left out")  # type: ignore[union-attr]
    assert kept(Slice.build("2015-07-15"), handmade) == ["b", "c"]
    assert kept(Slice.build(None, "2015-07-14"), handmade) == ["a"]


def test_without_a_range_undated_articles_stay(handmade: list[Article]) -> None:
    sl = Slice.build(sources=["ALPHA", "gamma"])
    assert kept(sl, handmade) == ["a", "c", "d"]
    assert sl.undated == 0 and sl.note() is None


def test_inferred_date_when_no_metadata() -> None:
    a = Article("x", "نشر في 12 مارس 2016 خبر عن الحوار بين الطرفين.", "<t>")
    assert article_date(a) == ("2016-03-12", "inferred")
    assert Slice.build("2016-03", "2016-03").keep(a)
    b = Article("y", "خبر بلا تاريخ.", "<t>", meta={"published": "2016-04"})
    assert article_date(b) == ("2016-04", "metadata")
    # a month-level date overlaps a range at its own precision
    assert Slice.build("2016-04-15", "2016-05").keep(b)


def test_where_exact_and_regex(handmade: list[Article]) -> None:
    assert kept(Slice.build(where=["section=economy"]), handmade) == ["b", "d"]
    assert kept(Slice.build(where=["section~^pol", "source=alpha"]), handmade) == ["a", "c"]
    assert kept(Slice.build(where=["id~[cd]"]), handmade) == ["c", "d"]
    assert kept(Slice.build(where=["nosuchfield=x"]), handmade) == []
    assert Condition.parse(" url ~ ^http") == Condition("url", "^http", True)
    with pytest.raises(UsageError):
        Condition.parse("no operator")
    with pytest.raises(UsageError):
        Condition.parse("title~(")


def test_parts_and_bad_values() -> None:
    sl = Slice.build(parts=["Body", "title"])
    assert sl.keep_record({"part": "body"}) and not sl.keep_record({"part": "comment"})
    assert Slice().keep_record({"part": "residue"})
    for bad in ({"parts": ["footer"]}, {"date_from": "July"}, {"date_from": "2016", "date_to": "2015"}):
        with pytest.raises(UsageError):
            Slice.build(**bad)  # type: ignore[arg-type]


def test_slice_pickles_with_its_conditions() -> None:
    sl = Slice.build("2015", None, ["a"], ["x~y"], ["body"])
    back = pickle.loads(pickle.dumps(sl))
    assert back == sl and back.metadata_ok(Article("i", "t", "p", meta={"source": "A", "x": "zyz"}))
