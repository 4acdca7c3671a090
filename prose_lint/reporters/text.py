"""``--format text``: annotated diagnostics for a terminal, drawn with rich.

    examples/draft.md:12:5  warning  grammar/repeated-word  Repeated word "the"
       12 | The council said the the plan would fail.
          |                  ^^^^^^^
          = suggestion: the

Colours come from named styles (``prose_lint.error``, ``prose_lint.rule``, ...)
in a rich Theme; they are off when the output is not a terminal, when
``NO_COLOR`` is set, or with ``--no-color``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from rich.theme import Theme

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.reporters import ReportOptions, span_position, summary

if TYPE_CHECKING:
    from prose_lint.api import FileResult

THEME = Theme(
    {
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
)
MAX_SUGGESTIONS = 5


def make_console(out: TextIO, options: ReportOptions) -> Console:
    kwargs: dict = {"file": out, "theme": THEME, "highlight": False, "soft_wrap": True}
    if options.color is False:
        kwargs["color_system"] = None
    elif options.color is True:
        kwargs["force_terminal"] = True
    if options.width:
        kwargs["width"] = options.width
    return Console(**kwargs)


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    console = make_console(out, options)
    lines: list[Text] = []
    for result in results:
        for diagnostic in result.diagnostics:
            lines.append(headline(result, diagnostic))
            if not options.quiet:
                lines.extend(frame(result, diagnostic, console.width))
                lines.append(Text())
    if not options.quiet:
        lines.append(Text(summary_line(results), style="prose_lint.summary"))
    if not lines:
        return
    if console.color_system is None:
        # Without colour, rich's per-line rendering buys nothing and costs
        # half a millisecond a finding: write the plain text directly.
        out.write("\n".join(line.plain for line in lines) + "\n")
    else:
        console.print(Text("\n").join(lines))


def headline(result: FileResult, diagnostic: Diagnostic) -> Text:
    where = span_position(result, diagnostic)
    severity = diagnostic.severity.label
    text = Text()
    text.append(f"{result.path}:{where['line']}:{where['column']}", style="prose_lint.path")
    text.append("  ")
    text.append(severity, style=f"prose_lint.{severity}")
    text.append("  ")
    text.append(diagnostic.rule, style="prose_lint.rule")
    text.append("  ")
    text.append(diagnostic.message)
    return text


def frame(result: FileResult, diagnostic: Diagnostic, width: int) -> list[Text]:
    """The source line with the span underlined, then the suggestion."""
    where = span_position(result, diagnostic)
    line_number = where["line"]
    gutter = f"{line_number:>5} | "
    room = max(20, width - len(gutter))
    start = where["column"] - 1
    end = where["end_column"] - 1 if where["end_line"] == line_number else None
    shown, start, end = _window(result.document, line_number, start, end, room)
    lines = [_source_text(gutter, shown, start, end)]
    underline = Text()
    underline.append(" " * (len(gutter) - 2) + "| ", style="prose_lint.gutter")
    underline.append(" " * cell_len(shown[:start]))
    underline.append("^" * max(1, cell_len(shown[start:end])), style="prose_lint.underline")
    lines.append(underline)
    if diagnostic.suggestions:
        lines.append(_suggestion_text(" " * (len(gutter) - 2), diagnostic.suggestions))
    return lines


def _source_text(gutter: str, shown: str, start: int, end: int) -> Text:
    text = Text()
    text.append(gutter, style="prose_lint.gutter")
    text.append(shown[:start])
    text.append(shown[start:end], style="prose_lint.span")
    text.append(shown[end:])
    return text


def _suggestion_text(indent: str, suggestions: list[str]) -> Text:
    label = "suggestion" if len(suggestions) == 1 else "suggestions"
    text = Text()
    text.append(f"{indent}= {label}: ", style="prose_lint.gutter")
    shown = suggestions[:MAX_SUGGESTIONS]
    for index, suggestion in enumerate(shown):
        if index:
            text.append(", ")
        text.append(suggestion if suggestion else "(delete)", style="prose_lint.suggestion")
    if len(suggestions) > MAX_SUGGESTIONS:
        text.append(f" (+{len(suggestions) - MAX_SUGGESTIONS} more)")
    return text


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
