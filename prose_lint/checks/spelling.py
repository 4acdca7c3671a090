"""The ``spelling`` kind: words no dictionary knows (``spelling/unknown-word``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from prose_lint.analysis import Analysis
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex

# Digits mean a code, a unit or a model number; a dot, an abbreviation
# ("e.g") or a domain name. Neither is a word a dictionary should judge.
_NOT_A_WORD = compile_regex(r"[\d.]")
# Where a flagged form stands as a word of its own: not glued to a letter, an
# apostrophe, a hyphen, a dot or a soft hyphen before it, nor to a letter, a
# soft hyphen, an HTML entity or a joined word after it ("caf&#233;").
_STARTS_WORD = compile_regex(r"(?<![\w'’\-.\u00ad])")
_ENDS_WORD = compile_regex(r"(?![\w\u00ad&]|['’\-.][^\W_])")


class UnknownWord(Rule):
    """Flags a word that is in no English dictionary and suggests the nearest words.

    A misspelling ("goverment", "recieved") reads as carelessness and survives
    proofreading because the eye corrects it. The dictionary is SCOWL's
    (Hunspell en_US, every inflected form, plus the British spellings of
    SCOWL): a word valid in either dialect is not flagged here, because mixing
    dialects is the names rules' business. Not flagged by default: capitalised
    words and acronyms (names: "Qayyarah", "al-Jubouri", "NATO"), words with
    digits, URLs and e-mail addresses. Possessives, contractions (straight or
    curly apostrophe), hyphenated compounds of words ("re-establish") and
    words with a productive prefix ("nonfinancial") are words.

    The house vocabulary in ``.prose-lint.yaml`` decides the rest: words under
    ``vocabulary: accept:`` are never flagged (add them with ``prose-lint
    accept WORD``), words under ``reject:`` always are. Write the suggested
    spelling instead, or accept the word if it is right.
    """

    kind = "spelling"
    fields = {
        "capitalised": Field(
            (bool,), default=False, help="also check capitalised words (names are then flagged too)"
        ),
        "suggestions": Field((int,), default=3, help="how many suggestions to show"),
        "max-searches": Field(
            (int,), default=2, help="flagged words per document that get a two-edit search"
        ),
    }
    options = frozenset({"capitalised", "suggestions"})
    default_message = 'Unknown word "{word}"'

    def setup(self) -> None:
        self.check_capitalised = bool(self.spec["capitalised"])
        self.limit = max(1, int(self.spec["suggestions"]))
        self.max_searches = int(self.spec["max-searches"])

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        config = analysis.config
        accept = frozenset(w.lower() for w in config.accept) if config else frozenset()
        reject = frozenset(w.lower() for w in config.reject) if config else frozenset()
        flagged = self.unknown_forms(analysis.word_set, accept, reject)
        if not flagged:
            return
        dialect = config.dialect if config else "en-US"
        suggestions = self._suggestions(flagged, dialect)
        for start, end, form in _locate(analysis.prose, flagged):
            yield self._diagnostic(analysis, start, end, form, suggestions[form], form.lower() in reject)

    def unknown_forms(self, forms: Iterable[str], accept: frozenset[str], reject: frozenset[str]) -> set[str]:
        """The distinct forms to flag, among the word forms of a document."""
        from prose_lint.dictionary import dictionary

        lexicon = dictionary()
        forms = set(forms)
        # Most forms are dictionary words as written (lower case): one set
        # difference settles them; only the house vocabulary can flag them.
        known = lexicon.words.among(forms)
        flagged = {form for form in known & reject if not _NOT_A_WORD.search(form)}
        for form in forms - known:
            if _NOT_A_WORD.search(form):
                continue
            lower = form.lower()
            if lower in reject:
                flagged.add(form)
            elif lower in accept or lower.replace("’", "'") in accept:
                continue
            elif not self.check_capitalised and not form.islower():
                continue  # a name ("Qayyarah", "al-Jubouri", "iPod") or an acronym
            elif not lexicon.is_word(form):
                flagged.add(form)
        return flagged

    def _suggestions(self, flagged: set[str], dialect: str) -> dict[str, list[str]]:
        from prose_lint.dictionary import suggest

        found = {}
        # Longest searches last: past the cap a word keeps its one-edit suggestions.
        for index, form in enumerate(sorted(flagged, key=lambda form: (len(form), form))):
            deep = index < self.max_searches
            found[form] = suggest(form.replace("\u00ad", ""), dialect, self.limit, deep=deep)
        return found

    def _diagnostic(
        self, analysis: Analysis, start: int, end: int, form: str, suggestions: list[str], rejected: bool
    ) -> Diagnostic:
        suggestions = [s for s in suggestions if s.lower() != form.lower()]
        message = format_message(self.message, word=form)
        if rejected:
            message += " (rejected by the house vocabulary)"
        if suggestions:
            message += f'; did you mean "{suggestions[0]}"?'
        fix = None
        if suggestions:
            fix = self.replacement(
                analysis, start, end, suggestions[0], f'Replace with "{suggestions[0]}"', Applicability.UNSAFE
            )
        return self.diagnostic(start, end, message, suggestions, fix)


def _locate(prose: str, forms: set[str]) -> Iterator[tuple[int, int, str]]:
    """Each occurrence of a flagged form as a whole word (case as written), left to right.

    An occurrence glued to a soft hyphen or an HTML entity ("caf&#233;") is
    part of a longer word the scan split, not a word of its own. Flagged
    forms are rare strings: ``str.find`` reaches them faster than one regex
    alternation tried at every position. Where several forms start at one
    place the longest wins, and occurrences do not overlap.
    """
    found: dict[int, str] = {}
    for form in sorted(forms, key=lambda form: (-len(form), form)):
        start = prose.find(form)
        while start >= 0:
            if (
                start not in found
                and _STARTS_WORD.match(prose, start)
                and _ENDS_WORD.match(prose, start + len(form))
            ):
                found[start] = form
            start = prose.find(form, start + 1)
    reached = 0
    for start in sorted(found):
        if start >= reached:
            form = found[start]
            reached = start + len(form)
            yield start, reached, form
