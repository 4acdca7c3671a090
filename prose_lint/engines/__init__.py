"""Engines: external checkers that run beside the built-in rules.

An engine is off unless ``.prose-lint.yaml`` turns it on under ``engines``;
nothing is imported, started or downloaded otherwise. Its findings become
Diagnostics like any other; one that lands on a problem a built-in rule
already reported is dropped, so each problem is reported once. When an
engine cannot run (no server, no Java), the built-in rules' findings stand
and one warning says why.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from prose_lint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from prose_lint.api import Selection
    from prose_lint.config import Config
    from prose_lint.document import Document
    from prose_lint.yamlio import Located

# engine name -> module under prose_lint.engines with validate(located) and check(document, settings, config)
ENGINES: dict[str, str] = {"languagetool": "languagetool"}


def _module(name: str) -> Any:
    return importlib.import_module(f"prose_lint.engines.{ENGINES[name]}")


def validate_engines(located: Located) -> dict[str, Any]:
    """The ``engines`` section of a config, checked; errors point at its lines."""
    if located.node is None:
        return {}
    located.require_mapping()
    located.reject_unknown(frozenset(ENGINES))
    return {str(name): _module(str(name)).validate(located.child(name)) for name in located.node}


def run_engines(
    document: Document, config: Config, selection: Selection, built_in: list[Diagnostic]
) -> tuple[list[Diagnostic], list[str]]:
    """Findings of every enabled engine not already reported by a built-in rule, and warnings."""
    sections = config.section("engines") or {}
    found: list[Diagnostic] = []
    warnings: list[str] = []
    for name, settings in sections.items():
        if not settings.get("enabled", False):
            continue
        diagnostics, problems = _module(name).check(document, settings, config)
        warnings.extend(problems)
        for diagnostic in diagnostics:
            severity = config.severity_of(diagnostic.rule, diagnostic.category, diagnostic.severity)
            if not severity or not selection.allows(diagnostic.rule, diagnostic.category):
                continue
            if any(same_problem(diagnostic, other) for other in built_in):
                continue
            diagnostic.severity = severity
            found.append(diagnostic)
    return found, warnings


def same_problem(engine: Diagnostic, built_in: Diagnostic) -> bool:
    """Whether an engine finding reports what a built-in one already does.

    That is: the two spans overlap, and they are in the same category or
    start or end at the same character (LanguageTool's "An significant" and
    grammar/article's "An" are one problem; a style remark on "significant"
    is another).
    """
    if not (engine.start < built_in.end and built_in.start < engine.end):
        return False
    same_edge = engine.start == built_in.start or engine.end == built_in.end
    return same_edge or engine.category == built_in.category
