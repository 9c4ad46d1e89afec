"""Each outlet's boilerplate, learned from a corpus: what becomes residue, what must not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzcorpus import boilerplate as bp
from kzcorpus import engine
from kzcorpus.cli import main
from kzcorpus.corpus import Article, Corpus
from kzcorpus.doc import Doc
from kzcorpus.parts import Part

CITIES = (
    "الرياض جدة مكة المدينة الدمام الخبر الطائف تبوك أبها حائل بريدة نجران جازان ينبع القطيف الجبيل الأحساء عرعر"
    " سكاكا الباحة القنفذة رابغ العلا الخرج"
).split()
WIRE = (
    "ترتفع أسعار النفط بعد قرار خفض الإنتاج\n"
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد أن قررت الدول المنتجة خفض الإنتاج لشهرين.\n"
    "وقال محللون إن الأسعار قد تواصل الصعود إذا استمر الطلب القوي في آسيا."
)
TAIL = "رابط الخبر بموقع المثال"


def outlet_text(i: int, city: str) -> str:
    """An article of the fake outlet «المثال»: a footer line with a varying number and URL, and a link tail."""
    title = f"بلدية {city} تطلق خطة الحدائق"
    return (
        f"{title}\n"
        f"أعلنت بلدية {city} اليوم عن خطة لتطوير الحدائق والطرق في الأحياء القديمة خلال الأشهر المقبلة.\n"
        f"نشرة المثال اليومية رقم {i + 3} على http://mithal.example/news/{1000 + i}\n"
        f"وقال المتحدث إن العمل يبدأ في {city} بعد العيد. {TAIL}: {title}"
    )


def records(n_outlet: int = len(CITIES)) -> list[dict[str, str]]:
    """The outlet's stories; the same wire story in 24 other outlets, and 22 times in «المثال» itself."""
    out = [
        {"id": f"mithal-{i}", "source": "mithal", "text": outlet_text(i, c)} for i, c in enumerate(CITIES[:n_outlet])
    ]
    out += [{"id": f"wire-{i}", "source": f"wire{i}", "text": WIRE} for i in range(24)]
    out += [{"id": f"mithal-wire-{i}", "source": "mithal", "text": WIRE} for i in range(22)]
    return out


def articles(n_outlet: int = len(CITIES)) -> list[Article]:
    return [Article(r["id"], r["text"], "<test>", meta={"source": r["source"]}) for r in records(n_outlet)]


def test_the_outlet_footer_and_tail_are_learned_and_nothing_else() -> None:
    model = bp.learn(articles())
    assert dict(model.outlets) == {
        "mithal": bp.Outlet(
            lines=frozenset({"نشرة المثال اليومية رقم 0 على l"}), tails=frozenset({"رابط الخبر بموقع المثال"})
        )
    }
    assert bp.Boilerplate.from_json(model.to_json()) == model


def test_a_line_in_fewer_stories_than_the_minimum_is_not_boilerplate() -> None:
    assert bp.MIN_STORIES == 20
    assert not bp.learn(articles(n_outlet=19))
    assert bp.learn(articles(n_outlet=20)).outlet("mithal").lines


def test_parts_of_an_outlet_article() -> None:
    model = bp.learn(articles())
    text = outlet_text(0, "الرياض")
    doc = Doc(Article("mithal-0", text, "<test>", meta={"source": "mithal"}), model)
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    tail = text.index(TAIL)
    assert doc.parts == [
        Part(1, starts[0], starts[0] + len(lines[0]), "title", "first-line-heading"),
        Part(2, starts[1], starts[1] + len(lines[1]), "body", "text"),
        Part(3, starts[2], starts[2] + len(lines[2]), "residue", "boilerplate"),
        Part(4, starts[3], tail - 1, "body", "text"),
        Part(4, tail, len(text), "residue", "boilerplate tail"),
    ]
    assert text[tail - 1] == " " and text[tail:].startswith(TAIL)
    assert doc.part_at(tail - 2) == "body" and doc.part_at(tail) == "residue"
    # Without a model (a single text, or no corpus), today's rules: all body.
    assert [p.part for p in Doc(Article("x", text, "<test>", meta={"source": "mithal"})).parts] == [
        "title",
        "body",
        "body",
        "body",
    ]
    # Another outlet's article does not get this one's boilerplate.
    other = Doc(Article("y", text, "<test>", meta={"source": "elsewhere"}), model)
    assert [p.part for p in other.parts] == ["title", "body", "body", "body"]


def test_a_syndicated_or_republished_story_never_becomes_residue() -> None:
    model = bp.learn(articles())
    wanted = [("title", "first-line-heading"), ("body", "text"), ("body", "text")]
    for a in articles():
        if "wire" in a.id:
            assert [(p.part, p.reason) for p in Doc(a, model).parts] == wanted, a.id


