"""The ``citation`` and ``vague-source`` kinds: figures stated without a source.

An editor asks of every figure in a report: who says so? ``citation`` flags a
figure (an amount, a percentage, a measurement, a count) whose sentence names
no source and whose paragraph does not attribute it either; ``vague-source``
flags a source too vague to check ("a recent study showed", "reports say").

What a figure is and what a source is are data, in
``rules/citations/figures.yaml`` and ``rules/citations/sources.yaml``; a house
adds its own entries with the rules' ``figures`` and ``sources`` options.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule
from prose_lint.checks.figures import Figure, FigureFinder
from prose_lint.checks.passages import Passage
from prose_lint.checks.sources import Attribution, additions_problem, merged_data
from prose_lint.diagnostic import Diagnostic
from prose_lint.document import Block, Inline
from prose_lint.regexcache import compile_regex
from prose_lint.yamlio import Located

SOURCE_INLINES = frozenset({"link", "footnote_ref", "url"})
# Blocks whose figures are never reported: a footnote is a source itself.
SKIPPED_BLOCKS = frozenset({"footnote"})

_MAX_CONTINUATIONS = 3
_QUOTATION_REACH = 1500
_QUOTED_PARAGRAPHS = 4
_OPENING_MARKS = frozenset('"“')
_BLANK_LINE = compile_regex(r"\n[ \t]*\r?\n")


class _Placeholders(dict):
    """Leaves a placeholder the message does not know visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: Any) -> str:
    return template.format_map(_Placeholders(values))


# --- the compiled data, shared by every rule with the same options ------------------


@dataclass(frozen=True)
class CitationData:
    finder: FigureFinder
    attribution: Attribution


@lru_cache(maxsize=16)
def _compiled(key: str) -> CitationData:
    options = json.loads(key)
    figures = merged_data("figures", options["figures"])
    sources = merged_data("sources", options["sources"])
    finder = FigureFinder(
        figures, options["spelled_numbers"], options["fractions"], options["bare_number_minimum"]
    )
    return CitationData(finder, Attribution(sources))


def citation_data(spec: dict[str, Any]) -> CitationData:
    """The recogniser and the attribution cues for a rule's spec (compiled once per spec)."""
    key = {
        "figures": spec.get("figures") or {},
        "sources": spec.get("sources") or {},
        "spelled_numbers": bool(spec.get("spelled_numbers")),
        "fractions": bool(spec.get("fractions")),
        "bare_number_minimum": spec.get("bare_number_minimum", 10),
    }
    return _compiled(json.dumps(key, sort_keys=True))


class _DataRule(Rule):
    """What both kinds share: the ``figures``/``sources`` additions, checked where they are written."""

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        key, problem = additions_problem(spec)
        if problem:
            raise located.error_at_value(key, problem)

    @classmethod
    def options_problem(cls, spec: dict[str, Any]) -> str | None:
        return super().options_problem(spec) or additions_problem(spec)[1]

    def setup(self) -> None:
        self.data = citation_data(self.spec)


# --- citations/uncited-figure ------------------------------------------------------


