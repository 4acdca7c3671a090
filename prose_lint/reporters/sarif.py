"""``--format sarif``: SARIF 2.1.0 for code-scanning upload (GitHub, GitLab, Azure DevOps).

One run: ``tool.driver`` lists every rule the configs know (id, short and full
description, default level, help with the rule's explanation and examples);
each finding is a result with its rule, level, message, the location (path
relative to the repository root, region in 1-based lines and code-point
columns, end column exclusive) and, when the rule is sure of its
replacement, a ``fixes`` entry. Findings carry the baseline fingerprint as a
partial fingerprint, so code scanning tracks them across commits as
``--baseline`` does. Files that could not be read become tool notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from prose_lint import __version__
from prose_lint.baseline import fingerprints
from prose_lint.checks.base import RuleInfo
from prose_lint.diagnostic import Applicability, Diagnostic, Edit
from prose_lint.reporters import ReportOptions
from prose_lint.reporters.catalog import (
    SARIF_LEVELS,
    is_under_root,
    message_with_suggestion,
    report_root,
    repository_path,
    rule_catalog,
)

if TYPE_CHECKING:
    from prose_lint.api import FileResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/prose-lint/"
ROOT_ID = "%SRCROOT%"
FINGERPRINT_KEY = "proseLintFinding/v1"


def as_sarif(results: list[FileResult]) -> dict[str, Any]:
    catalog = rule_catalog(results)
    index = {rule_id: i for i, rule_id in enumerate(catalog)}
    root = report_root(results)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "prose-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(info) for info in catalog.values()],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": _results(results, index, root),
        "invocations": [_invocation(results)],
    }
    if root is not None:
        run["originalUriBaseIds"] = {ROOT_ID: {"uri": root.as_uri().rstrip("/") + "/"}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    # Compact: code scanning reads it, and indenting would take Python's slow encoder (8x the time).
    out.write(json.dumps(as_sarif(results), ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def _rule(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": _pascal_case(info.id),
        "shortDescription": {"text": info.description},
        "fullDescription": {"text": info.explanation.strip() or info.description},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(info.severity, "warning")},
        "help": {"text": _help(info, markdown=False), "markdown": _help(info, markdown=True)},
        "properties": {"tags": [info.category], "kind": info.kind},
    }


def _pascal_case(rule_id: str) -> str:
    """``grammar/repeated-word`` -> ``GrammarRepeatedWord``: SARIF's readable rule name."""
    return "".join(part.capitalize() for part in rule_id.replace("/", "-").split("-"))


def _help(info: RuleInfo, markdown: bool) -> str:
    """The rule's description, explanation and examples, as plain text or as Markdown."""
    lines = [info.description]
    if info.explanation.strip():
        lines += ["", " ".join(info.explanation.split())]
    for example in info.examples:
        bad, good = example.get("bad", ""), example.get("good", "")
        if markdown:
            lines += ["", f"- Instead of: *{bad}*", f"- Write: *{good}*"]
        else:
            lines += ["", f"Instead of: {bad}", f"Write:      {good}"]
    return "\n".join(lines)


def _results(results: list[FileResult], index: dict[str, int], root: Path | None) -> list[dict[str, Any]]:
    entries = []
    for result in results:
        if result.document is None:
            continue
        uri = _uri(result.path, root)
        prints = fingerprints(result.document, result.diagnostics)
        for diagnostic, print_ in zip(result.diagnostics, prints, strict=True):
            entries.append(_result(result, diagnostic, uri, print_, index[diagnostic.rule]))
    return entries


def _result(
    result: FileResult, diagnostic: Diagnostic, uri: dict[str, str], print_: str, rule_index: int
) -> dict[str, Any]:
    region = _region(result, diagnostic.start, diagnostic.end)
    region["snippet"] = {"text": diagnostic.text}
    entry: dict[str, Any] = {
        "ruleId": diagnostic.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS.get(diagnostic.severity, "warning"),
        "message": {"text": message_with_suggestion(diagnostic)},
        "locations": [{"physicalLocation": {"artifactLocation": uri, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": {"category": diagnostic.category},
    }
    fix = diagnostic.fix
    if fix is not None and fix.applicability is Applicability.SAFE and fix.edits:
        entry["fixes"] = [
            {
                "description": {"text": fix.title},
                "artifactChanges": [
                    {"artifactLocation": uri, "replacements": [_replacement(result, e) for e in fix.edits]}
                ],
            }
        ]
    return entry


def _uri(path: str, root: Path | None) -> dict[str, str]:
    location = {"uri": quote(repository_path(path, root), safe="/")}
    if is_under_root(path, root):
        location["uriBaseId"] = ROOT_ID
    return location


def _region(result: FileResult, start: int, end: int) -> dict[str, Any]:
    line, column = result.document.position(start)
    end_line, end_column = result.document.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _replacement(result: FileResult, edit: Edit) -> dict[str, Any]:
    return {
        "deletedRegion": _region(result, edit.start, edit.end),
        "insertedContent": {"text": edit.replacement},
    }


def _invocation(results: list[FileResult]) -> dict[str, Any]:
    errors = [r.error for r in results if r.error]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message}} for message in errors
        ]
    return invocation
