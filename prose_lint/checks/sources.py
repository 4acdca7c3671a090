"""Sources: the cues that attribute a figure, and the data files they come from.

``rules/citations/sources.yaml`` lists what names a source in a sentence
(verbs with a subject, phrases, citation markers, possessive source nouns)
and what is a vague source; ``rules/citations/figures.yaml`` lists what a
figure is. A house adds entries to either with a rule's ``figures`` and
``sources`` options; additions are appended, never replace the built-in lists.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from prose_lint.analysis import lowercase
from prose_lint.checks.figures import alternation, shortest_anchors
from prose_lint.document import Block
from prose_lint.regexcache import compile_regex
from prose_lint.resources import builtin_rules_dir, cached_yaml_data
from prose_lint.yamlio import Located, load_yaml, plain

DATA_FILES = {"figures": "figures.yaml", "sources": "sources.yaml"}
# Lists of regular expressions (every other list holds words or phrases).
REGEX_LISTS = frozenset({"markers", "source_lines", "captions"})

_WORDS = compile_regex(r"[^\W\d_]+")
_WORD_BEFORE = compile_regex(r"([\w'’.-]+)[)\"”’]?(\s+)$")
_CLAIM_FOLLOWS = compile_regex(r"(?:\s+[\w'’-]+){0,6}?\s+(?:that\b|[$€£¥]?\d)|\s*(?:[.,;:!?)]|$)")
_THAT = compile_regex(r"\s+that\b")
_ADVERB = compile_regex(r"[^\W\d_]+ly")
_BY_AGENT = compile_regex(r"\s+by\s+(?![\d$€£])\S")
_INVERTED_SUBJECT = compile_regex(r"\s+(?:the|a|an|his|her|their|its|[A-Z])")
_VAGUE_REACH = 40
_REFERRING = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "whose"}
)


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
    """Recognises a source in a span of prose, from the lists of ``sources.yaml``.

    Each sentence is first reduced to its set of lower-case words; the
    patterns for verbs, phrases and vague sources run only when one of their
    words is there, which keeps a long report with many figures fast.
    """

    def __init__(self, data: dict[str, list[str]]) -> None:
        self.verb_words = _first_words(data["verbs"])
        self.verbs = compile_regex(rf"(?<![\w'’-])(?:{alternation(data['verbs'])})(?![\w'’-])", re.I)
        self.multiword_verbs = any(len(verb.split()) > 1 for verb in data["verbs"])
        self.not_subjects = frozenset(word.lower() for word in data["not_subjects"])
        self.claim_verbs = frozenset(word.lower() for word in data["claim_verbs"])
        self.phrase_words = _WordSets(data["phrases"])
        self.phrases = compile_regex(rf"(?<![\w'’-])(?:{alternation(data['phrases'])})", re.I)
        self.markers = compile_regex("|".join(f"(?:{entry})" for entry in data["markers"]), re.I)
        self.possessive = compile_regex(
            rf"['’]s(?:\s+[\w-]+){{0,2}}?\s+(?:{alternation(data['nouns'])})(?![\w])", re.I
        )
        vague = (
            rf"(?<![\w'’-])(?:(?:{alternation(data['vague_subjects'])})\s+(?:{alternation(data['vague_verbs'])})"
            rf"|{alternation(data['vague_phrases'])})(?![\w'’-])(?!\s+(?:by|from|of)\s)"
        )
        self.vague = compile_regex(vague, re.I)
        # The same pattern in lower case, for lower-cased text: several times faster than re.I.
        self.vague_lower = compile_regex(vague.lower())
        self.vague_phrase_words = _WordSets(data["vague_phrases"])
        self.vague_subject_words = _WordSets(data["vague_subjects"])
        self.vague_verb_words = frozenset(
            w for verb in data["vague_verbs"] for w in _WORDS.findall(verb.lower())
        )
        self.vague_anchors = shortest_anchors(
            [*_key_words(data["vague_subjects"], last=True), *_key_words(data["vague_phrases"])]
        )
        self.titled_words = frozenset(word.lower() for word in data["titled_sources"])
        self.titled = compile_regex(
            rf"(?<![\w-])[A-Z][\w&’'-]*\s+(?:{alternation(data['titled_sources'])})(?![\w])"
        )
        self.shift = compile_regex(rf"(?:{alternation(data['shifts'])})(?![\w'’])", re.I)
        self.continuation = compile_regex(rf"(?:{alternation(data['continuations'])})(?![\w])", re.I)
        self.source_line = compile_regex("|".join(f"(?:{entry})" for entry in data["source_lines"]), re.I)
        self.caption = compile_regex("|".join(f"(?:{entry})" for entry in data["captions"]), re.I)

    def names_source(self, prose: str, start: int, end: int, markers: bool = True) -> bool:
        """Whether ``prose[start:end]`` names a source (a vague one counts: it is flagged apart).

        With ``markers=False`` only words count ("the ONS said"), not a citation mark ([1]).
        """
        if markers and self.markers.search(prose, start, end):
            return True
        if self.possessive.search(prose, start, end):
            return True
        text = prose[start:end].lower()
        words = frozenset(_WORDS.findall(text))
        if _has_all_words(words, self.phrase_words) and self.phrases.search(prose, start, end):
            return True
        if not words.isdisjoint(self.titled_words) and self.titled.search(prose, start, end):
            return True
        if self._may_be_vague(words) and self.vague.search(prose, start, end):
            return True
        verbs = words & self.verb_words
        if not verbs:
            return False
        found = self._verbs_in(text, start, end) if self.multiword_verbs else _words_at(text, start, verbs)
        return any(self._has_subject(prose, verb, start, end) for verb in found)

    def _may_be_vague(self, words: frozenset[str]) -> bool:
        """Whether every word of a vague subject and a vague verb, or of a vague phrase, is there."""
        if _has_all_words(words, self.vague_phrase_words):
            return True
        return not words.isdisjoint(self.vague_verb_words) and _has_all_words(words, self.vague_subject_words)

    def _verbs_in(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, verb) of each source verb, some of several words, in ``text`` (lower case) at ``start``."""
        for match in self.verbs.finditer(text):
            yield start + match.start(), start + match.end(), match.group()

    def _has_subject(self, prose: str, verb: tuple[int, int, str], start: int, end: int) -> bool:
        """ "officials said", "we counted": a verb with a subject, not "an estimated" or "were recorded"."""
        verb_start, verb_end, word = verb
        if _BY_AGENT.match(prose, verb_end, end):
            return True  # a passive with its agent: "recorded by the UN mission"
        if word in self.claim_verbs and not _CLAIM_FOLLOWS.match(prose, verb_end, end):
            return False  # "people found work"
        position = verb_start
        for _ in range(3):
            previous = _WORD_BEFORE.search(prose, max(start, position - 40), position)
            if previous is None:
                # After punctuation: '"...," said the mayor' or "The study, by X, found that".
                return bool(
                    _INVERTED_SUBJECT.match(prose, verb_end, end) or _THAT.match(prose, verb_end, end)
                )
            before = previous.group(1).lower().strip(".")
            if not _ADVERB.fullmatch(before):
                return before not in self.not_subjects and not before[:1].isdigit()
            position = previous.start()  # "was widely reported": look past the adverb
        return False

    def vague_sources(self, prose: str, blocks: list[Block]) -> Iterator[tuple[int, int]]:
        """(start, end) of each vague source in the blocks, looked for only around its anchor words."""
        lower = lowercase(prose)
        pattern = self.vague_lower
        if len(lower) != len(prose):  # a rare character whose lower case is longer: keep offsets exact
            lower, pattern = prose, self.vague
        starts = [block.start for block in blocks]
        last = -1
        for low, high in _merged_windows(self._anchor_hits(lower), starts, blocks):
            for match in pattern.finditer(lower, max(low, last), high):
                if not _named_before(prose, match.start(), low):
                    last = match.end()
                    yield match.span()

    def _anchor_hits(self, lower: str) -> list[int]:
        hits: list[int] = []
        for anchor in self.vague_anchors:
            position = lower.find(anchor)
            while position >= 0:
                hits.append(position)
                position = lower.find(anchor, position + 1)
        hits.sort()
        return hits


