"""The ``pattern`` kind: a sequence of tokens described by word, lemma, lexical tag and case.

A rule lists one or more ``patterns``; each pattern is a list of ``tokens``
and says what to suggest for the part of the match marked ``mark: true``::

    perfect-tense:
      kind: pattern
      patterns:
        - tokens:
            - {word: [has, have, had], name: aux}
            - {word: [not, never], optional: true}
            - {tag: VBD, not_tag: [VBN, NN], case: lower, name: verb, mark: true}
          suggest: "{verb:VBN}"

A token may say: ``word`` / ``not_word`` (a word or list, any case; ``@name``
names a list under ``lists`` or in ``rules/lexicon/grammar-words.yaml``),
``text`` (a punctuation mark), ``tag`` / ``not_tag`` (lexical tags, see
``prose_lint.checks.wordforms``, plus ``vowel-sound`` and
``consonant-sound``), ``lemma`` (a verb's base form), ``regex`` (the whole
word matches it), ``case`` / ``not_case`` (``lower``, ``title``, ``upper``),
``optional``, ``name`` and ``mark``. Around the match, ``before`` and
``after`` are tokens that must come just before or after it (in the same
sentence); ``unless_before`` and ``unless_after`` are token sequences that
cancel a match; ``unless_preceded_by`` cancels it when one of its ``words``
occurs up to ``within`` tokens earlier in the sentence. A token spec in a
context list with ``start: true`` also accepts the start or end of the sentence;
one with only ``not_...`` keys always does.

``suggest`` is a template (``{verb:VBN}`` inflects the token named ``verb``;
``{word:lower}`` lower-cases it), a mapping from the marked words to their
replacement, or ``""`` to delete the marked words.

Speed: every pattern of every pattern rule is compiled into one regular
expression that finds, in a single pass over the prose, the places where some
pattern's words, punctuation and word shapes line up. Only there are the
lexical tags looked up and, for the few survivors, the sentence tokenised for
the context checks. A pattern therefore has to start with a token that has a
``word`` list or a ``text``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from prose_lint.analysis import Analysis, Token, split_sentences, tokenize
from prose_lint.checks import sounds
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.wordforms import LEXICAL_TAGS, word_forms
from prose_lint.checks.wordtrie import trie_alternation
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex
from prose_lint.resources import load_lexicon
from prose_lint.yamlio import Located, YamlError, node_position

SHARED_LISTS = "grammar-words.yaml"
SOUND_TAGS = ("vowel-sound", "consonant-sound")
TAGS = (*LEXICAL_TAGS, *SOUND_TAGS)
CASES = ("lower", "title", "upper")
TRANSFORMS = (*LEXICAL_TAGS, "lower", "upper", "title")
BLOCK_KINDS = ("paragraph", "heading", "list_item", "table_cell", "footnote", "quote")

TOKEN_KEYS = frozenset(
    {"word", "not_word", "text", "tag", "not_tag", "lemma", "regex", "case", "not_case"}
    | {"optional", "name", "mark", "start", "initial"}
)
PATTERN_KEYS = frozenset(
    {"tokens", "suggest", "message", "before", "after", "unless_before", "unless_after", "unless_preceded_by"}
    | {"questions"}
)

_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_WORD_END = r"(?![\w'’\-])"
# At the start of a word, or at a punctuation mark or apostrophe ("'ve", ",").
_TOKEN_START = r"(?:(?<![\w'’\-])(?=[^\W_])|(?=[^\w\s]))"
_PLACEHOLDER = compile_regex(r"\{(\w+)(?::([\w-]+))?\}")
_SPACE = compile_regex(r"\s+")
# Longer tails are left out of the shared scan's lookahead (see Scanner).
MAX_TAIL_IN_SCAN = 400
# Words whose lexical verdict one token spec remembers (a long-lived process starts afresh past it).
MAX_VERDICTS = 50_000
# How much prose around a match is tokenised for the context checks.
CONTEXT_WINDOW = 240


def normalise(word: str) -> str:
    """Lower case with a straight apostrophe: how word lists are compared."""
    return word.lower().replace("’", "'")


# --- Token specs ------------------------------------------------------------------


@dataclass(frozen=True)
class TokenSpec:
    """One token of a pattern (or of its context), as written in YAML."""

    words: frozenset[str] | None = None
    not_words: frozenset[str] = frozenset()
    text: str | None = None
    tags: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    lemmas: frozenset[str] = frozenset()
    regex: str | None = None
    case: str | None = None
    not_case: str | None = None
    optional: bool = False
    name: str = ""
    mark: bool = False
    start: bool = False
    initial: bool | None = None  # the first token of its sentence (True) or not (False)

    @property
    def is_word(self) -> bool:
        return self.text is None

    @property
    def negative_only(self) -> bool:
        """True when the spec only forbids things: it then also accepts 'no token here'."""
        positive = self.tags or self.lemmas or self.regex or self.case or self.initial is not None
        return self.words is None and self.text is None and not positive

    @property
    def needs_lookup(self) -> bool:
        """True when the regex cannot decide alone (tags, lemma or case need Python)."""
        return bool(self.tags or self.not_tags or self.lemmas or self.case or self.not_case)

    def fragment(self) -> str:
        """A regular expression for this token (without its separator)."""
        if self.text is not None:
            return re.escape(self.text)
        guards = ""
        if self.not_words:
            guards += f"(?!(?i:{_alternation(self.not_words)}){_WORD_END})"
        if self.regex:
            guards += f"(?=(?:{self.regex}){_WORD_END})"
        if self.words is not None:
            written = self.written_forms()
            if written is not None:
                return f"{guards}{_alternation(written)}{_WORD_END}"
            return f"{guards}(?i:{_alternation(self.words)}){_WORD_END}"
        return f"{guards}{_WORD}{_WORD_END}"

    def written_forms(self) -> frozenset[str] | None:
        """The words as they may be written when ``case`` fixes it (None: any case)."""
        if self.words is None:
            return None
        if self.case == "lower":
            return self.words
        if self.case == "title":
            return frozenset(w[:1].upper() + w[1:] for w in self.words)
        if self.case == "upper":
            return frozenset(w.upper() for w in self.words)
        return None

    def accepts(self, text: str) -> bool:
        """Whether a word (or punctuation mark) written ``text`` fits every constraint."""
        if self.text is not None:
            return text == self.text
        key = normalise(text)
        if self.words is not None and key not in self.words:
            return False
        if key in self.not_words:
            return False
        if self.regex and not re.fullmatch(self.regex, text):
            return False
        return self.fits_lexicon(text, key)

    def fits_lexicon(self, text: str, key: str) -> bool:
        """The checks the regex leaves to Python: case, tags, lemma."""
        if self.case and not _has_case(text, self.case):
            return False
        if self.not_case and _has_case(text, self.not_case):
            return False
        if not self._tags_fit(text, key):
            return False
        return not self.lemmas or bool(self.lemmas.intersection(word_forms().verb_lemmas(key)))

    def _tags_fit(self, text: str, key: str) -> bool:
        """One of ``tags`` and none of ``not_tags``: one lookup in a set made for this spec when it can."""
        if self._tag_words is not None:
            return key in self._tag_words if self.tags else key not in self._tag_words
        if self.tags and not any(_has_tag(text, key, tag) for tag in self.tags):
            return False
        return not (self.not_tags and any(_has_tag(text, key, tag) for tag in self.not_tags))

    @cached_property
    def _tag_words(self) -> frozenset[str] | None:
        """With ``tags``, the words that fit them; with only ``not_tags``, those that do not.

        None when there are no tags or a sound tag (which goes by the word as
        written). The set is small and prebuilt on disk, so a run need not
        build the big sets of every noun or adjective to rule a word out.
        """
        if not (self.tags or self.not_tags) or any(tag in SOUND_TAGS for tag in (*self.tags, *self.not_tags)):
            return None
        if self.tags:
            return word_forms().words_with(self.tags, self.not_tags)
        return word_forms().words_with(self.not_tags)

    def fits_word(self, text: str) -> bool:
        """``fits_lexicon`` for a word as written, remembered: a report repeats its words."""
        verdicts = self._verdicts
        verdict = verdicts.get(text)
        if verdict is None:
            verdict = self.fits_lexicon(text, normalise(text))
            if len(verdicts) >= MAX_VERDICTS:
                verdicts.clear()
            verdicts[text] = verdict
        return verdict

    @cached_property
    def _verdicts(self) -> dict[str, bool]:
        return {}

    @property
    def start_only(self) -> bool:
        """``{start: true}`` alone: only the start (or end) of the sentence."""
        return self.start and self.negative_only and not (self.not_words or self.not_tags or self.not_case)

    def accepts_token(self, token: Token | None, initial: bool = False) -> bool:
        if token is None:
            return self.start or self.negative_only
        if self.start_only:
            return False
        if self.initial is not None and self.initial != initial:
            return False
        if self.text is None and token.kind not in ("word", "abbr"):
            return self.negative_only
        return self.accepts(token.text)


def _has_case(text: str, case: str) -> bool:
    if case == "lower":
        return text == text.lower()
    if case == "upper":
        return len(text) > 1 and text == text.upper() and text != text.lower()
    return text[:1].isupper() and (len(text) == 1 or not text.isupper())


def _has_tag(text: str, key: str, tag: str) -> bool:
    if tag in SOUND_TAGS:
        return sounds.sound(text) == tag.split("-")[0]
    return word_forms().has(key, tag)


@lru_cache(maxsize=256)
def _alternation(words: frozenset[str]) -> str:
    """The words as a trie ("th(?:ey|e)"): the engine gives up after a letter instead of trying each word.

    Along every branch a longer word is tried before its prefix, as in a list
    sorted longest first, so the same text matches. Remembered: the patterns
    of a rule share their lists.
    """
    return "(?:" + trie_alternation(words, apostrophes=True) + ")"


# --- Patterns ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """A token sequence with its context checks and its suggestion."""

    tokens: tuple[TokenSpec, ...]
    suggest: Any = None
    message: str = ""
    before: tuple[TokenSpec, ...] = ()
    after: tuple[TokenSpec, ...] = ()
    unless_before: tuple[tuple[TokenSpec, ...], ...] = ()
    unless_after: tuple[tuple[TokenSpec, ...], ...] = ()
    preceded_words: frozenset[str] = frozenset()
    preceded_within: int = 0
    questions: bool = True

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The whole pattern, one named group per token (compiled on first use)."""
        return compile_regex(self.source(capture=True))

    @property
    def anchors(self) -> dict[str, frozenset[str]]:
        """The first token's words (lower case) with the ways each may be written."""
        first = self.tokens[0]
        if first.words is None:
            return {first.text or "": frozenset({first.text or ""})}
        written = first.written_forms()
        return {
            word: frozenset(w for w in written if normalise(w) == word)
            if written is not None
            else frozenset({word, word[:1].upper() + word[1:]})
            for word in first.words
        }

    def tail(self) -> str:
        """The pattern after its first token, as written into the shared scan."""
        return self._join(1, capture=False)

    def source(self, capture: bool) -> str:
        first = self.tokens[0]
        head = first.fragment()
        head = _TOKEN_START + head
        if capture:
            head = f"(?P<t0>{head})"
        return head + self._join(1, capture)

    def _join(self, begin: int, capture: bool) -> str:
        parts = []
        for index in range(begin, len(self.tokens)):
            spec, previous = self.tokens[index], self.tokens[index - 1]
            separator = r"\s+" if spec.is_word and previous.is_word else r"\s*"
            body = spec.fragment()
            if capture:
                body = f"(?P<t{index}>{body})"
            piece = separator + body
            parts.append(f"(?:{piece})?" if spec.optional else piece)
        return "".join(parts)

    def lexicon_fits(self, match: re.Match[str]) -> bool:
        for group, spec in self._lookups:
            text = match.group(group)
            if text is not None and not spec.fits_word(text):
                return False
        return True

    @cached_property
    def _lookups(self) -> tuple[tuple[str, TokenSpec], ...]:
        return tuple((f"t{i}", spec) for i, spec in enumerate(self.tokens) if spec.needs_lookup)

    def marked_span(self, match: re.Match[str]) -> tuple[int, int]:
        marked = [i for i, s in enumerate(self.tokens) if s.mark and match.group(f"t{i}") is not None]
        if not marked:
            return match.span()
        return match.start(f"t{marked[0]}"), match.end(f"t{marked[-1]}")

    def context_fits(self, before: Sequence[Token], after: Sequence[Token]) -> bool:
        if not self.questions and "?" in (t.text for t in after[-3:]):
            return False
        if not _sequence_fits(self.before, before, at_end=True):
            return False
        if not _sequence_fits(self.after, after, at_end=False):
            return False
        if any(_sequence_fits(seq, before, at_end=True) for seq in self.unless_before):
            return False
        if any(_sequence_fits(seq, after, at_end=False) for seq in self.unless_after):
            return False
        if self.preceded_words:
            window = before[-self.preceded_within :] if self.preceded_within else before
            if any(normalise(t.text) in self.preceded_words for t in window):
                return False
        return True


