"""Every record kzcorpus prints, defined once.

A :class:`Schema` lists a record's fields in output order, each with its
type and meaning.  From it derive:

- the keys of the JSON/JSONL/TSV/CSV record (:meth:`Schema.record` checks a
  record against it, :attr:`Schema.keys` orders it);
- the table columns (:meth:`Schema.view`: which fields hold Arabic text,
  which are numbers, which tables leave out);
- the README's record tables (:meth:`Schema.markdown`; ``tests/test_docs.py``
  checks the README holds each table exactly as generated:
  ``python -m kzcorpus.schema`` prints them all).

This module imports nothing else of kzcorpus: analyses, the output layer
and the CLI all import it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple


class Column(NamedTuple):
    """A field as a table shows it.

    ``text`` columns hold corpus text (Arabic, right to left) and are
    shaped and reordered for terminals; ``table=False`` keeps a field out of
    tables (it stays in every machine format).
    """

    key: str
    header: str = ""
    text: bool = False
    numeric: bool = False
    table: bool = True
    max_width: int | None = None

    @property
    def title(self) -> str:
        return self.header or self.key


class View(NamedTuple):
    """How to show a record stream: its fields, in order.

    ``kwic`` marks a concordance: in tables the ``before``/``keyword``/
    ``after`` columns are laid out right to left.
    """

    columns: Sequence[Column]
    kwic: bool = False
    empty_message: str = "no results"
    footer: str | None = None
    #: Called once every row is drawn: the line of totals under a table
    #: (rows shown, what they add up to, what was left out).
    summary: Callable[[int], str] | None = None

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]


class Section(NamedTuple):
    """One part of a document: ``document[key]`` (records, or one mapping)."""

    title: str
    key: str
    view: View


class Field(NamedTuple):
    """One field of a record: its key, JSON type, meaning and table hints."""

    key: str
    type: str
    doc: str
    text: bool = False
    numeric: bool = False
    table: bool = True
    max_width: int | None = None
    header: str = ""

    def column(self) -> Column:
        return Column(
            self.key, self.header, text=self.text, numeric=self.numeric, table=self.table, max_width=self.max_width
        )


class Schema(NamedTuple):
    """A record type: its name and fields in output order."""

    name: str
    fields: tuple[Field, ...]

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def view(
        self,
        *,
        show: Iterable[str] = (),
        hide: Iterable[str] = (),
        kwic: bool = False,
        empty_message: str = "no results",
        footer: str | None = None,
        summary: Callable[[int], str] | None = None,
    ) -> View:
        """Table columns for this record: *show* adds fields tables leave out
        by default, *hide* removes fields from tables."""
        shown, hidden = set(show), set(hide)
        unknown = (shown | hidden) - set(self.keys)
        if unknown:
            raise KeyError(f"{self.name} has no field {', '.join(sorted(unknown))}")
        columns = []
        for f in self.fields:
            c = f.column()
            if f.key in shown:
                c = c._replace(table=True)
            if f.key in hidden:
                c = c._replace(table=False)
            columns.append(c)
        return View(columns, kwic=kwic, empty_message=empty_message, footer=footer, summary=summary)

    def record(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """*values* as this record, keys in schema order; every field must be given, no other."""
        if len(values) != len(self.fields) or any(k not in values for k in self.keys):
            missing = [k for k in self.keys if k not in values]
            extra = [k for k in values if k not in self.keys]
            raise ValueError(f"{self.name} record: missing {missing}, unexpected {extra}")
        return {k: values[k] for k in self.keys}

    def markdown(self) -> str:
        """The README table of this record."""
        rows = ["| field | type | meaning |", "|---|---|---|"]
        rows += [f"| `{f.key}` | {f.type} | {f.doc} |" for f in self.fields]
        return "\n".join(rows)


def flat(value: Any) -> str:
    """A field as one line of text: lists joined with `` | ``, objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " | ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _f(key: str, type_: str, doc: str, **hints: Any) -> Field:
    return Field(key, type_, doc, **hints)


