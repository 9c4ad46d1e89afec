"""`pip install .` (not editable) gives a working command that carries the seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("kzcorpus-*.whl")
    return found


def test_wheel_carries_seeds_data_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(n for n in names if n.startswith("kzcorpus/seeds/"))
    assert seeds == sorted(f"kzcorpus/seeds/{p.name}" for p in (ROOT / "seeds").iterdir())
    assert "kzcorpus/py.typed" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kzcorpus = kzcorpus.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_seeds_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The installed copy, not the source tree, must be what runs: dependencies
    # come from this environment, kzcorpus only from the target directory.
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    code = "import kzcorpus, sys; print(kzcorpus.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert where.stdout.strip().startswith(str(target))
    proc = subprocess.run(
        [sys.executable, "-m", "kzcorpus", "kwic", "توكاييف", "--count", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert sum(r["hits"] for r in json.loads(proc.stdout)) == 49
