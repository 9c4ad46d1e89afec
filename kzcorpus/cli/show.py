"""``kzcorpus show``."""

import sys
from typing import Annotated

import typer

from kzcorpus.cli.base import app
from kzcorpus.cli.common import (
    BidiOpt,
    CorpusOpt,
    EncodingOpt,
    IndexOpt,
    JsonOpt,
    MetadataOpt,
    input_options,
    open_corpus,
)


@app.command()
@input_options
def show(
    ref: Annotated[
        str,
        typer.Argument(
            help="The article: its id (or a unique prefix), or DOC:START-END as kwic's ref column prints it.",
            show_default=False,
        ),
    ],
    context: Annotated[
        int, typer.Option("--context", "-C", min=0, help="Lines shown around the span (with DOC:START-END).")
    ] = 8,
    whole: Annotated[bool, typer.Option("--whole", help="Show the whole article even when a span is given.")] = False,
    index: IndexOpt = None,
    corpus: CorpusOpt = None,
    metadata: MetadataOpt = None,
    encoding: EncodingOpt = None,
    json: JsonOpt = False,
    bidi: BidiOpt = None,
) -> None:
    """Read an article: numbered lines with their page parts, a hit's span marked.

    Each line shows its part (title, body, comment, residue — residue
    dimmed).

    With DOC:START-END the lines around the span are shown (--context) and
    the span is printed first; --json gives the text, metadata, every line
    with its part, and the span.

    Examples:

      kzcorpus show 001

      kzcorpus show 000_7b53a6053af83644:0-7

      kzcorpus kwic توكاييف --format tsv | cut -f2 | head -1 | xargs kzcorpus show

      kzcorpus show 2015-07-21:17 --corpus 2015-07-21.zip --json | jq .lines
    """
    import json as json_module

    from kzcorpus.doc import Doc, boilerplate_for
    from kzcorpus.errors import UsageError
    from kzcorpus.show import document, parse_ref

    c = open_corpus(corpus, metadata, encoding, None, index)
    r = parse_ref(ref, c.ids())
    c.select([r.doc])
    article = next(iter(c), None)
    if article is None:  # pragma: no cover - select() found it
        raise UsageError(f"no article {r.doc!r}")
    doc_record = document(Doc(article, boilerplate_for(c)), r)  # the corpus's parts, as kwic reports them
    if json or not sys.stdout.isatty():
        sys.stdout.write(json_module.dumps(doc_record, ensure_ascii=False, indent=1 if json else None) + "\n")
    else:
        from kzcorpus.render import render_article

        render_article(doc_record, out=sys.stdout, bidi=bidi, context=None if whole else context)
    raise typer.Exit(2 if c.problems else 0)
