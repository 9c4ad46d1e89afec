"""The ``kzcorpus`` command: a thin Typer layer over the library.

Only this package imports typer.  Each command lives in its own module and
registers itself on the Typer app; :func:`main` imports just the module of
the command being run (building every command's parameters on each start
would cost more than the command itself), while ``kzcorpus.cli.app`` has
them all.
"""

from typing import Any

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from kzcorpus.cli.base import app, load_commands

        load_commands()
        return app
    if name == "main":
        from kzcorpus.cli.base import main

        return main
    raise AttributeError(f"module 'kzcorpus.cli' has no attribute {name!r}")
