"""spelling/unknown-word: non-words flagged with ranked suggestions; names and house words not."""

from __future__ import annotations

import pytest
from conftest import lint, spans

RULE = "spelling/unknown-word"


def unknown(text: str, **kwargs) -> list[tuple[str, str, list[str]]]:
    return spans(lint(text, select=RULE, **kwargs))


@pytest.mark.parametrize(
    ("sentence", "word", "best"),
    [
        ("The goverment released its share late.", "goverment", "government"),
        ("Officials said they recieved no request.", "recieved", "received"),
        ("The shortages that occured in the spring were severe.", "occured", "occurred"),
        ("Diesel is smuggled accross the river.", "accross", "across"),
        ("The two districts are seperate.", "seperate", "separate"),
        ("They will definately return.", "definately", "definitely"),
    ],
)
def test_misspelling_is_flagged_with_the_right_word_first(sentence, word, best):
    (found,) = unknown(sentence)
    assert found[0] == RULE
    assert found[1] == word
    assert found[2][0] == best
    assert 1 <= len(found[2]) <= 3


def test_span_points_at_the_misspelling_in_the_file():
    text = "Intro.\n\nThe goverment said so."
    (diagnostic,) = lint(text, select=RULE)
    assert text[diagnostic.start : diagnostic.end] == "goverment"
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].replacement == "government"


@pytest.mark.parametrize(
    "sentence",
    [
        "Interviews in Qayyarah, Hammam al-Alil and Makhmour.",
        "Sheikh Khalid al-Jubouri mediates; diesel from al-Busayrah reaches Hasakah.",
        "The IOM and the SDF counted 64 stations, and NATO agreed.",
        "Model X200 and 3rd-party vendors; see https://example.org/deir-ez-zor or mail desk@example.org.",
        "The government's plan and the farmers' pumps were re-established by peacekeepers.",
        "They’re sure it isn't over, and we’ve heard they'll return; it's theirs.",
        "Nonfinancial firms discussed the intermeeting period and reinsurers.",
        "The drawdown hit farmworkers, and the colour of the licence was grey.",
    ],
)
def test_names_acronyms_codes_and_derived_words_are_not_flagged(sentence):
    assert unknown(sentence) == []


def test_british_and_american_spellings_both_pass_under_either_dialect():
    # Mixing the two is names/dialect-mix's business, not a misspelling.
    assert unknown("The millimetres of rain were subsidised; the color and colour differ.") == []


def test_code_spans_and_links_are_not_spellchecked():
    text = "Run `goverment --fix` or read [the recieved notes](https://example.org/teh)."
    assert [s[1] for s in unknown(text)] == ["recieved"]


def test_each_occurrence_is_reported_once_per_place():
    found = unknown("The goverment met. A goverment spokesman spoke.")
    assert [s[1] for s in found] == ["goverment", "goverment"]


def test_near_miss_words_that_are_real_are_not_flagged():
    # Real words one edit from a misspelling; the real-word rule judges them in context.
    assert unknown("They were steeling themselves, loosing arrows at a discrete target.") == []


def test_run_together_slips_stay_flagged():
    assert [s[1] for s in unknown("It was an alltime low and untill now, hesaid, it held.")] == [
        "alltime",
        "untill",
        "hesaid",
    ]


def write_config(tmp_path, body: str):
    path = tmp_path / ".prose-lint.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_house_vocabulary_accept_and_reject(tmp_path):
    config = write_config(tmp_path, "vocabulary:\n  accept: [Qayara, goverment]\n  reject: [whilst]\n")
    found = unknown("The goverment was in Qayara whilst the talks went on.", config_path=config)
    assert found == [(RULE, "whilst", found[0][2])]
    assert "whilst" not in [s.lower() for s in found[0][2]]
    (diagnostic,) = lint("Whilst here.", select=RULE, config_path=config)
    assert "rejected by the house vocabulary" in diagnostic.message


def test_capitalised_words_can_be_checked_as_an_option(tmp_path):
    config = write_config(
        tmp_path, "rules:\n  spelling/unknown-word:\n    options:\n      capitalised: true\n"
    )
    assert [s[1] for s in unknown("Goverment officials met.", config_path=config)] == ["Goverment"]
    assert unknown("Goverment officials met.") == []
