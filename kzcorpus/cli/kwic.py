"""``kzcorpus kwic``."""

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
    Tally,
    dedupe_asked,
    dedupe_option,
    emit_records,
    finish,
    input_options,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)
from kzcorpus.cli.slicing import slice_options

# --------------------------------------------------------------------------
# kwic

SortOpt = Literal["position", "article", "keyword", "before1", "before2", "before3", "after1", "after2", "after3"]


@app.command()
@input_options
@slice_options(dates=True, parts=True)
@dedupe_option
def kwic(
    query: Annotated[
        str | None,
        typer.Argument(help="Word or phrase to find (a regular expression with --regex).", show_default=False),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            "-e",
            help='Instead of QUERY: every mention of this entity (its id, e.g. "Kassym-Jomart Tokayev", or any Arabic form), whatever form it took.',
            show_default=False,
        ),
    ] = None,
    gazetteer: GazetteerOpt = None,
    match: Annotated[
        Literal["clitic", "clitic-all", "normalized", "exact"],
        typer.Option(
            "--match",
            "-m",
            help="clitic: folded, and the token may carry و/ف + ب/ك/ل + ال (query's own ال optional), "
            "except a word of its own that only looks so («بعيد» is not ب + عيد); clitic-all: those too; "
            "normalized: folded, whole words; exact: as typed, whole words.",
        ),
    ] = "clitic",
    regex: Annotated[
        bool, typer.Option("--regex", "-E", help="QUERY is a regular expression on the original text.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how each hit matched (e.g. ل + روسيا) in tables.")
    ] = False,
    width: Annotated[int, typer.Option("--width", "-w", min=0, help="Words of context on each side.")] = 6,
    limit: LimitOpt = None,
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
    copies: Annotated[
        bool,
        typer.Option(
            "--copies",
            help="Fill each hit's copies: how many near-duplicate articles carry its sentence "
            "(implied by --dedupe; costs a first pass over the articles without an index).",
        ),
    ] = False,
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
    """Keyword in context: every occurrence of QUERY with the words around it.

    Each hit has doc, start, end (offsets into the original text), line,
    before, keyword, after, match (how it matched), part (title, body,
    comment or residue of the page) and, with --copies or --dedupe, copies.

    Examples:

      kzcorpus kwic توكاييف

      kzcorpus kwic "نور سلطان" --sort after1 --limit 5

      kzcorpus kwic روسيا --explain --doc 001

      kzcorpus kwic "توكا[يی]+ف" --regex --json | jq '.[].keyword'

      kzcorpus kwic بوتين --count --dedupe
    """
    import kzcorpus.kwic as kw
    from kzcorpus.errors import UsageError
    from kzcorpus.schema import HIT, HIT_COUNT

    if query is None and entity is None:
        raise UsageError("give a QUERY to search for, or --entity NAME")
    with_copies = not count and (copies or dedupe_asked())
    if query is not None and entity is not None:
        raise UsageError("give either a QUERY or --entity NAME, not both")
    if entity is not None:
        from kzcorpus.entities import EntityMatcher, load_gazetteer

        # Resolved against the gazetteer before anything is read.
        matcher: Any = EntityMatcher(entity, load_gazetteer(gazetteer or []))
        c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer, copies=with_copies)
    else:
        assert query is not None
        mode: kw.MatchMode = "regex" if regex else "clitic" if match == "clitic-all" else match
        # Validate the query before reading anything.
        matcher = kw.Matcher(query, mode, lookalikes=match == "clitic-all")
        c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer, copies=with_copies)
        tokens = matcher.index_tokens()
        if tokens is not None and hasattr(c, "restrict"):
            # Only articles holding every token of the query (in some clitic form).
            for forms in tokens:
                c.restrict(c.index.docs_with(forms))
    from kzcorpus.engine import scan

    task = kw.HitCount(matcher, width) if count else kw.Concordance(matcher, width, passages=with_copies)
    with progress_bar() as progress:
        results = scan(c, task, jobs=jobs_or_default(jobs), keep=task.may_match, progress=progress)
        if count:
            # Only articles with hits are listed, so any row means a hit.
            tally = Tally(add="hits")
            count_records = tally({"doc": a.id, "title": a.title, "hits": n} for a, n in results if n)
            view = HIT_COUNT.view(
                empty_message="no articles",
                summary=lambda n: f"{plural(n, 'article')} with hits, {plural(tally.total, 'hit')} in all",
            )
            written = emit_records(count_records, view, format, json, bidi)
        else:
            found_hits: Any = (h for _, found in results for h in found)
            if with_copies:
                found_hits = _with_copies(found_hits, c)
            hits: Any = kw.sort_hits(found_hits, sort)
            if limit is not None:
                hits = islice(hits, limit)
            tally = Tally()

            def summary(n: int) -> str:
                line = f"{plural(n, 'hit')} in {plural(len(tally.docs), 'article')}"
                if limit is not None and n >= limit:
                    line += f"; stopped at --limit {limit}, later hits not shown"
                return line

            view = HIT.view(
                show=(["match"] if explain else []) + (["copies"] if with_copies else []),
                kwic=True,
                empty_message=f"no hits for {query if query is not None else entity}",
                summary=summary,
            )
            written = emit_records(tally(h.record() for h in hits), view, format, json, bidi)
    finish(written, c)


def _with_copies(hits: Any, c: Any) -> Any:
    """*hits* with ``copies`` filled from the corpus's near-duplicate groups."""
    for h in hits:
        h.copies = c.copies(h.doc, h.passage)
        yield h
