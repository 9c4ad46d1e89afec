"""The ``kzcorpus`` command: a thin Typer layer over the library.

Only this module imports typer.  Library errors (:class:`KzError`) become
one line on stderr and exit status 2, in :func:`main`; so do Typer's own
usage errors.  Exit status follows grep: 0 results, 1 none, 2 error (also
when some input was skipped, after the results that could be produced).
"""

import os
import sys
from typing import Annotated, NoReturn

import typer

from kzcorpus import __version__
from kzcorpus.errors import KzError

app = typer.Typer(
    name="kzcorpus",
    help=(
        "Explore a corpus of Arabic news articles: keyword in context, "
        "with exact offsets into the original text.\n\n"
        "Without --corpus the embedded seed articles are used "
        "(or $KZCORPUS_CORPUS). Output is a table on a terminal, TSV "
        "in a pipe; --format/--json choose. Exit status: 0 results, "
        "1 none, 2 error or skipped input."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"kzcorpus {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Explore a corpus of Arabic news articles."""


# --------------------------------------------------------------------------
# Entry point: the one place errors become exit codes


def _stderr(message: str) -> None:
    sys.stderr.write(f"kzcorpus: {message}\n")
    sys.stderr.flush()


#: Command name -> the module that defines it.
COMMAND_MODULES = {
    "kwic": "kwic",
    "entities": "entities",
    "dates": "dates",
    "timeline": "dates",
    "stats": "stats",
    "words": "stats",
    "index": "index",
    "show": "show",
    "trend": "trend",
    "collocates": "collocates",
    "extract": "extract",
    "dupes": "dupes",
    "plot": "plot",
    "keywords": "keywords",
}


def load_commands(argv: list[str] | None = None) -> None:
    """Register the command *argv* runs (every command when it names none)."""
    import importlib

    name = next((a for a in argv or [] if not a.startswith("-")), None)
    modules = [COMMAND_MODULES[name]] if name in COMMAND_MODULES else sorted(set(COMMAND_MODULES.values()))
    for module in modules:
        importlib.import_module(f"kzcorpus.cli.{module}")


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the CLI; never lets a traceback reach the user."""
    try:
        load_commands(sys.argv[1:] if argv is None else argv)
        code = app(args=argv, prog_name="kzcorpus", standalone_mode=False)
        if code == 130:  # typer turns Ctrl-C into exit status 130
            _stderr("interrupted")
    except KzError as exc:
        _stderr(f"error: {exc}")
        code = exc.exit_code
    except typer.Exit as exc:
        code = exc.exit_code
    except BrokenPipeError:
        quiet_broken_pipe()
        code = 0
    except KeyboardInterrupt:
        _stderr("interrupted")
        code = 130
    except Exception as exc:
        code = _click_error(exc)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()
    sys.exit(code if isinstance(code, int) else 0)


def _click_error(exc: Exception) -> int:
    """Typer's usage errors as one line; anything else as an internal error."""
    if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx is not None else "kzcorpus"
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        message = " ".join(str(exc.format_message()).split())
        if type(exc).__name__ == "Abort":
            message = "aborted"
        if message.startswith("Got unexpected extra argument(s) (") and message.endswith(")"):
            message = _extra_arguments_message(message[len("Got unexpected extra argument(s) (") : -1].split())
        sys.stderr.write(f"{where}: error: {message} (see '{where} --help')\n")
        return int(exc.exit_code)
    if os.environ.get("KZCORPUS_DEBUG"):
        raise exc
    _stderr(f"internal error: {type(exc).__name__}: {exc} (set KZCORPUS_DEBUG=1 for a traceback, and please report it)")
    return 3


def _extra_arguments_message(extra: list[str]) -> str:
    """Several paths where one was expected: most likely a glob the shell expanded."""
    from pathlib import Path

    paths = [a for a in extra if Path(a).exists()]
    shown = ", ".join(extra[:3]) + (f" and {len(extra) - 3} more" if len(extra) > 3 else "")
    if len(paths) >= max(1, len(extra) // 2):
        return (
            f"got {len(extra)} unexpected argument(s) that look like paths ({shown}): the shell expanded a glob. "
            "Quote it (--corpus 'dir/*.zip') or repeat --corpus before each path"
        )
    return f"got unexpected extra argument(s): {shown}"


def quiet_broken_pipe() -> None:
    # The reader went away (kzcorpus … | head): stop without a traceback.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
