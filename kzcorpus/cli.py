"""The ``kzcorpus`` command: a thin Typer layer over the library.

Only this module imports typer.  Library errors (:class:`KzError`) become
one line on stderr and exit status 2, in :func:`main`; so do Typer's own
usage errors.  Exit status follows grep: 0 results, 1 none, 2 error (also
when some input was skipped, after the results that could be produced).
"""

from __future__ import annotations

import os
import sys
from itertools import islice
from typing import Annotated, Any, Literal, NoReturn

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
# Options shared by every command

CorpusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--corpus",
        "-c",
        help="Articles to read: a file, a directory (recursive *.txt), a glob, - for stdin, "
        "or a JSON/JSONL collection (also inside .zip). Repeatable. Default: $KZCORPUS_CORPUS, "
        "else the embedded seeds.",
        show_default=False,
    ),
]
MetadataOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--metadata",
        help="CSV or JSONL with id and any of title, published, source, url. "
        "A metadata.csv/metadata.jsonl beside the text files is read automatically.",
        show_default=False,
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", help="Force a text encoding (default: BOM, else UTF-8, else Windows-1256)."),
]
DocOpt = Annotated[
    list[str] | None,
    typer.Option("--doc", "-d", help="Only this article (id or unique prefix). Repeatable.", show_default=False),
]
FormatOpt = Annotated[
    Literal["table", "json", "jsonl", "tsv", "csv"] | None,
    typer.Option(
        "--format", "-f", help="Output format. Default: table on a terminal, TSV otherwise.", show_default=False
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
BidiOpt = Annotated[
    Literal["auto", "visual", "isolate", "logical"] | None,
    typer.Option(
        "--bidi",
        help="How tables show Arabic: visual (shaped, reordered; most terminals), isolate (Konsole), "
        "logical (as stored). Default: $KZCORPUS_BIDI, else auto.",
        show_default=False,
    ),
]


def _stderr(message: str) -> None:
    sys.stderr.write(f"kzcorpus: {message}\n")
    sys.stderr.flush()


def _open_corpus(corpus: list[str] | None, metadata: list[str] | None, encoding: str | None, docs: list[str] | None) -> Any:
    from kzcorpus.corpus import Corpus

    c = Corpus(
        corpus or None,
        metadata=metadata or (),
        encoding=encoding,
        on_problem=lambda p: _stderr(f"skipped {p}"),
    )
    if docs:
        c.select(docs)
    return c


def _finish(written: int, corpus: Any) -> NoReturn:
    if corpus.problems:
        n = len(corpus.problems)
        _stderr(f"{n} input{'s' if n != 1 else ''} skipped (see above); exit status 2")
        raise typer.Exit(2)
    raise typer.Exit(0 if written else 1)


def _emit(records: Any, view: Any, fmt: str | None, json_flag: bool, bidi: str | None) -> int:
    from kzcorpus.output import emit, resolve_format

    chosen = resolve_format(fmt, json_flag, sys.stdout)
    if chosen == "table":
        from kzcorpus.render import resolve_bidi

        resolve_bidi(bidi)  # validate before any output
    return emit(records, view, chosen, out=sys.stdout, bidi=bidi)


# --------------------------------------------------------------------------
# kwic

SortOpt = Literal["position", "article", "keyword", "before1", "before2", "before3", "after1", "after2", "after3"]


@app.command()
def kwic(
    query: Annotated[str, typer.Argument(help="Word or phrase to find (a regular expression with --regex).")],
    match: Annotated[
        Literal["clitic", "normalized", "exact"],
        typer.Option(
            "--match",
            "-m",
            help="clitic: folded, and the token may carry و/ف + ب/ك/ل + ال (query's own ال optional); "
            "normalized: folded, whole words; exact: as typed, whole words.",
        ),
    ] = "clitic",
    regex: Annotated[bool, typer.Option("--regex", "-E", help="QUERY is a regular expression on the original text.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show how each hit matched (e.g. ل + روسيا) in tables.")] = False,
    width: Annotated[int, typer.Option("--width", "-w", min=0, help="Words of context on each side.")] = 6,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=0, help="At most this many hits.", show_default=False)] = None,
    sort: Annotated[
        SortOpt,
        typer.Option(
            "--sort",
            "-s",
            help="position (corpus order), article, keyword, before1/before2/before3 (1st/2nd/3rd word "
            "before), after1/after2/after3 (1st/2nd/3rd word after).",
        ),
    ] = "position",
    count: Annotated[bool, typer.Option("--count", help="Only per-article hit counts.")] = False,
    doc: DocOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Keyword in context: every occurrence of QUERY with the words around it.

    Each hit has doc, start, end (offsets into the original text), line,
    before, keyword, after and match.

    Examples:

      kzcorpus kwic توكاييف

      kzcorpus kwic "نور سلطان" --sort after1 --limit 5

      kzcorpus kwic روسيا --explain --doc 001

      kzcorpus kwic "توكا[يی]+ف" --regex --json | jq '.[].keyword'
    """
    import kzcorpus.kwic as kw
    from kzcorpus.output import Column, View

    mode: kw.MatchMode = "regex" if regex else match
    matcher = kw.Matcher(query, mode)  # validate the query before reading anything
    c = _open_corpus(corpus, metadata, encoding, doc)
    if count:
        count_records = ({"doc": a.id, "title": a.title, "hits": sum(1 for _ in matcher.find(a))} for a in c)
        view = View(
            [Column("doc"), Column("title", text=True, max_width=50), Column("hits", numeric=True)],
            empty_message="no articles",
        )
        total = [0]

        def tally(records: Any) -> Any:
            for r in records:
                total[0] += r["hits"]
                yield r

        _emit(tally(count_records), view, format, json, bidi)
        _finish(total[0], c)
    hits: Any = (h for a in c for h in kw.concordance(a, matcher.find(a), width=width))
    hits = kw.sort_hits(hits, sort)
    if limit is not None:
        hits = islice(hits, limit)
    view = View(
        [
            Column("doc"),
            Column("start", numeric=True, table=False),
            Column("end", numeric=True, table=False),
            Column("line", numeric=True),
            Column("before", text=True),
            Column("keyword", text=True),
            Column("after", text=True),
            Column("match", text=True, table=explain),
        ],
        kwic=True,
        empty_message=f"no hits for {query}",
    )
    written = _emit((h.record() for h in hits), view, format, json, bidi)
    _finish(written, c)


# --------------------------------------------------------------------------
# Entry point: the one place errors become exit codes


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the CLI; never lets a traceback reach the user."""
    try:
        code = app(args=argv, prog_name="kzcorpus", standalone_mode=False)
    except KzError as exc:
        _stderr(f"error: {exc}")
        code = exc.exit_code
    except typer.Exit as exc:
        code = exc.exit_code
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = 0
    except KeyboardInterrupt:
        _stderr("interrupted")
        code = 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        code = _click_error(exc)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
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
        sys.stderr.write(f"{where}: error: {message} (see '{where} --help')\n")
        return int(exc.exit_code)
    if os.environ.get("KZCORPUS_DEBUG"):
        raise exc
    _stderr(f"internal error: {type(exc).__name__}: {exc} (set KZCORPUS_DEBUG=1 for a traceback, and please report it)")
    return 3


def _quiet_broken_pipe() -> None:
    # The reader went away (kzcorpus … | head): stop without a traceback.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
