"""``--format markdown``: a summary for a pull-request comment or a CI job summary.

A headline, a table of findings by category and severity, then one folded
section per draft with its findings (line, severity, rule, problem,
suggestion). Comments and job summaries have size limits, so the findings
stop after ``MAX_ROWS`` rows with a line saying how many were left out.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, TextIO

from prose_lint.diagnostic import CATEGORIES, Severity
from prose_lint.reporters import ReportOptions, span_position, summary

if TYPE_CHECKING:
    from prose_lint.api import FileResult

MAX_ROWS = 250  # about 40 kB: under GitHub's 65,536-character limit for a comment
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#$])")


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: markup characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(results: list[FileResult]) -> str:
    counts = summary(results)
    lines = [f"## prose-lint: {_headline(counts)}"]
    if counts["diagnostics"]:
        lines += ["", *_category_table(results)]
    errors = [r.error for r in results if r.error]
    if errors:
        lines += ["", "**Could not lint:**", ""] + [f"- {escape(message)}" for message in errors]
    rows_left = MAX_ROWS
    for result in results:
        if not result.diagnostics:
            continue
        lines += ["", *_file_section(result, rows_left)]
        rows_left = max(0, rows_left - len(result.diagnostics))
    return "\n".join(lines) + "\n"


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(render(results))


def _headline(counts: dict) -> str:
    files = counts["files"]
    where = f"{files} {'file' if files == 1 else 'files'}"
    total = counts["diagnostics"]
    if not total:
        return f"no problems found in {where}"
    return f"{total} {'problem' if total == 1 else 'problems'} in {where}"


def _category_table(results: list[FileResult]) -> list[str]:
    table: dict[str, dict[Severity, int]] = {}
    for result in results:
        for diagnostic in result.diagnostics:
            row = table.setdefault(diagnostic.category, dict.fromkeys(SEVERITIES, 0))
            row[diagnostic.severity] = row.get(diagnostic.severity, 0) + 1
    header = "| Category | " + " | ".join(s.label for s in SEVERITIES) + " | Total |"
    lines = [header, "|---|" + "---:|" * (len(SEVERITIES) + 1)]
    order = sorted(table, key=lambda c: (CATEGORIES.index(c) if c in CATEGORIES else 99, c))
    for category in order:
        row = table[category]
        cells = " | ".join(str(row.get(s, 0)) for s in SEVERITIES)
        lines.append(f"| {escape(category)} | {cells} | {sum(row.values())} |")
    return lines


def _file_section(result: FileResult, rows_left: int) -> list[str]:
    count = len(result.diagnostics)
    title = f"<code>{html.escape(result.path)}</code>: {count} {'problem' if count == 1 else 'problems'}"
    lines = [f"<details><summary>{title}</summary>", ""]
    lines += ["| Line | Severity | Rule | Problem | Suggestion |", "|---:|---|---|---|---|"]
    for diagnostic in result.diagnostics[:rows_left]:
        where = span_position(result, diagnostic)
        suggestion = ", ".join(escape(s) if s else "(delete)" for s in diagnostic.suggestions[:3])
        lines.append(
            f"| {where['line']}:{where['column']} | {diagnostic.severity.label} | {escape(diagnostic.rule)} "
            f"| {escape(diagnostic.message)} | {suggestion} |"
        )
    if count > rows_left:
        lines.append(f"\n… and {count - rows_left} more in this file (see the HTML or SARIF report).")
    lines += ["", "</details>"]
    return lines