def _sequence_fits(specs: Sequence[TokenSpec], tokens: Sequence[Token], at_end: bool) -> bool:
    """Whether ``specs`` match the tokens just before (``at_end``) or just after a match."""
    if not specs:
        return True
    count = len(specs)
    if at_end:
        window: list[Token | None] = list(tokens[-count:])
        window = [None] * (count - len(window)) + window
        first = tokens[0] if tokens else None
    else:
        window = list(tokens[:count])
        window += [None] * (count - len(window))
        first = None
    return all(
        spec.accepts_token(token, token is not None and token is first)
        for spec, token in zip(specs, window, strict=True)
    )


# --- Reading YAML -----------------------------------------------------------------


class SpecError(ValueError):
    """A mistake in a pattern; ``where`` says which pattern and token."""

    def __init__(self, where: list[Any], message: str) -> None:
        super().__init__(message)
        self.where = where


def _as_list(value: Any, where: list[Any], key: str) -> list[Any]:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, list):
        raise SpecError([*where, key], f"{key!r} must be a word or a list")
    return value


class ListResolver:
    """Word lists by name: the rule's own ``lists``, then the shared ones."""

    def __init__(self, own: dict[str, Any]) -> None:
        self.own = own or {}

    def words(self, value: Any, where: list[Any], key: str) -> frozenset[str]:
        found: set[str] = set()
        for item in _as_list(value, where, key):
            item = str(item)
            if item.startswith("@"):
                found.update(self.named(item[1:], where, key))
            else:
                found.add(normalise(item))
        return frozenset(found)

    def named(self, name: str, where: list[Any], key: str) -> list[str]:
        lists = self.own if name in self.own else _shared_lists()
        if name not in lists:
            known = ", ".join(sorted({*self.own, *_shared_lists()}))
            raise SpecError([*where, key], f"unknown word list @{name} (known lists: {known})")
        return [normalise(str(w)) for w in lists[name]]


