"""names/inconsistent: one name, one spelling in a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, spans

RULE = "names/inconsistent"


def flagged(text: str, config_path: Path | None = None) -> list[tuple[str, str, list[str]]]:
    return spans(lint(text, select=RULE, config_path=config_path))


def test_transliteration_variant_takes_the_majority_spelling():
    text = (
        "Families returned to Qayyarah in May. The council of Qayyarah met in June.\n\n"
        "Returnees in Qayara said the school had reopened, and Qayyarah police agreed.\n"
    )
    assert flagged(text) == [(RULE, "Qayara", ["Qayyarah"])]


@pytest.mark.parametrize(
    ("usual", "variant", "span", "suggestion"),
    [
        ("Fallujah", "Falluja", "Falluja", "Fallujah"),
        ("Qaddafi", "Gaddafi", "Gaddafi", "Qaddafi"),
        ("al-Maliki", "Al Maliki", "Al Maliki", "al-Maliki"),
        ("al-Maliki", "Al-Maliki", "Al-Maliki", "al-Maliki"),
        ("Deir ez-Zor", "Deir Ezzor", "Deir Ezzor", "Deir ez-Zor"),
        # only the article differs: the span is the article and its name
        ("Deir ez-Zor", "Deir el-Zor", "el-Zor", "ez-Zor"),
        ("Kirkuk", "Kerkuk", "Kerkuk", "Kirkuk"),
    ],
)
def test_each_listed_alternation_is_one_name(usual, variant, span, suggestion):
    text = (
        f"Officials in the district said that {usual} was calm. Traders from {usual} "
        f"disagreed, and a report on {usual} was published. A convoy left {variant} at dawn.\n"
    )
    diagnostics = lint(text, select=RULE)
    assert spans(diagnostics) == [(RULE, span, [suggestion])]
    assert f'Write "{usual}"' in diagnostics[0].message and f'not "{variant}"' in diagnostics[0].message


def test_every_use_of_a_minority_spelling_is_flagged():
    text = "We met Fallujah elders. Fallujah is calm. Fallujah is poor. Fallujah again.\n"
    text += "Trucks reached Falluja on Monday and left Falluja on Friday.\n"
    assert flagged(text) == [(RULE, "Falluja", ["Fallujah"]), (RULE, "Falluja", ["Fallujah"])]


def test_a_tie_goes_to_the_spelling_used_first():
    text = "Sheikh Khalid al-Jubouri mediates. A second elder, Khalid Al Jubouri, agreed.\n"
    assert flagged(text) == [(RULE, "Al Jubouri", ["al-Jubouri"])]


def test_close_real_names_are_kept_apart():
    text = (
        "Iran and Iraq signed a deal. Iraq will export oil to Iran. The Mosel flows past "
        "Koblenz; Mosul lies on the Tigris; Mosul is large. Ali met Alia, and Ali left.\n"
    )
    assert flagged(text) == []


def test_a_capital_that_starts_a_sentence_is_not_a_spelling():
    text = "Voters backed al-Maliki in May. Al-Maliki then formed a cabinet with al-Maliki allies.\n"
    assert flagged(text) == []


def test_titles_are_not_part_of_the_name():
    text = "Sheikh Khalid al-Jubouri spoke first. Later Khalid al-Jubouri spoke again.\n"
    text += "President Sharaa met Sharaa loyalists.\n"
    assert flagged(text) == []


def test_a_sentence_word_that_looks_like_a_name_is_not_merged():
    text = "Saeed Jalili arrived. Saeed Jalili left. Said the guard: nobody saw Saeed. Said the other: he said so.\n"
    assert flagged(text) == []


def test_two_established_spellings_are_left_alone():
    text = " ".join(["Fallujah is calm."] * 3 + ["Falluja is calm."] * 3) + "\n"
    assert flagged(text) == []


def test_a_close_spelling_is_merged_only_when_rare():
    text = " ".join(["Kirkuk is calm."] * 2 + ["Kerkuk is calm."] * 2) + "\n"
    assert flagged(text) == []


def test_gendered_endings_and_plurals_are_not_variants():
    text = (
        "Caroline spoke to Caroline Smith. Caroline left. Carolina stayed. Indian troops "
        "and Indian police met in Indiana. Bosnia and Bosnian officials agreed.\n"
    )
    assert flagged(text) == []


def test_code_and_urls_are_not_read():
    text = "Qayyarah is calm. Qayyarah is poor. See `Qayara` and https://example.org/Qayara.\n"
    assert flagged(text) == []


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / ".prose-lint.yaml"
    path.write_text(body, encoding="utf-8")
    return path


HOUSE = """names:
  canonical:
    Deir ez-Zor: [Deir Ezzor, Dayr az-Zawr, Deir el-Zor]
    Samarra: [Samara]
"""


def test_house_spelling_wins_over_the_majority(tmp_path):
    text = "Deir Ezzor is dry. Deir Ezzor is poor. In Dayr az-Zawr the pumps failed.\n"
    assert flagged(text, _config(tmp_path, HOUSE)) == [
        (RULE, "Deir Ezzor", ["Deir ez-Zor"]),
        (RULE, "Deir Ezzor", ["Deir ez-Zor"]),
        (RULE, "Dayr az-Zawr", ["Deir ez-Zor"]),
    ]


def test_a_listed_variant_is_flagged_even_once(tmp_path):
    text = "The shrine in Samara reopened.\n"
    diagnostics = lint(text, select=RULE, config_path=_config(tmp_path, HOUSE))
    assert spans(diagnostics) == [(RULE, "Samara", ["Samarra"])]
    assert "house spelling" in diagnostics[0].message
    assert diagnostics[0].fix is not None and diagnostics[0].fix.applicability.value == "safe"


def test_house_spelling_itself_and_unlisted_names_are_quiet(tmp_path):
    text = "Samarra is north of Baghdad. Deir ez-Zor is east. Tikrit lies between.\n"
    assert flagged(text, _config(tmp_path, HOUSE)) == []


def test_names_kept_apart_by_the_config(tmp_path):
    text = "Kirkuk is calm. Kirkuk is large. Kirkuk is old. Kerkuk is a village.\n"
    assert flagged(text) == [(RULE, "Kerkuk", ["Kirkuk"])]
    config = _config(tmp_path, "names:\n  distinct:\n    - [Kirkuk, Kerkuk]\n")
    assert flagged(text, config) == []


def test_majority_fix_is_unsafe_and_replaces_the_span():
    text = "Qayyarah is calm. Qayyarah is poor. Qayara is far.\n"
    (diagnostic,) = lint(text, select=RULE)
    assert diagnostic.fix is not None
    assert diagnostic.fix.applicability.value == "unsafe"
    (edit,) = diagnostic.fix.edits
    assert text[edit.start : edit.end] == "Qayara" and edit.replacement == "Qayyarah"


def test_a_name_after_a_word_that_starts_a_sentence_is_read_on_its_own():
    text = (
        "Families returned to Qayyarah in May. In Qayyarah, the school reopened. "
        "The Qayyarah council met. It's Qayara that flooded, and Qayyarah's mayor agreed.\n"
    )
    assert flagged(text) == [(RULE, "Qayara", ["Qayyarah"])]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\n"])
def test_a_particle_after_a_word_that_starts_a_sentence_stays_with_its_name(space):
    text = (
        f"Charles de Gaulle spoke. The de{space}Gaulle era began, and de Gaulle ruled. "
        f"Then de{space}Gaule resigned.\n"
    )
    assert flagged(text) == [(RULE, f"de{space}Gaule", ["de Gaulle"])]
