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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.figures import Figure, FigureFinder, alternation
from prose_lint.diagnostic import Diagnostic
from prose_lint.document import Block
from prose_lint.resources import builtin_rules_dir, cached_yaml_data
from prose_lint.yamlio import Located, YamlError, load_yaml, plain

DATA_FILES = {"figures": "figures.yaml", "sources": "sources.yaml"}
# Lists of regular expressions (every other list holds words or phrases).
REGEX_LISTS = frozenset({"phrases", "markers", "source_lines", "captions"})
SOURCE_INLINES = frozenset({"link", "footnote_ref", "url"})
# Blocks whose figures are never reported: a footnote is a source itself.
SKIPPED_BLOCKS = frozenset({"footnote"})

_WORD_BEFORE = re.compile(r"([\w'’.-]+)(\s+)$")
_ADVERB = re.compile(r"[^\W\d_]+ly")
_BY_AGENT = re.compile(r"\s+by\s+(?![\d$€£])\S")
_INVERTED_SUBJECT = re.compile(r"\s+(?:the|a|an|his|her|their|its|[A-Z])")
_QUOTES_OPEN = "“"
_QUOTES_CLOSE = "”"
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


# --- data ---------------------------------------------------------------------


def _validate_data_file(path: Any) -> dict[str, list[str]]:
    """A data file is a mapping of list names to lists of strings; regex lists must compile."""
    node = load_yaml(path)
    located = Located(path, node, "")
    located.require_mapping()
    data: dict[str, list[str]] = {}
    for key, value in node.items():
        problem = _list_problem(str(key), value)
        if problem:
            raise located.error_at_value(key, problem)
        data[str(key)] = [str(item) for item in plain(value)]
    return data


def _list_problem(key: str, value: Any) -> str:
    """What is wrong with one list of data (empty when it is fine)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"{key!r} must be a list of strings"
    if key in REGEX_LISTS:
        for item in value:
            try:
                re.compile(item)
            except re.error as err:
                return f"{key!r}: invalid regular expression {item!r}: {err}"
    return ""


def builtin_data(name: str) -> dict[str, list[str]]:
    """``rules/citations/<name>.yaml`` as plain lists (parsed once, cached on disk)."""
    return cached_yaml_data(builtin_rules_dir() / "citations" / DATA_FILES[name], _validate_data_file)


def additions_problem(spec: dict[str, Any]) -> tuple[str, str]:
    """(key, problem) for the first bad entry of a rule's ``figures``/``sources`` additions."""
    for name in DATA_FILES:
        additions = spec.get(name) or {}
        if not isinstance(additions, dict):
            return name, f"{name!r} must be a mapping of list names to lists"
        known = builtin_data(name)
        for key, value in additions.items():
            if key not in known:
                return name, f"{name}: unknown list {key!r} (expected one of: {', '.join(sorted(known))})"
            problem = _list_problem(key, value)
            if problem:
                return name, f"{name}: {problem}"
    return "", ""