@lru_cache(maxsize=1)
def _shared_lists() -> dict[str, list[str]]:
    return load_lexicon(SHARED_LISTS)


def parse_token(data: Any, lists: ListResolver, where: list[Any]) -> TokenSpec:
    if not isinstance(data, dict):
        raise SpecError(where, "a token must be a mapping such as {word: [has, have]}")
    for key in data:
        if key not in TOKEN_KEYS:
            raise SpecError(
                [*where, key], f"unknown token key {key!r} (expected one of: {', '.join(sorted(TOKEN_KEYS))})"
            )
    tags = tuple(str(t) for t in _as_list(data.get("tag", []), where, "tag"))
    not_tags = tuple(str(t) for t in _as_list(data.get("not_tag", []), where, "not_tag"))
    for tag in (*tags, *not_tags):
        if tag not in TAGS:
            raise SpecError(where, f"unknown tag {tag!r} (known tags: {', '.join(TAGS)})")
    for key in ("case", "not_case"):
        if key in data and data[key] not in CASES:
            raise SpecError([*where, key], f"{key!r} must be one of: {', '.join(CASES)}")
    regex = data.get("regex")
    if regex is not None:
        try:
            re.compile(str(regex))
        except re.error as err:
            raise SpecError([*where, "regex"], f"invalid regular expression: {err}") from None
    text = data.get("text")
    if text is not None and (not isinstance(text, str) or not text or any(c.isalnum() for c in text)):
        raise SpecError([*where, "text"], "'text' is a punctuation mark such as ','")
    return TokenSpec(
        words=lists.words(data["word"], where, "word") if "word" in data else None,
        not_words=lists.words(data.get("not_word", []), where, "not_word"),
        text=text,
        tags=tags,
        not_tags=not_tags,
        lemmas=frozenset(normalise(str(w)) for w in _as_list(data.get("lemma", []), where, "lemma")),
        regex=str(regex) if regex is not None else None,
        case=data.get("case"),
        not_case=data.get("not_case"),
        optional=bool(data.get("optional", False)),
        name=str(data.get("name", "")),
        mark=bool(data.get("mark", False)),
        start=bool(data.get("start", False)),
        initial=data.get("initial"),
    )


