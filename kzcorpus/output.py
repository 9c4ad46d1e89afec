"""One output layer for every command: a stream of records, five formats.

Machine formats (JSON, JSON Lines, TSV, CSV) are written here, in logical
Unicode exactly as the records hold it.  Tables for people are drawn by
:mod:`kzcorpus.render`, the only module that imports rich.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any, Literal, get_args

from kzcorpus.schema import Column, Section, View, flat

__all__ = ["FORMATS", "Column", "Format", "Section", "View", "emit", "emit_document", "flat", "resolve_format"]

Format = Literal["table", "json", "jsonl", "tsv", "csv"]
FORMATS: tuple[str, ...] = get_args(Format)


def resolve_format(fmt: str | None, json_flag: bool, stream: IO[str]) -> Format:
    """``--json`` wins; else the given format; else table on a terminal, TSV elsewhere."""
    if json_flag:
        return "json"
    if fmt:
        if fmt not in FORMATS:
            from kzcorpus.errors import UsageError

            raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt  # type: ignore[return-value]
    isatty = getattr(stream, "isatty", None)
    return "table" if isatty is not None and isatty() else "tsv"


def write_json(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """A JSON array, written record by record; valid even when empty."""
    n = 0
    out.write("[")
    try:
        for rec in records:
            out.write(",\n" if n else "\n")
            out.write(json.dumps(rec, ensure_ascii=False))
            n += 1
    finally:
        out.write("\n]\n" if n else "]\n")
    return n


def write_jsonl(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write_tsv(records: Iterable[Mapping[str, Any]], keys: Sequence[str], out: IO[str]) -> int:
    """Tab-separated with a header line; ``\\t \\n \\r \\\\`` escaped in fields."""
    out.write("\t".join(keys) + "\n")
    n = 0
    for rec in records:
        out.write("\t".join(flat(rec.get(k)).translate(_TSV_ESCAPES) for k in keys))
        out.write("\n")
        n += 1
    return n


def write_csv(records: Iterable[Mapping[str, Any]], keys: Sequence[str], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    n = 0
    for rec in records:
        writer.writerow([flat(rec.get(k)) for k in keys])
        n += 1
    return n


def emit(
    records: Iterable[Mapping[str, Any]],
    view: View,
    fmt: Format,
    *,
    out: IO[str] | None = None,
    bidi: str | None = None,
) -> int:
    """Write *records* in *fmt*; return how many were written."""
    out = out if out is not None else sys.stdout
    if fmt == "json":
        return write_json(records, out)
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "tsv":
        return write_tsv(records, view.keys, out)
    if fmt == "csv":
        return write_csv(records, view.keys, out)
    from kzcorpus.render import render_table

    return render_table(records, view, out=out, bidi=bidi)


def section_records(document: Mapping[str, Any], section: Section) -> list[Mapping[str, Any]]:
    value = document.get(section.key)
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [{"field": k, "value": v} for k, v in value.items()]
    return list(value)


def emit_document(
    document: Mapping[str, Any],
    sections: Sequence[Section],
    fmt: Format,
    *,
    out: IO[str] | None = None,
    bidi: str | None = None,
) -> int:
    """Write a nested result (``stats DOC``); return how many sections had records.

    JSON and JSON Lines: the document as one object.  TSV and CSV: one row per
    field of each item: ``section``, ``item`` (the item's first field),
    ``field``, ``value`` (flat text).  Table: one table per section.
    """
    out = out if out is not None else sys.stdout
    parts = [(s, section_records(document, s)) for s in sections]
    filled = sum(1 for _, recs in parts if recs)
    if fmt in ("json", "jsonl"):
        out.write(json.dumps(document, ensure_ascii=False, indent=1 if fmt == "json" else None))
        out.write("\n")
        return filled
    if fmt in ("tsv", "csv"):
        # Long form: one row per field of each item, every value flat text
        # (JSON inside TSV would escape quotes twice).
        def items(s: Section) -> list[Mapping[str, Any]]:
            value = document.get(s.key)
            return [value] if isinstance(value, Mapping) else section_records(document, s)

        rows = (
            {"section": s.key, "item": flat(next(iter(rec.values()), "")), "field": k, "value": flat(v)}
            for s in sections
            for rec in items(s)
            for k, v in rec.items()
        )
        keys = ["section", "item", "field", "value"]
        write_tsv(rows, keys, out) if fmt == "tsv" else write_csv(rows, keys, out)
        return filled
    from kzcorpus.render import render_sections

    render_sections(parts, out=out, bidi=bidi)
    return filled
