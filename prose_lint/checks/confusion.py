"""The ``confusion`` kind: a real word where another was meant (``spelling/real-word``).

Each entry of a rule's ``confusions`` maps written forms to the forms that
were probably meant, and says in which contexts the written word is wrong::

    - forms: {loosing: losing}
      note: loose = not tight; lose = fail to keep
      unless: ["_ off|upon"]
    - forms: {then: than}
      when: ["@comparative _"]

A context is a pattern of the words around the written one, ``_``: each
item is a word, several words joined by ``|``, a word class ``@name``, ``*``
for any word, ``*ing`` for any word ending so, ``^`` for the start of the
sentence and ``$`` for its end. An item ending in ``?`` may be absent; one
starting with ``!`` matches any word but these. Punctuation is an item too
(``,``). An entry flags when one ``when`` pattern matches (or when it has
none) and no ``unless`` pattern does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from prose_lint.analysis import Analysis, lowercase
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.wordtrie import WORD_AFTER, WORD_BEFORE, trie_alternation
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex
from prose_lint.yamlio import Located, YamlError, item_position

# Word classes the dictionary knows from its affix flags; every other class
# is a word list (rules/lexicon/word-classes.yaml, or the rule's `classes`).
DICTIONARY_CLASSES = frozenset({"noun", "verb", "adjective", "adverb"})
ENTRY_KEYS = frozenset({"forms", "when", "unless", "note"})
_CONTEXT_TOKEN = compile_regex(r"[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]")
_TERMINATORS = frozenset(".!?")
_NUMBER = compile_regex(r"\d[\d,.]*$")
_NEXT = compile_regex(r"\s*([^\W_]+(?:['’\-][^\W_]+)*|[^\w\s])")
# The token right after a candidate, captured by the candidate regex itself
# (as _NEXT would find it), so that most candidates cost no second regex call.
_NEXT_CAPTURE = r"(?=\s*([^\W_]+(?:['’\-][^\W_]+)*|[^\w\s])|)"
_REACH = 60  # characters of context read on each side of a candidate


@dataclass(frozen=True)
class Item:
    """One position of a context pattern."""

    words: frozenset[str] = frozenset()
    classes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    anything: bool = False
    optional: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Pattern:
    """A context: items before the written word (nearest first) and after it."""

    text: str
    before: tuple[Item, ...]
    after: tuple[Item, ...]


@dataclass(frozen=True)
class Entry:
    meant: tuple[str, ...]
    when: tuple[Pattern, ...]
    unless: tuple[Pattern, ...]
    note: str
    # Words one of which must stand right before / after the written word for
    # any `when` pattern to match (None: no such shortcut). Checked first,
    # because most candidates ("to", "their", "new") match no context.
    before_needs: frozenset[str] | None = None
    after_needs: frozenset[str] | None = None


class PatternError(ValueError):
    """A context pattern that cannot be read."""


def parse_pattern(text: str) -> Pattern:
    """Read a context pattern such as ``"@be _ by"`` (raises PatternError)."""
    parts = text.split()
    if parts.count("_") != 1:
        raise PatternError(f"pattern {text!r} must contain the written word `_` exactly once")
    middle = parts.index("_")
    before = [_parse_item(part, text) for part in parts[:middle]]
    after = [_parse_item(part, text) for part in parts[middle + 1 :]]
    return Pattern(text, tuple(reversed(before)), tuple(after))


def _parse_item(part: str, text: str) -> Item:
    optional = part.endswith("?") and len(part) > 1
    part = part[:-1] if optional else part
    negated = part.startswith("!") and len(part) > 1
    part = part[1:] if negated else part
    words, classes, suffixes, anything = set(), [], [], False
    for choice in part.split("|"):
        if not choice:
            raise PatternError(f"pattern {text!r} has an empty choice in {part!r}")
        if choice == "*":
            anything = True
        elif choice.startswith("@") and len(choice) > 1:
            classes.append(choice[1:])
        elif choice.startswith("*"):
            suffixes.append(choice[1:].lower().replace("’", "'"))
        else:
            words.add(choice.lower().replace("’", "'"))
    return Item(frozenset(words), tuple(classes), tuple(suffixes), anything, optional, negated)


class Confusion(Rule):
    """Flags a real word used where another was meant, and suggests the meant word.

    No dictionary catches "the militants were steeling livestock", "more then
    half", "a discrete inquiry" or "the army was lead by": each word is
    spelled right, but it is the wrong word. Each entry of the rule pack names
    the written forms, the meant forms, and the contexts (neighbouring words,
    word classes, sentence position) in which the written word is likely
    wrong; elsewhere it is left alone. Write the suggested word, or suppress
    the finding when the written word was meant.
    """

    kind = "confusion"
    fields = {
        "confusions": Field((list,), required=True, help="entries: forms, when, unless, note"),
        "classes": Field((dict,), default={}, help="extra word classes: name -> list of words"),
    }
    default_message = '"{word}" may be a slip for "{meant}"'

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        known = set(builtin_classes()) | set(spec["classes"]) | DICTIONARY_CLASSES
        for index, entry in enumerate(spec["confusions"]):
            where = f"confusions[{index}]"
            problem = _entry_problem(entry, known)
            if problem:
                line, column = item_position(located.node["confusions"], index)
                raise YamlError(located.path, line, column, f"{where}: {problem}")

    def setup(self) -> None:
        self.classes = {name: frozenset(words) for name, words in builtin_classes().items()}
        for name, words in self.spec["classes"].items():
            self.classes[name] = frozenset(w.lower().replace("’", "'") for w in words)
        # Written form -> (index of its pack entry, meant forms). The entries' context
        # patterns are read only when the form occurs in a draft: a pre-commit run
        # meets a few dozen of the 500 forms, and reading them all took 10-15 ms.
        self.forms: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for index, data in enumerate(self.spec["confusions"]):
            for written, meant in data["forms"].items():
                meant_forms = (meant,) if isinstance(meant, str) else tuple(meant)
                key = " ".join(written.lower().replace("’", "'").split())
                self.forms.setdefault(key, []).append((index, meant_forms))
        self.lower_pattern = _candidate_pattern(self.forms, 0) if _all_ascii(self.forms) else None
        self._keys: dict[str, str] = {}  # written text -> entry key, memoised
        self._contexts: dict[int, tuple] = {}  # pack entry index -> its parsed contexts
        self._entries: dict[str, tuple[list[Entry], tuple[Need, ...] | None]] = {}

    def entries(self, key: str) -> tuple[list[Entry], tuple[Need, ...] | None]:
        """The entries of a written form and their gate (see ``_gate``), read on first use."""
        found = self._entries.get(key)
        if found is None:
            entries = [Entry(meant, *self._context(index)) for index, meant in self.forms[key]]
            found = self._entries[key] = (entries, _gate(entries))
        return found

    def _context(self, index: int) -> tuple:
        """(when, unless, note, before_needs, after_needs) of the pack's entry ``index``."""
        context = self._contexts.get(index)
        if context is None:
            data = self.spec["confusions"][index]
            when = tuple(parse_pattern(p) for p in data.get("when") or ())
            unless = tuple(parse_pattern(p) for p in data.get("unless") or ())
            note = str(data.get("note", ""))
            before, after = self._needed_words(when, "before"), self._needed_words(when, "after")
            context = self._contexts[index] = (when, unless, note, before, after)
        return context

    def _needed_words(self, patterns: tuple[Pattern, ...], side: str) -> frozenset[str] | None:
        """Words one of which every pattern needs right next to ``_`` on ``side``, or None."""
        if not patterns:
            return None
        needed: set[str] = set()
        for pattern in patterns:
            items = pattern.before if side == "before" else pattern.after
            if not items:
                return None
            item = items[0]
            if item.optional or item.negated or item.anything or item.suffixes:
                return None
            if any(name in DICTIONARY_CLASSES or name not in self.classes for name in item.classes):
                return None
            needed |= item.words
            for name in item.classes:
                needed |= self.classes[name]
        return frozenset(needed)

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        prose = analysis.prose
        text = _Text(prose)
        for start, end, entries in self._candidates(text):
            block = analysis.block_at(start)
            if block < 0:
                continue
            written = prose[start:end]
            block_start, block_end = analysis.blocks[block].start, analysis.blocks[block].end
            before = text.tokens_before(block_start, start)
            after = text.tokens_after(end, block_end)
            if written[:1].isupper() and before[:1] != ["^"]:
                continue  # a capital inside a sentence: a name or a title ("Lead Poisoning")
            for entry in entries:
                if self._flags(entry, before, after):
                    yield self._diagnostic(analysis, start, end, entry)
                    break

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive candidate pattern, for prose that lower-cases unevenly."""
        return _candidate_pattern(self.forms, re.IGNORECASE)

    def _candidates(self, text: _Text) -> Iterator[tuple[int, int, list[Entry]]]:
        """(start, end, entries) of each written form worth a closer look.

        The scan runs over the lower-cased prose with a case-sensitive
        pattern, about twice as fast as a case-insensitive one; the token
        that follows is captured by the same regex, and the words next to a
        candidate decide with set lookups whether any entry could match.
        """
        pattern = self.lower_pattern if text.normalised and self.lower_pattern else self.pattern
        keys, forms = self._keys, self.forms
        for match in pattern.finditer(text.text):
            written = match.group()
            key = keys.get(written)
            if key is None:
                key = keys[written] = " ".join(written.lower().replace("’", "'").split())
            if key not in forms:
                continue
            entries, gate = self.entries(key)
            start = match.start()
            if gate is None or _worth_a_look(gate, text, start, match.group(1)):
                yield start, match.end(), entries

    def _flags(self, entry: Entry, before: list[str], after: list[str]) -> bool:
        if any(self._matches(p, before, after) for p in entry.unless):
            return False
        return not entry.when or any(self._matches(p, before, after) for p in entry.when)

    def _matches(self, pattern: Pattern, before: list[str], after: list[str]) -> bool:
        return self._side(pattern.before, before, 0, 0) and self._side(pattern.after, after, 0, 0)

    def _side(self, items: tuple[Item, ...], tokens: list[str], i: int, j: int) -> bool:
        if i == len(items):
            return True
        item = items[i]
        if item.optional and self._side(items, tokens, i + 1, j):
            return True
        if j < len(tokens) and self._item_matches(item, tokens[j]):
            return self._side(items, tokens, i + 1, j + 1)
        return False

    def _item_matches(self, item: Item, token: str) -> bool:
        if token in ("^", "$"):
            found = token in item.words
            return found and not item.negated
        found = (
            item.anything
            or token in item.words
            or any(token.endswith(suffix) for suffix in item.suffixes)
            or any(self._in_class(token, name) for name in item.classes)
        )
        return found != item.negated

    def _in_class(self, token: str, name: str) -> bool:
        if name in DICTIONARY_CLASSES:
            return _has_dictionary_class(token, name)
        if name == "number" and _NUMBER.match(token):
            return True
        return token in self.classes.get(name, ())

    def _diagnostic(self, analysis: Analysis, start: int, end: int, entry: Entry) -> Diagnostic:
        written = analysis.prose[start:end]
        suggestions = [_match_case(written, meant) for meant in entry.meant]
        message = format_message(self.message, word=" ".join(written.split()), meant=suggestions[0])
        if entry.note:
            message += f" ({entry.note})"
        fix = None
        if len(suggestions) == 1:
            fix = self.replacement(
                analysis, start, end, suggestions[0], f'Replace with "{suggestions[0]}"', Applicability.UNSAFE
            )
        return self.diagnostic(start, end, message, suggestions, fix)


def _entry_problem(entry: Any, known_classes: set[str]) -> str:
    """What is wrong with one confusion entry, or ''."""
    if not isinstance(entry, dict):
        return "an entry must be a mapping with 'forms' (and 'when', 'unless', 'note')"
    unknown = set(entry) - ENTRY_KEYS
    if unknown:
        return f"unknown key {sorted(unknown)[0]!r} (expected one of: {', '.join(sorted(ENTRY_KEYS))})"
    forms = entry.get("forms")
    if not isinstance(forms, dict) or not forms:
        return "'forms' must map each written form to the meant form (or a list of them)"
    for written, meant in forms.items():
        if not isinstance(meant, (str, list)) or not meant:
            return f"the meant form of {written!r} must be a word or a list of words"
    for key in ("when", "unless"):
        patterns = entry.get(key) or []
        if not isinstance(patterns, list):
            return f"'{key}' must be a list of patterns"
        for text in patterns:
            try:
                pattern = parse_pattern(str(text))
            except PatternError as err:
                return str(err)
            for item in (*pattern.before, *pattern.after):
                for name in item.classes:
                    if name not in known_classes and name != "number":
                        return f"pattern {text!r} names an unknown word class @{name}"
    return ""


@cache
def builtin_classes() -> dict[str, list[str]]:
    """Closed word classes (determiners, pronouns, auxiliaries...) from rules/lexicon."""
    from prose_lint.resources import load_lexicon

    data = load_lexicon("word-classes.yaml")
    return {name: [w.lower().replace("’", "'") for w in words] for name, words in data.items()}


def _has_dictionary_class(token: str, name: str) -> bool:
    from prose_lint.dictionary import CLASS_BITS, dictionary

    return bool(dictionary().classes.get(token, 0) & CLASS_BITS[name])


def _candidate_pattern(forms: Iterable[str], flags: int) -> re.Pattern[str]:
    """Every written form as whole words, in one trie-shaped regex (see wordtrie),
    capturing the token that follows."""
    alternation = trie_alternation(forms, spaces=True, apostrophes=True)
    return compile_regex(rf"\b{WORD_BEFORE}(?:{alternation}){WORD_AFTER}{_NEXT_CAPTURE}", flags)


def _all_ascii(forms: Iterable[str]) -> bool:
    """True when every written form is ASCII: then a form in any case lower-cases to it
    character for character, and the lower-cased prose can be scanned case-sensitively."""
    return all(form.isascii() for form in forms)


# What one entry needs next to the written word: (after_needs, before_needs).
Need = tuple[frozenset[str] | None, frozenset[str] | None]


def _gate(entries: list[Entry]) -> tuple[Need, ...] | None:
    """Per written form, the needs of its entries; None when some entry needs no
    particular neighbour (every occurrence is then worth a look)."""
    if any(entry.after_needs is None and entry.before_needs is None for entry in entries):
        return None
    return tuple((entry.after_needs, entry.before_needs) for entry in entries)


def _worth_a_look(gate: tuple[Need, ...], text: _Text, start: int, following: str | None) -> bool:
    """False when no entry's `when` can match, judged from the adjacent words alone.

    ``following`` is the token right after the candidate, as the candidate
    regex captured it; the one before is read only when an entry asks for it.
    """
    after = following.lower().replace("’", "'") if following else "$"
    if after in _TERMINATORS:
        after = "$"
    before = None
    for after_needs, before_needs in gate:
        if after_needs is not None and after not in after_needs:
            continue
        if before_needs is not None:
            if before is None:
                before = text.previous_token(start)
            if before not in before_needs:
                continue
        return True
    return False


class _Text:
    """The prose of one document, lower-cased once for the scan and the contexts.

    Lower-casing keeps offsets unless a character lower-cases to several
    ("İ"); then the prose is read as written and each token lower-cased.
    """

    def __init__(self, prose: str) -> None:
        lowered = lowercase(prose).replace("’", "'")
        self.normalised = len(lowered) == len(prose)
        self.text = lowered if self.normalised else prose

    @cached_property
    def reversed(self) -> str:
        return self.text[::-1]

    def _normal(self, tokens: list[str]) -> list[str]:
        return tokens if self.normalised else [t.lower().replace("’", "'") for t in tokens]

    def previous_token(self, offset: int) -> str:
        """The token before ``offset`` within 40 characters (lower case), ``^`` for none or a full stop.

        It is the token after the mirrored offset in the mirrored text (a
        token reads the same pattern both ways), which a regex finds with one
        anchored match instead of a search through the 40 characters.
        """
        size = len(self.text)
        found = _NEXT.match(self.reversed, size - offset, size - max(0, offset - 40))
        if not found:
            return "^"
        token = self._normal([found.group(1)[::-1]])[0]
        return "^" if token in _TERMINATORS else token

    def tokens_before(self, block_start: int, offset: int) -> list[str]:
        """Tokens before ``offset`` in its sentence, nearest first; ``^`` marks the sentence start."""
        text = self.text
        begin = max(block_start, offset - _REACH)
        tokens = self._normal(_CONTEXT_TOKEN.findall(text, begin, offset))
        if begin > block_start and tokens and text[begin - 1].isalnum():
            tokens.pop(0)  # a word cut in two by the window
        nearest: list[str] = []
        for token in reversed(tokens):
            if token in _TERMINATORS:
                nearest.append("^")
                return nearest
            nearest.append(token)
        if begin == block_start:
            nearest.append("^")
        return nearest

    def tokens_after(self, offset: int, block_end: int) -> list[str]:
        """Tokens after ``offset`` in its sentence; ``$`` marks the sentence end."""
        text = self.text
        stop = min(block_end, offset + _REACH)
        tokens = self._normal(_CONTEXT_TOKEN.findall(text, offset, stop))
        if stop < block_end and tokens and text[stop].isalnum():
            tokens.pop()
        following: list[str] = []
        for token in tokens:
            if token in _TERMINATORS:
                following.append("$")
                return following
            following.append(token)
        if stop == block_end:
            following.append("$")
        return following


def _match_case(written: str, meant: str) -> str:
    if written[:1].isupper() and meant[:1].islower():
        return meant[:1].upper() + meant[1:]
    return meant
