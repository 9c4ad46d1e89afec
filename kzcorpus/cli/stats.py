"""``kzcorpus stats`` and ``kzcorpus words``."""

from itertools import islice
from typing import TYPE_CHECKING, Annotated, Any

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
    MetadataOpt,
    ScopeAllOpt,
    dedupe_option,
    emit_records,
    emit_sections,
    finish,
    input_options,
    open_corpus,
    per_article,
)
from kzcorpus.cli.slicing import slice_options

if TYPE_CHECKING:
    from kzcorpus.stats import Scope

# The stats columns shown in a table, with short headers; every field is in
# the machine formats.
TABLE_HEADERS = {
    "doc": "doc",
    "title": "title",
    "published": "published",
    "words": "words",
    "words_arabic": "arabic",
    "words_latin": "latin",
    "words_number": "numbers",
    "distinct_words": "distinct",
    "mattr": "MATTR",
    "hapax": "hapax",
    "sentences": "sents",
    "mean_sentence_words": "w/sent",
    "entity_mentions": "entities",
    "date_expressions": "dates",
    "residue_share": "residue",
}


LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit", "-n", min=0, help="Only the first N articles (the TOTAL row sums them).", show_default=False
    ),
]


def _stats_view() -> Any:
    from kzcorpus.output import Column, View
    from kzcorpus.stats import STATS_FIELDS

    text_keys = ("doc", "title", "published", "published_from", "source", "scope")
    return View(
        [
            Column(
                k,
                header=TABLE_HEADERS.get(k, ""),
                text=k == "title",
                numeric=k not in text_keys,
                table=k in TABLE_HEADERS,
                max_width=24 if k == "title" else None,
            )
            for k in STATS_FIELDS
        ],
        empty_message="no articles",
    )


def _detail_sections() -> list[Any]:
    from kzcorpus.output import Column, Section, View

    def kv() -> View:
        return View([Column("field"), Column("value", text=True, max_width=70)])

    return [
        Section("Figures", "stats", kv()),
        Section(
            "Top content words",
            "top_words",
            View(
                [
                    Column("rank", numeric=True),
                    Column("word", text=True),
                    Column("count", numeric=True),
                    Column("per_10k", numeric=True),
                    Column("forms", text=True, max_width=50),
                ]
            ),
        ),
        Section(
            "Distinctive words (against the rest of the corpus)",
            "keywords",
            View(
                [
                    Column("rank", numeric=True),
                    Column("word", text=True),
                    Column("count", numeric=True),
                    Column("ref_count", numeric=True),
                    Column("g2", numeric=True),
                    Column("log_ratio", numeric=True),
                ]
            ),
        ),
        Section("Keyness method", "keyness", kv()),
        Section(
            "Top entities",
            "top_entities",
            View([Column("id"), Column("name", text=True), Column("type"), Column("mentions", numeric=True)]),
        ),
        Section(
            "Dated events",
            "dated_events",
            View(
                [
                    Column("value"),
                    Column("kind"),
                    Column("text", text=True, max_width=30),
                    Column("sentence", text=True),
                ]
            ),
        ),
        Section(
            "Lines of the page",
            "parts",
            View([Column("line", numeric=True), Column("part"), Column("reason"), Column("text", text=True)]),
        ),
    ]


