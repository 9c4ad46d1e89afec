"""The ``kzcorpus`` command: a thin Typer layer over the library.

Only this package imports typer.  Each command lives in its own module and
registers itself on :data:`app`; library imports happen inside the command
functions, so start-up stays cheap.
"""

from kzcorpus.cli import dates as _dates  # noqa: F401  (each import registers commands)
from kzcorpus.cli import entities as _entities  # noqa: F401
from kzcorpus.cli import kwic as _kwic  # noqa: F401
from kzcorpus.cli import stats as _stats  # noqa: F401
from kzcorpus.cli.base import app, main

__all__ = ["app", "main"]
