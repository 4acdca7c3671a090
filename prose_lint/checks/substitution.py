"""The ``substitution`` kind: this phrase, write that one instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.wordtrie import trie_pattern
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.yamlio import Located


class Substitution(Rule):
    """Flags each phrase of ``swap`` and suggests its replacement.

    Matching ignores case and treats any run of spaces or a line break as one
    space; the suggestion keeps the capital of a sentence-initial phrase. A
    phrase may map to a list of replacements: then none is applied by
    ``--fix``. ``exceptions`` are longer phrases in which a match is fine
    ("can not only").
    """

    kind = "substitution"
    fields = {
        "swap": Field((dict,), required=True, help="phrase: replacement (or a list of them)"),
        "exceptions": Field((list,), default=[], help="phrases in which a match is not flagged"),
        "fix": Field((str,), default="safe", help="safe, unsafe or display"),
    }
    default_message = 'Use "{replacement}" instead of "{match}"'

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        for phrase, replacement in spec["swap"].items():
            if not phrase.strip():
                raise located.error_at_value("swap", "an empty phrase cannot be swapped")
            if not isinstance(replacement, (str, list)):
                raise located.error_at_value(
                    "swap", f"the replacement of {phrase!r} must be a string or a list"
                )
        if spec["fix"] not in {a.value for a in Applicability}:
            raise located.error_at_value("fix", "fix must be safe, unsafe or display")

    def setup(self) -> None:
        self.swaps: dict[str, list[str]] = {}
        for phrase, replacement in self.spec["swap"].items():
            key = " ".join(phrase.lower().split())
            self.swaps[key] = [replacement] if isinstance(replacement, str) else list(replacement)
        self.pattern = trie_pattern(self.swaps)
        self.exceptions = [" ".join(e.lower().split()) for e in self.spec["exceptions"]]
        self.applicability = Applicability(self.spec["fix"])

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        prose = analysis.prose
        for block in analysis.blocks:
            for match in self.pattern.finditer(prose, block.start, block.end):
                if self._is_exception(prose, match.start(), block.end):
                    continue
                yield self._diagnostic(analysis, match)

    def _is_exception(self, prose: str, start: int, stop: int) -> bool:
        if not self.exceptions:
            return False
        ahead = " ".join(prose[start : min(stop, start + 200)].lower().split())
        return any(ahead.startswith(e) and not ahead[len(e) : len(e) + 1].isalnum() for e in self.exceptions)

    def _diagnostic(self, analysis: Analysis, match: re.Match) -> Diagnostic:
        written = match.group()
        key = " ".join(written.lower().split())
        replacements = [_match_case(written, r) for r in self.swaps[key]]
        message = format_message(self.message, match=" ".join(written.split()), replacement=replacements[0])
        fix = None
        if len(replacements) == 1:
            fix = self.replacement(
                analysis,
                match.start(),
                match.end(),
                replacements[0],
                f'Replace with "{replacements[0]}"',
                self.applicability,
            )
        return self.diagnostic(match.start(), match.end(), message, replacements, fix)


def _match_case(written: str, replacement: str) -> str:
    """Capitalise the replacement of a capitalised phrase ("Can not" -> "Cannot"), not of an acronym."""
    first = written.split()[0]
    if first[:1].isupper() and first[1:] == first[1:].lower() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
