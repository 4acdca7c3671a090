"""The trie-shaped alternation every rule family builds its word lists with."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from prose_lint.checks.wordtrie import trie_alternation

WORDS = st.frozensets(st.text("ab '’.", min_size=1, max_size=5), min_size=1, max_size=12)


def flat(words, spaces=False, apostrophes=False):
    """The plain alternation, longest first: what the trie must match like."""

    def escape(word):
        out = re.escape(word)
        if spaces:
            out = out.replace("\\ ", r"\s+")
        return out.replace("'", "['’]") if apostrophes else out

    if spaces:  # a space stands for any run of white space: words are read with single spaces
        words = {" ".join(word.split()) for word in words} - {""}
    return "|".join(escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text("ab '’.\n", max_size=12), st.booleans(), st.booleans())
def test_the_trie_matches_the_same_text_as_the_longest_first_list(words, text, spaces, apostrophes):
    trie = re.compile(f"(?:{trie_alternation(words, spaces=spaces, apostrophes=apostrophes)})")
    plain = re.compile(f"(?:{flat(words, spaces, apostrophes)})")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_phrase_trie_reads_spaces_and_apostrophes_loosely_when_asked():
    pattern = re.compile(trie_alternation(["per cent", "percent", "don't"], spaces=True, apostrophes=True))
    assert [m.group() for m in pattern.finditer("5 per\n cent, 6 percent; don’t")] == [
        "per\n cent",
        "percent",
        "don’t",
    ]
    assert trie_alternation([]) == ""