class UncitedFigure(_DataRule):
    """Flags a figure stated without a source.

    A figure is a number that states a fact: "312 families", "$75 million",
    "18%", "41 millimetres". A source is named in the figure's sentence
    ("according to the IOM", "the ministry said", "(World Bank 2023)", a
    citation [1] or [^1], a link), or by its paragraph: a figure inside a
    quotation whose speaker the paragraph names, a sentence that continues an
    attributed one ("The report added ..."), a block quote with a citation
    line. A table of figures needs a source line ("Source: ...") or a caption
    that cites one; it is reported once, on its first figure.

    Why: an editor asks of every figure "who says so?"; a figure without a
    source cannot be checked. Write instead: "312 families were displaced
    again, according to the IOM" or add a citation.
    """

    kind = "citation"
    fields = {
        "headings": Field((bool,), default=False, help="also check figures in headings"),
        "tables": Field((bool,), default=True, help="check tables (one finding per table)"),
        "carry_over": Field(
            (int,), default=2, help="following sentences of a paragraph a source in words also covers"
        ),
        "spelled_numbers": Field((bool,), default=False, help='also count "eleven soldiers"'),
        "fractions": Field((bool,), default=False, help='also count "a third of the clinics"'),
        "bare_number_minimum": Field(
            (int,),
            default=10,
            help='a number with no unit or noun ("only 19 were working") counts from this value',
        ),
        "figures": Field((dict,), default={}, help="entries added to rules/citations/figures.yaml"),
        "sources": Field((dict,), default={}, help="entries added to rules/citations/sources.yaml"),
        "table_message": Field((str,), default="", help="the message for a table without a source"),
    }
    options = frozenset(
        {
            "headings",
            "tables",
            "carry_over",
            "spelled_numbers",
            "fractions",
            "bare_number_minimum",
            "figures",
            "sources",
        }
    )
    default_message = (
        'Figure "{figure}" has no source in its sentence or paragraph; '
        'add one ("according to ...", a citation [1], or a link)'
    )
    default_table_message = (
        'Table of {count} figures (from "{figure}") has no source; '
        'add a source line under it ("Source: ...") or cite one in its caption'
    )

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        data = self.data
        blocks = analysis.blocks
        found = data.finder.scan(analysis.prose, [(block.start, block.end) for block in blocks])
        if not found:
            return
        context = _Context(analysis, data.attribution, self.spec["carry_over"])
        tables: dict[int, list[Figure]] = {}
        for index, figure in found:
            block = blocks[index]
            if block.kind in SKIPPED_BLOCKS or (block.kind == "heading" and not self.spec["headings"]):
                continue
            if block.kind == "table_cell":
                if self.spec["tables"]:
                    tables.setdefault(context.table_of(index)[0], []).append(figure)
                continue
            if not context.attributed(index, figure):
                yield self._figure_diagnostic(analysis, figure)
        for first_cell, figures in tables.items():
            if not context.table_sourced(first_cell):
                yield self._table_diagnostic(analysis, figures)

    def _figure_diagnostic(self, analysis: Analysis, figure: Figure) -> Diagnostic:
        text = " ".join(analysis.text[figure.start : figure.end].split())
        return self.diagnostic(figure.start, figure.end, fill(self.message, figure=text))

    def _table_diagnostic(self, analysis: Analysis, figures: list[Figure]) -> Diagnostic:
        first = figures[0]
        text = " ".join(analysis.text[first.start : first.end].split())
        template = self.spec["table_message"] or self.default_table_message
        return self.diagnostic(first.start, first.end, fill(template, figure=text, count=len(figures)))


