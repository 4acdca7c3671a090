"""Analysis computed once per document and shared by every rule.

Tokens and sentences carry offsets into the original text. Each piece is
computed on first use, so a run with only cheap rules pays only for what they
read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from prose_lint.document import Block, Document
from prose_lint.regexcache import compile_regex
from prose_lint.resources import load_lexicon

if TYPE_CHECKING:
    from prose_lint.config import Config

_TOKEN = compile_regex(
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
_WORD = compile_regex(r"[^\W_]+(?:['’\-.][^\W_]+)*")
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
    first: int  # index of its first token in its block's tokens
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
    """Blocks, tokens and sentences of one document, each computed on first use.

    Speed matters (prose-lint runs on every commit), and building a Python
    object per token is the dominant cost on a long report. Rules should
    therefore look *candidate first*: find candidates with one compiled
    pattern over ``prose`` (the regex engine runs in C), then ask for the
    tokens or sentence around each candidate with ``block_at``,
    ``block_tokens`` and ``sentence_at``. ``tokens`` and ``sentences`` give
    the whole document for rules that truly need it.
    """

    def __init__(self, document: Document, config: Config | None = None) -> None:
        self.document = document
        self.config = config
        self._block_tokens: dict[int, list[Token]] = {}
        self._block_sentences: dict[int, list[Sentence]] = {}

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
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.document.blocks]

    def block_at(self, offset: int) -> int:
        """Index of the block containing ``offset``, or -1 when it lies outside prose."""
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and offset < self.document.blocks[index].end:
            return index
        return -1

    def block_tokens(self, index: int) -> list[Token]:
        tokens = self._block_tokens.get(index)
        if tokens is None:
            block = self.document.blocks[index]
            tokens = tokenize(self.document.prose, block.start, block.end, index)
            self._block_tokens[index] = tokens
        return tokens

    def block_sentences(self, index: int) -> list[Sentence]:
        sentences = self._block_sentences.get(index)
        if sentences is None:
            tokens = self.block_tokens(index)
            sentences = split_sentences(tokens, 0, len(tokens), index) if tokens else []
            self._block_sentences[index] = sentences
        return sentences

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (or the one that ends nearest before it)."""
        index = self.block_at(offset)
        if index < 0:
            return None
        found = None
        for sentence in self.block_sentences(index):
            if sentence.start > offset:
                break
            found = sentence
        return found

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.block_tokens(sentence.block)[sentence.first : sentence.stop]

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the document (costly on long documents: prefer block_tokens)."""
        tokens: list[Token] = []
        for index in range(len(self.document.blocks)):
            tokens.extend(self.block_tokens(index))
        return tokens

    @cached_property
    def lower(self) -> list[str]:
        """Lower-case text of each token, parallel to ``tokens``."""
        return [token.text.lower() for token in self.tokens]

    @cached_property
    def sentences(self) -> list[Sentence]:
        sentences: list[Sentence] = []
        for index in range(len(self.document.blocks)):
            sentences.extend(self.block_sentences(index))
        return sentences

    def iter_words(self) -> Iterator[str]:
        """Every word of the prose, in order, as found by one fast scan (no offsets).

        Read in chunks: a list of every word of a 1M-word draft would hold
        about 60 MB for the whole run.
        """
        for words in self._words_by_piece():
            yield from words

    def _words_by_piece(self) -> Iterator[list[str]]:
        for chunk in _chunks(self.document.prose):
            yield _WORD.findall(chunk)

    @cached_property
    def _word_stats(self) -> tuple[frozenset[str], int]:
        distinct: set[str] = set()
        count = 0
        for words in self._words_by_piece():
            distinct.update(words)
            count += len(words)
        return frozenset(distinct), count

    @property
    def word_set(self) -> frozenset[str]:
        """The distinct words of ``iter_words`` (shared by the spelling and names rules)."""
        return self._word_stats[0]

    @property
    def word_count(self) -> int:
        return self._word_stats[1]


_CHUNK = 1 << 16
_SPACE = compile_regex(r"\s")


def _chunks(text: str) -> Iterator[str]:
    """``text`` in pieces of about 64k characters, each cut after whitespace (never in a word)."""
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + _CHUNK)
        end = space.end() if space else len(text)
        yield text[start:end]
        start = end


def lowercase(text: str) -> str:
    """``text.lower()``, piece by piece.

    CPython lower-cases a string with any non-Latin-1 character through a
    buffer of 12 bytes per character: 72 MB for a 6 MB draft. Pieces cut
    after whitespace lower-case exactly like the whole (the final-sigma rule
    looks only as far as the next space).
    """
    if text.isascii() or len(text) <= _CHUNK:
        return text.lower()
    return "".join(piece.lower() for piece in _chunks(text))
