"""Options and plumbing shared by every command."""

import sys
from typing import Annotated, Any, Literal, NoReturn

import typer

from kzcorpus.cli.base import _stderr

# --------------------------------------------------------------------------
# Options shared by every command

CorpusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--corpus",
        "-c",
        help="Articles to read: a file, a directory (recursive: .txt, .json, .jsonl, .ndjson, .zip), "
        "a glob (quoted), - for stdin, or a JSON/JSONL collection (also inside .zip). Repeatable. "
        "Default: $KZCORPUS_CORPUS, else the embedded seeds.",
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
    typer.Option(
        "--encoding",
        help="Force a text encoding (default: BOM, else UTF-8, else Windows-1256 when it reads as Arabic).",
    ),
]
IncludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        help="Only files in directories/globs matching this pattern (name, path below the directory, or a folder). "
        "Repeatable.",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", help="Leave out files matching this pattern (as --include). Repeatable.", show_default=False
    ),
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
LimitOpt = Annotated[
    int | None, typer.Option("--limit", "-n", min=0, help="At most this many rows.", show_default=False)
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes (default: every core; 1 = this process only). Output does not depend on it.",
        show_default=False,
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


IndexOpt = Annotated[
    str | None,
    typer.Option(
        "--index",
        "-i",
        help="Read the corpus from this index (kzcorpus index build): faster, same results. Default: $KZCORPUS_INDEX.",
        show_default=False,
    ),
]


#: Values of the shared options the decorators below add, for the command being run.
_INPUT: dict[str, Any] = {}
_INPUT_OPTIONS: list[tuple[str, Any]] = [("include", IncludeOpt), ("exclude", ExcludeOpt)]


def add_options(fn: Any, options: list[tuple[str, Any]], after: Any = None, *, first: bool = False) -> Any:
    """Add *options* (name, Annotated type) to command *fn*'s parameters;
    their values go to :data:`_INPUT` (then ``after(values)`` runs) and *fn*
    never sees them.  How options shared by every command are declared once."""
    import functools
    import inspect

    sig = inspect.signature(fn)
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=ann) for name, ann in options
    ]

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if first:  # the outermost decorator: a new command run starts
            _INPUT.clear()
        for name, _ in options:
            _INPUT[name] = kwargs.pop(name, None)
        if after is not None:
            after(_INPUT)
        return fn(*args, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=[*sig.parameters.values(), *extra])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {**fn.__annotations__, **dict(options)}
    return wrapper


def input_options(fn: Any) -> Any:
    """Add the options that choose input files (``--include``, ``--exclude``)
    to a command; :func:`open_corpus` applies them.  Put it above any other
    option decorator: it starts each run afresh."""
    return add_options(fn, _INPUT_OPTIONS, first=True)


DedupeOpt = Annotated[
    bool,
    typer.Option(
        "--dedupe",
        help="Count each group of near-duplicate articles (as kzcorpus dupes finds them) once: only its earliest "
        "article is read (least published date, then corpus order); stderr says how many were left out. "
        "Groups are formed among the articles read, before --from/--to/--source/--where.",
    ),
]


def dedupe_option(fn: Any) -> Any:
    """Decorator: add ``--dedupe`` to a counting command; :func:`open_corpus`
    then leaves out every near-copy of an earlier article
    (:class:`kzcorpus.dedupe.DedupedCorpus`).  Put it below
    :func:`input_options` when the command has both."""
    import functools

    inner = add_options(fn, [("dedupe", DedupeOpt)])

    @functools.wraps(inner)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _INPUT["jobs"] = kwargs.get("jobs")  # the first pass runs on as many cores as the command
        try:
            return inner(*args, **kwargs)
        finally:  # a later command in this process (tests) must not inherit it
            _INPUT.pop("dedupe", None)
            _INPUT.pop("jobs", None)

    return wrapper


def dedupe_asked() -> bool:
    """Whether this run was given ``--dedupe``."""
    return bool(_INPUT.get("dedupe"))


def open_corpus(
    corpus: list[str] | None,
    metadata: list[str] | None,
    encoding: str | None,
    docs: list[str] | None,
    index: str | None = None,
    gazetteer: list[str] | None = None,
    *,
    copies: bool = False,
) -> Any:
    """The articles a command reads: inputs (or *index*), ``--include``/
    ``--exclude``, *docs*, then ``--dedupe`` (or, with *copies*, the groups
    only, for ``kwic``'s ``copies``), then the slicing options."""
    import os

    from kzcorpus.corpus import Corpus

    index = index or os.environ.get("KZCORPUS_INDEX") or None
    if index:
        return _sliced(_deduped(_open_index_corpus(index, corpus, metadata, encoding, docs, gazetteer), copies))
    c = Corpus(
        corpus or None,
        metadata=metadata or (),
        encoding=encoding,
        include=_INPUT.get("include") or (),
        exclude=_INPUT.get("exclude") or (),
        on_problem=lambda p: _stderr(f"skipped {p}"),
        on_note=lambda n: _stderr(f"note: {n}"),
    )
    if docs:
        c.select(docs)
    return _sliced(_deduped(c, copies))


