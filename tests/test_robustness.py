"""No input crashes a command: random Arabic-like pages through every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzcorpus.cli import main

PIECES = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(list(" \n\n\t.،؟:()[]«»\"'/-|%0123456789٠١٢٣ـًٌٍَُِّْ\u200c\u200f\u202e")),
    st.sampled_from(
        [
            "[ad_1]",
            "fbpx",
            "عام 2022",
            " 15 يوليو 2022 10:29",
            " الرئيس ",
            " هذا العام ",
            "توكاييف",
            " 1436هـ",
            "\n4 تعليقات\nمعلومات\n",
            "من 29 مايو إلى 9 يونيو",
            "الملك سلمان بن عبد العزيز",
            "إقرأوا أيضاً:\n",
        ]
    ),
)
PAGE = st.lists(PIECES, max_size=120).map("".join)
COMMANDS = [
    ["kwic", "توكاييف"],
    ["kwic", "ال", "--match", "normalized", "--sort", "after1"],
    ["kwic", ".", "--regex", "--width", "2"],
    ["entities"],
    ["entities", "--mentions"],
    ["dates"],
    ["timeline"],
    ["stats"],
    ["stats", "page"],
    ["words", "--ngram", "2"],
]


@given(PAGE)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_command_survives_any_page(tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str) -> None:
    f = tmp_path / "page.txt"
    f.write_text(page, encoding="utf-8")
    for args in COMMANDS:
        with pytest.raises(SystemExit) as exc:
            main([*args, "--corpus", str(f), "--json"])
        out, err = capsys.readouterr()
        code = exc.value.code
        assert code in (0, 1, 2), f"{args}: exit {code}: {err}"
        assert "internal error" not in err and "Traceback" not in err
        if code != 2:
            json.loads(out)
        else:  # only a page the loader rejects may give 2 here
            assert "skipped" in err, f"{args}: {err}"


# --------------------------------------------------------------------------
# Input shapes (issue 13): a directory mixing every format, bad encodings,
# malformed collections, long lines and hostile regexes.  Every good article
# is processed, every bad input is named on stderr, stdout stays valid JSON.

ARABIC_CP1256 = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
#: name pool: stems repeat across folders (ids become relative paths).
FOLDERS = ["", "x/", "x/y/", "z/"]
STEMS = ["a", "b", "news"]


class Shape:
    """A directory under construction and what every command must report."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.text_files: list[tuple[Path, bool]] = []  # (path, readable)
        self.record_ids: list[str] = []
        self.bad: list[str] = []  # substrings stderr must hold

    def add(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def good_ids(self) -> list[str]:
        from collections import Counter

        stems = Counter(p.stem for p, _ok in self.text_files)
        ids = [
            p.relative_to(self.root).with_suffix("").as_posix() if stems[p.stem] > 1 else p.stem
            for p, ok in self.text_files
            if ok
        ]
        return ids + self.record_ids


def _records(n: int, tag: str) -> list[dict[str, str]]:
    return [{"id": f"{tag}r{j}", "text": f"خبر رقم {j} عن الرئيس توكاييف"} for j in range(n)]


@st.composite
def shapes(draw: st.DrawFn, root: Path) -> Shape:
    import random
    import zipfile

    shape = Shape(root)
    kinds = draw(
        st.lists(
            st.sampled_from(
                ["utf8", "cp1256", "latin1", "random", "jsonl", "json", "badjsonl", "badjson", "zip", "long"]
            ),
            min_size=1,
            max_size=7,
        )
    )
    for i, kind in enumerate(kinds):
        folder = draw(st.sampled_from(FOLDERS))
        stem = draw(st.sampled_from(STEMS))
        tag = f"k{i}"
        if kind in ("utf8", "cp1256", "latin1", "random", "long"):
            rel = f"{folder}{stem}.txt"
            if (root / rel).exists():
                continue
            if kind == "utf8":
                data = draw(PAGE).encode("utf-8")
            elif kind == "cp1256":
                words = draw(st.lists(st.text(ARABIC_CP1256, min_size=2, max_size=8), min_size=3, max_size=30))
                data = ("«" + " ".join(words) + "»،\n").encode("cp1256")
            elif kind == "latin1":
                data = ("Café crème " + draw(st.text("abcdeéèàçô ", max_size=60))).encode("latin-1")
            elif kind == "random":
                data = random.Random(draw(st.integers(0, 2**32))).randbytes(draw(st.integers(200, 2000)))
            else:  # one line of about 50 KB (few entities: a long page full of them is a benchmark)
                data = (" ".join(["كلمة عادية", "aaaa" * 3] * 1500)).encode("utf-8")
            path = shape.add(rel, data)
            good = kind in ("utf8", "cp1256", "long")
            shape.text_files.append((path, good))
            if not good:
                shape.bad.append(f"skipped {path}: ")
            continue
        rel = f"{folder}{tag}"
        records = _records(draw(st.integers(1, 3)), tag)
        if kind == "jsonl":
            shape.add(rel + ".jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())
            shape.record_ids += [r["id"] for r in records]
        elif kind == "json":
            shape.add(rel + ".json", json.dumps(records, ensure_ascii=False).encode())
            shape.record_ids += [r["id"] for r in records]
        elif kind == "badjsonl":
            lines = [json.dumps(r, ensure_ascii=False) for r in records]
            lines.insert(1, '{"id": "broken", "text": ')  # line 2: bad JSON
            lines.append('{"id": "notext", "title": "x"}')
            path = shape.add(rel + ".ndjson", "\n".join(lines).encode())
            shape.record_ids += [r["id"] for r in records]
            shape.bad += [f"skipped {path} line 2: invalid JSON", f"skipped {path} line {len(lines)}: no 'text'"]
        elif kind == "badjson":
            path = shape.add(rel + ".json", json.dumps(records, ensure_ascii=False)[:-1].encode())
            shape.bad.append(f"skipped {path}: invalid JSON at line 1")
        else:
            path = root / (rel + ".zip")
            path.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("day.json", json.dumps(records, ensure_ascii=False))
            shape.record_ids += [r["id"] for r in records]
    if not shape.text_files and not shape.record_ids and not shape.bad:
        shape.add("fallback.txt", "توكاييف".encode())
        shape.text_files.append((root / "fallback.txt", True))
    return shape


HOSTILE = st.sampled_from(["(a+)+$", "(.*a){12}", "(aa|a)*+b", "[", "(?<=", "\\", "x{2,1}", "(?i)توكاييف|a"])
SHAPE_COMMANDS = [
    ["kwic", "توكاييف", "--count"],
    ["entities"],
    ["dates"],
    ["timeline"],
    ["stats"],
    ["words", "--limit", "5"],
]


@given(st.data(), HOSTILE)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_command_survives_any_input_shape(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: st.DataObject,
    pattern: str,
) -> None:
    from kzcorpus import kwic as kwic_module

    monkeypatch.setattr(kwic_module, "REGEX_TIMEOUT", 0.05)
    root = tmp_path_factory.mktemp("shape")
    shape = data.draw(shapes(root))
    good = shape.good_ids()
    for args in [*SHAPE_COMMANDS, ["kwic", pattern, "--regex"]]:
        with pytest.raises(SystemExit) as exc:
            main([*args, "--corpus", str(root), "--json"])
        out, err = capsys.readouterr()
        code = exc.value.code
        assert "Traceback" not in err and "internal error" not in err, err
        assert "duplicate id" not in err
        if args[-1] == "--regex" and "error:" in err:
            # An invalid pattern stops before reading; a slow one where it is
            # slow, after the hits already written (still valid JSON).
            assert code == 2
            assert "invalid regular expression" in err or "pattern too slow on" in err, err
            if out:
                json.loads(out)
            continue
        for bad in shape.bad:
            assert bad in err, f"{args}: {bad!r} not in {err}"
        rows = json.loads(out)
        if shape.bad:
            assert code == 2 and "skipped (see above); exit status 2" in err, (args, code, err)
        else:
            assert code in (0, 1), (args, code, err)
        if args[0] == "stats" or "--count" in args:  # one row per article: every good one is there
            docs = [r["doc"] for r in rows if r["doc"] != "TOTAL"]
            if args[0] == "stats":
                assert sorted(docs) == sorted(good), (docs, good)
            else:  # kwic --count lists the articles with hits
                assert set(docs) <= set(good) and len(set(docs)) == len(docs)