class _Context:
    """Per-document memory of which sentences, quotations and tables are attributed."""

    def __init__(self, analysis: Analysis, attribution: Attribution, carry_over: int = 0) -> None:
        self.analysis = analysis
        self.carry_over = carry_over
        self.prose = analysis.prose
        self.blocks: list[Block] = analysis.blocks
        self.attribution = attribution
        self.markers = sorted(
            (inline.start, inline.end)
            for inline in analysis.document.inlines
            if _is_source_inline(analysis.text, inline)
        )
        self.marker_starts = [start for start, _ in self.markers]
        self._passages: dict[int, Passage] = {}
        self._sentences: dict[int, bool] = {}  # by sentence start
        self._worded: dict[int, bool] = {}
        self._carried: dict[tuple[int, int], bool] = {}
        self._last_sentence: tuple[int, int] | None = None
        self._blocks: dict[int, bool] = {}
        self._groups: dict[int, bool] = {}

    def passage(self, index: int) -> Passage:
        passage = self._passages.get(index)
        if passage is None:
            block = self.blocks[index]
            passage = self._passages[index] = Passage(self.prose, block.start, block.end)
        return passage

    def has_marker(self, start: int, end: int) -> bool:
        """A link, footnote reference, URL or <sup> between ``start`` and ``end``."""
        index = bisect.bisect_left(self.marker_starts, start)
        return index < len(self.markers) and self.markers[index][0] < end

    def names_source(self, start: int, end: int) -> bool:
        return self.has_marker(start, end) or self.attribution.names_source(self.prose, start, end)

    # --- figures in running prose

    def attributed(self, index: int, figure: Figure) -> bool:
        passage = self.passage(index)
        sentence = self._sentence_of(passage, figure.start)
        if self.sentence_sourced(passage, sentence) or self.carried(passage, sentence[0], self.carry_over):
            return True
        if self.quotation_sourced(passage, figure.start):
            return True
        return self.blocks[index].quoted and self.quote_sourced(index)

    def sentence_sourced(self, passage: Passage, sentence: tuple[int, int], depth: int = 0) -> bool:
        """A source in the sentence, or in the one before when this one continues it ("It added ...")."""
        start, end = sentence
        cached = self._sentences.get(start)
        if cached is None:
            cached = self.names_source(start, end) or (
                depth < _MAX_CONTINUATIONS
                and bool(self.attribution.continuation.match(self.prose, start, end))
                and self._previous_sourced(passage, start, depth)
            )
            self._sentences[start] = cached
        return cached

    def _previous_sourced(self, passage: Passage, start: int, depth: int) -> bool:
        previous = passage.previous_sentence(start)
        return previous is not None and self.sentence_sourced(passage, previous, depth + 1)

    def _sentence_of(self, passage: Passage, offset: int) -> tuple[int, int]:
        """The sentence around ``offset``; figures come in order, so the last one found often serves."""
        last = self._last_sentence
        if last is not None and last[0] <= offset < last[1] and passage.start <= last[0]:
            return last
        self._last_sentence = passage.sentence(offset)
        return self._last_sentence

    def carried(self, passage: Passage, start: int, remaining: int) -> bool:
        """A source in one of the ``remaining`` sentences before, none of the way opening with a shift."""
        if remaining <= 0 or self.attribution.shift.match(self.prose, start, passage.end):
            return False
        key = (start, remaining)
        if key not in self._carried:
            previous = passage.previous_sentence(start)
            self._carried[key] = previous is not None and (
                self.worded_source(*previous) or self.carried(passage, previous[0], remaining - 1)
            )
        return self._carried[key]

    def worded_source(self, start: int, end: int) -> bool:
        """A source named in words ("the ONS said"): a citation mark covers only its own sentence."""
        cached = self._worded.get(start)
        if cached is None:
            if self._sentences.get(start) is False:
                cached = False  # no source at all, so none in words
            else:
                cached = self.attribution.names_source(self.prose, start, end, markers=False)
            self._worded[start] = cached
        return cached

    def quotation_sourced(self, passage: Passage, offset: int) -> bool:
        """A figure inside a quotation whose speaker its sentences name ('"...," the mayor said')."""
        quotation = passage.quotation(offset)
        if quotation is None:
            return False
        start = passage.sentence(quotation.start)[0]
        end = passage.sentence(max(quotation.start, quotation.end - 1))[1]
        if self.names_source(max(start, offset - _QUOTATION_REACH), min(end, offset + _QUOTATION_REACH)):
            return True
        # A quotation that runs over several paragraphs opens each with a quotation mark;
        # its speaker is named in the paragraph before.
        return quotation.start == passage.start and self.previous_block_sourced(passage.start)

    def previous_block_sourced(self, block_start: int) -> bool:
        """The speaker of a quotation that opens its paragraph, named in a paragraph before it."""
        index = self.analysis.block_at(block_start)
        for previous in range(index - 1, max(-1, index - 1 - _QUOTED_PARAGRAPHS), -1):
            block = self.blocks[previous]
            if block.kind != self.blocks[index].kind:
                return False
            if self.names_source(max(block.start, block.end - _QUOTATION_REACH), block.end):
                return True
            if self.prose[block.start] not in _OPENING_MARKS:
                return False  # the quotation began in this paragraph, whose speaker is unnamed
        return False

    def block_sourced(self, index: int) -> bool:
        if index not in self._blocks:
            block = self.blocks[index]
            self._blocks[index] = self.names_source(block.start, block.end)
        return self._blocks[index]

    def quote_sourced(self, index: int) -> bool:
        """A block quote is attributed by a citation line ("— UN mission") or a source anywhere in it."""
        first, last = self._run(index, lambda block: block.quoted)
        if first not in self._groups:
            inside = range(first, last + 1)
            self._groups[first] = any(self.block_sourced(i) or self.is_source_line(i) for i in inside) or (
                last + 1 < len(self.blocks) and self.is_source_line(last + 1)
            )
        return self._groups[first]

    # --- tables

    def table_of(self, index: int) -> tuple[int, int]:
        """(first, last) block index of the table whose cell is block ``index``."""
        return self._run(index, lambda block: block.kind == "table_cell")

    def table_sourced(self, first: int) -> bool:
        """A source in a cell, a source line next to the table, or a caption that cites one."""
        first, last = self.table_of(first)
        if any(self.block_sourced(i) for i in range(first, last + 1)):
            return True
        neighbours = [i for i in (first - 1, last + 1) if 0 <= i < len(self.blocks)]
        return any(self.is_source_line(i) or self.is_citing_caption(i) for i in neighbours)

    def is_source_line(self, index: int) -> bool:
        block = self.blocks[index]
        return bool(self.attribution.source_line.match(self.prose, block.start, block.end))

    def is_citing_caption(self, index: int) -> bool:
        block = self.blocks[index]
        return bool(
            self.attribution.caption.match(self.prose, block.start, block.end)
        ) and self.block_sourced(index)

    def _run(self, index: int, belongs: Callable[[Block], bool]) -> tuple[int, int]:
        """The neighbouring blocks around ``index`` that ``belongs`` accepts, up to a blank line."""
        first = index
        while first > 0 and belongs(self.blocks[first - 1]) and not self._blank_between(first - 1, first):
            first -= 1
        last = index
        while (
            last + 1 < len(self.blocks)
            and belongs(self.blocks[last + 1])
            and not self._blank_between(last, last + 1)
        ):
            last += 1
        return first, last

    def _blank_between(self, before: int, after: int) -> bool:
        return bool(_BLANK_LINE.search(self.analysis.text, self.blocks[before].end, self.blocks[after].start))


