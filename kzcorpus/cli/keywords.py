"""``kzcorpus keywords``: words (or entities) over-used in a target set of articles."""

from itertools import islice
from typing import Annotated, Any

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    EncodingOpt,
    FormatOpt,
    GazetteerOpt,
    JobsOpt,
    JsonOpt,
    LimitOpt,
    MetadataOpt,
    ScopeAllOpt,
    dedupe_option,
    emit_records,
    finish,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)
from kzcorpus.cli.slicing import build_slice, slice_note


def _opt(flag: str, help: str) -> Any:
    return typer.Option(flag, help=help, show_default=False)


def _side_options(side: str) -> dict[str, Any]:
    return {
        "doc": _opt(f"--{side}-doc", f"{side.title()} articles by id (or unique prefix). Repeatable."),
        "date_from": _opt(f"--{side}-from", f"{side.title()} articles dated on or after this ISO date."),
        "date_to": _opt(f"--{side}-to", f"{side.title()} articles dated on or before this ISO date."),
        "source": _opt(f"--{side}-source", f"{side.title()} articles from this source (any case). Repeatable."),
        "where": _opt(
            f"--{side}-where", f"{side.title()} articles whose metadata FIELD=VALUE or FIELD~REGEX. Repeatable."
        ),
    }


_T = _side_options("target")
_R = _side_options("reference")


@app.command()
@dedupe_option
def keywords(
    target_doc: Annotated[list[str] | None, _T["doc"]] = None,
    target_from: Annotated[str | None, _T["date_from"]] = None,
    target_to: Annotated[str | None, _T["date_to"]] = None,
    target_source: Annotated[list[str] | None, _T["source"]] = None,
    target_where: Annotated[list[str] | None, _T["where"]] = None,
    reference_doc: Annotated[list[str] | None, _R["doc"]] = None,
    reference_from: Annotated[str | None, _R["date_from"]] = None,
    reference_to: Annotated[str | None, _R["date_to"]] = None,
    reference_source: Annotated[list[str] | None, _R["source"]] = None,
    reference_where: Annotated[list[str] | None, _R["where"]] = None,
    reference_corpus: Annotated[
        list[str] | None,
        typer.Option(
            "--reference-corpus",
            help="Another corpus (path, repeatable) as the reference; the --reference-* selection applies to it.",
            show_default=False,
        ),
    ] = None,
    entities: Annotated[bool, typer.Option("--entities", help="Entities (by id) instead of words.")] = False,
    under: Annotated[bool, typer.Option("--under", help="List under-used words too (after the over-used).")] = False,
    min_count: Annotated[
        int,
        typer.Option("--min-count", min=1, help="Only words seen this often in the side that over-uses them."),
    ] = 2,
    min_g2: Annotated[
        float, typer.Option("--min-g2", min=0.0, help="Only words with at least this G2 (3.84: p < 0.05).")
    ] = 3.84,
    all_lines: ScopeAllOpt = False,
    limit: LimitOpt = None,
    gazetteer: GazetteerOpt = None,
    jobs: JobsOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Words (or --entities) over-used in a target set of articles against a reference.

    The target is chosen with --target-doc/--target-from/--target-to/
    --target-source/--target-where; the reference is the rest of the corpus,
    or the articles the --reference-* options choose (not in the target),
    or --reference-corpus. Counted as `stats DOC` counts its keywords.
    Each record: rank, word, use (over/under), count, per_10k, ref_count,
    ref_per_10k, g2, p, log_ratio, pct_diff, forms.

    Examples:

      kzcorpus keywords --target-doc 001

      kzcorpus keywords --target-source aawsat --reference-source okaz --under

      kzcorpus keywords --target-from 2015-08-01 --entities
    """
    from kzcorpus.engine import scan
    from kzcorpus.errors import UsageError
    from kzcorpus.keywords import REFERENCE, TARGET, KeyCountTask, KeyTable, Selection
    from kzcorpus.schema import KEYWORD

    def selection(side: str, ids: list[str] | None, c: Any, *slice_args: Any) -> Any:
        try:
            sl = build_slice(*slice_args)
        except UsageError as exc:
            message = str(exc)
            for flag in ("--from", "--to", "--where"):
                message = message.replace(flag, f"--{side}-{flag[2:]}")
            raise UsageError(message) from None
        chosen = frozenset(c.select(ids)) if ids else frozenset()
        return Selection(sl, chosen)

    c = open_corpus(corpus, metadata, encoding, None)
    tsel = selection(
        "target",
        target_doc,
        open_corpus(corpus, metadata, encoding, None),
        target_from,
        target_to,
        target_source,
        target_where,
    )
    ref_c = open_corpus(reference_corpus, metadata, encoding, None) if reference_corpus else None
    rsel = selection(
        "reference",
        reference_doc,
        ref_c or open_corpus(corpus, metadata, encoding, None),
        reference_from,
        reference_to,
        reference_source,
        reference_where,
    )
    if not tsel and ref_c is None:
        raise UsageError(
            "choose the target articles: --target-doc, --target-from, --target-to, --target-source "
            "or --target-where (or give a --reference-corpus)"
        )
    files = list(gazetteer or ()) if entities else None
    scope = "all" if all_lines else "body"
    table = KeyTable()
    j = jobs_or_default(jobs)
    with progress_bar() as progress:
        if ref_c is None:
            runs = [(c, KeyCountTask(tsel, rsel, scope=scope, gazetteer_files=files))]
        else:
            runs = [
                (c, KeyCountTask(tsel, None, scope=scope, fixed_side=TARGET, gazetteer_files=files)),
                (ref_c, KeyCountTask(tsel, rsel, scope=scope, fixed_side=REFERENCE, gazetteer_files=files)),
            ]
        for articles, task in runs:
            for _, result in scan(articles, task, jobs=j, progress=progress):
                sels = [rsel if task.fixed_side == REFERENCE else tsel] if task.fixed_side else [tsel, rsel]
                for sel, v in zip(sels, result["verdicts"], strict=False):
                    sel.slice.count(v)
                table.add(result)
    for sel in (tsel, rsel):
        slice_note(sel.slice)
    if not table.target.articles:
        raise UsageError("no article is in the target")
    if not table.reference.articles:
        raise UsageError("no article is in the reference")
    rows: Any = table.records(entities=entities, under=under, min_count=min_count, threshold=min_g2)
    n_rows = len(rows)
    if limit is not None:
        rows = islice(rows, limit)
    t, r = table.target, table.reference

    def summary(n: int) -> str:
        line = (
            f"{plural(n, 'keyword')}: {plural(t.articles, 'article')} ({plural(t.tally.tokens, 'token')}) against "
            f"{plural(r.articles, 'article')} ({plural(r.tally.tokens, 'token')})"
        )
        if n < n_rows:
            line += f"; {n_rows - n:,} more past --limit"
        return line

    view = KEYWORD.view(empty_message="no keywords", summary=summary)
    written = emit_records(rows, view, format, json, bidi)
    finish(written, c if ref_c is None or c.problems else ref_c)
