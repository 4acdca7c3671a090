"""Markdown to Document: which characters of a Markdown file are prose.

markdown-it-py (CommonMark, GFM tables, footnotes, front matter) finds the
blocks and gives each its source *lines*. It does not give columns for inline
text, so for every line of a block we find where its content starts in the
original line, blank the container prefixes (``>``, list markers, indent), and
mask inline markup with our own scanner. Every kept character stays at its
original offset (see ``prose_lint.document``).
"""

from __future__ import annotations

import html
import itertools
import re
from functools import lru_cache

from prose_lint.document import URL, Block, Document, Inline, blank, mark_code
from prose_lint.regexcache import compile_regex

# markdown-it stops building blocks below this depth; deeper text is reported, not checked.
MAX_NESTING = 100
_TOO_DEEP = compile_regex(rf"(?m)^(?:[ \t]*(?:>|[-*+][ \t]|\d{{1,9}}[.)][ \t])){{{MAX_NESTING - 2},}}")
_LINE_END = compile_regex(r"\r\n|\r|\n")
_CONTAINER_PREFIX = compile_regex(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_TABLE_PIPE = compile_regex(r"(?<!\\)\|")

# Inline markup, tried only where _TRIGGER finds a character that can open it:
# prose with little markup costs one fast scan.
_TRIGGER = compile_regex(r"[`<!\[&\\*_~@]|://|www\.")
_MARKUP = compile_regex(
    r"""
    (?P<code>(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))
  | (?P<comment><!--.*?-->)
  | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
  | (?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
  | (?P<image>!\[(?:[^\[\]]|\[[^\]]*\])*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?)
  | (?P<fnref>\[\^[^\]\s]+\])
  | (?P<link>\[(?P<ltext>(?:[^\[\]\\]|\\.|\[[^\]]*\])+)\]
        (?P<ltarget>\(\s*(?:<[^>\r\n]*>|(?:[^()\s]|\([^()\s]*\))*)
            (?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)
        |\[[^\]]*\]))
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<escape>\\[!-/:-@\[-`{-~])
  | (?P<hardbreak>\\(?=\r\n|\r|\n))
  | (?P<emphasis>(?<![\w*\\])(?:\*{1,3}|_{1,3})(?=[^\s*_])|(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![\w*])|~~)
    """,
    re.S | re.X,
)
_URL_START = compile_regex(r"(?:https?|ftp)$|www$", re.I)
_EMAIL_HEAD = compile_regex(r"[\w.+-]+$")
_COMMENT = compile_regex(r"<!--.*?-->", re.S)


@lru_cache(maxsize=1)
def _parser():  # markdown-it is imported on first use: it costs start-up time
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable("table")
        .enable("strikethrough")
        .use(footnote_plugin)
        .use(front_matter_plugin)
    )


def parse_markdown(path: str, text: str) -> Document:
    builder = _Builder(text)
    builder.walk(_block_tokens(text))
    document = builder.document(path)
    too_deep = _TOO_DEEP.search(text)
    if too_deep:
        line = text.count("\n", 0, too_deep.start()) + 1
        document.notes.append(
            f"{path}:{line}: Markdown nested more than {MAX_NESTING} levels deep; the text inside is not checked"
        )
    return document


