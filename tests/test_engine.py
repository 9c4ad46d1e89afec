"""The parallel scan: same results, same order, whatever the number of workers."""

from __future__ import annotations

import pytest

from kzcorpus import engine
from kzcorpus.corpus import Article, Corpus
from kzcorpus.kwic import Concordance, HitCount, Matcher


@pytest.fixture
def small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    # Start the pool at once and send tiny chunks, so that two workers and
    # several chunks in flight are really exercised on five articles.
    monkeypatch.setattr(engine, "POOL_AFTER_CHARS", 0)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 1)


def many() -> list[Article]:
    seeds = list(Corpus())
    return [Article(f"{a.id}-{i}", a.text, a.path) for i in range(4) for a in seeds]


@pytest.mark.usefixtures("small_pool")
def test_pooled_scan_equals_serial_scan() -> None:
    task = Concordance(Matcher("روسيا"), 4)
    serial = [(a.id, [h.record() for h in hits]) for a, hits in engine.scan(many(), task, jobs=1)]
    pooled = [(a.id, [h.record() for h in hits]) for a, hits in engine.scan(many(), task, jobs=2)]
    assert serial == pooled
    assert len(serial) == 20 and sum(len(h) for _, h in serial) == 4 * 50


@pytest.mark.usefixtures("small_pool")
def test_keep_skips_articles_and_progress_sees_every_one() -> None:
    seen: list[str] = []
    task = HitCount(Matcher("توكاييف"))
    out = list(engine.scan(many(), task, jobs=2, keep=task.may_match, progress=lambda a: seen.append(a.id)))
    assert len(seen) == 20
    assert all(n > 0 for _, n in out)
    assert sum(n for _, n in out) == 4 * 49


def test_small_corpus_never_starts_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("pool started")

    monkeypatch.setattr(engine, "_pooled", boom)
    assert len(list(engine.scan(Corpus(), HitCount(Matcher("روسيا")), jobs=2))) == 5


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(engine.scan([], HitCount(Matcher("x")), jobs=0))


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize(
    "args",
    [
        ["kwic", "روسيا", "--sort", "after1"],
        ["kwic", "العقوبات", "--count"],
        ["dates"],
        ["timeline"],
        ["entities"],
        ["entities", "--mentions"],
        ["stats"],
    ],
)
def test_cli_output_does_not_depend_on_jobs(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    from kzcorpus.cli import main

    outs = []
    for jobs in ("1", "2"):
        with pytest.raises(SystemExit) as exc:
            main([*args, "--json", "--jobs", jobs])
        assert exc.value.code == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] and len(outs[0]) > 100
