"""Options that choose where per-article work runs: this machine, or a Dask cluster."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from kzcorpus.cli.base import _stderr

ENGINES = ("local", "dask")

EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        help=(
            "Where the per-article work runs. local: this machine's cores (--jobs). "
            "dask: a Dask cluster (needs kzcorpus\\[dask]): the scheduler at --scheduler, "
            "else a local cluster of --jobs worker processes."
        ),
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="The Dask scheduler, tcp://HOST:PORT (--engine dask). Default: $DASK_SCHEDULER_ADDRESS, else a local cluster.",
        show_default=False,
    ),
]


@contextmanager
def dask_client(engine: str, scheduler: str | None, jobs: int | None) -> Iterator[Any]:
    """The Dask client the options ask for, or ``None`` for the local engine."""
    import os

    from kzcorpus.errors import UsageError

    if engine not in ENGINES:
        raise UsageError(f"unknown --engine {engine!r}; choose local or dask")
    if engine == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        yield None
        return
    from kzcorpus.distributed import cluster

    address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    if address is None:
        _stderr(f"starting a local Dask cluster of {jobs or 'one per core'} workers")
    with cluster(address, workers=jobs) as client:
        yield client


class Problems:
    """Prints problems and notes met on the workers, and keeps the problems (for the exit status)."""

    def __init__(self) -> None:
        self.problems: list[Any] = []

    def problem(self, p: Any) -> None:
        self.problems.append(p)
        _stderr(f"skipped {p}")

    def note(self, n: str) -> None:
        _stderr(f"note: {n}")
