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
from typing import Any, NamedTuple

from kzcorpus.errors import InputError, UsageError

#: Fields of a collection record used as the text, in order of preference.
TEXT_FIELDS = ("text", "content")
#: Metadata fields kept from collection records (``author`` and the rest are
#: kept too, under their own names).
DATE_FIELDS = ("published", "date", "date_extracted")
METADATA_NAMES = ("metadata.csv", "metadata.jsonl")
COLLECTION_SUFFIXES = (".jsonl", ".ndjson", ".json")
ENV_CORPUS = "KZCORPUS_CORPUS"
_GLOB_CHARS = frozenset("*?[")
_ISO_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$")
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


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


def seeds_dir() -> Path:
    """The embedded seed articles (inside the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise InputError("the embedded seed articles are missing from this installation; reinstall kzcorpus")


# --------------------------------------------------------------------------
# Decoding


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode file contents; raise ``ValueError`` saying why it failed.

    Without *encoding*: a BOM decides (UTF-8 or UTF-16); else UTF-8; else
    Windows-1256, the common legacy Arabic encoding.  Data with NUL bytes
    and no UTF-16 BOM is binary.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r}; try utf-8, utf-16 or cp1256") from None
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid {encoding} ({exc.reason} at byte {exc.start})") from None
        return text[1:] if text.startswith("\ufeff") else text
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"has a UTF-8 BOM but is not valid UTF-8 (byte {exc.start + 3})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"has a UTF-16 BOM but is not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes); if it is UTF-16 without a BOM, use --encoding utf-16-le")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"neither UTF-8 nor Windows-1256 (byte {exc.start}); name the encoding with --encoding"
            ) from None
    if len(_CONTROL_CHARS_RE.findall(text, 0, 4096)) > 8:
        raise ValueError("binary file (control bytes in the text); name the encoding with --encoding if it is text")
    return text


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


def _is_glob(spec: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in spec)


def _expand(spec: str) -> list[_Source]:
    if spec == "-":
        return [_Source("stdin", "-")]
    path = Path(spec).expanduser()
    if path.is_dir():
        found = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not found:
            raise InputError(f"{spec}: directory has no .txt files (pass JSON collections by name or as a glob)")
        return [_Source("text", str(p)) for p in found]
    if path.exists():
        return [_classify(path)]
    if _is_glob(spec):
        import glob

        matches = sorted(glob.glob(os.path.expanduser(spec), recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file()]
        if not files:
            raise InputError(f"{spec}: no files match this pattern")
        return [_classify(p) for p in files]
    raise InputError(f"{spec}: no such file or directory (check the --corpus path)")


def _classify(path: Path) -> _Source:
    suffix = path.suffix.lower()
    if suffix in COLLECTION_SUFFIXES:
        return _Source("collection", str(path))
    if suffix == ".zip":
        return _Source("zip", str(path))
    return _Source("text", str(path))


class Corpus:
    """An iterable of :class:`Article`, streamed from *sources*.

    *sources*: paths, directories (recursive ``*.txt``), glob patterns, ``-``
    for standard input, JSON Lines or JSON array collections, zip files of
    those.  ``None`` means ``$KZCORPUS_CORPUS`` or else the embedded seeds.
    Problems (unreadable files, bad records) go to *on_problem* as they are
    met and are kept in :attr:`problems`.
    """

    def __init__(
        self,
        sources: Sequence[str] | None = None,
        *,
        metadata: Sequence[str | Path] = (),
        encoding: str | None = None,
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
        self._sources = [src for spec in sources for src in _expand(str(spec))]
        self._extra_meta: dict[str, dict[str, str]] = {}
        for m in metadata:
            for rid, row in read_metadata(Path(m)).items():
                self._extra_meta.setdefault(rid, {}).update(row)
        self._dir_meta: dict[str, dict[str, dict[str, str]]] = {}
        self._on_problem = on_problem
        self._on_note = on_note
        self.notes: list[str] = []
        self._stdin_reader = stdin or (lambda: sys.stdin.buffer.read())
        self._stdin_data: bytes | None = None
        self._quiet = False
        self._only: frozenset[str] | None = None
        self.problems: list[Problem] = []

    # -- problems ---------------------------------------------------------
    def _note(self, message: str) -> None:
        """Something the user should know that skipped nothing."""
        if self._quiet:
            return
        self.notes.append(message)
        if self._on_note is not None:
            self._on_note(message)

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
        known = self.ids()
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
                raise UsageError(
                    f"{req!r} names {len(matches)} articles ({', '.join(matches[:5])}); give more of the id"
                )
        self._only = frozenset(chosen)
        return chosen

    def __iter__(self) -> Iterator[Article]:
        seen: dict[str, int] = {}
        yield from self._settled(self._articles(), seen)
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
            n = seen.get(article.id, 0)
            seen[article.id] = n + 1
            if n:
                new_id = f"{article.id}~{n + 1}"
                self._note(f"{article.path}: duplicate id {article.id!r}; this article is called {new_id!r}")
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
                    "(2022, 2022-07, 2022-07-15 or 2015-07-21 02:51:32); ignored"
                )
                del article.meta["published"]
            yield article

    def _articles(self) -> Iterator[Article]:
        for src in self._sources:
            yield from self._articles_from(src)

    def _articles_from(self, src: _Source) -> Iterator[Article]:
        if src.kind == "text":
            article = self._read_text(Path(src.path))
            if article is not None:
                yield article
        elif src.kind == "stdin":
            yield from self._read_stdin()
        elif src.kind == "collection":
            data = self._read_bytes(Path(src.path))
            if data is not None:
                yield from self._collection(data, src.path, Path(src.path).stem)
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

    def _read_text(self, path: Path) -> Article | None:
        if self._only is not None and path.stem not in self._only:
            return None
        data = self._read_bytes(path)
        if data is None:
            return None
        text = self._decode(data, str(path))
        if text is None:
            return None
        if not text.strip():
            self._note(f"{path}: empty article (no text); kept, with nothing to find in it")
        meta = dict(self._metadata_for(path.parent).get(path.stem, {}))
        return Article(id=path.stem, text=text, path=str(path), title=meta.get("title") or None, meta=meta)

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
            records = _parse_collection(text)
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
        with zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                member = Path(info.filename)
                where = f"{path}!{info.filename}"
                suffix = member.suffix.lower()
                if suffix not in COLLECTION_SUFFIXES and suffix != ".txt":
                    self._problem(where, "skipped: not .txt, .json or .jsonl")
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

    def _collection(self, data: bytes, where: str, stem: str) -> Iterator[Article]:
        text = self._decode(data, where)
        if text is None:
            return
        records = _parse_collection(text)
        if records is None:
            self._problem(where, "not a JSON array or JSON Lines of article objects")
            return
        yield from self._records(records, where, stem)

    def _records(self, records: Iterable[tuple[int, Any]], where: str, stem: str) -> Iterator[Article]:
        for n, rec in records:
            here = f"{where} record {n}"
            if isinstance(rec, Exception):
                self._problem(here, f"invalid JSON ({rec})")
                continue
            if not isinstance(rec, dict):
                self._problem(here, "not a JSON object")
                continue
            body = next((rec[k] for k in TEXT_FIELDS if isinstance(rec.get(k), str)), None)
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
                    out.append(Path(src.path).stem)
                else:
                    out.extend(a.id for a in self._articles_from(src))
        finally:
            self._quiet = False
        return out


def _parse_collection(text: str) -> list[tuple[int, Any]] | None:
    """Records of a JSON array, or of JSON Lines: ``[(number, obj or error)]``."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None
        if isinstance(data, list):
            return list(enumerate(data, 1))
        return None
    out: list[tuple[int, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            if not out:
                return None
            out.append((n, ValueError(exc.msg)))
    return out if out else None
