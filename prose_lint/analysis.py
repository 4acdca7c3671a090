"""Analysis computed once per document and shared by every rule.

Tokens and sentences carry offsets into the original text. Each piece is
computed on first use, so a run with only cheap rules pays only for what they
read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from prose_lint.document import Block, Document
from prose_lint.resources import load_lexicon

if TYPE_CHECKING:
    from prose_lint.config import Config

_TOKEN = re.compile(
    r"""
    (?P<abbr>(?:[^\W\d_]\.){2,})(?![^\W\d_])
  | (?P<alnum>\d+(?:[.,]\d+)*[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*)
  | (?P<number>\d+(?:[.,:/]\d+)*)
  | (?P<word>[^\W_]+(?:['’\-][^\W_]+)*)
  | (?P<code>\ufffc)
  | (?P<punct>\S)
    """,
    re.X,
)
_TERMINATORS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’)]»")


class Token(NamedTuple):
    """A word, number or punctuation mark; ``start``/``end`` are offsets in the file."""

    text: str
    start: int
    end: int
    kind: str  # word, alnum (letters with digits), number, abbr (U.S.), punct, code
    block: int

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of its first token
    stop: int  # index after its last token
    block: int


class Abbreviations:
    def __init__(self) -> None:
        data = load_lexicon("abbreviations.yaml")
        self.titles = frozenset(data["titles"])
        self.others = frozenset(data["abbreviations"])
        self.starters = frozenset(data["sentence_starters"])


_abbreviations: Abbreviations | None = None


def abbreviations() -> Abbreviations:
    global _abbreviations
    if _abbreviations is None:
        _abbreviations = Abbreviations()
    return _abbreviations


def tokenize(prose: str, start: int = 0, end: int | None = None, block: int = -1) -> list[Token]:
    end = len(prose) if end is None else end
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(prose, start, end):
        kind = match.lastgroup
        text = match.group()
        if kind == "word" and not text.replace("-", "").replace("'", "").replace("’", "").isalpha():
            kind = "alnum"
        append(Token(text, match.start(), match.end(), kind, block))
    return tokens


def split_sentences(tokens: list[Token], first: int, stop: int, block: int) -> list[Sentence]:
    """Sentences among ``tokens[first:stop]`` (one block)."""
    sentences: list[Sentence] = []
    begin = first
    i = first
    while i < stop:
        if _ends_sentence(tokens, i, stop):
            j = i + 1
            while j < stop and (tokens[j].text in _TERMINATORS or tokens[j].text in _CLOSERS):
                j += 1
            sentences.append(Sentence(tokens[begin].start, tokens[j - 1].end, begin, j, block))
            begin = i = j
            continue
        i += 1
    if begin < stop:
        sentences.append(Sentence(tokens[begin].start, tokens[stop - 1].end, begin, stop, block))
    return sentences


def _ends_sentence(tokens: list[Token], i: int, stop: int) -> bool:
    token = tokens[i]
    if token.kind == "abbr":
        return _next_starts_sentence(tokens, i + 1, stop, strict=True)
    if token.text not in _TERMINATORS:
        return False
    if token.text == "." and i > 0:
        previous = tokens[i - 1]
        if previous.end == token.start and previous.kind == "word":
            lower = previous.text.lower()
            if lower in abbreviations().titles:
                return False
            if lower in abbreviations().others or (len(previous.text) == 1 and previous.text.isupper()):
                return _next_starts_sentence(tokens, i + 1, stop, strict=True)
    return _next_starts_sentence(tokens, i + 1, stop, strict=False)


def _next_starts_sentence(tokens: list[Token], j: int, stop: int, strict: bool) -> bool:
    while j < stop and (tokens[j].text in _TERMINATORS or tokens[j].text in _CLOSERS):
        j += 1
    if j >= stop:
        return True
    following = tokens[j]
    if strict:
        return following.text[:1].isupper() and following.text.lower() in abbreviations().starters
    first = following.text[:1]
    return not first.islower() and first not in ",;:)"


class Analysis:
    """Sentences, tokens and blocks of one document, computed lazily once."""

    def __init__(self, document: Document, config: Config | None = None) -> None:
        self.document = document
        self.config = config

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def prose(self) -> str:
        return self.document.prose

    @property
    def blocks(self) -> list[Block]:
        return self.document.blocks

    @cached_property
    def tokens(self) -> list[Token]:
        tokens: list[Token] = []
        prose = self.document.prose
        for index, block in enumerate(self.document.blocks):
            tokens.extend(tokenize(prose, block.start, block.end, index))
        return tokens

    @cached_property
    def lower(self) -> list[str]:
        """Lower-case text of each token, parallel to ``tokens``."""
        return [token.text.lower() for token in self.tokens]

    @cached_property
    def block_token_ranges(self) -> list[tuple[int, int]]:
        ranges = [(0, 0)] * len(self.document.blocks)
        tokens = self.tokens
        i = 0
        for index in range(len(ranges)):
            first = i
            while i < len(tokens) and tokens[i].block == index:
                i += 1
            ranges[index] = (first, i)
        return ranges

    @cached_property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for index, (first, stop) in enumerate(self.block_token_ranges):
            if first < stop:
                sentences.extend(split_sentences(self.tokens, first, stop, index))
        return sentences

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.stop]

    @cached_property
    def word_count(self) -> int:
        return sum(1 for token in self.tokens if token.kind in ("word", "alnum", "abbr", "number"))
