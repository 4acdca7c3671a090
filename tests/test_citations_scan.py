"""The fast paths of the citation rules find exactly what their plain definitions find.

Phrase lists become tries and a sentence's source verbs are found with
``str.find``; these tests pin that both match the same text as the flat
alternation and the word-by-word scan they replace, and that a source verb
glued to a hyphen, an apostrophe or a digit still names no source.
"""

from __future__ import annotations

import re

from conftest import lint, spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prose_lint.checks.figures import alternation
from prose_lint.checks.sources import _words_at, builtin_data

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    ["per", "per cent", "percent", "km", "Km", "kms", "said", "Said", "say", "says", "é"]
)
GAPS = st.sampled_from([" ", "  ", "\n", "-", "'", "’", ",", ".", "_", "2", ""])
TEXTS = st.lists(st.tuples(PIECES, GAPS), max_size=10).map(lambda parts: "".join(a + b for a, b in parts))


def flat(entries: list[str]) -> str:
    unique = sorted({entry for entry in entries if entry.strip()}, key=lambda entry: (-len(entry), entry))
    return "|".join(r"\s+".join(map(re.escape, entry.split())) for entry in unique)


def found(pattern: str, text: str, flags: int = re.IGNORECASE) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w'’-])(?:{pattern})(?![\w'’-])", text, flags)]


@SETTINGS
@given(st.lists(PIECES, min_size=1, max_size=6), TEXTS)
def test_a_phrase_trie_matches_what_the_flat_list_matches(phrases: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        assert found(alternation(phrases), text, flags) == found(flat(phrases), text, flags)


def test_the_built_in_lists_match_as_before_on_their_own_entries() -> None:
    for name in ("figures", "sources"):
        for key, entries in builtin_data(name).items():
            if key in ("markers", "source_lines", "captions"):
                continue  # regular expressions, not phrases
            text = " ".join(entries) + " " + " ".join(entry.upper() for entry in entries)
            assert found(alternation(entries), text) == found(flat(entries), text), key


@SETTINGS
@given(TEXTS)
def test_verbs_are_found_where_a_word_scan_finds_them(text: str) -> None:
    text = text.lower()
    verbs = frozenset({"said", "say", "says"})
    word = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")
    expected = sorted(
        (100 + m.start(), 100 + m.end(), m.group()) for m in word.finditer(text) if m.group() in verbs
    )
    assert sorted(_words_at(text, 100, verbs)) == expected


def test_a_verb_glued_to_a_hyphen_or_a_digit_names_no_source() -> None:
    assert spans(lint("Officials said 312 families fled.", select="citations")) == []
    for glued in ("un-said", "said2"):
        text = f"Officials {glued} 312 families fled."
        assert spans(lint(text, select="citations")) == [("citations/uncited-figure", "312 families", [])]