def _deduped(c: Any, copies: bool) -> Any:
    """*c* without near-copies (``--dedupe``), or with its groups known for ``copies``."""
    drop = bool(_INPUT.get("dedupe"))
    if not drop and not copies:
        return c
    from kzcorpus.dedupe import DedupedCorpus

    jobs = jobs_or_default(_INPUT.get("jobs"))

    def scanner(articles: Any, task: Any) -> Any:
        from kzcorpus.engine import scan

        with progress_bar("articles sketched to find near-duplicates") as progress:
            yield from scan(articles, task, jobs=jobs, progress=progress)

    def ready(d: Any) -> None:
        _stderr(f"note: {'--dedupe: ' if drop else '--copies: '}{d.note()}")

    return DedupedCorpus(c, drop=drop, passages=copies, scanner=scanner, on_ready=ready)


def _sliced(c: Any) -> Any:
    """*c* seen through the slicing options' slice, if they select articles."""
    sl = _INPUT.get("slice")
    if sl is None or not sl.selects_articles:
        return c
    from kzcorpus.slicing import SlicedCorpus

    return SlicedCorpus(c, sl)


def jobs_or_default(jobs: int | None) -> int:
    from kzcorpus.engine import default_jobs

    return jobs if jobs is not None else default_jobs()


class progress_bar:
    """Articles done, rate and elapsed time on stderr while a long run goes on.

    Shown only when stderr is a terminal, and only once the run has taken
    more than a moment (a quick lookup never flashes a bar).  Use as a
    context manager; the object is the per-article callback.
    """

    DELAY = 0.5  # seconds before the bar appears

    def __init__(self, what: str = "articles") -> None:
        import time

        self._what = what
        self._n = 0
        self._chars = 0
        self._start = time.monotonic()
        self._clock = time.monotonic
        self._progress: Any = None
        self._task: Any = None
        self._enabled = sys.stderr.isatty()

    def __enter__(self) -> "progress_bar":
        _ACTIVE.append(self)
        return self

    def stop(self) -> None:
        """Take the bar off the screen (before a table is drawn) and show no more."""
        self._enabled = False
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __call__(self, article: Any) -> None:
        self._n += 1
        self._chars += len(article.text)
        if not self._enabled or self._n % 64:
            return
        if self._progress is None:
            if self._clock() - self._start < self.DELAY:
                return
            self._open()
        rate = self._n / max(1e-9, self._clock() - self._start)
        self._progress.update(self._task, completed=self._n, chars=self._chars, rate=rate)

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed:,} " + self._what),
            TextColumn("({task.fields[chars]:,} characters, {task.fields[rate]:,.0f} articles/s)"),
            TimeElapsedColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._progress.add_task("scan", total=None, chars=0, rate=0.0)
        self._progress.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self in _ACTIVE:
            _ACTIVE.remove(self)


_ACTIVE: list[progress_bar] = []


class Tally:
    """Counts the records passing through: rows, distinct articles, a sum."""

    def __init__(self, add: str | None = None) -> None:
        self.rows = 0
        self.docs: set[Any] = set()
        self.total = 0
        self._add = add

    def __call__(self, records: Any) -> Any:
        for rec in records:
            self.rows += 1
            self.docs.add(rec.get("doc"))
            if self._add is not None:
                self.total += rec.get(self._add) or 0
            yield rec


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _open_index_corpus(
    path: str,
    corpus: list[str] | None,
    metadata: list[str] | None,
    encoding: str | None,
    docs: list[str] | None,
    gazetteer: list[str] | None,
) -> Any:
    from kzcorpus.errors import UsageError
    from kzcorpus.index import open_index
    from kzcorpus.index.corpus import IndexCorpus

    idx = open_index(path, gazetteer=gazetteer or ())
    if corpus and [absolute_spec(s) for s in corpus] != idx.corpus_specs:
        raise UsageError(f"--corpus differs from the corpus the index {path} was built from; leave --corpus out")
    if metadata and [absolute_spec(s) for s in metadata] != idx.metadata_specs:
        raise UsageError(f"--metadata differs from what the index {path} was built with; leave it out or rebuild")
    if encoding and encoding != idx.encoding:
        raise UsageError(f"--encoding differs from what the index {path} was built with; leave it out or rebuild")
    if _INPUT.get("include") or _INPUT.get("exclude"):
        raise UsageError(
            "--include/--exclude choose input files, which the index fixed when it was built; "
            "narrow an indexed corpus with --doc, --source or --where, or leave --index out"
        )
    c = IndexCorpus(idx)
    if docs:
        c.select(docs)
    return c