@app.command()
@input_options
@slice_options(dates=True)
@dedupe_option
def stats(
    doc_id: Annotated[
        str | None,
        typer.Argument(metavar="[DOC]", help="Show one article in detail (id or unique prefix).", show_default=False),
    ] = None,
    all_lines: ScopeAllOpt = False,
    top: Annotated[int, typer.Option("--top", min=1, help="With DOC: how many top words, keywords and entities.")] = 20,
    limit: LimitOpt = None,
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
    """Per-article statistics, and a corpus total; or one article in detail.

    Counts the article body by default (not the title, reader comments or
    page residue); --all counts every line. With DOC: the same figures plus
    top content words, distinctive words (log-likelihood keyness with log
    ratio), top entities and dated events.

    Examples:

      kzcorpus stats

      kzcorpus stats 001

      kzcorpus stats --limit 10

      kzcorpus stats --all --json | jq '.[] | {doc, words, residue_share}'
    """
    from kzcorpus.doc import Doc, boilerplate_for
    from kzcorpus.entities import load_gazetteer
    from kzcorpus.errors import UsageError
    from kzcorpus.stats import article_detail, stats_rows
    from kzcorpus.tasks import StatsTask

    scope: Scope = "all" if all_lines else "body"
    gz = load_gazetteer(gazetteer or ())
    if doc_id is None:
        c = open_corpus(corpus, metadata, encoding, doc, index, gazetteer)
        kind = "stats" if scope == "body" else "stats:all"  # an index stores the body's figures
        found = (r for _, r in islice(per_article(c, kind, StatsTask(gazetteer or (), scope=scope), jobs), limit))
        rows = stats_rows(found, scope=scope, entities=True, dates=True)
        finish(emit_records(rows, _stats_view(), format, json, bidi), c)
    if doc:
        raise UsageError("give either DOC or --doc, not both")
    if limit is not None:
        raise UsageError("--limit is for the list of articles; with DOC, --top sets the length of each list")
    c = open_corpus(corpus, metadata, encoding, [doc_id])
    article = next(iter(c), None)
    if article is None:  # the article could not be read (reported on stderr)
        finish(0, c)
    reference = open_corpus(corpus, metadata, encoding, None)
    target = Doc(article, boilerplate_for(reference))  # the corpus's parts, as the article's row has them
    detail = article_detail(target, reference, scope=scope, top=top, keyness_top=top, gazetteer=gz, dates=True)
    finish(emit_sections(detail, _detail_sections(), format, json, bidi), c)


@app.command()
@input_options
@slice_options(dates=True)
@dedupe_option
def words(
    keep_stopwords: Annotated[
        bool,
        typer.Option(
            "--stopwords/--no-stopwords",
            help="Keep stopwords (في، من، إلى …) in the list, or leave them out (the default).",
        ),
    ] = False,
    ngram: Annotated[
        int, typer.Option("--ngram", min=1, max=6, help="Count sequences of N words (within a sentence).")
    ] = 1,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, help="At most this many words.", show_default=False)
    ] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Only words seen at least this often.")] = 1,
    with_dispersion: Annotated[
        bool,
        typer.Option(
            "--dispersion", help="Add range, Juilland's D, Gries' DP and DPnorm over the articles (or --parts)."
        ),
    ] = False,
    parts: Annotated[
        int | None,
        typer.Option(
            "--parts",
            min=1,
            help="With --dispersion: over N equal slices of the corpus, not articles.",
            show_default=False,
        ),
    ] = None,
    all_lines: ScopeAllOpt = False,
    doc: DocOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Word frequencies for the corpus (or --doc): folded, clitic forms counted with their base word.

    Examples:

      kzcorpus words --limit 20

      kzcorpus words --doc 003 --stopwords

      kzcorpus words --ngram 2 --min-count 3

      kzcorpus words --dispersion --limit 50
    """
    from kzcorpus.output import Column, View
    from kzcorpus.stats import word_frequencies
    from kzcorpus.stats.measures import Scope
    from kzcorpus.stats.words import WordsTask

    if with_dispersion or parts is not None:
        _words_dispersion(
            parts,
            keep_stopwords,
            ngram,
            limit,
            min_count,
            all_lines,
            doc,
            corpus,
            metadata,
            encoding,
            format,
            json,
            bidi,
        )
    c = open_corpus(corpus, metadata, encoding, doc)
    scope: Scope = "all" if all_lines else "body"
    rows = word_frequencies(
        c,
        stopwords=not keep_stopwords,
        ngram=ngram,
        scope=scope,
        top=limit,
        min_count=min_count,
        results=(r for _, r in per_article(c, "words", WordsTask(scope), jobs)) if ngram == 1 else None,
    )
    view = View(
        [
            Column("rank", numeric=True),
            Column("word", text=True),
            Column("count", numeric=True),
            Column("per_10k", numeric=True),
            Column("docs", numeric=True),
            Column("forms", text=True, max_width=60),
        ],
        empty_message="no words",
    )
    finish(emit_records(rows, view, format, json, bidi), c)


def _words_dispersion(
    parts: int | None,
    keep_stopwords: bool,
    ngram: int,
    limit: int | None,
    min_count: int,
    all_lines: bool,
    doc: Any,
    corpus: Any,
    metadata: Any,
    encoding: Any,
    format: Any,
    json: bool,
    bidi: Any,
) -> None:
    """``words --dispersion``."""
    from kzcorpus.dispersion import word_dispersion
    from kzcorpus.errors import UsageError
    from kzcorpus.schema import WORD_DISPERSION

    if ngram > 1:
        raise UsageError("--dispersion is for single words, not --ngram")
    c = open_corpus(corpus, metadata, encoding, doc)
    rows = word_dispersion(
        c,
        parts=parts,
        stopwords=not keep_stopwords,
        scope="all" if all_lines else "body",
        top=limit,
        min_count=min_count,
    )
    finish(emit_records(rows, WORD_DISPERSION.view(empty_message="no words"), format, json, bidi), c)
