"""``kzcorpus entities``."""

from dataclasses import dataclass
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
    check_choices,
    dedupe_option,
    emit_records,
    finish,
    input_options,
    jobs_or_default,
    open_corpus,
    per_article,
    plural,
    progress_bar,
)
from kzcorpus.cli.picture import PlotOpt, check_plot, draw_plot, keep
from kzcorpus.cli.slicing import slice_options

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class _Inputs:
    """What ``--cooccur`` and ``--learn`` take of the command's input and output options."""

    gazetteer: list[str] | None
    doc: list[str] | None
    jobs: int | None
    index: str | None
    corpus: list[str] | None
    metadata: list[str] | None
    encoding: str | None
    format: str | None
    json: bool
    bidi: str | None
    plot: str | None

    def open(self) -> Any:
        """The corpus (or index) to read."""
        return open_corpus(self.corpus, self.metadata, self.encoding, self.doc, self.index, self.gazetteer)

    def emit(self, records: Any, view: Any) -> int:
        return emit_records(records, view, self.format, self.json, self.bidi)


@app.command()
@input_options
@slice_options(dates=True, parts=True)
@dedupe_option
def entities(
    type: Annotated[
        list[str] | None,
        typer.Option("--type", "-t", help="Only this type: PER, LOC, ORG or MISC. Repeatable.", show_default=False),
    ] = None,
    min_count: Annotated[
        int,
        typer.Option(
            "--min-count",
            min=1,
            help="Only entities mentioned at least this often (--cooccur: pairs seen this often;"
            " --learn: names shown if learned from this many articles).",
        ),
    ] = 1,
    limit: LimitOpt = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="One record per mention instead of per entity.")] = False,
    cooccur: Annotated[
        bool,
        typer.Option("--cooccur", help="Pairs of entities named in the same sentence (or --within article)."),
    ] = False,
    within: Annotated[
        Literal["sentence", "article"],
        typer.Option("--within", help="With --cooccur: the unit two entities must share."),
    ] = "sentence",
    plot: PlotOpt = None,
    learn: Annotated[
        str | None,
        typer.Option(
            "--learn",
            metavar="FILE",
            help="Learn names from this corpus (found with a title, a head or quotes in several articles) and"
            " write them to FILE as a gazetteer; --gazetteer FILE then finds them bare. Lists what it learned.",
            show_default=False,
        ),
    ] = None,
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
    """Named entities: people, places, organisations, events, aliases merged.

    One row per real-world entity (id, Arabic name, type, mentions,
    articles, per-article counts, surface forms), most mentioned first; or,
    with --mentions, one record per mention with its offsets; or, with
    --learn FILE, the names the corpus itself teaches (written to FILE).

    Examples:

      kzcorpus entities --type PER --limit 10

      kzcorpus entities --mentions --doc 002 --json

      kzcorpus entities --gazetteer my_beat.tsv --min-count 2

      kzcorpus entities --cooccur --within sentence --min-count 2 --json

      kzcorpus entities --cooccur --min-count 3 --plot pairs.png

      kzcorpus entities --learn names.tsv --type PER --limit 20

      kzcorpus entities --gazetteer names.tsv --type PER --limit 10
    """
    from kzcorpus.entities import load_gazetteer, rows_from_found
    from kzcorpus.errors import UsageError
    from kzcorpus.schema import ENTITY, MENTION
    from kzcorpus.tasks import EntityTask

    wanted = check_choices(type, ENTITY_TYPES, "--type")
    gz = load_gazetteer(gazetteer or ())
    if learn is not None:
        if cooccur or mentions or plot:
            raise UsageError("--learn writes a gazetteer file: give it without --cooccur, --mentions or --plot")
        _learn(
            learn,
            gz,
            wanted,
            min_count,
            limit,
            _Inputs(gazetteer, doc, jobs, index, corpus, metadata, encoding, format, json, bidi, plot),
        )
    if cooccur:
        if mentions:
            raise UsageError("give either --cooccur or --mentions, not both")
        check_plot(plot)
        _cooccur(
            gz,
            wanted,
            within,
            min_count,
            limit,
            _Inputs(gazetteer, doc, jobs, index, corpus, metadata, encoding, format, json, bidi, plot),
        )
    elif within != "sentence":
        raise UsageError("--within is for --cooccur")
    elif plot:
        raise UsageError("--plot is for --cooccur (a chart of the pairs)")
    c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer)
    found = (r for _, r in per_article(c, "entities", EntityTask(gazetteer or ()), jobs))
    tally = Tally()
    if mentions:
        records: Any = tally(m for r in found for m in r["mentions"] if wanted is None or m["type"] in wanted)

        def summary(n: int) -> str:
            line = f"{plural(n, 'mention')} in {plural(len(tally.docs), 'article')}"
            return line + (f"; stopped at --limit {limit}" if limit is not None and n >= limit else "")

        view = MENTION.view(empty_message="no entity mentions", summary=summary)
    else:
        rows = rows_from_found(found, gz, types=wanted, min_count=min_count)
        total = sum(r["mentions"] for r in rows)

        def summary(n: int) -> str:
            line = f"{plural(n, 'entity')} shown of {len(rows):,}, {plural(total, 'mention')} in all"
            return line.replace("entitys", "entities")

        records = iter(rows)
        view = ENTITY.view(empty_message="no entities", summary=summary)
    if limit is not None:
        records = islice(records, limit)
    written = emit_records(records, view, format, json, bidi)
    finish(written, c)


