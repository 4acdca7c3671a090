"""Two kinds for abbreviations: ``abbreviation-style`` ("U.K." and "UK" in one
document) and ``acronym`` (an acronym never expanded, used before its
expansion, or expanded twice).

Both read one scan of the document: every all-capital word of two or more
capitals ("PMF", "NGOs", "G20") and every dotted abbreviation ("U.K.", "U.N",
"E.U."), found by one compiled pattern, with the definitions "Long Form (LF)"
and "LF (Long Form)". The scan is made once per document and shared.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.consistency import document_words, is_common_word
from prose_lint.checks.namedata import acronym_settings, load_names_data
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex

# A capital first, so that the regex engine skips other characters in C; the
# look-behind then checks that the capital starts a word.
_CANDIDATE = compile_regex(
    r"[A-Z](?=[A-Z0-9&.])(?<![\w.&'’-].)"
    r"(?:(?P<dotted>\.(?:[A-Z]\.){0,4}[A-Z](?:\.|(?![\w])))"
    r"|(?P<caps>[A-Z0-9&]*[A-Z0-9])(?P<plural>s)?(?![\w&'’-]|\.\w))"
)
# three or more all-capital words in a row: a heading or a quotation in capitals, not acronyms
_CAPITALS_RUN = compile_regex(r"[A-Z](?<![\w].)[A-Z]+(?!\w)(?:[,:]?[ \t]+[A-Z]{2,}(?!\w)){2,}")
_ROMAN = compile_regex(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
# "(PMF)", "(ON RRP)", "(PMF, also ...)": only acronyms between the opening bracket and this one
_IN_BRACKETS_BEFORE = compile_regex(r"\((?:[ \t]*[A-Z][A-Z0-9&]*s?)*[ \t]*$")
_IN_BRACKETS_AFTER = compile_regex(r"(?:[ \t]+[A-Z][A-Z0-9&]*s?)*[ \t]*[),;]")
# "PMF (Popular Mobilization Forces)": the bracket after an acronym
_LONG_FORM_AFTER = compile_regex(r"[ \t]*\(([^()\n]{3,120})\)")


@dataclass
class Use:
    """One written acronym."""

    start: int
    end: int
    written: str  # as written, without a plural s: "U.K.", "UK", "NGO"
    key: str  # letters only: "UK"
    dotted: bool
    defines: bool = False  # the "(PMF)" of "Popular Mobilization Forces (PMF)", or "PMF (Popular ...)"
    long_form: tuple[int, int] | None = None  # where the long form of a definition is


@dataclass
class AcronymScan:
    """Every acronym of a document, by key, in order."""

    uses: dict[str, list[Use]] = field(default_factory=lambda: defaultdict(list))
    defines_any: bool = False  # whether the document spells out any acronym


class AcronymData:
    def __init__(self) -> None:
        data = load_names_data("acronyms.yaml")
        self.known = frozenset(str(a) for a in data["known"])
        self.connectors = tuple(data["connectors"])


@cache
def acronym_data() -> AcronymData:
    return AcronymData()


_scans: weakref.WeakKeyDictionary[Analysis, AcronymScan] = weakref.WeakKeyDictionary()


def scan(analysis: Analysis) -> AcronymScan:
    """The acronyms of this document (computed once, shared by the rules of this module)."""
    found = _scans.get(analysis)
    if found is None:
        found = _scan(analysis.prose)
        _scans[analysis] = found
    return found


def _scan(prose: str) -> AcronymScan:
    result = AcronymScan()
    shouted = [(m.start(), m.end()) for m in _CAPITALS_RUN.finditer(prose)]
    shouted_starts = [start for start, _ in shouted]
    for match in _CANDIDATE.finditer(prose):
        index = bisect.bisect_right(shouted_starts, match.start()) - 1
        if index >= 0 and match.start() < shouted[index][1]:
            continue
        dotted = match.group("dotted") is not None
        written = match.group() if dotted else match.group()[0] + match.group("caps")
        key = written.replace(".", "")
        if not _has_two_capitals(key) or (not key.strip("IVX") and _ROMAN.match(key)):
            continue
        use = Use(match.start(), match.start() + len(written), written, key, dotted)
        if not dotted:
            _mark_definition(prose, use, match.end())
        result.uses[key].append(use)
        result.defines_any = result.defines_any or use.defines
    return result


def _has_two_capitals(key: str) -> bool:
    # the second character is a capital in nearly every acronym ("UK", "PMF"): no count then
    return key[1:2].isupper() or sum(map(str.isupper, key)) >= 2


def _mark_definition(prose: str, use: Use, after: int) -> None:
    """Is this use the acronym of a definition, "Long Form (LF)" or "LF (Long Form)"?"""
    if _IN_BRACKETS_BEFORE.search(prose, max(0, use.start - 30), use.start) and _IN_BRACKETS_AFTER.match(
        prose, after, after + 30
    ):
        use.defines = True
        use.long_form = _long_form_before(prose, use)
        return
    following = _LONG_FORM_AFTER.match(prose, after, after + 130)
    if following and _initials_match(following.group(1), use.key):
        use.defines = True
        use.long_form = following.span(1)


def _long_form_before(prose: str, use: Use) -> tuple[int, int] | None:
    opening = prose.rfind("(", max(0, use.start - 30), use.start)
    window_start = max(0, opening - 160)
    match = _long_form_pattern(use.key).search(prose, window_start, opening)
    return (match.start(), match.end()) if match else None


@lru_cache(maxsize=1024)
def _long_form_pattern(key: str) -> re.Pattern[str]:
    """Words whose initials spell ``key`` (connectors allowed between), ending the searched text."""
    return compile_regex(rf"(?<![\w-]){_initial_words(key, ignore_case=True)}[ \t\n]*$")


@lru_cache(maxsize=1024)
def _expansion_pattern(key: str) -> re.Pattern[str]:
    """Capitalised words whose initials spell ``key``, anywhere ("Food and Agriculture Organization")."""
    words = _initial_words(key, ignore_case=False)
    return compile_regex(rf"{words[0]}(?<![\w-].){words[1:]}(?![\w-])")


def _initial_words(key: str, ignore_case: bool) -> str:
    """Words starting with the letters of ``key`` in turn, joined by spaces, connectors or hyphens."""
    connectors = "|".join(re.escape(c) for c in acronym_data().connectors)
    skip = rf"(?:[ \t\n]+(?:(?:{connectors})[ \t\n]+)*|-)"
    letters = [c for c in key if c.isalpha()]
    initial = "(?i:{})" if ignore_case else "{}"
    return skip.join(initial.format(re.escape(c)) + r"[\w'’]*" for c in letters)


def _initials_match(text: str, key: str) -> bool:
    connectors = frozenset(acronym_data().connectors)
    words = [w for w in re.findall(r"[\w'’]+", text) if w.lower() not in connectors]
    initials = "".join(w[0] for w in words).upper()
    letters = "".join(c for c in key if c.isalpha())
    return initials == letters


class AbbreviationStyle(Rule):
    """Flags an abbreviation written two ways in one document ("U.K." and "UK").

    Why: a reader should not wonder whether "U.N." and "UN" differ, and house
    style picks one. What to write: the form used most often in the document
    (on a tie, the one used first).
    """

    kind = "abbreviation-style"
    fields = {}
    default_message = 'Write "{suggestion}" as elsewhere in this document ({count} times), not "{match}"'

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        for uses in scan(analysis).uses.values():
            if not any(use.dotted for use in uses):
                continue
            by_form: dict[str, list[Use]] = defaultdict(list)
            for use in uses:
                by_form[use.written].append(use)
            if len(by_form) < 2:
                continue
            usual = max(by_form, key=lambda form: (len(by_form[form]), -by_form[form][0].start))
            for form, written in by_form.items():
                if form == usual:
                    continue
                message = format_message(
                    self.message, match=form, suggestion=usual, count=len(by_form[usual])
                )
                for use in written:
                    fix = self.replacement(analysis, use.start, use.end, usual, f'Write "{usual}"')
                    yield self.diagnostic(use.start, use.end, message, [usual], fix)


class Acronym(Rule):
    """Flags an acronym the reader cannot decode: never expanded, used before its
    expansion (``report: undefined``), or expanded a second time within a few
    pages (``report: redefined``; ``within_words``, 2,500 by default).

    Why: "the PMF brigades" means nothing to a reader who meets "Popular
    Mobilization Forces (PMF)" only two paragraphs later. What to write: the
    long form with the acronym in brackets at the first use, the acronym alone
    after that. Acronyms every reader knows (UN, US, EU, NATO ...) need no
    expansion: rules/names/acronyms.yaml lists them, ``acronyms.known`` in
    ``.prose-lint.yaml`` adds a team's own.
    """

    kind = "acronym"
    fields = {
        "report": Field((str,), required=True, help="undefined or redefined"),
        "within_words": Field(
            (int,), default=2500, help="redefined: only a long form repeated within this many words"
        ),
    }
    options = frozenset({"within_words"})
    default_message = "{problem}"

    @classmethod
    def check_spec(cls, located, spec) -> None:
        if spec["report"] not in ("undefined", "redefined"):
            raise located.error_at_value("report", "report must be 'undefined' or 'redefined'")

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        known = acronym_data().known | frozenset(acronym_settings(analysis).known)
        for key, uses in scan(analysis).uses.items():
            if key in known or all(use.dotted for use in uses):
                continue
            if self.spec["report"] == "undefined":
                yield from self._undefined(analysis, key, uses)
            else:
                yield from self._redefined(analysis, key, uses)

    def _undefined(self, analysis: Analysis, key: str, uses: list[Use]) -> Iterator[Diagnostic]:
        plain = [use for use in uses if not use.dotted]
        first = next((use for use in plain if not use.defines), None)
        definition = next((use for use in plain if use.defines), None)
        if first is None or (definition is not None and definition.start < first.start):
            return
        if definition is None and not (_defines_any(analysis) and _needs_long_form(analysis, key)):
            return
        if _expansion_pattern(key).search(analysis.prose, 0, first.start):
            return
        if definition is None:
            problem = f'"{key}" is never spelled out: give its long form at the first use'
        else:
            line, _ = analysis.document.position(definition.start)
            problem = f'"{key}" is used before its long form is given (line {line}): define it here'
        yield self.diagnostic(first.start, first.end, format_message(self.message, problem=problem, key=key))

    def _redefined(self, analysis: Analysis, key: str, uses: list[Use]) -> Iterator[Diagnostic]:
        definitions = [use for use in uses if use.defines]
        for previous, repeat in itertools.pairwise(definitions):
            if _more_words_than(analysis.prose[previous.end : repeat.start], self.spec["within_words"]):
                continue  # a long report spells acronyms out again in a later chapter on purpose
            line, _ = analysis.document.position(previous.start)
            problem = f'"{key}" is already spelled out on line {line}: write "{key}" alone'
            message = format_message(self.message, problem=problem, key=key)
            if repeat.long_form is None:
                yield self.diagnostic(repeat.start, repeat.end, message)
                continue
            start, end = _definition_span(analysis.prose, repeat)
            fix = self.replacement(analysis, start, end, key, f'Write "{key}"', Applicability.UNSAFE)
            yield self.diagnostic(start, end, message, [key], fix)


def _defines_any(analysis: Analysis) -> bool:
    """Whether the document spells out any acronym: then it follows the convention."""
    return scan(analysis).defines_any


def _more_words_than(text: str, limit: int) -> bool:
    # splitting stops after limit + 1 words, not at the end of a long text
    return len(text.split(maxsplit=limit)) > limit


def _needs_long_form(analysis: Analysis, key: str) -> bool:
    """Whether an acronym never spelled out should be: not a model or product code
    ("PS2", "G20"), not two letters (initials, "LA", "GM": too often a name), not an
    ordinary word in capitals for emphasis ("NEXT", "FATAL")."""
    if len(key) < 3 or not key.isalpha():
        return False
    lower = key.lower()
    return not is_common_word(lower) and not _in_dictionary(lower) and lower not in document_words(analysis)


def _in_dictionary(word: str) -> bool:
    """A dictionary word ("fatal", "soma") in capitals is emphasis or a name, not an acronym to spell out."""
    from prose_lint.dictionary import dictionary

    return word in dictionary().words


def _definition_span(prose: str, use: Use) -> tuple[int, int]:
    """From the start of "Long Form (LF)" to its closing bracket, or of "LF (Long Form)"."""
    assert use.long_form is not None
    if use.long_form[0] < use.start:
        return use.long_form[0], prose.index(")", use.end) + 1
    return use.start, use.long_form[1] + 1
