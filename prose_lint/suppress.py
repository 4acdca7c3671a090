"""Inline suppression comments.

In a draft::

    <!-- prose-lint disable grammar/repeated-word, spelling -->
    ... nothing of these rules is reported here ...
    <!-- prose-lint enable -->

    <!-- prose-lint disable-next-line citations/uncited-figure -->
    312 families were displaced.

A comment may name rule ids or whole categories; naming none means every rule.
A suppression that silenced nothing, or that names an unknown rule, is itself
reported (``style/unused-suppression``, ``style/unknown-rule-in-comment``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.document import Document
from prose_lint.regexcache import compile_regex

_DIRECTIVE = compile_regex(
    r"<!--\s*prose-lint\s+(?P<action>disable-next-line|disable|enable)\b(?P<targets>.*?)-->",
    re.S,
)

UNUSED = "style/unused-suppression"
UNKNOWN = "style/unknown-rule-in-comment"
# Rules the engine itself reports; listed by `prose-lint rules` beside the packs' rules.
ENGINE_RULES = {
    UNUSED: (Severity.INFO, "A suppression comment that silenced nothing."),
    UNKNOWN: (Severity.WARNING, "A suppression comment that names an unknown rule or category."),
}


@dataclass
class Suppression:
    start: int
    end: int
    targets: frozenset[str]  # empty: every rule
    comment_start: int
    comment_end: int
    used: bool = False

    def covers(self, diagnostic: Diagnostic) -> bool:
        if not self.start <= diagnostic.start < self.end:
            return False
        return not self.targets or diagnostic.rule in self.targets or diagnostic.category in self.targets


@dataclass
class Suppressions:
    ranges: list[Suppression] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        if not self.ranges:
            return diagnostics
        kept = []
        for diagnostic in diagnostics:
            hit = [s for s in self.ranges if s.covers(diagnostic)]
            for suppression in hit:
                suppression.used = True
            if not hit:
                kept.append(diagnostic)
        return kept

    def unused(self) -> list[Diagnostic]:
        severity, _ = ENGINE_RULES[UNUSED]
        reported: set[int] = set()
        found = []
        for suppression in self.ranges:
            if suppression.used or suppression.comment_start in reported:
                continue
            reported.add(suppression.comment_start)
            found.append(
                Diagnostic(
                    UNUSED,
                    "style",
                    severity,
                    "This suppression comment silenced nothing; remove it",
                    suppression.comment_start,
                    suppression.comment_end,
                )
            )
        return found


def parse_suppressions(document: Document, known_ids: set[str], categories: set[str]) -> Suppressions:
    result = Suppressions()
    open_ranges: list[Suppression] = []
    for comment in document.comments:
        match = _DIRECTIVE.fullmatch(comment.target) or _DIRECTIVE.search(comment.target)
        if not match:
            continue
        targets = _targets(match.group("targets"))
        unknown = sorted(
            t
            for t in targets
            if t not in known_ids and t not in categories and not t.startswith("languagetool/")
        )
        if unknown:
            result.problems.append(_unknown(comment.start, comment.end, unknown))
            targets = targets - set(unknown)
            if not targets:
                continue
        action = match.group("action")
        if action == "disable-next-line":
            start, end = _next_line(document, comment.end)
            result.ranges.append(Suppression(start, end, targets, comment.start, comment.end))
        elif action == "disable":
            suppression = Suppression(comment.end, len(document.text), targets, comment.start, comment.end)
            result.ranges.append(suppression)
            open_ranges.append(suppression)
        else:
            _close(open_ranges, targets, comment.start)
    return result


def _targets(text: str) -> frozenset[str]:
    return frozenset(t for t in re.split(r"[\s,]+", text.strip()) if t)


def _close(open_ranges: list[Suppression], targets: frozenset[str], at: int) -> None:
    for suppression in list(open_ranges):
        if not targets or suppression.targets & targets or not suppression.targets:
            suppression.end = at
            open_ranges.remove(suppression)


def _next_line(document: Document, offset: int) -> tuple[int, int]:
    line, _ = document.position(offset)
    starts = document.line_starts
    if line >= len(starts):
        return len(document.text), len(document.text)
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(document.text)
    return start, end


def _unknown(start: int, end: int, names: list[str]) -> Diagnostic:
    severity, _ = ENGINE_RULES[UNKNOWN]
    listed = ", ".join(repr(n) for n in names)
    return Diagnostic(
        UNKNOWN,
        "style",
        severity,
        f"Unknown rule or category {listed} in a suppression comment (see `prose-lint rules`)",
        start,
        end,
    )
