"""Decoding file contents: BOM, UTF-8, and Windows-1256 only when it reads as Arabic."""

from __future__ import annotations

import codecs
import re

from kzcorpus.errors import UsageError

#: Bytes that are not UTF-8 are read as Windows-1256 only when they read as
#: Arabic text that way: at least this share of their letters are Arabic ...
CP1256_MIN_ARABIC = 0.5
#: ... and at least this share of their characters are letters, marks,
#: digits, punctuation or spaces (random bytes give about 0.75, news 0.99).
CP1256_MIN_TEXTLIKE = 0.9
_CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_ARABIC_LETTER_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode file contents; raise ``ValueError`` saying why it failed.

    Without *encoding*: a BOM decides (UTF-8 or UTF-16); else UTF-8; else
    Windows-1256, the common legacy Arabic encoding, but only when the text
    reads as Arabic that way (:func:`reads_as_arabic`): Latin-1 or random
    bytes are refused rather than turned into mojibake.  Data with NUL
    bytes and no UTF-16 BOM is binary.
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
    except UnicodeDecodeError as exc:
        text = _legacy_arabic(data, exc.start)
    if len(_CONTROL_CHARS_RE.findall(text, 0, 4096)) > 8:
        raise ValueError("binary file (control bytes in the text); name the encoding with --encoding if it is text")
    return text


def _legacy_arabic(data: bytes, bad_byte: int) -> str:
    """*data*, which is not UTF-8 from byte *bad_byte*, as Windows-1256 Arabic."""
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    if sum(1 for ch in lenient if ord(ch) > 0x7F) - invalid > invalid:
        raise ValueError(
            f"not valid UTF-8 at byte {bad_byte}, though most of it reads as UTF-8 (a damaged file?); "
            "if it is in another encoding, name it with --encoding"
        )
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:  # pragma: no cover - cp1256 maps every byte today
        raise ValueError(
            f"neither UTF-8 nor Windows-1256 (byte {exc.start}); name the encoding with --encoding"
        ) from None
    if not reads_as_arabic(text):
        raise ValueError(
            f"not UTF-8 (byte {bad_byte}) and not Arabic text in Windows-1256 either; "
            "name its encoding with --encoding (e.g. --encoding latin-1)"
        )
    return text


def reads_as_arabic(text: str, sample: int = 65536) -> bool:
    """Whether *text* (its first *sample* characters) reads as Arabic text.

    At least :data:`CP1256_MIN_ARABIC` of its letters are Arabic letters and
    at least :data:`CP1256_MIN_TEXTLIKE` of its characters are letters,
    marks, digits, punctuation or spaces.  Used to accept a guess of
    Windows-1256 for bytes that are not UTF-8.
    """
    import unicodedata

    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    arabic = sum(1 for ch in letters if _ARABIC_LETTER_RE.match(ch))
    if not letters or arabic < CP1256_MIN_ARABIC * len(letters):
        return False
    textlike = sum(1 for ch in head if ch in "\t\n\r" or unicodedata.category(ch)[0] in "LMNPZ")
    return textlike >= CP1256_MIN_TEXTLIKE * len(head)
