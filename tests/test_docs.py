"""The README and --help cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from kzcorpus.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README.split("\n## ")[0]
    assert "make demo" in head and "make test" in head


def test_every_command_is_documented_with_an_example() -> None:
    for name, cmd in commands().items():
        assert f"kzcorpus {name}" in README, f"README does not show `kzcorpus {name}`"
        help_text = cmd.help or ""  # type: ignore[attr-defined]
        assert "Example" in help_text, f"`kzcorpus {name} --help` has no example"
        assert f"kzcorpus {name}" in help_text


def test_every_option_is_in_the_readme() -> None:
    for name, cmd in commands().items():
        for param in cmd.params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",):
                    assert re.search(rf"`[^`]*{re.escape(opt)}\b", README), (
                        f"{opt} of `kzcorpus {name}` is not in the README"
                    )


def test_every_record_schema_is_in_the_readme_as_generated() -> None:
    from kzcorpus.schema import ALL

    for schema in ALL:
        assert schema.markdown() in README, (
            f"the README's {schema.name} table differs from kzcorpus.schema ({schema.name})"
        )