def _cooccur(gz: Any, wanted: Any, within: str, min_count: int, limit: int | None, inputs: _Inputs) -> None:
    """``entities --cooccur``: pairs of entities (:mod:`kzcorpus.cooccur`)."""
    from kzcorpus.cooccur import CooccurTable, CooccurTask
    from kzcorpus.engine import scan
    from kzcorpus.schema import COOCCURRENCE

    c = inputs.open()
    table = CooccurTable(wanted)
    with progress_bar() as progress:
        for _, result in scan(
            c, CooccurTask(inputs.gazetteer or (), within=within), jobs=jobs_or_default(inputs.jobs), progress=progress
        ):
            table.add(result)
    rows: Any = table.records(gz, min_count=min_count)
    n_rows = len(rows)
    if limit is not None:
        rows = islice(rows, limit)

    def summary(n: int) -> str:
        line = f"{plural(n, 'pair')} of {plural(len(table.counts), 'entity')} in {plural(table.n_units, within)}"
        line = line.replace("entitys", "entities")
        return line + (f"; {n_rows - n:,} more past --limit" if n < n_rows else "")

    view = COOCCURRENCE.view(empty_message="no pairs of entities", summary=summary)
    shown: list[dict[str, Any]] | None = [] if inputs.plot else None
    written = inputs.emit(keep(rows, shown), view)
    draw_plot(inputs.plot, "cooccur", shown or [], within=within)
    finish(written, c)


def _learn(path: str, gz: Any, wanted: Any, min_count: int, limit: int | None, inputs: _Inputs) -> None:
    """``entities --learn FILE``: names learned from the corpus (:mod:`kzcorpus.entities.learned`)."""
    from pathlib import Path

    from kzcorpus.engine import scan
    from kzcorpus.entities.learned import NameLearner, learned_records, learned_tsv
    from kzcorpus.errors import InputError
    from kzcorpus.schema import LEARNED_NAME
    from kzcorpus.tasks import LearnTask

    c = inputs.open()
    learner = NameLearner(gz)
    stored = getattr(c, "index", None)
    if stored is not None and c.whole and stored.has_results("entities"):
        # the mentions and the word counts (every line, every article) as the index keeps them
        for article, result in c.with_results("entities"):
            learner.add(article.id, result["mentions"])
        learner.count_words(stored.word_counts("all", learner.one_words()))
    else:
        with progress_bar() as progress:
            for article, result in scan(
                c, LearnTask(inputs.gazetteer or ()), jobs=jobs_or_default(inputs.jobs), progress=progress
            ):
                learner.add(article.id, result["mentions"], result["words"])
    learned = learned_records(learner)
    try:
        Path(path).write_text(
            learned_tsv(learned, corpus=" ".join(inputs.corpus or ()), articles=learner.articles), "utf-8"
        )
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    rows: Any = [r for r in learned if (wanted is None or r["type"] in wanted) and r["articles"] >= min_count]
    n_rows = len(rows)
    if limit is not None:
        rows = islice(rows, limit)

    def summary(n: int) -> str:
        line = f"{plural(len(learned), 'name')} learned from {plural(learner.articles, 'article')}, written to {path}"
        return (
            line
            + (f"; {n:,} shown" if n < len(learned) else "")
            + (f" ({n_rows - n:,} more past --limit)" if n < n_rows else "")
        )

    view = LEARNED_NAME.view(empty_message=f"no names learned; {path} lists none", summary=summary)
    inputs.emit(rows, view)
    finish(len(learned), c)  # the file is the result: exit status 1 only when nothing was learned
