"""Loading articles: text files, directories, globs, stdin, JSON collections.

Every command works on :class:`Article` records from :class:`Corpus`, which
streams: files are listed up front (so a missing path is an error before any
output), but each article is read only when iteration reaches it.  A source
that cannot be read or decoded is reported as a :class:`Problem` and skipped;
the rest of the corpus is still processed.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from kzcorpus.decoding import decode as decode
from kzcorpus.decoding import reads_as_arabic as reads_as_arabic
from kzcorpus.errors import InputError, UsageError

if TYPE_CHECKING:
    from kzcorpus.boilerplate import Boilerplate

#: Fields of a collection record used as the text, in order of preference.
TEXT_FIELDS = ("text", "content")
#: Metadata fields kept from collection records (``author`` and the rest are
#: kept too, under their own names).
DATE_FIELDS = ("published", "date", "date_extracted")
METADATA_NAMES = ("metadata.csv", "metadata.jsonl")
COLLECTION_SUFFIXES = (".jsonl", ".ndjson", ".json")
#: The files a directory is read for by default (``include`` widens or narrows it).
ARTICLE_SUFFIXES = (".txt", *COLLECTION_SUFFIXES, ".zip")
ENV_CORPUS = "KZCORPUS_CORPUS"
#: How many notes of one kind are printed before the rest are counted.
NOTES_PER_KIND = 5
_GLOB_CHARS = frozenset("*?[")
_ISO_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")


@dataclass
class Article:
    """One article: ``text`` is exactly what the file holds, decoded.

    Every offset any command reports is an index into ``text``.
    """

    id: str
    text: str
    path: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> str | None:
        return self.meta.get("published") or None

    @property
    def source(self) -> str | None:
        return self.meta.get("source") or None

    @property
    def url(self) -> str | None:
        return self.meta.get("url") or None


class Problem(NamedTuple):
    """An input that was skipped, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def resolve_ids(requested: Iterable[str], known: Sequence[str]) -> list[str]:
    """Each request as an article id: the id itself or an unambiguous prefix
    of one («001» for ``001_2a176dd2cbfe933f``); unknown or ambiguous
    requests raise :class:`UsageError` naming the choices."""
    chosen: list[str] = []
    for req in requested:
        if req in known:
            chosen.append(req)
            continue
        matches = [k for k in known if k.startswith(req)]
        if len(matches) == 1:
            chosen.append(matches[0])
        elif not matches:
            sample = ", ".join(known[:5]) + (" …" if len(known) > 5 else "")
            raise UsageError(f"no article {req!r} in the corpus; ids are: {sample}")
        else:
            raise UsageError(f"{req!r} names {len(matches)} articles ({', '.join(matches[:5])}); give more of the id")
    return chosen


