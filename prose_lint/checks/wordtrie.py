"""Many words or phrases as one regular expression shaped as a trie.

A flat alternation of a few hundred phrases makes Python's regex engine try
each one at every position of the text (about a second per 100,000 words);
the same phrases as a trie ("in(?:\\s+order\\s+to|\\s+the\\s+event\\s+that)")
let it give up after a letter or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prose_lint.regexcache import compile_regex

# Not inside a word, nor in a hyphenated or apostrophised one.
WORD_BEFORE = r"(?<![\w'’-])"
WORD_AFTER = r"(?![\w'’-])"


def trie_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Every phrase as whole words; a space matches any run of white space, ' either apostrophe."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return compile_regex(rf"\b{WORD_BEFORE}(?:{trie_regex(trie)}){WORD_AFTER}", flags)


def trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for char in sorted(c for c in node if c):
        if char == " ":
            head = r"\s+"
        elif char in "'’":
            head = "['’]"
        else:
            head = re.escape(char)
        branches.append(head + trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
