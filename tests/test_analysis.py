"""Sentences and tokens: what every rule builds on."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prose_lint import analysis as analysis_module
from prose_lint.analysis import Analysis
from prose_lint.document import document_from_text


def sentences(text: str, fmt: str = "markdown") -> list[str]:
    document = document_from_text(text, fmt=fmt)
    return [document.text[s.start : s.end] for s in Analysis(document).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. envoy met Dr. Salih in Jan. last year. Talks failed.",
            ["The U.S. envoy met Dr. Salih in Jan. last year.", "Talks failed."],
        ),
        (
            "Aid rose to 2.7 billion dollars. It fell again.",
            ["Aid rose to 2.7 billion dollars.", "It fell again."],
        ),
        (
            "Donors, e.g. the EU and Japan, paid. Others did not.",
            ["Donors, e.g. the EU and Japan, paid.", "Others did not."],
        ),
        (
            "The report by J. R. Smith was late. It came in May.",
            ["The report by J. R. Smith was late.", "It came in May."],
        ),
        (
            'He said: "We will stay." Then he left.',
            ['He said: "We will stay."', "Then he left."],
        ),
        (
            "Is it safe? Nobody knows! The army left.",
            ["Is it safe?", "Nobody knows!", "The army left."],
        ),
        (
            "Aid reached the U.S. The money stayed there.",
            ["Aid reached the U.S.", "The money stayed there."],
        ),
        (
            "Gen. Hassan and Lt. Col. Amir arrived at 10 a.m. on Monday.",
            ["Gen. Hassan and Lt. Col. Amir arrived at 10 a.m. on Monday."],
        ),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_headings_are_their_own_sentences():
    text = "# Displacement and return\nSome 9,000 families returned. Others stayed.\n"
    assert sentences(text) == ["Displacement and return", "Some 9,000 families returned.", "Others stayed."]


def test_plain_text_title_is_its_own_sentence():
    text = "Rainfall and harvests\n\nThe season was dry. Yields fell.\n"
    assert sentences(text, fmt="text") == ["Rainfall and harvests", "The season was dry.", "Yields fell."]


def test_sentence_continues_across_a_hard_line_break():
    text = "The councils rely on\nthe contractors for revenue. They know it.\n"
    assert sentences(text, fmt="text") == [
        "The councils rely on\nthe contractors for revenue.",
        "They know it.",
    ]


def test_tokens_keep_numbers_abbreviations_and_contractions_whole():
    document = document_from_text("The U.S. paid $2,100.50 to Qayyarah's council, which hasn't 3.5% left.\n")
    tokens = Analysis(document).tokens
    assert [(t.text, t.kind) for t in tokens] == [
        ("The", "word"),
        ("U.S.", "abbr"),
        ("paid", "word"),
        ("$", "punct"),
        ("2,100.50", "number"),
        ("to", "word"),
        ("Qayyarah's", "word"),
        ("council", "word"),
        (",", "punct"),
        ("which", "word"),
        ("hasn't", "word"),
        ("3.5", "number"),
        ("%", "punct"),
        ("left", "word"),
        (".", "punct"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in tokens)


def test_sentence_at_finds_the_sentence_of_an_offset():
    text = "First sentence here. Second one has 312 families.\n"
    analysis = Analysis(document_from_text(text))
    sentence = analysis.sentence_at(text.index("312"))
    assert text[sentence.start : sentence.end] == "Second one has 312 families."
    assert [t.text for t in analysis.sentence_tokens(sentence)][:3] == ["Second", "one", "has"]


def test_sentence_at_is_none_outside_prose():
    text = "Prose here.\n\n```\ncode 312\n```\n"
    analysis = Analysis(document_from_text(text))
    assert analysis.sentence_at(text.index("312")) is None


# Long drafts are read in pieces (to keep a 1M-word draft's memory flat); the
# pieces must give exactly what one pass over the whole text gives.
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["ΟΔΟΣ", "Σ", "word", "U.S.", "co-op", "it’s", " ", "\n", "  ", "İstanbul", "ß", "x" * 40]
        ),
        max_size=60,
    )
)
def test_words_and_lower_case_read_in_pieces_equal_one_pass_over_the_text(pieces):
    text = "".join(pieces)
    with patch.object(analysis_module, "_CHUNK", 16):
        analysis = Analysis(document_from_text(text, "draft.txt", fmt="text"))
        assert list(analysis.iter_words()) == analysis_module._WORD.findall(analysis.prose)
        assert analysis.word_set == frozenset(analysis_module._WORD.findall(analysis.prose))
        assert analysis.word_count == len(analysis_module._WORD.findall(analysis.prose))
        assert analysis_module.lowercase(text) == text.lower()


def test_a_final_sigma_at_a_piece_boundary_lower_cases_as_in_the_whole_text():
    text = "ΟΔΟΣ ΟΔΟΣ " * 10
    with patch.object(analysis_module, "_CHUNK", 8):
        assert analysis_module.lowercase(text) == text.lower() == "οδος οδος " * 10
