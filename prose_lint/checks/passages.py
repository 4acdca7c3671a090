"""Sentences and quotations of one block, found around a figure without splitting the whole block.

A block of plain text can be a whole speech (one line per paragraph and no
blank line between), so the citation rule does not ask the shared Analysis
to tokenise it: one cheap pattern lists the places where a sentence may end
and the quotation marks; only the few around a figure are examined.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from prose_lint.analysis import abbreviations
from prose_lint.regexcache import compile_regex

_BOUNDARY = compile_regex(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9$€£])")
_LAST_WORD = compile_regex(r"[\w.]+$")
_FIRST_WORD = compile_regex(r"[\"'“‘(\[]*(\w+)")
_QUOTE_MARK = compile_regex(r'[“”"]')
_OPENING = "“"
_TERMINATORS = ".!?…"
_LAST_TERMINATOR = compile_regex(r".*[.!?…]", re.S)  # greedy: ends at the last terminator
_REACH = 600


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation's opening mark and the end of its closing mark (or of the block)."""

    start: int
    end: int


class Passage:
    """The sentences and quotations of ``prose[start:end]``, examined on demand."""

    def __init__(self, prose: str, start: int, end: int) -> None:
        self.prose = prose
        self.start = start
        self.end = end
        self._ends: dict[int, re.Match | None] = {}  # boundary start -> the boundary if it ends a sentence
        self._marks: list[tuple[int, str]] | None = None
        self._last_curly: list[tuple[int, str] | None] = []
        self._last_straight: list[tuple[int, int] | None] = []

    # --- sentences

    def sentence(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence around ``offset``.

        The span runs to the next sentence's start, so a citation marker after
        the full stop ("...schools.[1]") belongs to the sentence it follows.
        Only ``_REACH`` characters either side are read: a longer sentence is
        cut there.
        """
        before = self._boundary_before(offset)
        start = before.end() if before else max(self.start, offset - _REACH)
        low = offset
        high = min(self.end, offset + _REACH)
        while True:
            after = _BOUNDARY.search(self.prose, low, high)
            if after is None:
                return start, high
            if self._sentence_end(after.start()):
                return start, after.end()
            low = after.end()

    def previous_sentence(self, sentence_start: int) -> tuple[int, int] | None:
        """The sentence before the one that starts at ``sentence_start`` (None for the first)."""
        before = self._boundary_before(sentence_start)
        return self.sentence(before.start()) if before else None

    def _boundary_before(self, offset: int) -> re.Match | None:
        """The last sentence end before ``offset``, looking back ``_REACH`` characters."""
        floor = max(self.start, offset - _REACH)
        position = offset
        while position > floor:
            last = _LAST_TERMINATOR.match(self.prose, floor, position)
            if last is None:
                return None
            stop = last.end() - 1
            while stop > floor and self.prose[stop - 1] in _TERMINATORS:
                stop -= 1  # the start of a run such as "?!" or "..."
            boundary = self._sentence_end(stop)
            if boundary is not None and boundary.end() <= offset:
                return boundary
            position = stop
        return None

    def _sentence_end(self, position: int) -> re.Match | None:
        """The boundary that starts at ``position`` if it ends a sentence (not "Mr." or "U.N. staff")."""
        if position not in self._ends:
            boundary = _BOUNDARY.match(self.prose, position, self.end)
            if boundary is not None and not _is_sentence_end(
                self.prose, position, boundary.end(), self.start
            ):
                boundary = None
            self._ends[position] = boundary
        return self._ends[position]

    # --- quotations

    def quotation(self, offset: int) -> Quotation | None:
        """The quotation ``offset`` lies in (curly or straight marks), or None."""
        if self._marks is None:
            self._index_quote_marks()
        marks = self._marks
        k = bisect.bisect_left(marks, (offset, ""))
        curly = self._last_curly[k]
        if curly is not None and curly[1] == _OPENING:
            return Quotation(curly[0], self._closing(marks, k, "”"))
        straight = self._last_straight[k]
        if straight is not None and straight[1] % 2 == 1:
            return Quotation(straight[0], self._closing(marks, k, '"'))
        return None

    def _index_quote_marks(self) -> None:
        """The marks, and for each count k of marks, the last curly and last straight among them."""
        self._marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(self.prose, self.start, self.end)]
        curly: tuple[int, str] | None = None
        straight: tuple[int, int] | None = None  # (position, how many straight marks so far)
        self._last_curly = [curly]
        self._last_straight = [straight]
        for position, mark in self._marks:
            if mark == '"':
                straight = (position, (straight[1] if straight else 0) + 1)
            else:
                curly = (position, mark)
            self._last_curly.append(curly)
            self._last_straight.append(straight)

    def _closing(self, marks: list[tuple[int, str]], k: int, closing: str) -> int:
        for position, mark in marks[k:]:
            if mark == closing:
                return position + 1
        return self.end


def _is_sentence_end(prose: str, start: int, end: int, block_start: int) -> bool:
    """A full stop after "Mr" or "U.N" before a lower-case word does not end a sentence."""
    if prose[start] != ".":
        return True
    word = _LAST_WORD.search(prose, max(block_start, start - 20), start)
    if word is None:
        return True
    text = word.group()
    lower = text.lower().replace(".", "")
    lexicon = abbreviations()
    if lower in lexicon.titles:
        return False
    if lower in lexicon.others or (len(text) == 1 and text.isupper()) or "." in text:
        following = _FIRST_WORD.match(prose, end)
        return bool(following) and following.group(1).lower() in lexicon.starters
    return True
