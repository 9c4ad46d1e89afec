"""Run the CLI in-process for tests that read its JSON: one helper, imported by the test modules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kzcorpus.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    """Exit status, stdout parsed as JSON (None when empty) and stderr of ``kzcorpus ARGS``."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), (json.loads(out) if out.strip() else None), err


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> str:
    """*rows* as a JSONL corpus at *path*; the path as a string."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)
