"""The ``regex`` kind: a regular expression over the prose, with an optional replacement."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex
from prose_lint.yamlio import Located


class RegexRule(Rule):
    """Flags every match of ``pattern`` inside one block of prose.

    ``message`` and ``replace`` may name the pattern's groups as ``{name}``,
    and ``{match}`` for the whole match. ``fix`` says whether ``--fix`` may
    apply the replacement: ``safe``, ``unsafe`` or ``display``.
    """

    kind = "regex"
    fields = {
        "pattern": Field((str,), required=True, help="a Python regular expression"),
        "replace": Field((str,), help="the replacement, with {group} placeholders"),
        "ignore_case": Field((bool,), default=False),
        "fix": Field((str,), default="safe", help="safe, unsafe or display"),
    }
    default_message = "{match}"

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        try:
            re.compile(spec["pattern"])
        except re.error as err:
            raise located.error_at_value("pattern", f"invalid regular expression: {err}") from None
        if spec["fix"] not in {a.value for a in Applicability}:
            raise located.error_at_value("fix", "fix must be safe, unsafe or display")

    def setup(self) -> None:
        flags = re.IGNORECASE if self.spec["ignore_case"] else 0
        self.pattern = compile_regex(self.spec["pattern"], flags)
        self.applicability = Applicability(self.spec["fix"])

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        prose = analysis.prose
        for block in analysis.blocks:
            for match in self.pattern.finditer(prose, block.start, block.end):
                yield self._diagnostic(analysis, match)

    def _diagnostic(self, analysis: Analysis, match: re.Match) -> Diagnostic:
        values = {k: v or "" for k, v in match.groupdict().items()}
        values["match"] = match.group()
        start, end = match.span()
        suggestions: list[str] = []
        fix = None
        if self.spec["replace"] is not None:
            replacement = format_message(self.spec["replace"], **values)
            values["replacement"] = replacement
            suggestions = [replacement]
            fix = self.replacement(
                analysis,
                start,
                end,
                replacement,
                f'Replace with "{replacement}"',
                self.applicability,
            )
        return self.diagnostic(start, end, format_message(self.message, **values), suggestions, fix)
