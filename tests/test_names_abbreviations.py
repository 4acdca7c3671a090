"""names/abbreviation-style, names/acronym-undefined, names/acronym-redefined."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, spans

STYLE = "names/abbreviation-style"
UNDEFINED = "names/acronym-undefined"
REDEFINED = "names/acronym-redefined"


def test_dotted_and_plain_forms_take_the_majority():
    text = "The U.K. pledged funds. The UK embassy agreed, and the U.K. team left.\n"
    assert spans(lint(text, select=STYLE)) == [(STYLE, "UK", ["U.K."])]


def test_a_tie_goes_to_the_form_used_first():
    text = "The EU and the E.U. disagree.\n"
    assert spans(lint(text, select=STYLE)) == [(STYLE, "E.U.", ["EU"])]


def test_a_missing_final_dot_is_a_third_form():
    text = "The U.K. and the U.K. agreed; the U.K team did not.\n"
    assert spans(lint(text, select=STYLE)) == [(STYLE, "U.K", ["U.K."])]


def test_one_form_and_plurals_are_consistent():
    text = "The UN and the UN agreed. One NGO and two NGOs left. The U.S. and the U.S. too.\n"
    assert spans(lint(text, select=STYLE)) == []


def test_acronym_used_before_its_long_form():
    text = (
        "Residents said the PMF brigades hold the road.\n\n"
        "The Popular Mobilization Forces (PMF) took over in 2023. The PMF still holds it.\n"
    )
    diagnostics = lint(text, select=UNDEFINED)
    assert spans(diagnostics) == [(UNDEFINED, "PMF", [])]
    assert diagnostics[0].start == text.index("PMF")
    assert "line 3" in diagnostics[0].message


def test_acronym_never_spelled_out():
    text = "The Kurdistan Regional Government (KRG) agreed. The ISF rotate units.\n"
    diagnostics = lint(text, select=UNDEFINED)
    assert spans(diagnostics) == [(UNDEFINED, "ISF", [])]
    assert "never spelled out" in diagnostics[0].message


def test_defined_known_and_expanded_acronyms_are_quiet():
    text = (
        "The International Organization for Migration (IOM) counted returns. The IOM and "
        "the UN agreed, NATO did not. The Food and Agriculture Organization warned of "
        "hunger (FAO 2025). Forces (SDF, the Syrian Democratic Forces) and the SDF left. "
        "The overnight reverse repurchase agreement (ON RRP) facility and the ON RRP rate.\n"
    )
    assert spans(lint(text, select=UNDEFINED)) == []


def test_only_documents_that_spell_out_acronyms_get_never_defined_findings():
    # news copy that never spells out an acronym follows another convention
    text = "Shares in the firm fell after the XYZ report.\n"
    assert spans(lint(text, select=UNDEFINED)) == []


def test_initials_codes_and_shouted_words_are_not_acronyms():
    text = (
        "The Islamic State (IS) lost ground. GM and PS2 sales rose. Text NEXT to get the "
        "next one. WARNING: DO NOT ENTER THE AREA. Chapter IV follows.\n"
    )
    assert spans(lint(text, select=UNDEFINED)) == []


def test_a_teams_own_known_acronyms(tmp_path: Path):
    text = "The Autonomous Administration (AANES) met. The SDF attended.\n"
    assert spans(lint(text, select=UNDEFINED)) == [(UNDEFINED, "SDF", [])]
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("acronyms:\n  known: [SDF, KRG]\n", encoding="utf-8")
    assert spans(lint(text, select=UNDEFINED, config_path=config)) == []


def test_long_form_given_twice():
    text = (
        "The Syrian Democratic Forces (SDF) hold the east bank.\n\n"
        "Since 2019 the Syrian Democratic Forces (SDF) have run the councils.\n"
    )
    diagnostics = lint(text, select=REDEFINED)
    assert spans(diagnostics) == [(REDEFINED, "Syrian Democratic Forces (SDF)", ["SDF"])]
    assert diagnostics[0].start == text.index("Syrian", 10)
    assert diagnostics[0].fix is not None and diagnostics[0].fix.applicability.value == "unsafe"


def test_a_long_form_repeated_chapters_later_is_fine(tmp_path: Path):
    filler = "The councils met again and again. " * 40
    text = f"The Syrian Democratic Forces (SDF) hold the bank.\n\n{filler}\n\nThe Syrian Democratic Forces (SDF) won.\n"
    assert len(lint(text, select=REDEFINED)) == 1
    config = tmp_path / ".prose-lint.yaml"
    config.write_text(
        "rules:\n  names/acronym-redefined:\n    options: {within_words: 100}\n", encoding="utf-8"
    )
    assert lint(text, select=REDEFINED, config_path=config) == []


def test_a_dictionary_word_in_capitals_is_not_an_acronym_to_define():
    text = (
        "The Popular Mobilization Forces (PMF) hold the road. The FATAL flaw of the plan is SOMA, "
        "and the SDF never came.\n"
    )
    assert [d.text for d in lint(text, select="names/acronym-undefined")] == ["SDF"]


@pytest.mark.parametrize(("within", "flagged"), [(57, 1), (56, 0)])
def test_within_words_counts_the_words_between_the_two_acronyms(tmp_path: Path, within, flagged):
    # ") hold the bank." (4) + 48 words + "The Syrian Democratic Forces (" (5): 57 between the two
    filler = "The councils met again and again. " * 8
    text = f"The Syrian Democratic Forces (SDF) hold the bank.\n\n{filler}\n\nThe Syrian Democratic Forces (SDF) won.\n"
    config = tmp_path / ".prose-lint.yaml"
    config.write_text(
        f"rules:\n  names/acronym-redefined:\n    options: {{within_words: {within}}}\n", encoding="utf-8"
    )
    assert len(lint(text, select=REDEFINED, config_path=config)) == flagged
