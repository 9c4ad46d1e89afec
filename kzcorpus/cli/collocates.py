"""``kzcorpus collocates``."""

from itertools import islice
from typing import Annotated, Any, Literal

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    GazetteerOpt,
    IndexOpt,
    JobsOpt,
    JsonOpt,
    LimitOpt,
    MetadataOpt,
    ScopeAllOpt,
    dedupe_option,
    emit_records,
    finish,
    index_tip,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)
from kzcorpus.cli.slicing import FromOpt, SourceOpt, ToOpt, WhereOpt, build_slice, slice_note


@app.command()
@dedupe_option
def collocates(
    query: Annotated[str, typer.Argument(help="The node: a word or phrase, matched as kwic matches it.")],
    window: Annotated[
        str, typer.Option("--window", "-w", help="Words to the left and right of the node: L,R (or one number).")
    ] = "5,5",
    by: Annotated[
        Literal["freq", "mi", "mi3", "t", "logdice", "ll"],
        typer.Option("--by", help="Rank by joint frequency, MI, MI3, t-score, logDice or log-likelihood."),
    ] = "logdice",
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Only collocates seen at least this often in the windows.")
    ] = 3,
    cross_sentences: Annotated[
        bool, typer.Option("--cross-sentences", help="Let windows run past the end of the node's sentence.")
    ] = False,
    keep_stopwords: Annotated[
        bool, typer.Option("--stopwords/--no-stopwords", help="Keep stopwords (في، من …) as collocates.")
    ] = False,
    entities: Annotated[
        bool, typer.Option("--entities", help="Entities (by id) in the windows instead of words.")
    ] = False,
    match: Annotated[
        Literal["clitic", "normalized", "exact"],
        typer.Option("--match", "-m", help="How the node matches, as in kwic (default: clitic-aware)."),
    ] = "clitic",
    all_lines: ScopeAllOpt = False,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    source: SourceOpt = None,
    where: WhereOpt = None,
    gazetteer: GazetteerOpt = None,
    doc: DocOpt = None,
    jobs: JobsOpt = None,
    index: IndexOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Words (or entities) that co-occur with QUERY within a window, scored.

    Counts the article body by default (--all: every line); windows stop at
    the end of the node's sentence unless --cross-sentences. Collocates are
    folded and proclitic forms merged as in `words`; stopwords left out.
    Each record: collocate, joint (in the windows), left, right,
    collocate_count, node_count, score (the --by one), mi, mi3, t, logdice,
    ll and forms.

    Examples:

      kzcorpus collocates روسيا

      kzcorpus collocates توكاييف --by ll --window 3,3 --min-count 2

      kzcorpus collocates السعودية --entities --by logdice --limit 20
    """
    from kzcorpus.collocates import CollocTable, CollocTask, parse_window
    from kzcorpus.doc import boilerplate_for
    from kzcorpus.engine import scan
    from kzcorpus.kwic import Matcher
    from kzcorpus.schema import COLLOCATE

    sl = build_slice(date_from, date_to, source, where)
    try:
        left_right = parse_window(window)
    except Exception as exc:
        from kzcorpus.errors import UsageError

        raise UsageError(f"--window: {exc}") from None
    matcher = Matcher(query, match)
    c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer)
    mentions = _Mentions(gazetteer or []) if entities else None
    scope = "all" if all_lines else "body"
    # Hook: an index of the whole corpus holds its word counts; then only articles with hits are read.
    stored = None
    if not entities and not sl.selects_articles and getattr(c, "whole", False):
        stored = c.stored_vocab(scope)
        c.restrict_to_hits([matcher])
    task = CollocTask(
        matcher,
        left_right,
        cross_sentences=cross_sentences,
        scope=scope,
        slice=sl,
        mentions=mentions,
        counts=stored is None,
    )
    table = CollocTable(stopwords=keep_stopwords, entities=entities, stored=stored)
    articles: Any = (a for a in c if sl.metadata_ok(a))
    with progress_bar() as progress:
        keep = task.may_match if stored is not None else None
        read = 0
        model = boilerplate_for(c, task)  # the corpus's, though a generator of its articles is scanned
        for _, result in scan(
            articles, task, jobs=jobs_or_default(jobs), keep=keep, progress=progress, boilerplate=model
        ):
            sl.count(result["verdict"])
            table.add(result)
            read += 1
        rows: Any = table.records(by, min_count=min_count)
    if stored is None:
        index_tip(c, read)
    slice_note(sl)
    n_rows = len(rows)
    if limit is not None:
        rows = islice(rows, limit)

    def summary(n: int) -> str:
        line = (
            f"{plural(n, 'collocate')} of {plural(table.nodes, 'hit')} of the node in "
            f"{plural(table.n_tokens, 'token')}, by {by}"
        )
        if n < n_rows:
            line += f"; {n_rows - n:,} more past --limit"
        return line

    view = COLLOCATE.view(
        hide=["node_count"], empty_message=f"no collocates of {query} seen {min_count} times or more", summary=summary
    )
    written = emit_records(rows, view, format, json, bidi)
    finish(written, c)


class _Mentions:
    """Entity mentions of a doc as ``(start, end, id, text)`` (picklable: the gazetteer loads once per process)."""

    def __init__(self, gazetteer_files: list[str]) -> None:
        self.files = list(gazetteer_files)
        self._gz: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"files": self.files, "_gz": None}

    def __call__(self, doc: Any) -> list[tuple[int, int, str, str]]:
        from kzcorpus.entities import find_mentions, load_gazetteer

        if self._gz is None:
            self._gz = load_gazetteer(self.files)
        return [(m.start, m.end, m.id, m.text) for m in find_mentions(doc, self._gz, parts=False)]
