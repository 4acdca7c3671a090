"""What the report formats for tools share: the rules behind the findings, paths relative to the repository.

SARIF lists every rule in ``tool.driver``; the HTML report and the Markdown
summary name rules and categories. The metadata comes from the registry of
the config that linted each draft (a team's own packs included), from the
engine's own rules, and, for a rule no registry knows (an optional engine's
matches), from the finding itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from prose_lint.checks.base import RuleInfo
from prose_lint.diagnostic import CATEGORIES, Diagnostic, Severity
from prose_lint.suppress import ENGINE_RULES

if TYPE_CHECKING:
    from prose_lint.api import FileResult

# SARIF's and GitHub's words for the three severities a finding can have.
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def rule_catalog(results: list[FileResult]) -> dict[str, RuleInfo]:
    """Every rule the configs of these drafts know, plus any rule a finding names, by id, sorted."""
    from prose_lint.config import load_config

    infos: dict[str, RuleInfo] = {}
    configs = {id(r.config): r.config for r in results if r.config is not None} or {0: load_config(None)}
    for config in configs.values():
        for rule in config.registry:
            infos.setdefault(rule.id, rule.info)
    for rule_id, (severity, description) in ENGINE_RULES.items():
        infos.setdefault(rule_id, RuleInfo(rule_id, rule_id.split("/")[0], "engine", severity, description))
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.rule not in infos:
                infos[diagnostic.rule] = RuleInfo(
                    diagnostic.rule, diagnostic.category, "engine", diagnostic.severity, diagnostic.message
                )
    return dict(sorted(infos.items(), key=lambda item: (_category_rank(item[1].category), item[0])))


def _category_rank(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git`` (a folder, or a worktree's file)."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def repository_path(path: str, root: Path | None) -> str:
    """``path`` relative to the repository root, with ``/``: what code scanning and annotations expect.

    Outside a repository the path is taken relative to the working folder; a
    path outside both, and a name that is no path (``<stdin>``), is kept as it is.
    """
    relative = _relative(path, root)
    return relative if relative is not None else path.replace(os.sep, "/")


def _relative(path: str, root: Path | None) -> str | None:
    if path.startswith("<"):
        return None
    try:
        return Path(path).resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except (ValueError, OSError):
        return None


def is_under_root(path: str, root: Path | None) -> bool:
    return root is not None and _relative(path, root) is not None


def report_root(results: list[FileResult]) -> Path | None:
    """The repository the first readable draft lies in (the working folder's, for standard input)."""
    for result in results:
        if result.source is not None and Path(result.path).exists():
            return repository_root(Path(result.path).parent)
    return repository_root(Path.cwd())


def message_with_suggestion(diagnostic: Diagnostic) -> str:
    """The message and, when there is one, the first suggestion: one line for a tool that shows only text."""
    if not diagnostic.suggestions:
        return diagnostic.message
    first = diagnostic.suggestions[0]
    shown = f'"{first}"' if first else "delete it"
    return f"{diagnostic.message} (suggestion: {shown})"
