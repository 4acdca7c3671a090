"""The Document: the original text, what of it is prose, and where its blocks are.

Design decision (a refinement of DESIGN.md's "offset map"): instead of
extracting prose into a new string plus a table of runs, ``Document.prose`` is
a *masked copy* of the original text, the same length, in which every
character that is not prose (markup, code, URLs, front matter, HTML) is
replaced by a space and every inline code span or image by one U+FFFC OBJECT
REPLACEMENT CHARACTER followed by spaces. Offsets in the prose are therefore
offsets in the original file, with no mapping to get wrong: every rule reports
``text[start:end]`` of the file it read. Sentences never cross ``blocks``
(paragraphs, headings, list items, table cells, footnotes), so the blanks left
by markup never join two units of prose.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property

from prose_lint.regexcache import compile_regex
from prose_lint.source import Source

CODE_MARK = "\ufffc"

_NOT_NEWLINE = compile_regex(r"[^\r\n]")
_LINE_END = compile_regex(r"\r\n|\r|\n")


def blank(text: str) -> str:
    """Spaces for every character but line ends, so lines keep their numbers."""
    return _NOT_NEWLINE.sub(" ", text)


def mark_code(text: str) -> str:
    if not text:
        return text
    return CODE_MARK + blank(text[1:])


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose: sentences never cross a block boundary."""

    start: int
    end: int
    kind: str  # paragraph, heading, list_item, table_cell, footnote, quote
    quoted: bool = False  # inside a block quote
    level: int = 0  # heading level


@dataclass(frozen=True, slots=True)
class Inline:
    """Markup a rule may care about although it is not prose (links, citations, code)."""

    kind: str  # link, image, code, url, email, footnote_ref, html, comment
    start: int
    end: int
    target: str = ""


@dataclass
class Document:
    path: str
    text: str
    format: str
    prose: str
    blocks: list[Block]
    inlines: list[Inline] = field(default_factory=list)
    # One-line messages for the user about text that could not be checked.
    notes: list[str] = field(default_factory=list)

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in _LINE_END.finditer(self.text))
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in characters of a 0-based offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def comments(self) -> list[Inline]:
        return [i for i in self.inlines if i.kind == "comment"]


def build_document(source: Source) -> Document:
    if source.format == "markdown":
        from prose_lint.markdown import parse_markdown

        return parse_markdown(source.path, source.text)
    return parse_plain_text(source.path, source.text)


def document_from_text(text: str, path: str = "<text>", fmt: str = "markdown") -> Document:
    return build_document(Source(path, text, fmt))


# --- Plain text -------------------------------------------------------------

_PARAGRAPH_BREAK = compile_regex(
    r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)\s*"
)  # a CRLF is one line end
_LIST_LINE = compile_regex(r"(?m)^[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+")
URL = compile_regex(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]{}\"']+[^\s<>()\[\]{}\"'.,;:!?]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)


_URL_TRIGGER = compile_regex(r"://|www\.|@")
_URL_HEADS = {"://": re.compile(r"(?:https?|ftp)$", re.I), "@": re.compile(r"[\w.+-]+$")}


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of every URL and e-mail address.

    The URL pattern is only tried where "://", "www." or "@" occur: running it
    at every position of a long report costs more than the rest of parsing.
    """
    found: list[tuple[int, int, str]] = []
    last = 0
    for trigger in _URL_TRIGGER.finditer(text):
        position = trigger.start()
        if position < last:
            continue
        head_pattern = _URL_HEADS.get(trigger.group())
        head = head_pattern.search(text, max(last, position - 64), position) if head_pattern else None
        start = head.start() if head else position
        match = URL.match(text, start)
        if match and match.end() > position:
            found.append((match.start(), match.end(), match.group()))
            last = match.end()
    return found


_DIRECTIVE_COMMENT = compile_regex(r"<!--\s*prose-lint\b.*?-->", re.S)


def parse_plain_text(path: str, text: str) -> Document:
    """Paragraphs are separated by blank lines; list lines stand alone; a short one-line
    paragraph without final punctuation is a title.

    URLs and e-mail addresses are not prose; ``<!-- prose-lint ... -->``
    suppression comments work as in Markdown.
    """
    inlines = [
        Inline("email" if "://" not in url and "@" in url else "url", start, end, url)
        for start, end, url in find_urls(text)
    ]
    inlines.extend(
        Inline("comment", m.start(), m.end(), m.group()) for m in _DIRECTIVE_COMMENT.finditer(text)
    )
    inlines.sort(key=lambda i: i.start)
    prose = mask_spans(text, [(i.start, i.end) for i in inlines])
    blocks: list[Block] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        blocks.extend(_plain_blocks(text, start, brk.start()))
        start = brk.end()
    blocks.extend(_plain_blocks(text, start, len(text)))
    return Document(path, text, "text", prose, blocks, inlines)


def _plain_blocks(text: str, start: int, end: int) -> list[Block]:
    chunk = text[start:end]
    if not chunk.strip():
        return []
    lead = len(chunk) - len(chunk.lstrip())
    start += lead
    chunk = chunk.strip()
    end = start + len(chunk)
    if _LIST_LINE.match(chunk):
        items = [m.start() for m in _LIST_LINE.finditer(chunk)]
        items.append(len(chunk))
        return [
            Block(start + a, start + len(chunk[a:b].rstrip()), "list_item")
            for a, b in itertools.pairwise(items)
            if chunk[a:b].strip()
        ]
    if _LINE_END.search(chunk) is None and _looks_like_title(chunk):
        return [Block(start, end, "heading", level=1)]
    return [Block(start, end, "paragraph")]


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line.split()) <= 12 and line[-1] not in ".!?:;,\"'”’)"


def mask_spans(text: str, spans: list[tuple[int, int]], code: bool = False) -> str:
    """``text`` with each (start, end) span blanked (or code-marked)."""
    if not spans:
        return text
    pieces = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        if start >= end:
            continue
        pieces.append(text[last:start])
        pieces.append(mark_code(text[start:end]) if code else blank(text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