def merged_data(name: str, additions: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """The built-in lists with a house's additions appended (never replaced)."""
    data = builtin_data(name)
    if not additions:
        return data
    return {key: [*values, *additions.get(key, [])] for key, values in data.items()}


# --- attribution ---------------------------------------------------------------


class Attribution:
    """Recognises a source in a span of prose, from the lists of ``sources.yaml``."""

    def __init__(self, data: dict[str, list[str]]) -> None:
        self.verbs = re.compile(rf"(?<![\w'’-])(?:{alternation(data['verbs'])})(?![\w'’-])", re.I)
        self.not_subjects = frozenset(word.lower() for word in data["not_subjects"])
        possessive = rf"[\w.-]+['’]s(?:\s+[\w-]+){{0,2}}?\s+(?:{alternation(data['nouns'])})(?![\w])"
        named = [*data["phrases"], *data["markers"], possessive]
        self.named = re.compile("|".join(f"(?:{entry})" for entry in named), re.I)
        self.vague = re.compile(
            rf"(?<![\w'’-])(?:(?:{alternation(data['vague_subjects'])})\s+(?:{alternation(data['vague_verbs'])})"
            rf"|{alternation(data['vague_phrases'])})(?![\w'’-])(?!\s+(?:by|from|of)\s)",
            re.I,
        )
        self.vague_anchors = _anchors([*data["vague_subjects"], *data["vague_phrases"]])
        self.continuation = re.compile(rf"(?:{alternation(data['continuations'])})(?![\w])", re.I)
        self.source_line = re.compile("|".join(f"(?:{entry})" for entry in data["source_lines"]), re.I)
        self.caption = re.compile("|".join(f"(?:{entry})" for entry in data["captions"]), re.I)

    def names_source(self, prose: str, start: int, end: int) -> bool:
        """Whether ``prose[start:end]`` names a source (a vague one counts: it is flagged apart)."""
        if self.named.search(prose, start, end) or self.vague.search(prose, start, end):
            return True
        return any(self._has_subject(prose, verb, start, end) for verb in self.verbs.finditer(prose, start, end))

    def _has_subject(self, prose: str, verb: re.Match, start: int, end: int) -> bool:
        """ "officials said", "we counted": a verb with a subject, not "an estimated" or "were recorded"."""
        if _BY_AGENT.match(prose, verb.end(), end):
            return True  # a passive with its agent: "recorded by the UN mission"
        position = verb.start()
        for _ in range(3):
            previous = _WORD_BEFORE.search(prose, max(start, position - 40), position)
            if previous is None:
                # after punctuation or at the start: "...," said the mayor
                return bool(_INVERTED_SUBJECT.match(prose, verb.end(), end))
            word = previous.group(1).lower().strip(".")
            if not _ADVERB.fullmatch(word):
                return word not in self.not_subjects and not word[:1].isdigit()
            position = previous.start()  # "was widely reported": look past the adverb
        return False

    def vague_sources(self, prose: str, start: int, end: int) -> Iterator[re.Match]:
        """Vague sources in ``prose[start:end]``, found from their anchor words (fast on long texts)."""
        windows = sorted({_window(position, start, end) for position in self._anchor_hits(prose, start, end)})
        last = -1
        for low, high in windows:
            for match in self.vague.finditer(prose, max(low, last), high):
                if match.start() >= last and not _named_before(prose, match.start(), start):
                    last = match.end()
                    yield match

    def _anchor_hits(self, prose: str, start: int, end: int) -> Iterator[int]:
        for anchor in self.vague_anchors:
            position = prose.find(anchor, start, end)
            while position >= 0:
                yield position
                position = prose.find(anchor, position + 1, end)


def _anchors(entries: list[str]) -> frozenset[str]:
    """The last word of each vague entry, without its first letter (which may be a capital)."""
    return frozenset(entry.split()[-1][1:].lower() for entry in entries if entry.split())


def _window(position: int, start: int, end: int) -> tuple[int, int]:
    return max(start, position - 60), min(end, position + 60)


def _named_before(prose: str, position: int, start: int) -> bool:
    """ "UN reports say", "the ministry's sources": a name before the vague words makes them specific."""
    previous = _WORD_BEFORE.search(prose, max(start, position - 40), position)
    if previous is None:
        return False
    word = previous.group(1)
    if word.endswith(("'s", "’s")):
        return True
    head = prose[start : previous.start()].rstrip(" \t\r\n\"'“‘(")
    return word[:1].isupper() and bool(head) and head[-1] not in ".!?:"


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
    finder = FigureFinder(figures, options["spelled_numbers"], options["fractions"])
    return CitationData(finder, Attribution(sources))


def citation_data(spec: dict[str, Any]) -> CitationData:
    """The recogniser and the attribution cues for a rule's spec (compiled once per spec)."""
    key = {
        "figures": spec.get("figures") or {},
        "sources": spec.get("sources") or {},
        "spelled_numbers": bool(spec.get("spelled_numbers")),
        "fractions": bool(spec.get("fractions")),
    }
    return _compiled(json.dumps(key, sort_keys=True))


class _DataRule(Rule):
    """What both kinds share: the ``figures``/``sources`` additions, checked where they are written."""

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        key, problem = additions_problem(spec)
        if problem:
            raise located.error_at_value(key, problem)

    def setup(self) -> None:
        # Options from .prose-lint.yaml arrive unchecked; a bad one is reported when the rule runs.
        self.option_problem = additions_problem(self.spec)[1]
        self.data = None if self.option_problem else citation_data(self.spec)

    def _data(self, analysis: Analysis) -> CitationData:
        if self.data is None:
            where = analysis.config.display_path if analysis.config else "the configuration"
            raise YamlError(where, 1, 1, f"rules.{self.id}.options: {self.option_problem}")
        return self.data


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
        "spelled_numbers": Field((bool,), default=False, help='also count "eleven soldiers"'),
        "fractions": Field((bool,), default=False, help='also count "a third of the clinics"'),
        "figures": Field((dict,), default={}, help="entries added to rules/citations/figures.yaml"),
        "sources": Field((dict,), default={}, help="entries added to rules/citations/sources.yaml"),
        "table_message": Field((str,), default="", help="the message for a table without a source"),
    }
    options = frozenset({"headings", "tables", "spelled_numbers", "fractions", "figures", "sources"})
    default_message = (
        'Figure "{figure}" has no source in its sentence or paragraph; '
        'add one ("according to ...", a citation [1], or a link)'
    )
    default_table_message = (
        'Table of {count} figures (from "{figure}") has no source; '
        'add a source line under it ("Source: ...") or cite one in its caption'
    )

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        data = self._data(analysis)
        blocks = analysis.blocks
        found = data.finder.scan(analysis.prose, [(block.start, block.end) for block in blocks])
        if not found:
            return
        context = _Context(analysis, data.attribution)
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
        return self.diagnostic(figure.start, figure.end, format_message(self.message, figure=text))

    def _table_diagnostic(self, analysis: Analysis, figures: list[Figure]) -> Diagnostic:
        first = figures[0]
        text = " ".join(analysis.text[first.start : first.end].split())
        template = self.spec["table_message"] or self.default_table_message
        return self.diagnostic(first.start, first.end, format_message(template, figure=text, count=len(figures)))


