"""The ``dialect`` kind: American and British spellings against the configured dialect.

Decision (see docs/names.md): the ``dialect`` of ``.prose-lint.yaml`` (default
en-US) is the house standard, and a spelling of the other dialect is the mix
to report, whether or not the document also has the configured spelling.
Where the other spelling is also correct in the configured dialect in some
sense (Oxford -ize in British English, "program" for software, "license" the
British verb), it is reported only when the document really mixes the two
spellings of the same word, or not at all. One finding per word form, at its
first use, with a fix that rewrites every use: a British-spelled draft under
en-US shows four findings (one each for "programme", "licence", ...), not one
per line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Rule, format_message
from prose_lint.checks.consistency import document_words, starts_sentence
from prose_lint.checks.namedata import load_names_data
from prose_lint.diagnostic import Applicability, Diagnostic, Edit, Fix
from prose_lint.regexcache import compile_regex

_JOINERS = frozenset("-_'’")
_WORD_JOINERS = frozenset("-.'’")  # joined by one of these, letters make one word of analysis.iter_words()
_JOINING_FULL_STOP = compile_regex(r"\.(?<=[^\W_]\.)(?=[^\W_])")
_LETTERS = compile_regex(r"[^\W_]+")
# up to this many forms, a search per form (each reads the text, a tenth of a pass over the
# word list) costs less than the one pass
_FEW_FORMS = 8
DIALECT_NAMES = {"en-US": "American", "en-GB": "British"}


@dataclass(frozen=True)
class DialectTable:
    """For one configured dialect: the other dialect's spellings and what to write instead."""

    always: dict[str, str]  # flagged wherever used
    when_mixed: dict[str, str]  # flagged only when the replacement is in the document too
    # every spelling worth looking up in a document, in lower case and capitalised
    lookup: frozenset[str]


@cache
def dialect_table(dialect: str) -> DialectTable:
    data = load_names_data("dialect.yaml")
    lists = {name: dict(data[name]) for name in _LISTS}
    for family in data["families"]:
        for stem in family["stems"]:
            for american, british in family["endings"].items():
                lists[family["list"]][stem + american] = stem + british
    always: dict[str, str] = {}
    mixed: dict[str, str] = {}
    for name, entries in lists.items():
        american_target, british_target = _LISTS[name]
        policy = american_target if dialect == "en-US" else british_target
        table = {b: a for a, b in entries.items()} if dialect == "en-US" else dict(entries)
        if policy == "always":
            always.update(table)
        elif policy == "mixed":
            mixed.update(table)
    words = set(always) | set(mixed) | set(always.values()) | set(mixed.values())
    lookup = frozenset(words | {w.capitalize() for w in words})
    return DialectTable(always, mixed, lookup)


# list -> (what en-US does with its British form, what en-GB does with its American form)
_LISTS = {
    "pairs": ("always", "always"),
    "american_also_british": ("always", "mixed"),
    "british_also_american": ("mixed", "always"),
    "american_is_another_british_word": ("always", "never"),
}


class DialectMix(Rule):
    """Flags a spelling of the other dialect: "programme" or "defence" in an en-US
    document, "program" beside "programme" or "color" in an en-GB one.

    Why: one document, one spelling standard; a reader notices "defence" next to
    "defense". What to write: the configured dialect's spelling (``dialect:`` in
    ``.prose-lint.yaml``, en-US by default). A capitalised word in mid-sentence
    is a name ("World Food Programme", "Ministry of Defence") and is left alone.
    """

    kind = "dialect"
    fields = {}
    default_message = (
        '"{match}" is {other} spelling; the document\'s dialect is {dialect}: write "{suggestion}"'
    )

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        dialect = analysis.config.dialect if analysis.config is not None else "en-US"
        table = dialect_table(dialect)
        present = table.lookup & document_words(analysis)  # the set is shared with the other names rules
        if not present:
            return
        lower_present = {word.lower() for word in present}
        flagged = {
            word: target
            for word in lower_present
            if (target := table.always.get(word))
            or ((target := table.when_mixed.get(word)) and target in lower_present)
        }
        if not flagged:
            return
        for word, uses in _uses(analysis, flagged, present).items():
            yield self._finding(analysis, dialect, word, flagged[word], uses)

    def _finding(
        self, analysis: Analysis, dialect: str, word: str, target: str, uses: list[tuple[int, int]]
    ) -> Diagnostic:
        start, end = uses[0]
        written = analysis.text[start:end]
        suggestion = _same_case(written, target)
        other = DIALECT_NAMES["en-GB" if dialect == "en-US" else "en-US"]
        message = format_message(
            self.message, match=written, suggestion=suggestion, other=other, dialect=dialect
        )
        if len(uses) > 1:
            message += f" ({len(uses)} uses; the fix changes all)"
        edits = tuple(Edit(a, b, _same_case(analysis.text[a:b], target)) for a, b in uses)
        fix = Fix(f'Write "{suggestion}"', edits, Applicability.SAFE)
        return self.diagnostic(start, end, message, [suggestion], fix)


