"""The fast paths of the grammar rules find exactly what their plain definitions find.

The shared pattern scan and the doubled-word pass are written for speed
(tries, lookaheads, one pass per punctuation mark); these tests pin that they
flag the same text as the obvious regular expressions, and the edge cases a
fast path could miss: a slip at the very start of a file, a curly apostrophe
in an anchor ("They’ve"), a quotation in a block as long as a speech.
"""

from __future__ import annotations

import re

from conftest import lint, spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prose_lint.checks.pattern import _alternation
from prose_lint.checks.repetition import doubled_words

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    ["the", "The", "THE", "then", "a", "an", "it", "it's", "it’s", "its", "x_y", "3", "3rd", "é", "Été"]
)
GAPS = st.sampled_from([" ", "  ", "\n", "\t", "-", "'", "’", ",", ", ", ".", "(", "_", ""])
TEXTS = st.lists(st.tuples(PIECES, GAPS), max_size=12).map(lambda parts: "".join(a + b for a, b in parts))


def grammar(text: str, fmt: str = "markdown") -> list[tuple[str, str, list[str]]]:
    return spans(lint(text, select="grammar", fmt=fmt))


@SETTINGS
@given(TEXTS)
def test_doubled_words_are_those_of_the_plain_pattern(text: str) -> None:
    plain = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
    expected = [(m.start(), m.end(), m.group(1)) for m in plain.finditer(text)]
    assert list(doubled_words(text)) == expected


@SETTINGS
@given(st.frozensets(PIECES.map(str.lower), min_size=1), TEXTS)
def test_a_word_trie_matches_what_the_word_list_matches(words: frozenset[str], text: str) -> None:
    flat = "|".join(re.escape(w).replace("'", "['’]") for w in sorted(words, key=lambda w: (-len(w), w)))
    end = r"(?![\w'’\-])"
    expected = [m.span() for m in re.finditer(f"(?i:{flat}){end}", text)]
    assert [m.span() for m in re.finditer(f"(?i:{_alternation(words)}){end}", text)] == expected


def test_a_doubled_word_opening_the_file_is_flagged() -> None:
    assert grammar("the the plan failed.", fmt="text") == [("grammar/repeated-word", "the the", ["the"])]


def test_a_curly_apostrophe_in_the_anchor_is_read() -> None:
    assert grammar("They’ve took the money.") == [("grammar/perfect-tense", "took", ["taken"])]
    assert grammar("They've took the money.") == [("grammar/perfect-tense", "took", ["taken"])]


def test_a_quotation_deep_in_a_long_block_is_still_a_quotation() -> None:
    filler = "The council met again on Monday. " * 400
    speech = filler + 'A farmer said: "we was robbed." Later we was told.'
    found = grammar(speech, fmt="text")
    assert found == [("grammar/agreement", "was", ["were"])]
    [diagnostic] = lint(speech, select="grammar/agreement", fmt="text")
    assert diagnostic.start == speech.rindex("was")


def test_the_word_sets_of_a_pattern_are_kept_on_disk_side_by_side(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(tmp_path))
    from prose_lint.checks.wordforms import word_forms

    forms = word_forms.__wrapped__()  # a fresh lexicon, not the one earlier tests filled
    past_only = forms.words_with(("VBD",), ("VBN", "NN", "JJ"))
    assert "took" in past_only and "wrote" in past_only
    assert "left" not in past_only and "finished" not in past_only  # also participles
    base_only = forms.words_with(("VB",), ("VBN", "VBD"))
    assert "decide" in base_only and "come" not in base_only  # "has come" is right
    assert forms.words_with(("VB",)) >= base_only
    # Each set has its own file: writing one must not clear another (a later run loads both).
    names = sorted(path.name.split("@")[0] for path in tmp_path.glob("grammar-tagset-*.marshal"))
    assert names == ["grammar-tagset-VB", "grammar-tagset-VBD_not_VBN+NN+JJ", "grammar-tagset-VB_not_VBN+VBD"]