_DOC = _f("doc", "string", "article id")
_START = _f("start", "int", "character offset where it starts in the original text", numeric=True, table=False)
_END = _f(
    "end", "int", "character offset where it ends: `text[start:end]` is what was found", numeric=True, table=False
)
_PART = _f("part", "string", "where on the page it is: `title`, `body`, `comment` or `residue` (see `kzcorpus stats`)")

HIT = Schema(
    "hit",
    (
        _DOC._replace(table=False),
        _f("ref", "string", "`DOC:START-END`, what `kzcorpus show` takes to open the article at the hit"),
        _START,
        _END,
        _f("line", "int", "1-based line of `start`", numeric=True),
        _f("before", "string", "up to `--width` words before the hit, white space collapsed", text=True),
        _f("keyword", "string", "the matched text, exactly as in the article: `text[start:end]`", text=True),
        _f("after", "string", "up to `--width` words after the hit", text=True),
        _f(
            "match",
            "string",
            "how it matched: `ل + توكاييف`, `و + ب + عقوبات (without ال)`, `normalized`, `exact`, `regex`; "
            "with `--entity`, what found the mention (`gazetteer`, `rule:…`, `alias:…`)",
            text=True,
            table=False,
        ),
        _PART._replace(table=False),
        _f(
            "copies",
            "int",
            "with `--copies` or `--dedupe`: articles of the hit article's near-duplicate group (itself included) "
            "with a sentence of the same folded words as the hit's sentence; 1 when the article has no "
            "near-duplicates; null without those options",
            numeric=True,
            table=False,
        ),
    ),
)

HIT_COUNT = Schema(
    "hit count",
    (
        _DOC,
        _f("title", "string", "the article's title (metadata, else null)", text=True, max_width=50),
        _f("hits", "int", "hits in the article (only articles with hits are listed)", numeric=True),
    ),
)

ENTITY = Schema(
    "entity",
    (
        _f("id", "string", "canonical English name; an entity no list knows gets its Arabic name"),
        _f("name", "string", "Arabic display name", text=True, max_width=30),
        _f("type", "string", "`PER`, `LOC`, `ORG` or `MISC`"),
        _f("mentions", "int", "mentions in the corpus", numeric=True),
        _f("articles", "int", "articles that mention it", numeric=True),
        _f("per_article", "object", "`{doc: mentions}`", table=False),
        _f("forms", "list", "surface forms with counts, commonest first: `توكاييف (40)`", text=True, max_width=60),
        _f(
            "adjectives",
            "int",
            "demonyms and relational adjectives of a country («الروسي», «الكازاخستانية»), counted apart: "
            "they are not mentions",
            numeric=True,
            header="adj.",
        ),
    ),
)

MENTION = Schema(
    "mention",
    (
        _DOC,
        _f("start", "int", "offset of the name in the original text (proclitics left out)", numeric=True),
        _f("end", "int", "end of the name: `text[start:end]` is the mention", numeric=True),
        _f("text", "string", "the mention as written", text=True),
        _f("type", "string", "`PER`, `LOC`, `ORG` or `MISC`"),
        _f("id", "string", "the entity's id (see the entity record)"),
        _f(
            "found_by",
            "string",
            "`gazetteer`; `gazetteer:<file>` for a `--gazetteer` file; `rule:<name>` such as "
            "`rule:title(الرئيس)` or `rule:head(وزارة)`; `alias:<id>` for a surname standing for a full "
            "name found earlier in the article",
        ),
        _PART,
    ),
)

