"""The ``repetition`` kind: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Diagnostic
from prose_lint.regexcache import compile_regex

# One pass in C finds every doubled word; Python only looks at the few hits. The
# pass starts at the character before a word (a plain set the engine scans for)
# rather than at a word boundary (tried at every position), and reads the word
# once, never backtracking into it: a possessive "+" from Python 3.11, a
# lookahead before (~27 -> ~17 or ~21 ms per 100k words).
_ONE_WORD = r"(\w++)" if sys.version_info >= (3, 11) else r"(?=(\w+))\1"
_DOUBLED = compile_regex(rf"\W{_ONE_WORD}\s+\1\b", re.IGNORECASE)
_DOUBLED_AT_START = compile_regex(rf"{_ONE_WORD}\s+\1\b", re.IGNORECASE)
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
        for doubled in doubled_words(analysis.prose):
            if self._is_slip(analysis, doubled):
                yield self._diagnostic(analysis, doubled)

    def _is_slip(self, analysis: Analysis, doubled: tuple[int, int, str]) -> bool:
        prose = analysis.prose
        start, end, first = doubled
        second = prose[end - len(first) : end]
        if not first.isalpha() or first.lower() in self.allowed or second[:1].isupper():
            return False
        if (start and prose[start - 1] in _JOINERS) or prose[end : end + 1] in tuple(_JOINERS):
            return False
        block = analysis.block_at(start)
        return block >= 0 and analysis.block_at(end - 1) == block

    def _diagnostic(self, analysis: Analysis, doubled: tuple[int, int, str]) -> Diagnostic:
        start, end, first = doubled
        second = analysis.prose[end - len(first) : end]
        fix = self.replacement(analysis, start, end, first, f'Delete the second "{second}"')
        return self.diagnostic(start, end, format_message(self.message, word=second), [first], fix)


def doubled_words(prose: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, first word) of each word written twice in a row, left to right, not overlapping."""
    position = 0
    opening = _DOUBLED_AT_START.match(prose)
    if opening is not None:
        yield 0, opening.end(), opening.group(1)
        position = opening.end()
    for match in _DOUBLED.finditer(prose, position):
        yield match.start() + 1, match.end(), match.group(1)
