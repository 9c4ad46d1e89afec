"""Reading one article: its lines with their page parts, a span marked.

:func:`parse_ref` reads the ``DOC:START-END`` references ``kwic`` prints
(``ref``); :func:`article_lines` gives every line of an article — blank
lines too, so line numbers match ``kwic``'s ``line`` — with its part and
whether it overlaps the span.  Rendering for a terminal is the CLI's
(:func:`kzcorpus.render.render_article`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from kzcorpus.doc import Doc
from kzcorpus.errors import UsageError

_REF_RE = re.compile(r"^(?P<doc>.+?):(?P<start>\d+)(?:-(?P<end>\d+))?$")


class Ref(NamedTuple):
    """An article id, and optionally a span of it."""

    doc: str
    start: int | None = None
    end: int | None = None


def parse_ref(ref: str, known: Sequence[str]) -> Ref:
    """*ref* as ``DOC``, ``DOC:START`` or ``DOC:START-END``.

    Ids may hold colons («2015-07-21:17»): a reference that is itself an id
    (or an unambiguous prefix of one) names that article; otherwise the
    trailing ``:START[-END]`` is the span.
    """
    ref = ref.strip()
    if not ref:
        raise UsageError("give an article reference: DOC, DOC:START or DOC:START-END")
    if _resolve(ref, known) is not None:
        return Ref(_resolve(ref, known) or ref)
    m = _REF_RE.match(ref)
    if m is None:
        raise UsageError(f"no article {ref!r} in the corpus; ids look like {', '.join(known[:3])}")
    doc = _resolve(m.group("doc"), known)
    if doc is None:
        raise UsageError(f"no article {m.group('doc')!r} in the corpus; ids look like {', '.join(known[:3])}")
    start = int(m.group("start"))
    end = int(m.group("end")) if m.group("end") else start
    if end < start:
        raise UsageError(f"the span {start}-{end} ends before it starts")
    return Ref(doc, start, end)


def _resolve(name: str, known: Sequence[str]) -> str | None:
    if name in known:
        return name
    matches = [k for k in known if k.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def article_lines(doc: Doc, start: int | None = None, end: int | None = None) -> list[dict[str, Any]]:
    """Every line of *doc*: ``line``, ``start``, ``end``, ``part`` (``None`` for
    a blank line), ``reason``, ``text``, ``marked`` (overlaps ``[start, end]``)."""
    parts: dict[int, Any] = {}
    for part in doc.parts:  # a line cut by a boilerplate tail has two parts: show the first
        parts.setdefault(part.line, part)
    out = []
    pos = 0
    for n, raw in enumerate(doc.text.split("\n"), 1):
        a, b = pos, pos + len(raw)
        pos = b + 1
        p = parts.get(n)
        if start is None or end is None:
            marked = False
        elif start == end:
            marked = a <= start <= b
        else:
            marked = start <= b and end > a
        out.append(
            {
                "line": n,
                "start": a,
                "end": b,
                "part": p.part if p else None,
                "reason": p.reason if p else None,
                "text": raw.rstrip("\r"),
                "marked": bool(marked),
            }
        )
    return out


def document(doc: Doc, ref: Ref) -> dict[str, Any]:
    """What ``kzcorpus show --json`` prints: the article, its metadata, its
    lines with parts, and the span asked for."""
    if ref.start is not None and (ref.start > len(doc.text) or (ref.end or 0) > len(doc.text)):
        raise UsageError(f"the span {ref.start}-{ref.end} is outside {doc.id} ({len(doc.text)} characters)")
    span = None
    if ref.start is not None and ref.end is not None:
        span = {"start": ref.start, "end": ref.end, "text": doc.text[ref.start : ref.end], "line": doc.line(ref.start)}
    return {
        "doc": doc.id,
        "title": doc.title,
        "meta": doc.meta,
        "path": doc.article.path,
        "characters": len(doc.text),
        "span": span,
        "lines": article_lines(doc, ref.start, ref.end),
        "text": doc.text,
    }
