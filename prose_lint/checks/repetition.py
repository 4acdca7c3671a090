"""The ``repetition`` kind: the same word twice in a row ("the the")."""

from __future__ import annotations

from collections.abc import Iterator

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Diagnostic


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
        tokens = analysis.tokens
        lower = analysis.lower
        for i in range(1, len(tokens)):
            current, previous = tokens[i], tokens[i - 1]
            if (
                lower[i] != lower[i - 1]
                or current.kind != "word"
                or current.block != previous.block
                or lower[i] in self.allowed
            ):
                continue
            fix = self.replacement(
                analysis,
                previous.start,
                current.end,
                previous.text,
                f'Delete the second "{current.text}"',
            )
            yield self.diagnostic(
                previous.start,
                current.end,
                format_message(self.message, word=current.text),
                [previous.text],
                fix,
            )