DATE = Schema(
    "date",
    (
        _DOC,
        _f("start", "int", "offset of the expression in the original text", numeric=True),
        _f("end", "int", "its end: `text[start:end]` is the expression", numeric=True),
        _f("text", "string", "the expression as written", text=True, max_width=40),
        _f(
            "value",
            "string",
            "ISO 8601 at the precision the text gives: `2022`, `2022-01`, `2022-01-07`, `2022-07-15T10:29` "
            "(weeks are not reported); null when it cannot be resolved",
        ),
        _f("kind", "string", "`year`, `month`, `day`, `datetime` or `relative`"),
        _f(
            "calendar",
            "string",
            "`gregorian`, `hijri` (Umm al-Qura, from 1343 AH) or `hijri-tabular` (the tabular Islamic "
            "calendar, for Hijri dates before 1343 AH; `value` is proleptic Gregorian)",
            table=False,
        ),
        _f("hijri", "string", "`YYYY-MM-DD` at its precision, Hijri dates only (`value` is the Gregorian equivalent)"),
        _f("implicit_year", "bool", "true when the year was supplied from the context", table=False),
        _f(
            "implicit_year_from",
            "string",
            "where a year left out came from: `text` (a year the text gives before it) or `anchor` (the article date)",
            table=False,
        ),
        _f("anchor", "string", "the article date used to resolve it"),
        _f(
            "anchor_source",
            "string",
            "where the anchor came from: `metadata`, `inferred`, `unknown`; `metadata:coarse` or "
            "`inferred:coarse` when it is less precise than the expression",
        ),
        _f("range", "int", "the same id on both ends of a range"),
        _PART,
    ),
)

TIMELINE = Schema(
    "timeline entry",
    (
        _f("value", "string", "the date (as in the date record)"),
        _f("kind", "string", "as in the date record"),
        _DOC,
        _START,
        _END,
        _f("text", "string", "the expression as written", text=True, max_width=30),
        _f("sentence", "string", "the sentence it stands in", text=True),
    ),
)

WORD = Schema(
    "word",
    (
        _f("rank", "int", "1 for the commonest", numeric=True),
        _f("word", "string", "the base word (proclitics removed), in its commonest spelling", text=True),
        _f("count", "int", "occurrences", numeric=True),
        _f("per_10k", "float", "per 10,000 tokens, stopwords included in the total", numeric=True),
        _f("docs", "int", "articles it occurs in", numeric=True),
        _f("forms", "list", "the spellings counted under it, as written, with counts: `الروسية (27)`", text=True),
    ),
)


# -- analyst's toolkit (trend, collocates) -----------------------------------

TREND = Schema(
    "trend period",
    (
        _f("query", "string", "the query as given (with `--entity`, the entity's id)", text=True),
        _f(
            "period",
            "string",
            "`2015-07-21` (day), `2015-W30` (ISO week), `2015-07` (month), `2015` (year); the source or the "
            "metadata value with `--by source|FIELD`; `unknown` for undated articles (or hits), or dates less "
            "precise than the period",
        ),
        _f("hits", "int", "hits of the query in the period (0 when none)", numeric=True),
        _f("articles", "int", "articles of the period with at least one hit", numeric=True),
        _f(
            "period_articles",
            "int",
            "articles in the period (null with `--by-date referenced`)",
            numeric=True,
        ),
        _f(
            "tokens",
            "int",
            "body tokens of the period's articles, counted as `stats` counts `words` (null with "
            "`--by-date referenced`)",
            numeric=True,
        ),
        _f("per_10k", "float", "`hits * 10000 / tokens`, 2 decimals (null when `tokens` is 0 or null)", numeric=True),
    ),
)

