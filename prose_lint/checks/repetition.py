"""The ``repetition`` kind: the same word twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Diagnostic

# A word, blanks (spaces, a line break, masked markup), the same word in any case.
# Both words must be whole: not part of a hyphenated or apostrophised word.
_REPEATED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])", re.IGNORECASE)


class RepeatedWord(Rule):
    """Flags a word written twice in a row, also across a line break.

    Typing slips like "the the" survive many readings because the eye skips the
    second word. Words that may legitimately repeat ("had had", "that that")
    are listed under ``allow``. The fix deletes the second word.
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
        for block in analysis.blocks:
            for match in _REPEATED.finditer(prose, block.start, block.end):
                first, second = match.group(1), match.group(2)
                if first.lower() in self.allowed:
                    continue
                start, end = match.span()
                yield self.diagnostic(
                    start,
                    end,
                    format_message(self.message, word=second),
                    [first],
                    self.replacement(analysis, start, end, first, f'Delete the second "{second}"'),
                )
