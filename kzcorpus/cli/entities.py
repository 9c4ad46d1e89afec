"""``kzcorpus entities``."""

from itertools import islice
from typing import Annotated, Any

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    DocOpt,
    EncodingOpt,
    FormatOpt,
    GazetteerOpt,
    JsonOpt,
    MetadataOpt,
    check_choices,
    emit_records,
    finish,
    open_corpus,
)

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@app.command()
def entities(
    type: Annotated[
        list[str] | None,
        typer.Option("--type", "-t", help="Only this type: PER, LOC, ORG or MISC. Repeatable.", show_default=False),
    ] = None,
    min_count: Annotated[
        int, typer.Option("--min-count", min=1, help="Only entities mentioned at least this often.")
    ] = 1,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, help="At most this many rows.", show_default=False)
    ] = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="One record per mention instead of per entity.")] = False,
    gazetteer: GazetteerOpt = None,
    doc: DocOpt = None,
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
    with --mentions, one record per mention with its offsets.

    Examples:

      kzcorpus entities --type PER --limit 10

      kzcorpus entities --mentions --doc 002 --json

      kzcorpus entities --gazetteer my_beat.tsv --min-count 2
    """
    from kzcorpus.doc import Doc
    from kzcorpus.entities import find_mentions, load_gazetteer
    from kzcorpus.output import Column, View

    wanted = check_choices(type, ENTITY_TYPES, "--type")
    gz = load_gazetteer(gazetteer or ())
    c = open_corpus(corpus, metadata, encoding, doc)
    if mentions:

        def mention_records() -> Any:
            for a in c:
                recs = (m.record() for m in find_mentions(a, gz) if wanted is None or m.type in wanted)
                yield from Doc(a).with_parts(recs)

        records: Any = mention_records()
        view = View(
            [
                Column("doc"),
                Column("start", numeric=True),
                Column("end", numeric=True),
                Column("text", text=True),
                Column("type"),
                Column("id"),
                Column("found_by"),
                Column("part"),
            ],
            empty_message="no entity mentions",
        )
    else:
        from kzcorpus.entities import entity_rows

        records = entity_rows(c, gz, types=wanted, min_count=min_count)
        view = View(
            [
                Column("id"),
                Column("name", text=True, max_width=30),
                Column("type"),
                Column("mentions", numeric=True),
                Column("articles", numeric=True),
                Column("per_article", table=False),
                Column("forms", text=True, max_width=60),
                Column("adjectives", header="adj.", numeric=True),
            ],
            empty_message="no entities",
        )
    if limit is not None:
        records = islice(records, limit)
    written = emit_records(records, view, format, json, bidi)
    finish(written, c)