COLLOCATE = Schema(
    "collocate",
    (
        _f("rank", "int", "1 for the strongest by `--by`", numeric=True),
        _f(
            "collocate",
            "string",
            "the word (proclitics merged as `words` merges them), in its commonest spelling in the windows; "
            "with `--entities`, the entity's id",
            text=True,
        ),
        _f("joint", "int", "occurrences of the collocate in the node's windows (`O`)", numeric=True),
        _f("left", "int", "of those, before the node", numeric=True),
        _f("right", "int", "of those, after the node", numeric=True),
        _f(
            "collocate_count",
            "int",
            "occurrences of the collocate in the counted text (`f_c`; body lines unless `--all`)",
            numeric=True,
        ),
        _f("node_count", "int", "hits of the node in the counted text (`f_n`)", numeric=True),
        _f("score", "float", "the `--by` score (for `freq`: `joint`)", numeric=True),
        _f("mi", "float", "mutual information, `log2(O / E)`, `E = f_n * f_c / N`", numeric=True, table=False),
        _f("mi3", "float", "`log2(O^3 / E)`", numeric=True, table=False),
        _f("t", "float", "t-score, `(O - E) / sqrt(O)`", numeric=True, table=False),
        _f("logdice", "float", "`14 + log2(2 * O / (f_n + f_c))`", numeric=True, table=False),
        _f("ll", "float", "log-likelihood G2 of the 2×2 table, negative when `O < E`", numeric=True, table=False),
        _f("forms", "list", "spellings in the windows, as written, with counts: `الروسية (27)`", text=True),
    ),
)

#: The analyst's records; the lead adds them to :data:`ALL` with their README tables.
ANALYST: tuple[Schema, ...] = (TREND, COLLOCATE)

# -- analyst's toolkit II (dupes, words --dispersion) ---------------------------

DUPE_GROUP = Schema(
    "duplicate group",
    (
        _f("group", "int", "1 for the largest group", numeric=True),
        _f("size", "int", "articles in the group", numeric=True),
        _f("docs", "list", "their ids, in corpus order"),
        _f("sources", "list", "each article's source (null when unknown), in the order of `docs`"),
        _f("dates", "list", "each article's publication date (null when unknown), in the order of `docs`"),
        _f(
            "similarity_min",
            "float",
            "lowest exact Jaccard similarity of body shingles over the pairs that joined the group",
            numeric=True,
            header="sim. min",
        ),
        _f(
            "similarity_max",
            "float",
            "highest such similarity (1.0: the same body text)",
            numeric=True,
            header="sim. max",
        ),
    ),
)

WORD_DISPERSION = Schema(
    "word with dispersion",
    (
        *WORD.fields,
        _f("range", "int", "articles (or `--parts` slices) it occurs in", numeric=True),
        _f(
            "juilland_d",
            "float",
            "Juilland's D, `1 - CV / sqrt(n - 1)` over the n parts' relative frequencies "
            "(1: even; 0: all in one part); null for one part",
            numeric=True,
            header="D",
        ),
        _f(
            "dp",
            "float",
            "Gries' DP, `0.5 * sum(|v_i / f - s_i|)` (0: spread as the parts' sizes; near 1: in one small part)",
            numeric=True,
        ),
        _f("dp_norm", "float", "DP / (1 - the smallest part's share): 1 when all in the smallest part", numeric=True),
    ),
)

PLOT = Schema(
    "plot row",
    (
        _DOC,
        _f("title", "string", "the article's title (metadata, else null)", text=True, table=False),
        _f("hits", "int", "hits of the query in the article (only articles with hits are listed)", numeric=True),
        _f("chars", "int", "the article's length in characters: the whole bar", numeric=True),
        _f(
            "barcode",
            "string",
            "the article as `--width` cells, its start on the left: `.` no hit, `|` one hit starts there, "
            "`#` two or more",
        ),
        _f(
            "first",
            "float",
            "where the first hit starts, as a share of the length (0: the start)",
            numeric=True,
            table=False,
        ),
        _f("offsets", "list", "character offsets where the hits start", table=False),
    ),
)

TOOLKIT2: tuple[Schema, ...] = (DUPE_GROUP, WORD_DISPERSION, PLOT)


# -- keywords and entity co-occurrence ----------------------------------------

