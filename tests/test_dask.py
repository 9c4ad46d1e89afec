"""The Dask engine: the same index, ids and results as a local run, on a LocalCluster of 2 workers."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kzcorpus.corpus import Corpus
from kzcorpus.doc import Doc
from kzcorpus.tasks import STORED

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from kzcorpus import distributed as kd
from kzcorpus.cli import main
from kzcorpus.index.build import build_index, folded_tokens

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=50
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def index_content(path: Path) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    con = sqlite3.connect(path)
    try:
        docs = con.execute("SELECT n, id, input, seq, path, title, meta, text, chars FROM docs ORDER BY n").fetchall()
        results = [
            (d, k, json.loads(zlib.decompress(x)))
            for d, k, x in con.execute("SELECT doc, kind, data FROM results ORDER BY doc, kind")
        ]
        postings = con.execute("SELECT token, docs FROM postings ORDER BY token").fetchall()
        pairs = con.execute("SELECT a, b, sim FROM dupe_pairs ORDER BY a, b").fetchall()
    finally:
        con.close()
    return docs, results, postings, pairs


def local_records(specs: list[str], kinds: list[str]) -> list[dict[str, Any]]:
    tasks = {**STORED, kd.TOKENS: folded_tokens}
    return [
        {"doc": a.id, "kind": k, "data": json.loads(json.dumps(tasks[k](Doc(a))))} for a in Corpus(specs) for k in kinds
    ]


@pytest.fixture
def tricky(tmp_path: Path) -> list[str]:
    """Seeds, plus collections whose ids repeat across partitions and slices (id~2, id~3)."""
    seeds = list(Corpus([str(SEEDS)]))
    lines = [
        json.dumps({"id": "dup", "text": a.text, "published": "2022-01-0" + str(i + 1)}) for i, a in enumerate(seeds)
    ]
    lines.insert(2, "{not json")
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "dup", "text": seeds[0].text}) + "\n", "utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "dup.txt").write_text(seeds[1].text, "utf-8")
    return [str(SEEDS), str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), str(tmp_path / "c")]


def test_index_built_on_the_cluster_equals_the_local_one(client: Any, tmp_path: Path, tricky: list[str]) -> None:
    local = build_index(tmp_path / "local.kzi", Corpus(tricky), tricky)
    runner = kd.client_map(client)
    plan = kd.plan(tricky, partition_articles=2, runner=runner)
    assert len(plan.partitions) >= 5 and any(s[1] > 0 for p in plan.partitions for s in p.slices)
    problems: list[Any] = []

    def scanner(task: Any) -> Any:
        return kd.scan_partitions(plan, task, runner, on_problem=problems.append)

    remote = build_index(tmp_path / "dask.kzi", Corpus(tricky), tricky, scanner=scanner)
    assert index_content(Path(remote.path)) == index_content(Path(local.path))
    ids = [row[1] for row in index_content(Path(local.path))[0]]
    assert ids.count("dup") == 1 and "dup~6" in ids and "dup~7" in ids
    assert [p.reason for p in problems] == ["invalid JSON (Expecting property name enclosed in double quotes)"]


def test_cli_index_build_with_the_dask_engine(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    address = client.scheduler.address
    for name, extra in (("local.kzi", ["-j", "1"]), ("dask.kzi", ["--engine", "dask", "--scheduler", address])):
        with pytest.raises(SystemExit) as exc:
            main(["index", "build", "--corpus", str(SEEDS), "--index", str(tmp_path / name), *extra])
        assert exc.value.code == 0
    assert index_content(tmp_path / "dask.kzi") == index_content(tmp_path / "local.kzi")


def test_extract_partitions_read_back_equal_local_results(client: Any, tmp_path: Path, tricky: list[str]) -> None:
    kinds = kd.available_kinds()
    summary = kd.extract_corpus(
        tricky, tmp_path / "ex", runner=kd.client_map(client), partition_articles=3, on_problem=lambda p: None
    )
    assert len(summary.partitions) > 2 and len(summary.problems) == 1
    assert list(kd.read_extract(tmp_path / "ex")) == local_records(tricky, kinds)
    # written locally: the same files
    kd.extract_corpus(tricky, tmp_path / "ex1", partition_articles=3, runner=kd.pool_map(2))
    for name in summary.partitions:
        assert (tmp_path / "ex" / name).read_bytes() == (tmp_path / "ex1" / name).read_bytes()
    # and an index built from it equals one built from the corpus
    from_extract = kd.build_index_from_extract(tmp_path / "x.kzi", tmp_path / "ex")
    local = build_index(tmp_path / "local.kzi", Corpus(tricky), tricky)
    assert index_content(Path(from_extract.path)) == index_content(Path(local.path))


def test_parquet_extract(client: Any, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")

    specs = [str(SEEDS)]
    kd.extract_corpus(specs, tmp_path / "pq", format="parquet", kinds=["dates"], runner=kd.client_map(client))
    assert list(kd.read_extract(tmp_path / "pq")) == local_records(specs, ["dates"])


def test_bag_functions(client: Any, tmp_path: Path) -> None:
    specs = [str(SEEDS)]
    bag = kd.article_bag(specs, partition_articles=2, client=client)
    assert bag.npartitions == 3
    assert [a.id for a in bag.compute()] == [a.id for a in Corpus(specs)]
    records = kd.extract(bag, ["timeline", "dates"])
    assert records.compute() == local_records(specs, ["timeline", "dates"])
    names = kd.write_extract(records, tmp_path / "bag")
    assert names == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert list(kd.read_extract(tmp_path / "bag")) == local_records(specs, ["timeline", "dates"])
    n_dated = bag.map(lambda a: len(STORED["dates"](Doc(a)))).sum().compute()
    assert n_dated == sum(len(STORED["dates"](Doc(a))) for a in Corpus(specs))


def test_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kd, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "index",
                "build",
                "--index",
                str(tmp_path / "x.kzi"),
                "--engine",
                "dask",
                "--scheduler",
                "tcp://127.0.0.1:9",
            ]
        )
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert (
        err.startswith("kzcorpus: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
        and "Traceback" not in err
    )
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--out", str(tmp_path / "o"), "--kinds", "nope"])
    assert exc.value.code == 2 and "unknown kind 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["index", "build", "--index", str(tmp_path / "x.kzi"), "--scheduler", "tcp://127.0.0.1:9"])
    assert exc.value.code == 2 and "--scheduler needs --engine dask" in capsys.readouterr().err


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(kd.ClusterError, match=r"pip install 'kzcorpus\[dask\]'"):
        kd.require_dask()
