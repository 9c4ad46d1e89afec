"""``kzcorpus dupes``."""

from typing import Annotated, Any

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    JobsOpt,
    JsonOpt,
    LimitOpt,
    MetadataOpt,
    emit_records,
    finish,
    jobs_or_default,
    open_corpus,
    plural,
    progress_bar,
)


@app.command()
def dupes(
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.01, max=1.0, help="Least Jaccard similarity of body shingles for a pair."),
    ] = 0.8,
    shingle: Annotated[int, typer.Option("--shingle", min=1, max=20, help="Words per shingle.")] = 5,
    min_words: Annotated[
        int, typer.Option("--min-words", min=1, help="Leave out articles with fewer body words than this.")
    ] = 20,
    limit: LimitOpt = None,
    doc: DocOpt = None,
    jobs: JobsOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    format: FormatOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Groups of syndicated and near-duplicate articles (same or nearly the same body text).

    Body words, folded, cut into shingles of 5 words; MinHash with LSH
    proposes pairs, and the exact Jaccard similarity of the shingle sets
    decides (at least --threshold). Pairs join into groups. Each record:
    group, size, docs, sources, dates, similarity_min, similarity_max.

    Examples:

      kzcorpus dupes --corpus 'news/*.zip'

      kzcorpus dupes --threshold 0.9 --json | jq '.[0].docs'
    """
    from itertools import islice

    from kzcorpus.dupes import DupeFinder, SketchTask
    from kzcorpus.engine import scan
    from kzcorpus.schema import DUPE_GROUP

    finder = DupeFinder(threshold, min_words)
    c = open_corpus(corpus, metadata, encoding, doc)
    n_articles = 0
    with progress_bar() as progress:
        for article, sketch in scan(c, SketchTask(shingle), jobs=jobs_or_default(jobs), progress=progress):
            n_articles += 1
            finder.add(article.id, article.source, article.published, sketch)
        groups: Any = finder.groups()
    n_groups = len(groups)
    in_groups = sum(g["size"] for g in groups)
    if limit is not None:
        groups = islice(groups, limit)

    def summary(n: int) -> str:
        line = (
            f"{plural(n_groups, 'group')} holding {plural(in_groups, 'article')} of {n_articles:,} "
            f"({finder.skipped:,} under {min_words} body words left out), threshold {threshold}"
        )
        if n < n_groups:
            line += f"; {n_groups - n:,} more past --limit"
        return line

    view = DUPE_GROUP.view(empty_message=f"no near-duplicates at threshold {threshold}", summary=summary)
    finish(emit_records(groups, view, format, json, bidi), c)