KEYWORD = Schema(
    "keyword",
    (
        _f(
            "rank",
            "int",
            "1 for the highest G2 (over-used words first, then, with `--under`, under-used ones)",
            numeric=True,
        ),
        _f(
            "word",
            "string",
            "the base word (proclitics removed, as `words` counts), in its commonest spelling; with `--entities`, "
            "the entity's id",
            text=True,
        ),
        _f("use", "string", "`over` (used more in the target than in the reference) or `under`"),
        _f("count", "int", "occurrences in the target (`a`)", numeric=True),
        _f("per_10k", "float", "per 10,000 target tokens (stopwords included in the total)", numeric=True),
        _f("ref_count", "int", "occurrences in the reference (`b`)", numeric=True),
        _f("ref_per_10k", "float", "per 10,000 reference tokens", numeric=True),
        _f("g2", "float", "log-likelihood G2 (Dunning 1993), 2 decimals", numeric=True),
        _f("p", "float", "p-value of G2 (chi-square, one degree of freedom), 3 significant digits", numeric=True),
        _f(
            "log_ratio",
            "float",
            "Hardie's log ratio, `log2((a/c) / (b/d))`, a zero count taken as 0.5; negative when under-used",
            numeric=True,
        ),
        _f(
            "pct_diff",
            "float",
            "%DIFF (Gabrielatos & Marchi 2012), `100 * (a/c - b/d) / (b/d)`; null when `ref_count` is 0",
            numeric=True,
        ),
        _f("forms", "list", "spellings counted under it (in the side that over-uses it), with counts", text=True),
    ),
)

COOCCURRENCE = Schema(
    "co-occurrence",
    (
        _f("source", "string", "one entity's id (the smaller of the two)"),
        _f("target", "string", "the other entity's id"),
        _f("source_name", "string", "Arabic display name of `source`", text=True, max_width=24),
        _f("target_name", "string", "Arabic display name of `target`", text=True, max_width=24),
        _f("source_type", "string", "`PER`, `LOC`, `ORG` or `MISC`", table=False),
        _f("target_type", "string", "`PER`, `LOC`, `ORG` or `MISC`", table=False),
        _f("pair_count", "int", "units (sentences, or articles with `--within article`) naming both", numeric=True),
        _f("articles", "int", "articles with at least one such unit", numeric=True),
        _f("source_count", "int", "units naming `source`", numeric=True),
        _f("target_count", "int", "units naming `target`", numeric=True),
        _f("pmi", "float", "`log2(pair_count * N / (source_count * target_count))`, `N` = units in all", numeric=True),
        _f("logdice", "float", "`14 + log2(2 * pair_count / (source_count + target_count))`", numeric=True),
    ),
)

LEARNED_NAME = Schema(
    "learned name",
    (
        _f("id", "string", "the id mentions of it get: the name as a rule-found name's id", table=False),
        _f("type", "string", "`PER`, `LOC` or `ORG`"),
        _f(
            "form",
            "string",
            "the name as written, commonest spelling (the gazetteer file's form)",
            text=True,
            max_width=40,
        ),
        _f("articles", "int", "articles where a rule found it with evidence", numeric=True),
        _f("evidence", "int", "times it was found with evidence", numeric=True),
        _f(
            "share",
            "float",
            "of a one-word form, `evidence` / its occurrences as a word of the corpus (at least 0.35); 1 for longer forms",
            numeric=True,
        ),
        _f("found_by", "object", "`{found_by: times}`: the rules that found it (`rule:title(الوزير)`…)", table=False),
    ),
)

#: Every schema, in README order.
ALL: tuple[Schema, ...] = (
    HIT,
    HIT_COUNT,
    ENTITY,
    MENTION,
    DATE,
    TIMELINE,
    WORD,
    *ANALYST,
    KEYWORD,
    COOCCURRENCE,
    LEARNED_NAME,
    *TOOLKIT2,
)


def main() -> None:
    for s in ALL:
        print(f"{s.name}:\n\n{s.markdown()}\n")


if __name__ == "__main__":
    main()