def seeds_dir() -> Path:
    """The embedded seed articles (inside the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise InputError("the embedded seed articles are missing from this installation; reinstall kzcorpus")


# --------------------------------------------------------------------------
# Metadata


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """Read a metadata CSV or JSONL file: ``{id: {field: value}}``."""
    try:
        raw = decode(path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read metadata {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise InputError(f"cannot read metadata {path}: {exc}") from None
    rows: list[dict[str, Any]] = []
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"metadata {path} line {n}: invalid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"metadata {path} line {n}: expected an object with an 'id'")
            rows.append(obj)
    else:
        import csv

        rows.extend(csv.DictReader(io.StringIO(raw, newline="")))
    out: dict[str, dict[str, str]] = {}
    for n, row in enumerate(rows, 1):
        rid = row.get("id")
        if rid in (None, ""):
            raise InputError(
                f"metadata {path} row {n}: no 'id' (every row needs the article id, the file name without .txt)"
            )
        out[str(rid)] = {str(k): _meta_str(v) for k, v in row.items() if k and k != "id" and v not in (None, "")}
    return out


def _meta_str(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------
# Sources


@dataclass(frozen=True)
class _Source:
    kind: str  # "text", "collection", "zip", "stdin"
    path: str
    #: The article id (text files) or the prefix of record ids (collections).
    id: str = ""


#: Reports a problem met while listing inputs: (path, reason).
_Report = Callable[[str, str], None]


def _is_glob(spec: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in spec)


def _expand(spec: str, include: Sequence[str], exclude: Sequence[str], report: _Report) -> list[_Source]:
    if spec == "-":
        return [_Source("stdin", "-", "stdin")]
    path = Path(spec).expanduser()
    if path.is_dir():
        found, hidden = _walk(path, include, exclude, report)
        if not found:
            kinds = ", ".join(ARTICLE_SUFFIXES)
            narrowed = " matching the include and exclude patterns" if include or exclude else ""
            skipped = f"; {hidden} hidden names skipped (name one to read it)" if hidden else ""
            raise InputError(f"{spec}: directory has no article files{narrowed} ({kinds}){skipped}")
        return _sources(found, path)
    if path.exists():
        return [_classify(path, path.stem)]
    if _is_glob(spec):
        import glob

        matches = sorted(glob.glob(os.path.expanduser(spec), recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file()]
        files = [f for f in files if _wanted(f, Path(), include, exclude, known=True)]
        if not files:
            raise InputError(f"{spec}: no files match this pattern")
        return _sources(files, Path(os.path.commonpath([f.parent for f in files])))
    raise InputError(f"{spec}: no such file or directory (check the --corpus path)")


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], report: _Report) -> tuple[list[Path], int]:
    """Files below *root* to read, in name order, and how many hidden names were skipped."""

    def unreadable(exc: OSError) -> None:
        if Path(exc.filename or root) == root:
            raise InputError(f"{root}: cannot list this directory ({exc.strerror or exc})")
        report(str(exc.filename), f"cannot list this directory ({exc.strerror or exc})")

    found: list[str] = []
    hidden = 0
    filtered = bool(include or exclude)
    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):
        hidden += sum(1 for name in (*dirnames, *filenames) if name.startswith("."))
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or name in METADATA_NAMES:
                continue  # metadata.csv/.jsonl describe the text files beside them
            known = os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
            full = os.path.join(folder, name)
            if filtered:
                if not _wanted(Path(full), root, include, exclude, known=known):
                    continue
            elif not known:
                continue
            if os.path.isfile(full):
                found.append(full)
    # Path order (by path components), without building a Path per file.
    found.sort(key=lambda f: f.split(os.sep))
    return [Path(f) for f in found], hidden


def _wanted(path: Path, root: Path, include: Sequence[str], exclude: Sequence[str], *, known: bool) -> bool:
    """Whether the include/exclude patterns keep *path* (*known*: a kind read by default).

    A pattern matches the file name, the path relative to *root*, or one of
    its directories (``drafts`` leaves out everything below ``drafts/``).
    An include pattern that names the file itself reads it whatever its
    suffix (as text unless a collection or zip).
    """
    from fnmatch import fnmatchcase

    rel = path.relative_to(root) if root != Path() else path
    whole = (rel.name, rel.as_posix())
    dirs = ["/".join(rel.parts[:i]) for i in range(1, len(rel.parts))]

    def matches(patterns: Sequence[str], names: Sequence[str]) -> bool:
        return any(fnmatchcase(n, p) for p in patterns for n in names)

    if include:
        if not (matches(include, whole) or (known and matches(include, dirs))):
            return False
    elif not known:
        return False
    return not (exclude and matches(exclude, [*whole, *dirs]))


def _sources(files: list[Path], root: Path) -> list[_Source]:
    """Sources for *files* found under *root*, with ids unique by construction.

    A text file's id is its stem; where stems repeat, the path relative to
    *root* without the extension (``2015/a``), or with it if that repeats
    too (``a.txt`` beside ``a.json``).  Collections' record-id prefixes
    follow the same rule.
    """
    from collections import Counter

    out = [_classify(f, f.stem) for f in files]
    stems = Counter((s.kind, s.id) for s in out)
    renamed = [
        _Source(s.kind, s.path, Path(s.path).relative_to(root).with_suffix("").as_posix())
        if stems[s.kind, s.id] > 1
        else s
        for s in out
    ]
    rels = Counter((s.kind, s.id) for s in renamed)
    return [
        _Source(s.kind, s.path, Path(s.path).relative_to(root).as_posix()) if rels[s.kind, s.id] > 1 else s
        for s in renamed
    ]


def _classify(path: Path, stem: str) -> _Source:
    suffix = path.suffix.lower()
    if suffix in COLLECTION_SUFFIXES:
        return _Source("collection", str(path), stem)
    if suffix == ".zip":
        return _Source("zip", str(path), stem)
    return _Source("text", str(path), stem)


class Corpus:
    """An iterable of :class:`Article`, streamed from *sources*.

    *sources*: paths, directories, glob patterns, ``-`` for standard input,
    JSON Lines or JSON array collections, zip files of those.  ``None``
    means ``$KZCORPUS_CORPUS`` or else the embedded seeds.  A directory is
    read recursively, in name order, for every kind of file a source may be
    (``.txt``, ``.json``, ``.jsonl``, ``.ndjson``, ``.zip``; hidden names
    and ``metadata.csv``/``metadata.jsonl`` skipped).  *include* and
    *exclude* are glob patterns matched against the file name, its path
    relative to the directory, or one of its directories, for files found
    in directories or by globs: with *include*, only matching files are
    read (a pattern naming files of another suffix reads them as text);
    files matching *exclude* are not.  Problems (unreadable files, bad
    records) go to *on_problem* as they are met and are kept in
    :attr:`problems`; notes (nothing skipped) go to *on_note*, the first
    :data:`NOTES_PER_KIND` of each kind, then one line counting the rest.
    """

    def __init__(
        self,
        sources: Sequence[str] | None = None,
        *,
        metadata: Sequence[str | Path] = (),
        encoding: str | None = None,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        on_problem: Callable[[Problem], None] | None = None,
        on_note: Callable[[str], None] | None = None,
        stdin: Callable[[], bytes] | None = None,
    ) -> None:
        if not sources:
            env = os.environ.get(ENV_CORPUS, "").strip()
            sources = env.split(os.pathsep) if env else [str(seeds_dir())]
        if any(not str(s).strip() for s in sources):
            raise UsageError("an empty corpus path was given; pass a file, directory, glob or -")
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {encoding!r}; try utf-8, utf-16 or cp1256") from None
        self.encoding = encoding
        self._on_problem = on_problem
        self._on_note = on_note
        self._quiet = False
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self._note_counts: dict[str, int] = {}
        self._sources = [src for spec in sources for src in _expand(str(spec), include, exclude, self._problem)]
        self._extra_meta: dict[str, dict[str, str]] = {}
        self._metadata_files = [str(m) for m in metadata]
        for m in metadata:
            for rid, row in read_metadata(Path(m)).items():
                self._extra_meta.setdefault(rid, {}).update(row)
        self._dir_meta: dict[str, dict[str, dict[str, str]]] = {}
        self._stdin_reader = stdin or (lambda: sys.stdin.buffer.read())
        self._stdin_data: bytes | None = None
        self._only: frozenset[str] | None = None
        self._boilerplate: Boilerplate | None = None

    # -- problems ---------------------------------------------------------
    def _note(self, message: str, kind: str = "") -> None:
        """Something the user should know that skipped nothing.

        Past :data:`NOTES_PER_KIND` notes of one *kind*, the rest are only
        counted (:meth:`_summarise_notes` says how many).
        """
        if self._quiet:
            return
        if kind:
            n = self._note_counts[kind] = self._note_counts.get(kind, 0) + 1
            if n > NOTES_PER_KIND:
                return
        self.notes.append(message)
        if self._on_note is not None:
            self._on_note(message)

    def _summarise_notes(self) -> None:
        counts, self._note_counts = self._note_counts, {}
        for kind, n in counts.items():
            if n > NOTES_PER_KIND:
                more = n - NOTES_PER_KIND
                self._note(f"… and {more} more note{'s' if more > 1 else ''} of this kind ({kind})")

    def _problem(self, path: str, reason: str) -> None:
        if self._quiet:
            return
        p = Problem(path, reason)
        self.problems.append(p)
        if self._on_problem is not None:
            self._on_problem(p)

    # -- iteration --------------------------------------------------------
    def select(self, requested: Iterable[str]) -> list[str]:
        """Restrict iteration to some articles; return their ids.

        Each request is an id or an unambiguous prefix of one («001» for
        ``001_2a176dd2cbfe933f``).  Unknown or ambiguous requests raise
        :class:`UsageError` naming the choices.
        """
        chosen = resolve_ids(requested, self.ids())
        self._only = frozenset(chosen)
        return chosen

    def boilerplate(self) -> Boilerplate:
        """The corpus's learned boilerplate (:func:`kzcorpus.boilerplate.learn`), from a quiet pass over
        every article (those :meth:`select` left out too), or the cache (:func:`~kzcorpus.boilerplate.learn_cached`)."""
        if self._boilerplate is None:
            from kzcorpus.boilerplate import cache_key, learn, learn_cached

            def learn_now() -> Boilerplate:
                quiet, self._quiet = self._quiet, True
                try:
                    seen: dict[str, int] = {}
                    return learn(self._complete(a, seen) for a in self._articles())
                finally:
                    self._quiet = quiet

            dirs = sorted({os.path.dirname(s.path) for s in self._sources if s.kind == "text"})
            beside = [p for d in dirs for n in METADATA_NAMES if os.path.exists(p := os.path.join(d, n))]
            files = [s.path for s in self._sources] + self._metadata_files + beside
            self._boilerplate = learn_cached(cache_key(files, self.encoding or ""), learn_now)
        return self._boilerplate

    def __iter__(self) -> Iterator[Article]:
        seen: dict[str, int] = {}
        self._note_counts = {}
        try:
            yield from self._settled(self._articles(), seen)
        finally:
            self._summarise_notes()
        unused = sorted(set(self._extra_meta) - set(seen))
        if unused and self._only is None:
            sample = ", ".join(unused[:3]) + (" …" if len(unused) > 3 else "")
            self._note(
                f"--metadata: {len(unused)} row{'s' if len(unused) > 1 else ''} name no article in the corpus ({sample})"
            )

    def _settled(self, articles: Iterable[Article], seen: dict[str, int]) -> Iterator[Article]:
        """*articles* with their final ids and metadata; *seen* counts the ids met so far (updated).

        A part of a corpus read elsewhere (:mod:`kzcorpus.distributed`) gets
        the same ids as in a whole-corpus read when *seen* starts with the
        counts of the ids of the articles before it.
        """
        for article in articles:
            if self._only is not None and article.id not in self._only:
                continue
            yield self._complete(article, seen)

    def _complete(self, article: Article, seen: dict[str, int]) -> Article:
        """A unique id, metadata from ``--metadata`` files, a checked date."""
        n = seen.get(article.id, 0)
        seen[article.id] = n + 1
        if n:
            new_id = f"{article.id}~{n + 1}"
            self._note(
                f"{article.path}: duplicate id {article.id!r}; this article is called {new_id!r}", "duplicate ids"
            )
            article.id = new_id
        meta = self._extra_meta.get(article.id)
        if meta:
            article.meta.update(meta)
            if meta.get("title"):
                article.title = meta["title"]
        published = article.meta.get("published")
        if published and not _ISO_DATE_RE.match(published.strip()):
            self._note(
                f"{article.id}: metadata published {published!r} is not an ISO 8601 date "
                "(2022, 2022-07, 2022-07-15 or 2015-07-21 02:51:32); ignored",
                "dates not ISO 8601",
            )
            del article.meta["published"]
        return article

    def _articles(self) -> Iterator[Article]:
        for src in self._sources:
            yield from self._articles_from(src)

    def _articles_from(self, src: _Source) -> Iterator[Article]:
        if src.kind == "text":
            article = self._read_text(Path(src.path), src.id)
            if article is not None:
                yield article
        elif src.kind == "stdin":
            yield from self._read_stdin()
        elif src.kind == "collection":
            data = self._read_bytes(Path(src.path))
            if data is not None:
                yield from self._collection(data, src.path, src.id)
        else:
            yield from self._read_zip(Path(src.path))

    def _read_bytes(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as exc:
            self._problem(str(path), f"cannot read ({exc.strerror or exc})")
            return None

    def _decode(self, data: bytes, where: str) -> str | None:
        try:
            return decode(data, self.encoding)
        except ValueError as exc:
            self._problem(where, str(exc))
            return None

    def _read_text(self, path: Path, article_id: str) -> Article | None:
        if self._only is not None and article_id not in self._only:
            return None
        data = self._read_bytes(path)
        if data is None:
            return None
        text = self._decode(data, str(path))
        if text is None:
            return None
        if not text.strip():
            self._note(f"{path}: empty article (no text); kept, with nothing to find in it", "empty articles")
        meta = dict(self._metadata_for(path.parent).get(path.stem, {}))
        return Article(id=article_id, text=text, path=str(path), title=meta.get("title") or None, meta=meta)

    def _metadata_for(self, directory: Path) -> dict[str, dict[str, str]]:
        key = str(directory)
        if key not in self._dir_meta:
            merged: dict[str, dict[str, str]] = {}
            for name in METADATA_NAMES:
                candidate = directory / name
                if candidate.is_file():
                    try:
                        for rid, row in read_metadata(candidate).items():
                            merged.setdefault(rid, {}).update(row)
                    except InputError as exc:
                        self._problem(str(candidate), f"metadata ignored: {exc}")
            self._dir_meta[key] = merged
        return self._dir_meta[key]

    def _read_stdin(self) -> Iterator[Article]:
        if self._stdin_data is None:
            try:
                self._stdin_data = self._stdin_reader()
            except OSError as exc:
                self._problem("-", f"cannot read standard input ({exc})")
                return
        data = self._stdin_data
        text = self._decode(data, "-")
        if text is None:
            return
        head = text.lstrip()[:1]
        if head in ("[", "{"):
            records, _why = _parse_collection(text, lenient=True)
            if records is not None:
                yield from self._records(records, "-", "stdin")
                return
        yield Article(id="stdin", text=text, path="-")

    def _read_zip(self, path: Path) -> Iterator[Article]:
        import zipfile

        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            self._problem(str(path), f"cannot open zip ({exc})")
            return
        other: list[str] = []
        with zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                member = Path(info.filename)
                where = f"{path}!{info.filename}"
                suffix = member.suffix.lower()
                if suffix not in COLLECTION_SUFFIXES and suffix != ".txt":
                    other.append(info.filename)
                    continue
                try:
                    data = zf.read(info)
                except (OSError, zipfile.BadZipFile, RuntimeError) as exc:
                    self._problem(where, f"cannot read ({exc})")
                    continue
                if suffix == ".txt":
                    text = self._decode(data, where)
                    if text is not None:
                        yield Article(id=member.stem, text=text, path=where)
                else:
                    yield from self._collection(data, where, member.stem)
        if len(other) == 1:
            self._problem(f"{path}!{other[0]}", "skipped: not .txt, .json or .jsonl")
        elif other:
            sample = ", ".join(other[:3]) + (" …" if len(other) > 3 else "")
            self._problem(str(path), f"{len(other)} members skipped: not .txt, .json or .jsonl ({sample})")

    def _collection(self, data: bytes, where: str, stem: str) -> Iterator[Article]:
        text = self._decode(data, where)
        if text is None:
            return
        records, why = _parse_collection(text)
        if records is None:
            self._problem(where, why)
            return
        yield from self._records(records, where, stem)

    def _records(self, records: list[_Record], where: str, stem: str) -> Iterator[Article]:
        if len(records) > 1 and not any(_body(rec) is not None for _n, _label, rec in records):
            self._problem(
                where, f"none of its {len(records)} records has a 'text' or 'content' string field (not articles?)"
            )
            return
        for n, label, rec in records:
            here = f"{where} {label}"
            if isinstance(rec, Exception):
                self._problem(here, f"invalid JSON ({rec})")
                continue
            if not isinstance(rec, dict):
                self._problem(here, "not a JSON object")
                continue
            body = _body(rec)
            if body is None:
                self._problem(here, "no 'text' or 'content' string field")
                continue
            rid = rec.get("id")
            meta = {
                str(k): _meta_str(v)
                for k, v in rec.items()
                if k not in TEXT_FIELDS and k != "id" and v not in (None, "")
            }
            if "published" not in meta:
                date = next((meta[k] for k in DATE_FIELDS if k in meta), None)
                if date:
                    meta["published"] = date
            yield Article(
                id=str(rid) if rid not in (None, "") else f"{stem}:{n}",
                text=body,
                path=where,
                title=meta.get("title") or None,
                meta=meta,
            )

    def ids(self) -> list[str]:
        """All article ids (reads collections; text files by name only)."""
        out: list[str] = []
        self._quiet = True
        try:
            for src in self._sources:
                if src.kind == "text":
                    out.append(src.id)
                else:
                    out.extend(a.id for a in self._articles_from(src))
        finally:
            self._quiet = False
        return out


def _body(record: Any) -> str | None:
    """The text of a collection record (``text``, else ``content``), if any."""
    if not isinstance(record, dict):
        return None
    return next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)


#: A collection record: its number, where it is (``line 3``, ``record 3``), the object or why not.
_Record = tuple[int, str, Any]


def _parse_collection(text: str, *, lenient: bool = False) -> tuple[list[_Record] | None, str]:
    """Records of a JSON array, or of JSON Lines; or ``None`` and why not.

    A bad line of JSON Lines is a record holding the error, so the other
    lines are still read; but when bad lines outnumber the objects, the
    file is not JSON Lines at all (one problem, not one per line).  A file
    holding one JSON object is one record.  With *lenient* (standard input,
    which may be text that starts with a bracket) a bad first line means
    not JSON.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return None, f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); no record read from it"
        if isinstance(data, list):
            return [(n, f"record {n}", rec) for n, rec in enumerate(data, 1)], ""
        return None, "not a JSON array or JSON Lines of article objects"
    lines = text.splitlines()
    if not lenient and len(lines) > 1:
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            pass
        else:
            if isinstance(whole, dict):
                return [(1, "record 1", whole)], ""
            return None, "not a JSON array or JSON Lines of article objects"
    out: list[_Record] = []
    first_error = ""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((n, f"line {n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            if lenient and not out:
                return None, ""
            first_error = first_error or f"line {n}: {exc.msg}"
            out.append((n, f"line {n}", ValueError(exc.msg)))
    objects = sum(1 for _n, _label, rec in out if isinstance(rec, dict))
    bad = sum(1 for _n, _label, rec in out if isinstance(rec, Exception))
    if not objects or bad > objects:
        detail = f" ({first_error}{f'; {bad} of {len(out)} lines are not JSON' if bad > 1 else ''})"
        return None, f"not a JSON array or JSON Lines of article objects{detail if out else ' (it is empty)'}"
    return out, ""
