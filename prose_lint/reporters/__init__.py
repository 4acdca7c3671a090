"""Reporters turn FileResults into text for people and formats for tools.

Each reporter is a module here with ``report(results, out, options)``; it is
imported only when its format is asked for.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from prose_lint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from prose_lint.api import FileResult

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown_format",
    "html": "html",
}


@dataclass(frozen=True)
class ReportOptions:
    color: bool | None = None  # None: decide from the terminal and NO_COLOR
    quiet: bool = False
    width: int | None = None


def write_report(fmt: str, results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    module = importlib.import_module(f"prose_lint.reporters.{FORMATS[fmt]}")
    module.report(results, out, options)


def span_position(result: FileResult, diagnostic: Diagnostic) -> dict[str, int]:
    """1-based line and column of the start, and of the character after the end."""
    document = result.document
    line, column = document.position(diagnostic.start)
    end_line, end_column = document.position(diagnostic.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def summary(results: list[FileResult]) -> dict[str, Any]:
    severities: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for result in results:
        for diagnostic in result.diagnostics:
            severities[diagnostic.severity.label] += 1
            categories[diagnostic.category] += 1
    return {
        "files": sum(1 for r in results if r.document is not None),
        "diagnostics": sum(severities.values()),
        "by_severity": dict(sorted(severities.items())),
        "by_category": dict(sorted(categories.items())),
    }
