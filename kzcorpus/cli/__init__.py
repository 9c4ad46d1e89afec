"""The ``kzcorpus`` command: a thin Typer layer over the library.

Only this package imports typer.  Each command lives in its own module and
registers itself on :data:`app`; library imports happen inside the command
functions, so start-up stays cheap.
"""

from kzcorpus.cli import kwic as _kwic  # noqa: F401  (registers the command)
from kzcorpus.cli.base import app, main

__all__ = ["app", "main"]
