"""Shared fixtures: the seed corpus, and a CLI runner with stable output."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzcorpus.corpus import Article, Corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds() -> list[Article]:
    return list(Corpus([str(SEEDS)]))


@pytest.fixture(scope="session")
def seed_by_id(seeds: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in seeds}


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Tests must not depend on the developer's terminal or environment, nor on what an earlier test cached.
    monkeypatch.setenv("KZCORPUS_CACHE", str(tmp_path_factory.mktemp("cache")))
    for var in ("KZCORPUS_CORPUS", "KZCORPUS_INDEX", "KZCORPUS_BIDI", "VTE_VERSION", "KONSOLE_VERSION", "TMUX"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
