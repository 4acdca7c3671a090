"""``--format json``: version 1 of the machine-readable report (stable; later formats reuse it)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from prose_lint.reporters import ReportOptions, span_position, summary

if TYPE_CHECKING:
    from prose_lint.api import FileResult

VERSION = 1


def as_json(results: list[FileResult]) -> dict[str, Any]:
    files = []
    for result in results:
        if result.document is None:
            continue
        files.append(
            {
                "path": result.path,
                "diagnostics": [
                    {
                        "rule": d.rule,
                        "category": d.category,
                        "severity": d.severity.label,
                        "message": d.message,
                        **span_position(result, d),
                        "offset": d.start,
                        "length": d.length,
                        "text": d.text,
                        "suggestions": list(d.suggestions),
                    }
                    for d in result.diagnostics
                ],
            }
        )
    return {"version": VERSION, "files": files, "summary": summary(results)}


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    json.dump(as_json(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
