"""Each outlet's own boilerplate, learned from the corpus itself.

An outlet prints the same furniture in many of its articles: a contact
line under every column, a link line at the end of every article
(«رابط الخبر بصحيفة الوئام: <title>»).  No list of phrases can know every
outlet's; the corpus can.  :func:`learn` reads every article once (lines
and a cheap shape only: no :class:`~kzcorpus.doc.Doc` is built) and
returns a :class:`Boilerplate`: per source (the article's ``source``
metadata; articles without one form one group), the *shapes* of

``lines``
    whole lines (at most :data:`MAX_LINE_CHARS` characters) that the
    outlet repeats (a line whose shape is masks only, «l» or «0 l», an
    e-mail address or an English title alone, never counts: the shape says
    nothing of it);
``tails``
    *labels* («رابط الخبر بصحيفة الوئام») that open the last sentence of
    an article's last line, a ``label: …`` of at most
    :data:`TAIL_MAX_WORDS` words running to the end of the line.

A shape is the text with URLs and e-mail addresses, Latin runs and digit
runs masked and punctuation dropped (:func:`shape`), so lines that differ
only in a link, a number or a code collapse.

A line shape is boilerplate when it is found in at least
``max(MIN_STORIES, MIN_SHARE × the source's articles)`` *stories* of the
source (20 stories, 0.5 %: over all SaudiNewsNet the most repeated body
formulas, «السلام عليكم ورحمة الله وبركاته», «إنا لله وإنا إليه راجعون», are
in at most 10-15 stories of an outlet (0.3 % of its articles), furniture
such as bylines and contact lines in 20 to several hundred: okaz's SMS
contact lines are in 21-22 of its 2,846 articles); a tail label, in
``max(MIN_STORIES, MIN_TAIL_SHARE × the source's articles)``.  Stories, not articles: each article's story key is its longest
line (its first :data:`STORY_CHARS` characters), so a story the outlet printed several times (updates, syndicated
copies) counts once, and a wire story repeated across outlets never counts
at all (shapes are counted per source).  :mod:`kzcorpus.parts` then calls
such lines (and tails) ``residue`` (reason ``boilerplate``).

A model depends on the whole corpus: every command reading a corpus learns
it from all the corpus's articles (not only those selected with ``--doc``
or a slice), an index learns it at build time and stores it, so results do
not depend on ``--doc``, ``--jobs`` or ``--index``.  A single text, or a
corpus too small for any shape to reach :data:`MIN_STORIES`, gets today's
rules alone.

Learning costs a pass over the corpus (about 5 s of CPU over SaudiNewsNet's
31,030 articles), so a corpus read from its files keeps its model in a
small cache (:func:`learn_cached`, ``~/.cache/kzcorpus``; the environment
variable ``KZCORPUS_CACHE`` names another directory, or ``off``), keyed by
every input and metadata file's path, size and modification time: the next
command on the same files reads the model instead of learning it again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class Article(Protocol):
    """What learning reads of an article (:class:`kzcorpus.corpus.Article` has it)."""

    @property
    def text(self) -> str: ...

    @property
    def source(self) -> str | None: ...


#: A line longer than this is never a boilerplate line (and is not shaped).
MAX_LINE_CHARS = 300
#: A tail (label and what follows it) has at most this many words ...
TAIL_MAX_WORDS = 30
#: ... and its label at most this many.
LABEL_MAX_WORDS = 6
#: Only the last this many characters of an article are searched for a tail.
TAIL_CHARS = 400
#: An article's story key: the first this many characters of its longest line.
STORY_CHARS = 200
#: A shape is boilerplate when found in at least this many stories of a source ...
MIN_STORIES = 20
#: ... and in at least this share of the source's articles.
MIN_SHARE = 0.005
#: A tail label must open the last sentence of at least this share of the
#: source's articles: a tail cuts a body line, and an outlet's own tail is
#: in nearly all its articles (al-Weeam's link line: 2,012 of 2,090 stories),
#: while a quote that ends many articles («وأضاف: …») is in a few percent.
MIN_TAIL_SHARE = 0.2

_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")
_LATIN_RE = re.compile(r"[A-Za-z][\w.%/:?=&#-]*")
_DIGITS_RE = re.compile(r"\d+")
_PUNCT_RE = re.compile(r"[\W_]+")
_WORDS_RE = re.compile(r"[^\W_]+")
_MASKS = frozenset({"0", "l"})
_COLON_RE = re.compile(r":")
#: A label: after a sentence end (or the line start), a few words and a colon.
_LABEL_RE = re.compile(
    r"(?:^|(?<=[.!?\u061f\u2026\"'»”)\]]))\s*(?P<label>[^\s:.!?\u061f\u2026][^:.!?\u061f\u2026\n]{0,80}):"
)


def shape(text: str) -> str:
    """What is left of *text* to compare: URLs, e-mail addresses and Latin runs masked (``l``),
    digit runs masked (``0``), punctuation dropped.  Not folded: an outlet's furniture
    is printed by its software, the same letters each time (and folding every short
    line of a corpus would double the cost of the pass)."""
    if "http" in text or "www" in text or "@" in text:
        text = _URL_RE.sub(" l ", text)
    return _PUNCT_RE.sub(" ", _DIGITS_RE.sub(" 0 ", _LATIN_RE.sub(" l ", text))).strip()


def _telling(key: str) -> bool:
    """Whether a shape keeps a word of its own: one of masks only («l», «0 l») says
    nothing of the line (an e-mail address, an English film title, a figure)."""
    return any(w not in _MASKS for w in key.split())


def tail_labels(line: str) -> Iterable[tuple[int, str]]:
    """``(offset in line, label shape)`` of each ``label: …`` that may be a tail of *line*."""
    for m in _LABEL_RE.finditer(line, max(0, len(line) - TAIL_CHARS)):
        label = m.group("label")
        if len(_WORDS_RE.findall(label)) > LABEL_MAX_WORDS:
            continue
        if len(_WORDS_RE.findall(line, m.start("label"))) > TAIL_MAX_WORDS:
            continue
        key = shape(label)
        if _telling(key):  # «20:26», «http:» are no labels
            yield m.start("label"), key


def _last_line(text: str) -> str:
    return text.rstrip().rsplit("\n", 1)[-1].strip()


@dataclass(frozen=True)
class Outlet:
    """One source's boilerplate: line shapes and tail labels."""

    lines: frozenset[str] = frozenset()
    tails: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.lines or self.tails)

    def is_line(self, line: str) -> bool:
        """Whether *line* (trimmed) is one of this outlet's boilerplate lines."""
        return bool(self.lines) and len(line) <= MAX_LINE_CHARS and shape(line) in self.lines

    def tail(self, line: str) -> int | None:
        """Offset in *line* (the article's last line, trimmed) where its boilerplate tail starts, if it has one.

        A learned label is looked for before every colon near the end of the
        line, with or without a sentence end before it (learning needs one;
        «… من أجلها رابط الخبر بصحيفة الوئام: …» is found all the same).
        """
        if not self.tails:
            return None
        window = max(0, len(line) - TAIL_CHARS)
        for colon in (m.start() for m in _COLON_RE.finditer(line, window)):
            if len(_WORDS_RE.findall(line, colon)) > TAIL_MAX_WORDS:
                continue
            words = list(_WORDS_RE.finditer(line, window, colon))[-LABEL_MAX_WORDS:]
            for w in words:  # the longest label first
                if shape(line[w.start() : colon]) in self.tails:
                    return w.start()
        return None