def _token_list(value: Any, lists: ListResolver, where: list[Any]) -> tuple[TokenSpec, ...]:
    if not isinstance(value, list):
        raise SpecError(where, "expected a list of tokens")
    return tuple(parse_token(item, lists, [*where, index]) for index, item in enumerate(value))


def parse_pattern(data: Any, lists: ListResolver, where: list[Any]) -> Pattern:
    if not isinstance(data, dict):
        raise SpecError(where, "a pattern must be a mapping with 'tokens'")
    for key in data:
        if key not in PATTERN_KEYS:
            raise SpecError(
                [*where, key],
                f"unknown pattern key {key!r} (expected one of: {', '.join(sorted(PATTERN_KEYS))})",
            )
    if not data.get("tokens"):
        raise SpecError(where, "a pattern needs a non-empty list of 'tokens'")
    tokens = _token_list(data["tokens"], lists, [*where, "tokens"])
    _check_tokens(tokens, data.get("suggest"), where)
    unless = {}
    for key in ("unless_before", "unless_after"):
        sequences = data.get(key, [])
        if not isinstance(sequences, list) or not all(isinstance(s, list) for s in sequences):
            raise SpecError([*where, key], f"{key!r} must be a list of token lists")
        unless[key] = tuple(_token_list(s, lists, [*where, key, i]) for i, s in enumerate(sequences))
    preceded = data.get("unless_preceded_by", {})
    if not isinstance(preceded, dict) or (preceded and "words" not in preceded):
        raise SpecError([*where, "unless_preceded_by"], "'unless_preceded_by' is {words: [...], within: N}")
    return Pattern(
        tokens=tokens,
        suggest=data.get("suggest"),
        message=str(data.get("message", "")),
        before=_token_list(data.get("before", []), lists, [*where, "before"]),
        after=_token_list(data.get("after", []), lists, [*where, "after"]),
        unless_before=unless["unless_before"],
        unless_after=unless["unless_after"],
        preceded_words=lists.words(preceded.get("words", []), [*where, "unless_preceded_by"], "words"),
        preceded_within=int(preceded.get("within", 0)),
        questions=bool(data.get("questions", True)),
    )