def _merged_windows(hits: list[int], starts: list[int], blocks: list[Block]) -> Iterator[tuple[int, int]]:
    """Windows of prose around anchor hits, inside one block each, overlapping ones merged."""
    low = high = -1
    for position in hits:
        index = bisect.bisect_right(starts, position) - 1
        if index < 0 or position >= blocks[index].end:
            continue
        block = blocks[index]
        window = max(block.start, position - _VAGUE_REACH), min(block.end, position + _VAGUE_REACH)
        if window[0] <= high and window[0] >= low and low >= block.start:
            high = max(high, window[1])
            continue
        if high > low:
            yield low, high
        low, high = window
    if high > low:
        yield low, high


def _words_at(text: str, start: int, words: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each of ``words`` standing as a word in ``text`` (at ``start`` in the prose).

    A word as a verb stands: "said" but not the "said" of "un-said", "o'said"
    or "said2". ``str.find`` goes straight to the few verbs a sentence has,
    instead of a regex match object for each of its words.
    """
    for word in words:
        position = text.find(word)
        while position >= 0:
            after = position + len(word)
            if not _joins(text, position - 1) and not _joins(text, after):
                yield start + position, start + after, word
            position = text.find(word, after)


def _joins(text: str, index: int) -> bool:
    """Whether the character at ``index`` would join a word to its neighbour (a letter, digit, _ ' ’ -)."""
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    return char.isalnum() or char in "_'’-"


def _first_words(entries: list[str]) -> frozenset[str]:
    return frozenset(_WORDS.findall(entry.lower())[0] for entry in entries if _WORDS.search(entry))


class _WordSets:
    """The words of each entry of a list, to rule its pattern out before running it."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = tuple(frozenset(_WORDS.findall(e.lower())) for e in entries if _WORDS.search(e))
        # The longest word of each entry: a sentence without any of them matches none.
        self.keys = frozenset(max(entry, key=len) for entry in self.entries)


def _has_all_words(words: frozenset[str], sets: _WordSets) -> bool:
    if words.isdisjoint(sets.keys):
        return False
    return any(entry <= words for entry in sets.entries)


def _key_words(entries: list[str], last: bool = False) -> list[str]:
    """The word to look for first in each entry: its head noun (``last``) or its longest word."""
    keys = []
    for entry in entries:
        words = _WORDS.findall(entry.lower())
        if words:
            keys.append(words[-1] if last else max(reversed(words), key=len))
    return keys


def _named_before(prose: str, position: int, start: int) -> bool:
    """ "UN reports say", "the ministry's sources": a name before the vague words makes them specific."""
    previous = _WORD_BEFORE.search(prose, max(start, position - 40), position)
    if previous is None:
        return False
    word = previous.group(1)
    if word.endswith(("'s", "’s")) or word.lower() in _REFERRING:
        return True  # "the ministry's sources"; "the research showed" refers to a study named before
    if word.isupper() and len(word) > 1:
        return True  # "UN reports say"
    head = prose[start : previous.start()].rstrip(" \t\r\n\"'“‘(")
    return word[:1].isupper() and bool(head) and head[-1] not in ".!?:"
