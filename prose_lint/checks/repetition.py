"""The ``repetition`` kind: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Diagnostic

# One pass in C finds every doubled word; Python only looks at the few hits.
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
_JOINERS = "'’-"


class RepeatedWord(Rule):
    """Flags a word written twice in a row, also across a line break.

    Typing slips like "the the" survive many readings because the eye skips the
    second word. Words that may legitimately repeat ("had had", "that that")
    are listed under ``allow``; a capitalised second word is taken for a name
    ("Duran Duran", "Baden Baden"). The fix deletes the second word.
    """

    kind = "repetition"
    fields = {
        "allow": Field((list,), default=[], help="words that may repeat"),
    }
    options = frozenset({"allow"})
    default_message = 'Repeated word "{word}"'

    def setup(self) -> None:
        self.allowed = frozenset(word.lower() for word in self.spec["allow"])

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        prose = analysis.prose
        for match in _DOUBLED.finditer(prose):
            if self._is_slip(analysis, match):
                yield self._diagnostic(analysis, match)

    def _is_slip(self, analysis: Analysis, match: re.Match[str]) -> bool:
        prose = analysis.prose
        first, second = match.group(1), prose[match.end() - len(match.group(1)) : match.end()]
        start, end = match.span()
        if not first.isalpha() or first.lower() in self.allowed or second[:1].isupper():
            return False
        if (start and prose[start - 1] in _JOINERS) or prose[end : end + 1] in tuple(_JOINERS):
            return False
        block = analysis.block_at(start)
        return block >= 0 and analysis.block_at(end - 1) == block

    def _diagnostic(self, analysis: Analysis, match: re.Match[str]) -> Diagnostic:
        first = match.group(1)
        start, end = match.span()
        second = analysis.prose[end - len(first) : end]
        fix = self.replacement(analysis, start, end, first, f'Delete the second "{second}"')
        return self.diagnostic(start, end, format_message(self.message, word=second), [first], fix)
