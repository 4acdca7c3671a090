"""``--format text``: annotated diagnostics for a terminal.

    examples/draft.md:12:5  warning  grammar/repeated-word  Repeated word "the"
       12 | The council said the the plan would fail.
          |                  ^^^^^^^
          = suggestion: the

Each line is a list of (text, style) segments. In colour they are drawn by
rich with named styles (``prose_lint.error``, ``prose_lint.rule``, ...) from a
Theme a user can override; colour is off when the output is not a terminal,
when ``NO_COLOR`` is set, or with ``--no-color``, and then the segments are
written as plain text without importing rich at all (a pre-commit run saves
its import time).
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from typing import TYPE_CHECKING, TextIO

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.reporters import ReportOptions, span_position, summary

if TYPE_CHECKING:
    from prose_lint.api import FileResult

Line = list[tuple[str, str | None]]

STYLES = {
    "prose_lint.path": "bold",
    "prose_lint.error": "bold red",
    "prose_lint.warning": "bold yellow",
    "prose_lint.info": "bold blue",
    "prose_lint.rule": "cyan",
    "prose_lint.gutter": "dim",
    "prose_lint.underline": "bold red",
    "prose_lint.span": "underline",
    "prose_lint.suggestion": "green",
    "prose_lint.summary": "bold",
}
MAX_SUGGESTIONS = 5


def use_color(out: TextIO, options: ReportOptions) -> bool:
    """--no-color, then NO_COLOR / FORCE_COLOR, then whether ``out`` is a terminal."""
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    width = options.width or shutil.get_terminal_size((80, 24)).columns
    lines: list[Line] = []
    for result in results:
        for diagnostic in result.diagnostics:
            lines.append(headline(result, diagnostic))
            if not options.quiet:
                lines.extend(frame(result, diagnostic, width))
                lines.append([])
    if not options.quiet:
        lines.append([(summary_line(results), "prose_lint.summary")])
    if not lines:
        return
    if use_color(out, options):
        _print_in_color(lines, out, width)
    else:
        out.write("\n".join("".join(text for text, _ in line) for line in lines) + "\n")


def _print_in_color(lines: list[Line], out: TextIO, width: int) -> None:
    from rich.console import Console
    from rich.text import Text
    from rich.theme import Theme

    console = Console(
        file=out, theme=Theme(STYLES), highlight=False, soft_wrap=True, force_terminal=True, width=width
    )
    rendered = Text("\n").join(
        Text.assemble(*((text, style or "") for text, style in line)) for line in lines
    )
    console.print(rendered)


def cell_len(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def headline(result: FileResult, diagnostic: Diagnostic) -> Line:
    where = span_position(result, diagnostic)
    severity = diagnostic.severity.label
    return [
        (f"{result.path}:{where['line']}:{where['column']}", "prose_lint.path"),
        ("  ", None),
        (severity, f"prose_lint.{severity}"),
        ("  ", None),
        (diagnostic.rule, "prose_lint.rule"),
        ("  ", None),
        (diagnostic.message, None),
    ]


def frame(result: FileResult, diagnostic: Diagnostic, width: int) -> list[Line]:
    """The source line with the span underlined, then the suggestion."""
    where = span_position(result, diagnostic)
    line_number = where["line"]
    gutter = f"{line_number:>5} | "
    room = max(20, width - len(gutter))
    start = where["column"] - 1
    end = where["end_column"] - 1 if where["end_line"] == line_number else None
    shown, start, end = _window(result.document, line_number, start, end, room)
    indent = " " * (len(gutter) - 2)
    lines: list[Line] = [
        [
            (gutter, "prose_lint.gutter"),
            (shown[:start], None),
            (shown[start:end], "prose_lint.span"),
            (shown[end:], None),
        ],
        [
            (indent + "| ", "prose_lint.gutter"),
            (" " * cell_len(shown[:start]), None),
            ("^" * max(1, cell_len(shown[start:end])), "prose_lint.underline"),
        ],
    ]
    if diagnostic.suggestions:
        lines.append(_suggestion_line(indent, diagnostic.suggestions))
    return lines


def _suggestion_line(indent: str, suggestions: list[str]) -> Line:
    label = "suggestion" if len(suggestions) == 1 else "suggestions"
    line: Line = [(f"{indent}= {label}: ", "prose_lint.gutter")]
    for index, suggestion in enumerate(suggestions[:MAX_SUGGESTIONS]):
        if index:
            line.append((", ", None))
        line.append((suggestion if suggestion else "(delete)", "prose_lint.suggestion"))
    if len(suggestions) > MAX_SUGGESTIONS:
        line.append((f" (+{len(suggestions) - MAX_SUGGESTIONS} more)", None))
    return line


def _window(document, line_number: int, start: int, end: int | None, room: int) -> tuple[str, int, int]:
    """The part of a line around the span that fits ``room`` cells, cuts marked with "…".

    Only a slice near the span is read, so a paragraph written as one long
    line costs no more than a short one.
    """
    line_start = document.line_starts[line_number - 1]
    next_start = (
        document.line_starts[line_number] if line_number < len(document.line_starts) else len(document.text)
    )
    line = document.text[line_start:next_start].rstrip("\r\n")
    end = len(line) if end is None else end
    end = max(end, start + 1)
    left = max(0, start - room)
    right = min(len(line), end + room)
    piece = line[left:right].replace("\t", " ")
    start, end = start - left, end - left
    if left == 0 and right == len(line) and cell_len(piece) <= room:
        return piece, start, end
    before = max(0, (room - (end - start)) // 2)
    cut_left = max(0, min(start - before, len(piece) - room + 1))
    cut_right = min(len(piece), max(end, cut_left + room - 2))
    prefix = "…" if left + cut_left > 0 else ""
    suffix = "…" if left + cut_right < len(line) else ""
    shown = prefix + piece[cut_left:cut_right] + suffix
    return shown, start - cut_left + len(prefix), min(end, cut_right) - cut_left + len(prefix)


def summary_line(results: list[FileResult]) -> str:
    counts = summary(results)
    files = counts["files"]
    file_word = "file" if files == 1 else "files"
    total = counts["diagnostics"]
    if not total:
        return f"No problems found in {files} {file_word}."
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        number = counts["by_severity"].get(severity.label, 0)
        if number:
            noun = {"error": "error", "warning": "warning", "info": "info"}[severity.label]
            parts.append(f"{number} {noun}{'s' if number != 1 and noun != 'info' else ''}")
    problem_word = "problem" if total == 1 else "problems"
    return f"Found {total} {problem_word} ({', '.join(parts)}) in {files} {file_word}."