def absolute_spec(spec: str) -> str:
    """A --corpus/--metadata value that means the same from any directory."""
    import os

    return spec if spec == "-" else os.path.abspath(os.path.expanduser(spec))


def per_article(corpus: Any, kind: str, task: Any, jobs: int | None, keep: Any = None) -> Any:
    """``(article, result)`` for every article, in corpus order: read from the
    index when *corpus* is one that stores *kind*, else computed by *task* on
    every core, with a progress bar on long runs."""
    index = getattr(corpus, "index", None)
    if index is not None and hasattr(corpus, "with_results") and index.has_results(kind):
        yield from corpus.with_results(kind)
        return
    from kzcorpus.engine import scan

    with progress_bar() as progress:
        yield from scan(corpus, task, jobs=jobs_or_default(jobs), keep=keep, progress=progress)


#: A trend or collocates run that read this many articles without an index
#: ends with a note saying what an index would save.
INDEX_TIP_ARTICLES = 5_000


def index_tip(corpus: Any, articles: int) -> None:
    """After a pass that read and counted every one of *articles* articles
    for want of an index: say (on stderr) that an index answers in seconds."""
    if articles >= INDEX_TIP_ARTICLES and getattr(corpus, "index", None) is None:
        _stderr(
            f"note: without an index all {articles:,} articles were read and their words counted; "
            "build one once (kzcorpus index build --corpus … --index FILE) and pass --index FILE "
            "to answer such questions in seconds"
        )


def finish(written: int, corpus: Any) -> NoReturn:
    sl = _INPUT.get("slice")
    if sl is not None and sl.note():
        _stderr(f"note: {sl.note()}")
    if corpus.problems:
        n = len(corpus.problems)
        _stderr(f"{n} input{'s' if n != 1 else ''} skipped (see above); exit status 2")
        raise typer.Exit(2)
    raise typer.Exit(0 if written else 1)


def _chosen_format(fmt: str | None, json_flag: bool, bidi: str | None) -> Any:
    from kzcorpus.output import resolve_format

    chosen = resolve_format(fmt, json_flag, sys.stdout)
    if chosen == "table":
        from kzcorpus.render import resolve_bidi

        resolve_bidi(bidi)  # validate before any output
    return chosen


def emit_records(records: Any, view: Any, fmt: str | None, json_flag: bool, bidi: str | None) -> int:
    from kzcorpus.output import emit

    chosen = _chosen_format(fmt, json_flag, bidi)
    sl = _INPUT.get("slice")
    if sl is not None and sl.parts and "part" in view.keys:
        records = (r for r in records if sl.keep_record(r))
    if chosen == "table":
        # A table is drawn once every row is known: gather them while the
        # progress bar runs, then take the bar away.
        records = list(records)
        for bar in list(_ACTIVE):
            bar.stop()
    try:
        return emit(records, view, chosen, out=sys.stdout, bidi=bidi)
    except BrokenPipeError:
        _reader_gone()


def emit_sections(document: Any, sections: Any, fmt: str | None, json_flag: bool, bidi: str | None) -> int:
    from kzcorpus.output import emit_document

    chosen = _chosen_format(fmt, json_flag, bidi)
    try:
        return emit_document(document, sections, chosen, out=sys.stdout, bidi=bidi)
    except BrokenPipeError:
        _reader_gone()


def _reader_gone() -> NoReturn:
    """The reader stopped reading (``kzcorpus … | head``): results were
    delivered, so exit 0 quietly, as grep does once it has output."""
    from kzcorpus.cli.base import quiet_broken_pipe

    quiet_broken_pipe()
    raise typer.Exit(0)


GazetteerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--gazetteer",
        help="Extra gazetteer TSV (id, type, Arabic forms…) that adds or overrides entries. Repeatable.",
        show_default=False,
    ),
]
ScopeAllOpt = Annotated[
    bool, typer.Option("--all", help="Count every line, not only the article body (title, comments, residue too).")
]


def check_choices(values: list[str] | None, allowed: tuple[str, ...], option: str) -> set[str] | None:
    """Validate a repeatable choice option (typer cannot type list[Literal])."""
    if not values:
        return None
    from kzcorpus.errors import UsageError

    chosen = set()
    for v in values:
        up = v if v in allowed else v.upper() if v.upper() in allowed else v.lower()
        if up not in allowed:
            raise UsageError(f"{option} {v!r} is not one of {', '.join(allowed)}")
        chosen.add(up)
    return chosen
