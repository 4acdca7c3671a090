"""Suggestions of spelling/unknown-word: the pruned edit search finds what a plain one finds."""

from __future__ import annotations

import pytest
from conftest import lint, spans
from hypothesis import given, settings
from hypothesis import strategies as st

from prose_lint.dictionary import NOUN, VERB, PackedTable, PackedWords, dictionary, edit_cost, edits

RULE = "spelling/unknown-word"
LETTERS = "abcdefghijklmnopqrstuvwxyz'-"


def plain_edits1(word: str) -> set[str]:
    """Norvig's edits1 over the suggestion alphabet: the reference the search must equal."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(left + right[1:] for left, right in splits if right),
        *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
        *(left + c + right[1:] for left, right in splits if right for c in LETTERS),
        *(left + c + right for left, right in splits for c in LETTERS),
    }


STRINGS = [
    "goverment", "recieved", "alltime", "goverrnmint", "teh", "a", "x", "qq", "zqxv", "caf",
    "eurozone's", "shrink-flation", "naïve", "cafe", "leukoencephalopathy", "govern-ment",
    "untill", "hesaid", "'tis", "re-", "colour", "analsyts",
]  # fmt: skip


@pytest.mark.parametrize("word", STRINGS)
def test_words_one_edit_are_the_dictionary_words_among_all_one_edit_strings(word):
    lexicon = dictionary()
    expected = plain_edits1(word) & lexicon.all_words
    assert lexicon.words_one_edit(word) == expected
    assert lexicon.words_one_edit(word, deep=True) == expected


@pytest.mark.parametrize("word", ["alltime", "telework", "goverrnmint", "naïve", "cafe"])
def test_the_near_filter_never_skips_a_string_that_has_a_word_one_edit_away(word):
    # the two-edit search skips middles the filter rules out: it must never rule out one
    # with a hit, or a suggestion would silently go missing
    lexicon = dictionary()
    for middle in edits(word):
        if plain_edits1(middle) & lexicon.all_words:
            assert lexicon.may_be_one_edit_from_a_word(middle), middle


@pytest.mark.parametrize("word", ["goverment", "occured", "seperate", "recieved", "naïve", "a"])
def test_edit_cost_is_the_cost_edits_gives_each_string(word):
    for candidate, cost in edits(word).items():
        assert edit_cost(word, candidate) == cost, candidate


@pytest.mark.parametrize(
    ("sentence", "word", "suggestions"),
    [
        ("It was an alltime low.", "alltime", ["anytime", "halftime", "allie"]),
        ("The goverrnmint fell.", "goverrnmint", ["government"]),
    ],
)
def test_two_edit_suggestions_when_no_common_word_is_one_edit_away(sentence, word, suggestions):
    assert spans(lint(sentence, select=RULE)) == [(RULE, word, suggestions)]


def test_flagged_forms_are_found_as_whole_words_only():
    # "goverment" inside "goverments" or "xgoverment" is another flagged form; glued to a
    # soft hyphen it is part of a longer word; "vis" inside "vis-a-vis" or "e.vis" is not "vis".
    text = "The goverment and goverments; xgoverment, goverment\u00adal and the goverment."
    found = [(text[d.start : d.end], d.start) for d in lint(text, select=RULE)]
    assert found == [("goverment", 4), ("goverments", 18), ("xgoverment", 30), ("goverment", 63)]
    text = "The caf\u00ad; vis-a-vis vis. e.vis and vis."
    found = [(text[d.start : d.end], d.start) for d in lint(text, select=RULE)]
    assert found == [("vis-a-vis", 10), ("vis", 20), ("vis", 35)]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text("abcé'-", min_size=1, max_size=8), st.integers(0, 10**12), max_size=40),
    st.lists(st.text("abcé'-\t\n", max_size=9), max_size=20),
)
def test_a_packed_table_answers_like_the_dict_it_was_packed_from(table, probes):
    packed = PackedTable(PackedTable.pack(table))
    for word in [*table, *probes]:
        assert packed.get(word, -1) == table.get(word, -1)


def test_the_shipped_frequencies_and_classes_read_the_same_packed():
    lexicon = dictionary()
    assert lexicon.frequency.get("the") > lexicon.frequency.get("conversation") > 0
    assert lexicon.frequency.get("colour") > 0  # British spellings come from symspellpy's list
    assert lexicon.classes.get("steal") & VERB
    assert lexicon.classes.get("livestock") & NOUN
    assert lexicon.classes.get("qwzx") == 0


@settings(max_examples=200, deadline=None)
@given(
    st.frozensets(st.text("abcé'-", min_size=1, max_size=8), max_size=40),
    st.lists(st.text("abcé'-\n", max_size=9), max_size=20),
    st.integers(0, 30),
)
def test_packed_words_answer_like_the_set_before_and_after_loading_it(words, probes, load_after):
    packed = PackedWords(PackedWords.pack(words), lambda: words)
    packed.LOAD_AFTER = load_after  # the switch to the real set may fall anywhere
    for probe in [*words, *probes]:
        assert (probe in packed) == (probe in words)
    assert packed.among([*words, *probes]) == words.intersection(probes) | words