def test_a_learned_tail_is_found_without_a_sentence_end_before_it() -> None:
    outlet = bp.learn(articles()).outlet("mithal")
    line = f"وأكد أن المبادرة مستمرة من أجلها {TAIL}: عنوان آخر"
    assert outlet.tail(line) == line.index(TAIL)
    assert outlet.tail("وأكد أن المبادرة مستمرة. وأضاف: نعم") is None
    assert outlet.is_line("نشرة المثال اليومية رقم 99 على https://mithal.example/x?id=7")
    assert not outlet.is_line("نشرة المثال الأسبوعية رقم 99 على https://mithal.example/x?id=7")


def test_shape_masks_urls_latin_digits_and_punctuation_and_does_not_fold() -> None:
    assert bp.shape("رابط: http://a.example/1 - ABC 2015!") == "رابط l l 0"
    assert bp.shape("«١٢» إضغط هنا…") == "0 إضغط هنا"


# -- the corpus learns it once; same parts with --jobs and --index ------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    assert code in (0, 1), err
    return (code if isinstance(code, int) else 0), out


def write_corpus(d: Path, parts: list[list[dict[str, str]]]) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i, recs in enumerate(parts):
        (d / f"day{i}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    return d


QUERIES = [
    ["kwic", "رابط"],
    ["kwic", "رابط", "--part", "body"],
    ["stats"],
    ["dates"],
    ["entities", "--mentions"],
    ["trend", "الخبر", "--by", "source"],
    ["collocates", "الخبر", "--min-count", "1", "--by", "freq"],
]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    recs = records()
    return write_corpus(tmp_path / "news", [recs[:30], recs[30:]])


def test_the_corpus_parts_use_the_model(capsys: pytest.CaptureFixture[str], news: Path) -> None:
    _, out = run(capsys, "kwic", "رابط", "--json", "--corpus", str(news))
    hits = json.loads(out)
    assert len(hits) == 24 and {h["part"] for h in hits} == {"residue"}
    _, out = run(capsys, "words", "--ngram", "2", "--json", "--corpus", str(news))
    assert "رابط الخبر" not in {r["word"] for r in json.loads(out)}
    # trend and collocates count body tokens as words does: the tail is not body.
    _, out = run(capsys, "collocates", "الخبر", "--min-count", "1", "--json", "--corpus", str(news))
    assert "رابط" not in {r["collocate"] for r in json.loads(out)}
    # One article picked from the corpus gets the corpus's model all the same.
    _, out = run(capsys, "kwic", "رابط", "--json", "--corpus", str(news), "--doc", "mithal-3")
    assert [h["part"] for h in json.loads(out)] == ["residue"]


def test_kwic_count_does_not_learn(
    capsys: pytest.CaptureFixture[str], news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: Corpus) -> None:
        raise AssertionError("learned")

    monkeypatch.setattr(Corpus, "boilerplate", boom)
    code, out = run(capsys, "kwic", "رابط", "--count", "--json", "--corpus", str(news))
    assert code == 0 and len(json.loads(out)) == 24


@pytest.mark.parametrize("args", QUERIES)
def test_same_results_with_jobs_and_index(
    capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    index = tmp_path / "news.kzi"
    run(capsys, "index", "build", "--corpus", str(news), "--index", str(index))
    plain = run(capsys, *args, "--json", "--jobs", "1", "--corpus", str(news))
    indexed = run(capsys, *args, "--json", "--index", str(index))
    monkeypatch.setattr(engine, "POOL_AFTER_CHARS", 0)
    monkeypatch.setattr(engine, "CHUNK_ARTICLES", 3)
    pooled = run(capsys, *args, "--json", "--jobs", "2", "--corpus", str(news))
    assert plain == indexed == pooled
    assert plain[1].count('"residue"') >= (24 if args[0] == "kwic" and "--part" not in args else 0)


def test_an_update_relearns_and_reanalyses_the_outlet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    recs = records()
    # Day 0 alone: 10 of the outlet's stories, too few for any boilerplate.
    news = write_corpus(tmp_path / "news", [recs[:10]])
    index = tmp_path / "news.kzi"
    run(capsys, "index", "build", "--corpus", str(news), "--index", str(index))
    _, before = run(capsys, "kwic", "رابط", "--json", "--index", str(index))
    assert {h["part"] for h in json.loads(before)} == {"body"}
    write_corpus(news, [recs[:10], recs[10:]])
    run(capsys, "index", "update", "--index", str(index))
    fresh = tmp_path / "fresh.kzi"
    run(capsys, "index", "build", "--corpus", str(news), "--index", str(fresh))
    for args in (["kwic", "رابط"], ["stats"], ["entities", "--mentions"], ["trend", "رابط"], ["collocates", "الخبر"]):
        updated = run(capsys, *args, "--json", "--index", str(index))
        assert updated == run(capsys, *args, "--json", "--index", str(fresh)), args
    assert open_meta(index)["boilerplate"] == open_meta(fresh)["boilerplate"] != "{}"
    # The outlet's stored word counts and token totals follow its new boilerplate.
    from kzcorpus.index import open_index

    a, b = open_index(index), open_index(fresh)
    try:
        for scope in ("body", "all"):
            assert a.vocab(scope) == b.vocab(scope)
        assert [f[2:] for f in a.figures()] == [f[2:] for f in b.figures()]
        assert "رابط" not in a.vocab("body") and "رابط" in a.vocab("all")
    finally:
        a.close()
        b.close()


def open_meta(path: Path) -> dict[str, str]:
    from kzcorpus.index import open_index

    idx = open_index(path)
    try:
        return dict(idx.meta)
    finally:
        idx.close()


def test_dask_paths_learn_the_same_model_and_parts(news: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    from kzcorpus import distributed as kd
    from kzcorpus.index.build import build_index
    from kzcorpus.tasks import STORED

    specs = [str(news)]
    runner = kd.pool_map(2)
    the_plan = kd.plan(specs, partition_articles=7, runner=runner)
    model = kd.learn_boilerplate(the_plan, runner)
    assert model == Corpus(specs).boilerplate() and model.outlet("mithal").tails
    task = STORED["stats"]
    remote = [(a.id, r) for a, r in kd.scan_partitions(the_plan, task, runner, boilerplate=model)]
    local = [(a.id, r) for a, r in engine.scan(Corpus(specs), task)]
    assert remote == local
    kd.extract_corpus(specs, tmp_path / "ex", runner=runner, partition_articles=7)
    from_extract = kd.build_index_from_extract(tmp_path / "x.kzi", tmp_path / "ex")
    built = build_index(tmp_path / "local.kzi", Corpus(specs), specs)
    for idx in (from_extract, built):
        assert bp.Boilerplate.from_json(idx.meta["boilerplate"]) == model
    rows = {r["doc"]: r["data"] for r in kd.read_extract(tmp_path / "ex") if r["kind"] == "stats"}
    assert rows == {a: r for a, r in local}


def test_show_and_stats_doc_read_the_corpus_parts(
    capsys: pytest.CaptureFixture[str], news: Path, tmp_path: Path
) -> None:
    index = tmp_path / "news.kzi"
    run(capsys, "index", "build", "--corpus", str(news), "--index", str(index))
    for where in (["--corpus", str(news)], ["--index", str(index)]):
        _, out = run(capsys, "show", "mithal-0", "--json", *where)
        lines = json.loads(out)["lines"]
        assert [(ln["part"], ln["reason"]) for ln in lines] == [
            ("title", "first-line-heading"),
            ("body", "text"),
            ("residue", "boilerplate"),
            ("body", "text"),  # its tail is a residue part of its own
        ]
    _, out = run(capsys, "stats", "mithal-0", "--json", "--corpus", str(news))
    parts = json.loads(out)["parts"]
    assert [p["reason"] for p in parts] == ["first-line-heading", "text", "boilerplate", "text", "boilerplate tail"]


def test_a_line_of_masks_only_is_never_boilerplate() -> None:
    arts = [
        Article(f"e{i}", outlet_text(i, c) + f"\nRoma{i}", "<t>", meta={"source": "mithal"})
        for i, c in enumerate(CITIES)
    ]
    # «Roma0», «Roma1» … shape as «l»: the same shape, but nothing of the line.
    assert "l" not in bp.learn(arts).outlet("mithal").lines


# -- the cache of learned models ---------------------------------------------


def test_a_second_command_reads_the_model_from_the_cache(
    capsys: pytest.CaptureFixture[str], news: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("KZCORPUS_CACHE", str(cache))
    first = run(capsys, "kwic", "رابط", "--json", "--corpus", str(news))
    assert len(list(cache.glob("boilerplate-*.json"))) == 1

    def no_learning(articles: object) -> bp.Boilerplate:
        raise AssertionError("learned again")

    monkeypatch.setattr(bp, "learn", no_learning)
    assert run(capsys, "kwic", "رابط", "--json", "--corpus", str(news)) == first
    # A changed input is learned again (and the result is the same model here).
    some = sorted(news.iterdir())[0]
    some.write_bytes(some.read_bytes() + b"\n")
    with pytest.raises(AssertionError, match="learned again"):
        Corpus([str(news)]).boilerplate()


def test_the_cache_can_be_turned_off_or_be_unwritable(
    capsys: pytest.CaptureFixture[str], news: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KZCORPUS_CACHE", "off")
    off = run(capsys, "kwic", "رابط", "--json", "--corpus", str(news))
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("KZCORPUS_CACHE", str(blocked / "cache"))
    assert run(capsys, "kwic", "رابط", "--json", "--corpus", str(news)) == off
    assert off[1].count('"residue"') == 24


def test_the_cache_key_follows_every_file(tmp_path: Path) -> None:
    from kzcorpus.boilerplate import cache_key

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("x", encoding="utf-8")
    b.write_text("y", encoding="utf-8")
    key = cache_key([str(a), str(b)])
    assert key == cache_key([str(a), str(b)]) != cache_key([str(a)])
    assert cache_key([str(a), str(b)], "cp1256") != key
    assert cache_key(["-"]) is None and cache_key([str(tmp_path / "missing")]) is None
    a.write_text("xx", encoding="utf-8")
    assert cache_key([str(a), str(b)]) != key