def _check_tokens(tokens: tuple[TokenSpec, ...], suggest: Any, where: list[Any]) -> None:
    first = tokens[0]
    if first.optional or (first.words is None and first.text is None):
        raise SpecError(
            [*where, "tokens", 0],
            "a pattern's first token needs a 'word' list or a 'text' (and is not optional)",
        )
    names = {t.name for t in tokens if t.name}
    at = [*where, "suggest"]
    if isinstance(suggest, str):
        for name, transform in _PLACEHOLDER.findall(suggest):
            if name not in names:
                raise SpecError(at, f"the suggestion names {{{name}}} but no token is named {name!r}")
            if transform and transform not in TRANSFORMS:
                raise SpecError(at, f"unknown transform {transform!r} (known: {', '.join(TRANSFORMS)})")
    elif suggest is not None and not isinstance(suggest, (dict, list)):
        raise SpecError(at, "'suggest' must be a template, a mapping or a list")


def _locate(located: Located, where: list[Any]) -> tuple[int, int]:
    """Line and column of the deepest YAML node ``where`` reaches (for error messages)."""
    node = located.node
    position = node_position(node)
    for step in where:
        try:
            child = node[step]
        except (KeyError, IndexError, TypeError):
            break
        try:
            if isinstance(step, int):
                line, column = node.lc.item(step)
            else:
                line, column = node.lc.key(step)
            position = (line + 1, column + 1)
        except (AttributeError, KeyError, TypeError, IndexError):
            pass
        node = child
    return position