class _Context:
    """Per-document memory of which sentences, quotations and tables are attributed."""

    def __init__(self, analysis: Analysis, attribution: Attribution) -> None:
        self.analysis = analysis
        self.prose = analysis.prose
        self.blocks: list[Block] = analysis.blocks
        self.attribution = attribution
        self.markers = sorted(
            (inline.start, inline.end) for inline in analysis.document.inlines if _is_source_inline(analysis, inline)
        )
        self.marker_starts = [start for start, _ in self.markers]
        self._sentences: dict[int, bool] = {}
        self._blocks: dict[int, bool] = {}
        self._groups: dict[int, bool] = {}

    def has_marker(self, start: int, end: int) -> bool:
        """A link, footnote reference, URL or <sup> between ``start`` and ``end``."""
        index = bisect.bisect_left(self.marker_starts, start)
        return index < len(self.markers) and self.markers[index][0] < end

    def names_source(self, start: int, end: int) -> bool:
        return self.has_marker(start, end) or self.attribution.names_source(self.prose, start, end)

    # --- figures in running prose

    def attributed(self, index: int, figure: Figure) -> bool:
        sentences = self.analysis.block_sentences(index)
        position = _sentence_index(sentences, figure.start)
        if position is None:
            return self.block_sourced(index)
        if self.sentence_sourced(index, position):
            return True
        block = self.blocks[index]
        if _inside_quotation(self.prose, block.start, figure.start) and self.block_sourced(index):
            return True  # a quotation whose speaker the paragraph names
        return block.quoted and self.quote_sourced(index)

    def sentence_sourced(self, index: int, position: int) -> bool:
        sentences = self.analysis.block_sentences(index)
        sentence = sentences[position]
        cached = self._sentences.get(sentence.start)
        if cached is not None:
            return cached
        # A marker after the full stop still belongs to the sentence: "...schools.[^1]"
        end = sentences[position + 1].start if position + 1 < len(sentences) else self.blocks[index].end
        sourced = self.names_source(sentence.start, end) or (
            position > 0
            and bool(self.attribution.continuation.match(self.prose, sentence.start, sentence.end))
            and self.sentence_sourced(index, position - 1)
        )
        self._sentences[sentence.start] = sourced
        return sourced

    def block_sourced(self, index: int) -> bool:
        if index not in self._blocks:
            block = self.blocks[index]
            self._blocks[index] = self.names_source(block.start, block.end)
        return self._blocks[index]

    def quote_sourced(self, index: int) -> bool:
        """A block quote is attributed by a citation line or a source anywhere in it."""
        first, last = self._run(index, lambda block: block.quoted)
        if first not in self._groups:
            self._groups[first] = any(
                self.block_sourced(i) or self.is_source_line(i) for i in range(first, last + 1)
            ) or (last + 1 < len(self.blocks) and self.is_source_line(last + 1))
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
        return bool(self.attribution.caption.match(self.prose, block.start, block.end)) and self.block_sourced(index)

    def _run(self, index: int, belongs) -> tuple[int, int]:
        """The run of neighbouring blocks around ``index`` that ``belongs`` accepts, unbroken by a blank line."""
        first = index
        while first > 0 and belongs(self.blocks[first - 1]) and not self._break_between(first - 1, first):
            first -= 1
        last = index
        while (
            last + 1 < len(self.blocks)
            and belongs(self.blocks[last + 1])
            and not self._break_between(last, last + 1)
        ):
            last += 1
        return first, last

    def _break_between(self, before: int, after: int) -> bool:
        gap = self.analysis.text[self.blocks[before].end : self.blocks[after].start]
        return bool(_BLANK_LINE.search(gap))


def _is_source_inline(analysis: Analysis, inline) -> bool:
    if inline.kind in SOURCE_INLINES:
        return True
    return inline.kind == "html" and analysis.text[inline.start : inline.start + 4].lower() == "<sup"


def _sentence_index(sentences, offset: int) -> int | None:
    found = None
    for position, sentence in enumerate(sentences):
        if sentence.start > offset:
            break
        found = position
    return found


def _inside_quotation(prose: str, start: int, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in its block."""
    head = prose[start:offset]
    if head.rfind(_QUOTES_OPEN) > head.rfind(_QUOTES_CLOSE):
        return True
    return head.count('"') % 2 == 1


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
        attribution = self._data(analysis).attribution
        prose = analysis.prose
        for block in analysis.blocks:
            if block.kind in SKIPPED_BLOCKS or (block.kind == "heading" and not self.spec["headings"]):
                continue
            for match in attribution.vague_sources(prose, block.start, block.end):
                text = " ".join(match.group().split())
                yield self.diagnostic(match.start(), match.end(), format_message(self.message, match=text))
