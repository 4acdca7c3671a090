"""names/dialect-mix: American and British spellings against the configured dialect."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest
from conftest import lint, spans
from hypothesis import given, settings
from hypothesis import strategies as st

from prose_lint.analysis import Analysis
from prose_lint.checks import dialect
from prose_lint.document import document_from_text

RULE = "names/dialect-mix"


@pytest.fixture
def british(tmp_path: Path) -> Path:
    path = tmp_path / ".prose-lint.yaml"
    path.write_text("dialect: en-GB\n", encoding="utf-8")
    return path


def test_british_spelling_in_an_american_document():
    text = "The programme ended, and the defence ministry said the program would resume.\n"
    assert spans(lint(text, select=RULE)) == [
        (RULE, "programme", ["program"]),
        (RULE, "defence", ["defense"]),
    ]


def test_one_finding_per_word_form_whose_fix_changes_every_use():
    text = "The programme grew. A second programme began.\n\nProgramme staff left the programme.\n"
    (diagnostic,) = lint(text, select=RULE)
    assert (diagnostic.text, diagnostic.suggestions) == ("programme", ["program"])
    assert "4 uses" in diagnostic.message
    assert diagnostic.fix is not None
    fixed = text
    for edit in sorted(diagnostic.fix.edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    assert fixed == "The program grew. A second program began.\n\nProgram staff left the program.\n"


def test_names_with_a_british_spelling_are_left_alone():
    text = "The World Food Programme and the Ministry of Defence met the Labour Party.\n"
    assert spans(lint(text, select=RULE)) == []


def test_american_spelling_in_a_british_document(british):
    text = "The colour of the flag and the color of the sky; prices were analyzed.\n"
    assert spans(lint(text, select=RULE, config_path=british)) == [
        (RULE, "color", ["colour"]),
        (RULE, "analyzed", ["analysed"]),
    ]


def test_oxford_spelling_is_british_unless_mixed(british):
    alone = "The organization will organize a meeting.\n"
    assert spans(lint(alone, select=RULE, config_path=british)) == []
    mixed = "The organization and the organisation will meet.\n"
    assert spans(lint(mixed, select=RULE, config_path=british)) == [(RULE, "organization", ["organisation"])]


def test_an_american_form_that_is_another_british_word_is_never_flagged(british):
    text = "The programme funds a computer program; councils license contractors and check the licence.\n"
    assert spans(lint(text, select=RULE, config_path=british)) == []


def test_words_spelled_alike_in_both_dialects_are_quiet():
    text = "The analyses were humorous; officials advise and supervise; the honorary consul.\n"
    assert spans(lint(text, select=RULE)) == []


def test_a_word_joined_to_the_next_sentence_by_a_full_stop_is_still_flagged():
    text = (
        "They painted it in one colour.Then the colour-blind inspector and Colour.com approved the colour.\n"
    )
    (diagnostic,) = lint(text, select=RULE)
    assert (diagnostic.text, diagnostic.suggestions) == ("colour", ["color"])
    assert [(edit.start, edit.replacement) for edit in diagnostic.fix.edits] == [
        (text.index("colour.Then"), "color"),
        (text.rindex("colour."), "color"),
    ]


SAMPLE_WORDS = ["colour", "Colour", "centre", "the", "x", "3", "U.S", "colourful", "multicolour"]
SEPARATORS = [" ", ".", "-", "_", "'", "’", "\n", ". ", "(", "/", ".5", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SAMPLE_WORDS), st.sampled_from(SEPARATORS)), max_size=12))
def test_one_pass_over_the_text_finds_what_a_search_per_word_finds(pieces):
    text = "".join(word + separator for word, separator in pieces)
    analysis = Analysis(document_from_text(text, "draft.txt", fmt="text"))
    forms = {"colour", "Colour", "centre"} & analysis.word_set
    expected = sorted(span for form in forms for span in dialect._whole_words(analysis.prose, form))
    with patch.object(dialect, "_FEW_FORMS", 0):  # the one pass even for a few forms
        assert dialect._whole_word_spans(analysis, forms) == expected