def _describe(where: list[Any]) -> str:
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


# --- The rule kind ----------------------------------------------------------------


class TokenPattern(Rule):
    """Flags a sequence of tokens described by word, lemma, lexical tag and case.

    Grammar slips such as "has took", "we was", "a estimated" or "could of"
    are a few words in a fixed order, one of which has the wrong form. A
    pattern names those words (or their part of speech) and what to write
    instead; the lexical facts come from lemminflect's data. Matches inside
    quotations are not flagged (a quote is reproduced as spoken) unless the
    rule says ``quotes: true``.
    """

    kind = "pattern"
    fields = {
        "patterns": Field((list,), required=True, help="token patterns (see the module docstring)"),
        "lists": Field((dict,), default={}, help="named word lists the patterns refer to as @name"),
        "fix": Field((str,), default="unsafe", help="safe, unsafe or display"),
        "blocks": Field((list,), default=list(BLOCK_KINDS), help="kinds of block checked"),
        "quotes": Field((bool,), default=False, help="also flag inside quotations"),
        "exceptions": Field((list,), default=[], help="flagged words that are never reported"),
    }
    options = frozenset({"exceptions", "quotes", "blocks"})
    default_message = 'Write "{suggestion}" instead of "{match}"'

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        try:
            cls._parse(spec)
        except SpecError as err:
            where = ["patterns", *err.where] if err.where and err.where[0] != "lists" else err.where
            line, column = _locate(located, where)
            raise YamlError(located.path, line, column, f"{_describe(where)}: {err}") from None
        if spec["fix"] not in {a.value for a in Applicability}:
            raise located.error_at_value("fix", "fix must be safe, unsafe or display")
        for kind in spec["blocks"]:
            if kind not in BLOCK_KINDS:
                raise located.error_at_value(
                    "blocks", f"unknown block kind {kind!r} (known: {', '.join(BLOCK_KINDS)})"
                )

    @staticmethod
    def _parse(spec: dict[str, Any]) -> tuple[Pattern, ...]:
        lists = ListResolver(spec.get("lists") or {})
        for name, words in (spec.get("lists") or {}).items():
            if not isinstance(words, list):
                raise SpecError(["lists", name], f"the list {name!r} must be a list of words")
        return tuple(parse_pattern(p, lists, [i]) for i, p in enumerate(spec["patterns"]))

    def setup(self) -> None:
        self.patterns = self._parse(self.spec)
        self.applicability = Applicability(self.spec["fix"])
        self.block_kinds = frozenset(self.spec["blocks"])
        self.exceptions = frozenset(normalise(w) for w in self.spec["exceptions"])

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        for pattern, match in shared_hits(analysis, self):
            diagnostic = self._verify(analysis, pattern, match)
            if diagnostic is not None:
                yield diagnostic

    def _verify(self, analysis: Analysis, pattern: Pattern, match: re.Match[str]) -> Diagnostic | None:
        block_index = analysis.block_at(match.start())
        if block_index < 0:
            return None
        block = analysis.blocks[block_index]
        if match.end() > block.end or block.kind not in self.block_kinds:
            return None
        if not self.spec["quotes"] and (
            block.quoted or _inside_quotation(analysis.prose, block.start, match.start())
        ):
            return None
        start, end = pattern.marked_span(match)
        if normalise(analysis.prose[start:end]) in self.exceptions:
            return None
        before, after = _context(analysis, block_index, match.start(), match.end())
        if not pattern.context_fits(before, after):
            return None
        return self._diagnostic(analysis, pattern, match, start, end)

    def _diagnostic(
        self, analysis: Analysis, pattern: Pattern, match: re.Match[str], start: int, end: int
    ) -> Diagnostic:
        written = " ".join(analysis.prose[start:end].split())
        names = {s.name: match.group(f"t{i}") or "" for i, s in enumerate(pattern.tokens) if s.name}
        suggestions = suggestions_for(pattern.suggest, written, names)
        values = {**names, "match": written, "suggestion": suggestions[0] if suggestions else ""}
        message = format_message(pattern.message or self.message, **values)
        fix = None
        if len(suggestions) == 1:
            replacement = suggestions[0]
            edit_end = end
            if replacement == "":
                edit_end = _skip_spaces(analysis.prose, end)
                title = f'Delete "{written}"'
            else:
                title = f'Replace with "{replacement}"'
            fix = self.replacement(analysis, start, edit_end, replacement, title, self.applicability)
        return self.diagnostic(start, end, message, suggestions, fix)