def _block_tokens(text: str) -> list:
    # markdown-it only splits lines on \n; parse a copy with normalised line
    # ends, which keeps every line's number and columns.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    md = _parser()
    tokens: list = []
    md.block.parse(normalised, md, {}, tokens)
    return tokens


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self.lines = [self._line(i) for i in range(len(self.line_starts))]
        self.regions: list[tuple[int, int, str]] = []
        self.blocks: list[Block] = []
        self.inlines: list[Inline] = []

    def _line(self, index: int) -> str:
        start = self.line_starts[index]
        end = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def walk(self, tokens: list) -> None:
        containers: list[str] = []
        quote_depth = 0
        skip_inline = False
        pending: tuple[str, int] | None = None
        for token in tokens:
            kind = token.type
            if kind == "blockquote_open":
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
            elif kind in ("list_item_open", "footnote_reference_open"):
                containers.append(kind)
            elif kind in ("list_item_close", "footnote_reference_close"):
                if containers:
                    containers.pop()
            elif kind == "heading_open":
                pending = ("heading", int(token.tag[1:]))
            elif kind == "paragraph_open":
                pending = (self._paragraph_kind(containers), 0)
            elif kind == "tr_open" and token.map:
                self._table_row(token.map[0], quote_depth > 0)
                skip_inline = True
            elif kind == "tr_close":
                skip_inline = False
            elif kind == "inline" and token.map and not skip_inline and pending:
                self._inline_block(token, pending[0], pending[1], quote_depth > 0)
                pending = None
            elif kind == "html_block" and token.map:
                self._html_comments(token.map)

    @staticmethod
    def _paragraph_kind(containers: list[str]) -> str:
        if not containers:
            return "paragraph"
        return "list_item" if containers[-1] == "list_item_open" else "footnote"

    def _offset(self, line: int, column: int) -> int:
        return self.line_starts[line] + column

    def _inline_block(self, token, kind: str, level: int, quoted: bool) -> None:
        content_lines = token.content.split("\n")
        first = token.map[0]
        spans: list[tuple[int, int]] = []
        for index, content in enumerate(content_lines):
            line_number = first + index
            if line_number >= len(self.lines):
                break
            line = self.lines[line_number]
            column = line.rfind(content) if content else -1
            if column < 0:  # tabs expanded by the parser; fall back to the prefix pattern
                column = _CONTAINER_PREFIX.match(line).end()
                content = line[column:].rstrip()
            if content:
                spans.append(
                    (
                        self._offset(line_number, column),
                        self._offset(line_number, column) + len(content),
                    )
                )
        if spans:
            self._add_block(spans, kind, level, quoted)

    def _table_row(self, line_number: int, quoted: bool) -> None:
        line = self.lines[line_number]
        prefix = _CONTAINER_PREFIX.match(line).end() if quoted else 0
        cuts = [prefix - 1, *(m.start() for m in _TABLE_PIPE.finditer(line, prefix)), len(line)]
        for left, right in itertools.pairwise(cuts):
            cell = line[left + 1 : right]
            stripped = cell.strip()
            if not stripped:
                continue
            start = left + 1 + (len(cell) - len(cell.lstrip()))
            offset = self._offset(line_number, start)
            self._add_block([(offset, offset + len(stripped))], "table_cell", 0, quoted)

    def _add_block(self, spans: list[tuple[int, int]], kind: str, level: int, quoted: bool) -> None:
        start, end = spans[0][0], spans[-1][1]
        local = list(self.text[start:end])
        # Blank the container prefixes between the content of consecutive lines.
        for (_, prev_end), (next_start, _) in itertools.pairwise(spans):
            for i in range(prev_end - start, next_start - start):
                if local[i] not in "\r\n":
                    local[i] = " "
        masked = self._mask_inline("".join(local), start)
        self.regions.append((start, end, masked))
        self.blocks.append(Block(start, end, kind, quoted, level))

    def _mask_inline(self, local: str, base: int) -> str:
        pieces: list[str] = []
        last = 0
        for trigger in _TRIGGER.finditer(local):
            position = trigger.start()
            if position < last:
                continue  # inside markup already masked
            match, group = self._markup_at(local, position, last, trigger.group())
            if match is None:
                continue
            a, b = match.span()
            pieces.append(local[last:a])
            pieces.append(self._masked_markup(match, group, base))
            last = b
        pieces.append(local[last:])
        return "".join(pieces)

    @staticmethod
    def _markup_at(local: str, position: int, floor: int, trigger: str) -> tuple[re.Match | None, str]:
        if trigger == "://" or trigger == "www.":
            head = _URL_START.search(
                local, max(floor, position - 5), position + (3 if trigger == "www." else 0)
            )
            start = head.start() if head else position
            match = URL.match(local, start) if head else None
            return match, "url"
        if trigger == "@":
            head = _EMAIL_HEAD.search(local, max(floor, position - 64), position)
            match = URL.match(local, head.start()) if head else None
            return (match, "url") if match and match.end() > position else (None, "")
        match = _MARKUP.match(local, position)
        if match is None:
            return None, ""
        group = match.lastgroup
        return match, "code" if group == "ticks" else group

    def _masked_markup(self, match: re.Match, group: str, base: int) -> str:
        a, b = match.span()
        raw = match.group()
        record = self.inlines.append
        if group == "link":
            text_end = match.end("ltext")
            target = match.group("ltarget").strip("()[] ")
            record(Inline("link", base + a, base + b, target.split()[0].strip("<>") if target else ""))
            return " " + match.group("ltext") + blank(raw[text_end - a :])
        if group == "code":
            record(Inline("code", base + a, base + b))
            return mark_code(raw)
        if group == "image":
            record(Inline("image", base + a, base + b))
            return mark_code(raw)
        if group == "entity":
            decoded = html.unescape(raw)
            return decoded + " " * (len(raw) - 1) if len(decoded) == 1 else blank(raw)
        if group == "escape":
            # After a word the escaped character moves onto the backslash, so
            # "word\*" stays "word*"; elsewhere the backslash becomes the space.
            # No word's offset changes.
            after_word = a > 0 and not match.string[a - 1].isspace()
            return raw[1] + " " if after_word else " " + raw[1]
        if group == "hardbreak":
            return " "
        if group == "emphasis":
            return blank(raw)
        kinds = {
            "comment": "comment",
            "autolink": "url",
            "html": "html",
            "fnref": "footnote_ref",
            "url": "url",
        }
        kind = kinds[group]
        if kind == "url" and "@" in raw and "://" not in raw:
            kind = "email"
        record(Inline(kind, base + a, base + b, raw.strip("<>") if kind in ("url", "email") else raw))
        return blank(raw)

    def _html_comments(self, line_map: list[int]) -> None:
        first, last = line_map
        start = self.line_starts[first]
        end = self.line_starts[last] if last < len(self.line_starts) else len(self.text)
        for match in _COMMENT.finditer(self.text, start, end):
            self.inlines.append(Inline("comment", match.start(), match.end(), match.group()))

    def document(self, path: str) -> Document:
        pieces: list[str] = []
        last = 0
        for start, end, masked in sorted(self.regions):
            if start < last:
                continue
            pieces.append(blank(self.text[last:start]))
            pieces.append(masked)
            last = end
        pieces.append(blank(self.text[last:]))
        self.inlines.sort(key=lambda i: i.start)
        return Document(path, self.text, "markdown", "".join(pieces), self.blocks, self.inlines)