def _is_source_inline(text: str, inline: Inline) -> bool:
    if inline.kind in SOURCE_INLINES:
        return True
    return inline.kind == "html" and text[inline.start : inline.start + 4].lower() == "<sup"


# --- citations/vague-source ----------------------------------------------------------


class VagueSource(_DataRule):
    """Flags a source too vague to check: "a recent study showed", "reports say".

    A vague source is a source of a different quality: the reader cannot find
    the study or the reports. Name it ("a 2025 FAO survey found"), or cite it.
    The phrases are ``vague_subjects`` x ``vague_verbs`` and ``vague_phrases``
    in ``rules/citations/sources.yaml``; a name before them makes them
    specific ("UN reports say").
    """

    kind = "vague-source"
    fields = {
        "sources": Field((dict,), default={}, help="entries added to rules/citations/sources.yaml"),
        "headings": Field((bool,), default=False, help="also check headings"),
    }
    options = frozenset({"sources", "headings"})
    default_message = 'Vague source "{match}": say which study, report or body, or cite it'

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        attribution = self.data.attribution
        blocks = [
            block
            for block in analysis.blocks
            if block.kind not in SKIPPED_BLOCKS and (block.kind != "heading" or self.spec["headings"])
        ]
        for start, end in attribution.vague_sources(analysis.prose, blocks):
            text = " ".join(analysis.text[start:end].split())
            yield self.diagnostic(start, end, fill(self.message, match=text))