def _skip_spaces(prose: str, offset: int) -> int:
    while offset < len(prose) and prose[offset] in " \t":
        offset += 1
    return offset


def _inside_quotation(prose: str, block_start: int, offset: int) -> bool:
    """Whether ``offset`` follows an unclosed double quotation mark in its block."""
    # str.count runs in C without building a list: blocks of plain text can be whole speeches.
    curly_open = prose.count("“", block_start, offset) - prose.count("”", block_start, offset)
    return curly_open > 0 or prose.count('"', block_start, offset) % 2 == 1


def _context(analysis: Analysis, block_index: int, start: int, end: int) -> tuple[list[Token], list[Token]]:
    """The tokens of the match's sentence before and after it.

    Only a window around the match is tokenised: a plain-text file without
    blank lines is one long block, and tokenising it whole for each match
    would cost more than every rule together.
    """
    prose = analysis.prose
    block = analysis.blocks[block_index]
    low, high = max(block.start, start - CONTEXT_WINDOW), min(block.end, end + CONTEXT_WINDOW)
    if low > block.start:
        low = _after_space(prose, low, start)
    if high < block.end:
        high = _before_space(prose, high, end)
    tokens = tokenize(prose, low, high, block_index)
    first = bisect.bisect_right([t.end for t in tokens], start)
    last = bisect.bisect_left([t.start for t in tokens], end)
    for sentence in split_sentences(tokens, 0, len(tokens), block_index):
        if sentence.first <= first < sentence.stop or (first == last and sentence.stop >= first):
            return tokens[sentence.first : first], tokens[last : sentence.stop]
    return tokens[:first], tokens[last:]


def _after_space(prose: str, low: int, limit: int) -> int:
    found = _SPACE.search(prose, low, limit)
    return found.end() if found else limit


def _before_space(prose: str, high: int, limit: int) -> int:
    cut = max(prose.rfind(" ", limit, high), prose.rfind("\n", limit, high))
    return cut if cut >= 0 else limit


# --- Suggestions -------------------------------------------------------------------


def suggestions_for(suggest: Any, written: str, names: dict[str, str]) -> list[str]:
    """What to write instead of ``written`` (the marked words), following ``suggest``."""
    if suggest is None:
        return []
    if isinstance(suggest, dict):
        found = suggest.get(normalise(written))
        options = [] if found is None else [found] if isinstance(found, str) else list(found)
        return [_same_style(written, option) for option in options]
    if isinstance(suggest, list):
        return [s for template in suggest for s in suggestions_for(template, written, names)]
    pieces = _PLACEHOLDER.split(suggest)
    choices: list[list[str]] = []
    keep_case = True
    for index in range(0, len(pieces), 3):
        choices.append([pieces[index]])
        if index + 1 < len(pieces):
            name, transform = pieces[index + 1], pieces[index + 2]
            keep_case = keep_case and transform not in ("lower", "upper", "title")
            choices.append(_transformed(names.get(name, ""), transform))
    results = []
    for combination in itertools.product(*choices):
        text = "".join(combination)
        text = _same_style(written, text) if keep_case else text
        if text not in results:
            results.append(text)
    return results[:5]


def _transformed(word: str, transform: str | None) -> list[str]:
    if not transform:
        return [word]
    if transform == "lower":
        return [word.lower()]
    if transform == "upper":
        return [word.upper()]
    if transform == "title":
        return [word[:1].upper() + word[1:]]
    return word_forms().inflect(normalise(word), transform) or [word]


def _same_style(written: str, suggestion: str) -> str:
    """The suggestion with the writer's capital and apostrophe."""
    if "’" in written:
        suggestion = suggestion.replace("'", "’")
    if written[:1].isupper() and suggestion[:1].islower():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    return suggestion


# --- The shared scan ---------------------------------------------------------------