_NONE = Outlet()


@dataclass(frozen=True)
class Boilerplate:
    """Per source (``""``: articles without one), its :class:`Outlet`."""

    outlets: Mapping[str, Outlet] = field(default_factory=dict)

    def outlet(self, source: str | None) -> Outlet:
        return self.outlets.get(source or "", _NONE)

    def __bool__(self) -> bool:
        return any(self.outlets.values())

    def to_json(self) -> str:
        """The model as JSON (sorted: equal models give equal text)."""
        return json.dumps(
            {s: {"lines": sorted(o.lines), "tails": sorted(o.tails)} for s, o in sorted(self.outlets.items()) if o},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Boilerplate:
        data: dict[str, Any] = json.loads(text)
        return cls({s: Outlet(frozenset(o["lines"]), frozenset(o["tails"])) for s, o in data.items()})


class Observation(tuple[str, int, frozenset[str], frozenset[str]]):
    """What the learning pass keeps of one article: source, story key, line shapes, tail labels."""

    __slots__ = ()


def observe(article: Article) -> Observation:
    """One article's contribution to the counts (cheap: no fold of the whole text, no tokens)."""
    text = article.text
    lines = text.split("\n")
    longest = max(lines, key=len, default="")
    story = zlib.crc32(" ".join(longest[:STORY_CHARS].split()).encode("utf-8"))
    trimmed = (ln.strip() for ln in lines)
    shapes = frozenset(s for ln in trimmed if ln and len(ln) <= MAX_LINE_CHARS and _telling(s := shape(ln)))
    tails = frozenset(key for _, key in tail_labels(_last_line(text)))
    return Observation((article.source or "", story, shapes, tails))


class Counts:
    """Stories per shape per source, mergeable (a pass may be cut into partitions)."""

    def __init__(self) -> None:
        self.articles: dict[str, int] = {}
        self.lines: dict[str, dict[str, set[int]]] = {}
        self.tails: dict[str, dict[str, set[int]]] = {}

    def add(self, obs: Observation) -> None:
        source, story, shapes, tails = obs
        self.articles[source] = self.articles.get(source, 0) + 1
        for table, keys in ((self.lines, shapes), (self.tails, tails)):
            per = table.setdefault(source, {})
            for k in keys:
                per.setdefault(k, set()).add(story)

    def merge(self, other: Counts) -> None:
        for source, n in other.articles.items():
            self.articles[source] = self.articles.get(source, 0) + n
        for mine, theirs in ((self.lines, other.lines), (self.tails, other.tails)):
            for source, per in theirs.items():
                into = mine.setdefault(source, {})
                for k, stories in per.items():
                    into.setdefault(k, set()).update(stories)

    def model(self) -> Boilerplate:
        outlets = {}
        for source, n in self.articles.items():

            def kept(table: dict[str, dict[str, set[int]]], share: float) -> frozenset[str]:
                need = max(MIN_STORIES, share * n)  # noqa: B023
                return frozenset(k for k, s in table.get(source, {}).items() if len(s) >= need)  # noqa: B023

            outlet = Outlet(kept(self.lines, MIN_SHARE), kept(self.tails, MIN_TAIL_SHARE))
            if outlet:
                outlets[source] = outlet
        return Boilerplate(outlets)


def merged(parts: Iterable[Counts]) -> Boilerplate:
    """The model of the counts of a corpus cut into parts (e.g. on a Dask cluster)."""
    total = Counts()
    for c in parts:
        total.merge(c)
    return total.model()


def count(articles: Iterable[Article]) -> Counts:
    counts = Counts()
    for a in articles:
        counts.add(observe(a))
    return counts


def learn(articles: Iterable[Article]) -> Boilerplate:
    """The boilerplate of *articles* (read once, in any order: the model does not depend on it)."""
    return count(articles).model()


# -- a cache of learned models ------------------------------------------------

#: Where learned models are kept: a directory, or ``off`` (default: the user's
#: cache directory, ``$XDG_CACHE_HOME/kzcorpus`` or ``~/.cache/kzcorpus``).
ENV_CACHE = "KZCORPUS_CACHE"


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off (:data:`ENV_CACHE`)."""
    value = os.environ.get(ENV_CACHE)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kzcorpus"


def cache_key(paths: Iterable[str], settings: str = "") -> str | None:
    """A key for the model of the corpus read from *paths* (its input and
    metadata files) with *settings*: it changes when any file's size or
    modification time, the set of files, the settings or this module's code
    change (the same rule ``index update`` uses to find changed inputs).
    None when an input cannot be told again (standard input, a missing file)."""
    h = hashlib.sha1(Path(__file__).read_bytes())
    h.update(settings.encode("utf-8"))
    for p in paths:
        if p == "-":
            return None
        try:
            st = os.stat(p)
        except OSError:
            return None
        h.update(f"\n{os.path.abspath(p)}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()


def learn_cached(key: str | None, learn_now: Callable[[], Boilerplate]) -> Boilerplate:
    """The model stored under *key*, else *learn_now*'s, stored for next
    time (written beside and renamed into place, so a reader never sees half
    a file; a cache that cannot be read or written is only skipped)."""
    where = cache_dir()
    if key is None or where is None:
        return learn_now()
    path = where / f"boilerplate-{key}.json"
    try:
        return Boilerplate.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    model = learn_now()
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(model.to_json(), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return model
