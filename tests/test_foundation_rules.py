"""The rules the foundation ships: repeated words, currency spacing, substitutions."""

from __future__ import annotations

import pytest
from conftest import lint, spans

from prose_lint.diagnostic import Applicability


def test_repeated_word_flags_both_words_and_suggests_one():
    [found] = lint("The council said the the plan would fail.", select="grammar/repeated-word")
    assert spans([found]) == [("grammar/repeated-word", "the the", ["the"])]
    assert found.message == 'Repeated word "the"'
    assert found.fix.applicability is Applicability.SAFE


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough of the talks.",
        "She said that that plan was dead.",
        "The talks were about the\n\nThe next paragraph starts here.",
        "# Talks ended with the\n\nThe plan failed.",
        "It ended with the. The next day was calm.",
        "Use the `the` option.",
    ],
)
def test_repeated_word_near_misses(text):
    assert lint(text, select="grammar/repeated-word") == []


def test_repeated_word_with_markup_between_is_shown_but_not_auto_fixed():
    [found] = lint("The **the** plan.", select="grammar/repeated-word")
    assert found.text == "The **the"
    assert found.fix.applicability is Applicability.DISPLAY


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("The project cost $ 400 million.", "$ 400", "$400"),
        ("Donors gave € 2,500 to each family.", "€ 2,500", "€2,500"),
        ("Rent rose to £ 1.5 a day.", "£ 1.5", "£1.5"),
    ],
)
def test_currency_space(text, flagged, suggestion):
    assert spans(lint(text, select="style/currency-space")) == [
        ("style/currency-space", flagged, [suggestion])
    ]


def test_currency_space_near_misses():
    assert lint("It cost $400, not US$ or $ alone; see the $ sign.", select="style/currency-space") == []


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("The ministry can not confirm the figure.", "can not", "cannot"),
        ("Can not be done.", "Can not", "Cannot"),
        ("It can\nnot be done.", "can\nnot", "cannot"),
        ("It happened all of the sudden.", "all of the sudden", "all of a sudden"),
    ],
)
def test_nonstandard_forms(text, flagged, suggestion):
    assert spans(lint(text, select="style/nonstandard-form")) == [
        ("style/nonstandard-form", flagged, [suggestion])
    ]


def test_nonstandard_form_exception_can_not_only():
    assert lint("The plan can not only fail but also harm.", select="style/nonstandard-form") == []


def test_wordy_phrase_is_info_and_its_fix_is_not_applied_automatically():
    [found] = lint("The mission deployed in order to monitor the ceasefire.", select="style/wordy-phrase")
    assert spans([found]) == [("style/wordy-phrase", "in order to", ["to"])]
    assert found.severity.label == "info"
    assert found.fix.applicability is Applicability.UNSAFE
    [capital] = lint("In order to win, they left.", select="style/wordy-phrase")
    assert capital.suggestions == ["To"]