class Scanner:
    """Finds every pattern's candidates in a few passes over the prose.

    One expression (a trie of every pattern's first words, as they may be
    written, each with what may follow it as a lookahead) finds the places
    where some pattern can match, still in C; only there is each such pattern
    matched in full and its lexical tags looked up. Anchors that are
    punctuation get one expression per first character, which the engine
    finds by a fast search for that character. A tail too long for the scan
    is checked by the full match only.
    """

    def __init__(self, rules: Sequence[TokenPattern]) -> None:
        self.by_form: dict[str, list[tuple[TokenPattern, Pattern]]] = {}
        tails: dict[str, list[str | None]] = {}
        for rule in rules:
            for pattern in rule.patterns:
                tail = pattern.tail()
                guard = tail if len(tail) <= MAX_TAIL_IN_SCAN else None
                for written in pattern.anchors.values():
                    for form in written:
                        self.by_form.setdefault(form.replace("’", "'"), []).append((rule, pattern))
                        known = tails.setdefault(form, [])
                        if guard not in known:
                            known.append(guard)
        followers = {
            form: "|".join(f"(?:{g})" for g in guards)
            for form, guards in tails.items()
            if None not in guards  # a long tail may follow: anything may
        }
        words = [form for form in tails if form[:1].isalnum()]
        marks = [form for form in tails if not form[:1].isalnum()]
        sources = [_anchor_regex(words, followers)] if words else []
        sources.extend(_mark_regexes(marks, followers))
        self.regexes = [compile_regex(source) for source in sources]

    def scan(self, prose: str) -> dict[TokenPattern, list[tuple[Pattern, re.Match[str]]]]:
        hits: dict[TokenPattern, list[tuple[Pattern, re.Match[str]]]] = {}
        by_form = self.by_form
        for found in itertools.chain.from_iterable(regex.finditer(prose) for regex in self.regexes):
            position = found.start()
            for rule, pattern in by_form[found.group().replace("’", "'")]:
                match = pattern.regex.match(prose, position)
                if match is not None and pattern.lexicon_fits(match):
                    hits.setdefault(rule, []).append((pattern, match))
        return hits


def _anchor_regex(forms: list[str], followers: dict[str, str]) -> str:
    """A trie of the word anchors as written, each followed by a lookahead for what may follow it."""
    return r"\b" + _emit(_anchor_trie(forms, followers))


def _mark_regexes(forms: list[str], followers: dict[str, str]) -> list[str]:
    """One trie per first character of the punctuation anchors ("," and "'ve"), that character first.

    A pattern that opens with a plain character is found by a fast search
    for it; an alternation of several would be tried at every comma and
    apostrophe.
    """
    sources = []
    for char, child in sorted(_anchor_trie(forms, followers).items()):
        for head in ("'", "’") if char == "'" else (char,):
            sources.append(re.escape(head) + _emit(child))
    return sources


def _anchor_trie(forms: list[str], followers: dict[str, str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        end = _WORD_END if form[:1].isalnum() or form[:1] in "'’" else ""
        node[""] = end + (f"(?={followers[form]})" if form in followers else "")
    return trie


def _emit(node: dict[str, Any]) -> str:
    branches = []
    for char, child in sorted(node.items()):
        if char == "":
            branches.append(child)
        else:
            branches.append(("['’]" if char == "'" else re.escape(char)) + _emit(child))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_HITS: weakref.WeakKeyDictionary[Analysis, dict[Scanner, dict]] = weakref.WeakKeyDictionary()


@lru_cache(maxsize=16)
def _scanner(rules: tuple[TokenPattern, ...]) -> Scanner:
    return Scanner(rules)


def shared_hits(analysis: Analysis, rule: TokenPattern) -> list[tuple[Pattern, re.Match[str]]]:
    """This rule's candidates, from one scan shared by every pattern rule of the config."""
    rules: tuple[TokenPattern, ...] = ()
    if analysis.config is not None:
        rules = tuple(r for r in analysis.config.rules if isinstance(r, TokenPattern))
    if rule not in rules:
        rules = (rule,)
    scanner = _scanner(rules)
    per_scanner = _HITS.setdefault(analysis, {})
    if scanner not in per_scanner:
        per_scanner[scanner] = scanner.scan(analysis.prose)
    return per_scanner[scanner].get(rule, [])
