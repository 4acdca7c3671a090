"""Reading a draft from disk: bytes, decoding, format detection.

Every failure becomes an InputError with one line that names the file and what
is wrong; the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
DRAFT_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
STDIN_PATH = "-"
# A report draft is never this large; a bigger file is almost surely data or a
# dump, and reading it would take minutes and hundreds of megabytes.
MAX_DRAFT_BYTES = 16 * 1024 * 1024


class InputError(Exception):
    """A draft that cannot be read; str() is the one-line message."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Source:
    """A decoded draft. ``text`` excludes a BOM; ``newline`` is the file's first line end."""

    path: str
    text: str
    format: str  # "markdown" or "text"
    encoding: str = "utf-8"
    bom: bool = False
    raw: bytes = b""

    @property
    def newline(self) -> str:
        for i, ch in enumerate(self.text):
            if ch == "\r":
                return "\r\n" if self.text[i + 1 : i + 2] == "\n" else "\r"
            if ch == "\n":
                return "\n"
        return "\n"


def detect_format(path: str, text: str = "") -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    # stdin and unknown suffixes: Markdown is a superset of how drafts are written.
    return "markdown"


def decode(path: str, data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom) or raise InputError naming the bad byte."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32")):
        if data.startswith(bom):
            return _decode_strict(path, data, encoding, bom=True)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode_strict(path, data, encoding, bom=True)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(path, data[3:], "utf-8", bom=True)
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not a text draft")
    return _decode_strict(path, data, "utf-8", bom=False)


def _decode_strict(path: str, data: bytes, encoding: str, bom: bool) -> tuple[str, str, bool]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            path,
            f"not valid {encoding.upper()}: byte 0x{data[err.start]:02x} at offset "
            f"{err.start + (3 if bom and encoding == 'utf-8' else 0)} ({err.reason}); "
            "save the file as UTF-8",
        ) from None
    if encoding != "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL characters), not a text draft")
    return text, encoding, bom


def read_source(path: str | Path) -> Source:
    """Read and decode one draft; ``-`` reads standard input."""
    name = str(path)
    if name == STDIN_PATH:
        data = sys.stdin.buffer.read()
        text, encoding, bom = decode("<stdin>", data)
        return Source("<stdin>", text, detect_format(""), encoding, bom, data)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied (cannot read the file)") from None
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    if len(data) > MAX_DRAFT_BYTES:
        limit = MAX_DRAFT_BYTES // (1024 * 1024)
        raise InputError(name, f"larger than {limit} MB: too large for a draft, not linted (split it)")
    text, encoding, bom = decode(name, data)
    return Source(name, text, detect_format(name, text), encoding, bom, data)
