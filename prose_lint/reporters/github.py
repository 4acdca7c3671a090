"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::warning file=report.md,line=27,col=1,endLine=27,endColumn=8,title=grammar/repeated-word::Repeated word "the"

GitHub shows only a few annotations per step (ten of each level), so when
``$GITHUB_STEP_SUMMARY`` is set the Markdown summary of every finding is
appended to it as well. Paths are relative to the repository root, as the
annotations need them; a file that could not be read becomes an ``::error``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

from prose_lint.reporters import ReportOptions, span_position
from prose_lint.reporters.catalog import GITHUB_LEVELS, message_with_suggestion, report_root, repository_path
from prose_lint.reporters.markdown_format import render
from prose_lint.reporters.text import summary_line

if TYPE_CHECKING:
    from prose_lint.api import FileResult

SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY"


def escape_data(text: str) -> str:
    """The escaping the Actions runner undoes in a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The escaping the Actions runner undoes in a command's ``key=value`` properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(results: list[FileResult]) -> list[str]:
    root = report_root(results)
    lines = []
    for result in results:
        path = escape_property(repository_path(result.path, root))
        if result.error:
            lines.append(f"::error file={path}::{escape_data(result.error)}")
        for diagnostic in result.diagnostics:
            where = span_position(result, diagnostic)
            properties = (
                f"file={path},line={where['line']},col={where['column']},"
                f"endLine={where['end_line']},endColumn={where['end_column']},"
                f"title={escape_property(diagnostic.rule)}"
            )
            level = GITHUB_LEVELS.get(diagnostic.severity, "warning")
            lines.append(f"::{level} {properties}::{escape_data(message_with_suggestion(diagnostic))}")
    return lines


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    for line in annotations(results):
        out.write(line + "\n")
    out.write(summary_line(results) + "\n")
    target = os.environ.get(SUMMARY_VARIABLE)
    if target:
        write_step_summary(target, results)


def write_step_summary(target: str, results: list[FileResult]) -> None:
    """Append the Markdown summary to the job summary file (other steps write to it too)."""
    try:
        with open(target, "a", encoding="utf-8") as summary_file:
            summary_file.write(render(results))
    except OSError as err:
        print(f"prose-lint: {target}: cannot write the job summary: {err.strerror or err}", file=sys.stderr)