def _uses(
    analysis: Analysis, flagged: dict[str, str], present: frozenset[str]
) -> dict[str, list[tuple[int, int]]]:
    """Where each flagged word is used in lower case, or capitalised only to start a sentence."""
    forms = {form: word for word in flagged for form in (word, word.capitalize()) if form in present}
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for start, end in _whole_word_spans(analysis, forms):
        form = analysis.prose[start:end]
        if form == forms[form] or _starts_sentence_as_word(analysis, start, end):
            found[forms[form]].append((start, end))
    return {word: sorted(found[word]) for word in flagged if word in found}


def _whole_word_spans(analysis: Analysis, forms: Collection[str]) -> list[tuple[int, int]]:
    """Every use of one of ``forms`` as a whole word, in one pass over the text.

    A search per form reads the whole text once per form, and a British draft
    under en-US has a hundred of them. The document's word list (shared with
    the spelling rules) says in which order the forms occur, so one search per
    use, from where the previous use ended, finds them all reading the text
    once. A form joined to the next word by a full stop ("colour.The") is one
    word for that list but a whole word here: those are found around the full
    stops that join two words.
    """
    prose = analysis.prose
    if len(forms) <= _FEW_FORMS:
        return _searched_per_form(prose, forms)
    spans = []
    cursor = 0
    for form in filter(forms.__contains__, analysis.iter_words()):
        position = prose.find(form, cursor)
        while position >= 0 and not _is_listed_word(prose, position, position + len(form)):
            position = prose.find(form, position + 1)
        if position < 0:  # the word list and this scan disagree: read the text once per form
            return _searched_per_form(prose, forms)
        cursor = position + len(form)
        if _is_whole_word(prose, position, cursor):
            spans.append((position, cursor))
    return sorted({*spans, *_joined_by_full_stops(prose, forms)})


def _searched_per_form(prose: str, forms: Collection[str]) -> list[tuple[int, int]]:
    return sorted(span for form in forms for span in _whole_words(prose, form))


def _is_listed_word(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` is one word of ``analysis.iter_words()``: letters and digits
    joined by ' ’ - or . make one word there ("U.S", "colour-blind", "3.5")."""
    before, after = prose[max(start - 2, 0) : start], prose[end : end + 2]
    return not (
        before[-1:].isalnum()
        or (before[-1:] in _WORD_JOINERS and before[:-1].isalnum())
        or after[:1].isalnum()
        or (after[:1] in _WORD_JOINERS and after[1:].isalnum())
    )


def _joined_by_full_stops(prose: str, forms: Collection[str]) -> list[tuple[int, int]]:
    """Uses of ``forms`` as whole words next to a full stop between two words ("colour.The")."""
    lengths = {len(form) for form in forms}
    spans = []
    for stop in _JOINING_FULL_STOP.finditer(prose):
        at = stop.start()
        spans.extend(
            (at - length, at)
            for length in lengths
            if length <= at and prose[at - length : at] in forms and _is_whole_word(prose, at - length, at)
        )
        following = _LETTERS.match(prose, at + 1)
        if following and following.group() in forms and _is_whole_word(prose, at + 1, following.end()):
            spans.append(following.span())
    return spans


def _is_whole_word(prose: str, start: int, end: int) -> bool:
    before, after = prose[start - 1 : start] if start else "", prose[end : end + 1]
    return not (before.isalnum() or before in _JOINERS or after.isalnum() or after in _JOINERS)


def _whole_words(prose: str, word: str) -> Iterator[tuple[int, int]]:
    """Every use of ``word`` as a whole word (str.find runs in C and skips ahead fast,
    where a regex opening with a look-behind tries every position)."""
    position = prose.find(word)
    while position >= 0:
        end = position + len(word)
        if _is_whole_word(prose, position, end):
            yield position, end
        position = prose.find(word, end)


def _starts_sentence_as_word(analysis: Analysis, start: int, end: int) -> bool:
    """A capital that only starts a sentence ("Programme staff left"), not a name ("Programme Office")."""
    if not starts_sentence(analysis, start):
        return False
    following = re.match(r"\s+(\S)", analysis.prose[end : end + 40])
    return following is None or not following.group(1).isupper()


def _same_case(written: str, target: str) -> str:
    return target[0].upper() + target[1:] if written[:1].isupper() else target
