"""Many words or phrases as one regular expression shaped as a trie.

A flat alternation of a few hundred phrases makes Python's regex engine try
each one at every position of the text (about a second per 100,000 words);
the same phrases as a trie ("in(?:\\s+order\\s+to|\\s+the\\s+event\\s+that)")
let it give up after a letter or two.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable

from prose_lint.regexcache import compile_regex

# Not inside a word, nor in a hyphenated or apostrophised one.
WORD_BEFORE = r"(?<![\w'’-])"
WORD_AFTER = r"(?![\w'’-])"


def trie_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Every phrase as whole words; a space matches any run of white space, ' either apostrophe."""
    normalised = (phrase.replace("’", "'") for phrase in phrases)
    alternation = trie_alternation(normalised, spaces=True, apostrophes=True)
    return compile_regex(rf"\b{WORD_BEFORE}(?:{alternation}){WORD_AFTER}", flags)


def trie_alternation(words: Iterable[str], *, spaces: bool = False, apostrophes: bool = False) -> str:
    """The words as one alternation shaped as a trie ("th(?:e(?:y)?|is)"), for any regex.

    Along every branch a longer word is tried before its prefix, as in a list
    sorted longest first, so the same text matches as with a flat list. With
    ``spaces`` a space matches any run of white space (each word is read with
    single spaces between its parts); with ``apostrophes`` a straight
    apostrophe matches a curly one too. Empty for no words.
    """
    if spaces:
        words = (" ".join(word.split()) for word in words)
    ordered = sorted({word for word in words if word})
    if apostrophes and any("’" in word for word in ordered):
        # ' then matches ’ too, so two branches overlap and a trie cannot try the longer
        # first: the flat list, longest first
        longest_first = sorted(ordered, key=lambda word: (-len(word), word))
        return "|".join(
            "".join(_escape(char, spaces, apostrophes) for char in word) for word in longest_first
        )
    return _sorted_trie(ordered, 0, spaces, apostrophes) if ordered else ""


def _sorted_trie(words: list[str], depth: int, spaces: bool, apostrophes: bool) -> str:
    """The sorted ``words``, which agree up to ``depth``, from there on. A run of letters
    every word of a branch shares is written at once (the first and last share it)."""
    ends = len(words[0]) == depth  # sorted: the word that stops here comes first
    branches = []
    for _, grouped in itertools.groupby(words[1:] if ends else words, key=operator.itemgetter(depth)):
        group = list(grouped)
        shared = depth + 1
        while shared < min(len(group[0]), len(group[-1])) and group[0][shared] == group[-1][shared]:
            shared += 1
        head = "".join(_escape(char, spaces, apostrophes) for char in group[0][depth:shared])
        branches.append(head + _sorted_trie(group, shared, spaces, apostrophes))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _escape(char: str, spaces: bool, apostrophes: bool) -> str:
    if spaces and char == " ":
        return r"\s+"
    if apostrophes and char == "'":
        return "['’]"
    return re.escape(char)
