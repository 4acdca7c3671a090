"""spelling/real-word: real words where another was meant, judged by their neighbours."""

from __future__ import annotations

import pytest
from conftest import lint, spans

from prose_lint.checks.confusion import PatternError, parse_pattern

RULE = "spelling/real-word"


def realword(text: str, **kwargs) -> list[tuple[str, str, list[str]]]:
    return spans(lint(text, select=RULE, **kwargs))


@pytest.mark.parametrize(
    ("sentence", "written", "meant"),
    [
        ("The militants were steeling livestock from farms.", "steeling", "stealing"),
        ("Despite loosing the city, the brigade held the road.", "loosing", "losing"),
        ("A discrete inquiry was opened by the council.", "discrete", "discreet"),
        ("The budget will compliment the plan.", "compliment", "complement"),
        ("More then half of the families returned.", "then", "than"),
        ("Thanks, your welcome to join.", "your", "you're"),
        ("The council cut there budget again.", "there", "their"),
        ("The army was lead by a new commander.", "lead", "led"),
        ("The councils can breath new life into the network.", "breath", "breathe"),
        ("The drought will effect yields for years.", "effect", "affect"),
        ("The council's advise to farmers was ignored.", "advise", "advice"),
        ("Traders described an elicit trade in fuel.", "elicit", "illicit"),
        ("Their is no water in the canal.", "Their", "There"),
        ("It was a waist of money.", "waist", "waste"),
        ("Fighting could wreck havoc on the harvest.", "wreck", "wreak"),
        ("The funds were dispersed to the councils.", "dispersed", "disbursed"),
    ],
)
def test_written_word_is_flagged_with_the_meant_word(sentence, written, meant):
    assert realword(sentence) == [(RULE, written, [meant])]


@pytest.mark.parametrize(
    "sentence",
    [
        "The soldiers were steeling themselves for the assault.",
        "The steel plant reopened in March.",
        "A loose coalition of tribes held the road.",
        "Prices are discrete steps in the model, measured at discrete time intervals.",
        "He will compliment the chef on the meal.",
        "We met them there and then left.",
        "Lead poisoning is common near the old pipes.",
        "There is no water, and there were no pumps there.",
        "They lead the negotiations, and the talks were led by Norway.",
        "Take a deep breath.",
        "The effect on yields was severe, and the plan took effect in May.",
        "We advise farmers to plant barley; the advice was sound.",
        "The survey was designed to elicit a response from every household.",
        "Its browser is used by millions, and its share rose.",
        "A 45-year-old man from Leeds and a 92-year-old woman were detained.",
        "The protesters were dispersed by the police.",
    ],
)
def test_the_same_words_used_rightly_are_not_flagged(sentence):
    assert realword(sentence) == []


def test_message_names_both_words_and_the_fix_is_unsafe():
    (diagnostic,) = lint("Despite loosing the city, they stayed.", select=RULE)
    assert '"loosing"' in diagnostic.message and '"losing"' in diagnostic.message
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "unsafe"


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_slip():
    assert realword("The report by Lead Analytics was lead by example.") == [(RULE, "lead", ["led"])]


def test_a_house_pack_adds_entries_in_yaml(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "category: spelling\n"
        "description: House confusions.\n"
        "rules:\n"
        "  house-words:\n"
        "    kind: confusion\n"
        "    description: Our own confusables.\n"
        "    classes:\n"
        "      agency: [unhcr, iom, ocha]\n"
        "    confusions:\n"
        "      - forms: {council: counsel}\n"
        "        when: ['@agency _']\n",
        encoding="utf-8",
    )
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("packs: [spelling, house.yaml]\n", encoding="utf-8")
    found = spans(lint("The IOM council said so.", select="spelling/house-words", config_path=config))
    assert found == [("spelling/house-words", "council", ["counsel"])]


def test_a_broken_pattern_is_reported_at_its_line(tmp_path):
    from conftest import run_cli

    pack = tmp_path / "house.yaml"
    pack.write_text(
        "category: spelling\ndescription: x\nrules:\n  bad:\n    kind: confusion\n    description: x\n"
        "    confusions:\n      - forms: {a: b}\n        when: ['@nosuchclass _']\n",
        encoding="utf-8",
    )
    (tmp_path / "draft.md").write_text("Text.\n", encoding="utf-8")
    (tmp_path / ".prose-lint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "draft.md"))
    assert result.status == 2
    assert "house.yaml:8:" in result.err and "@nosuchclass" in result.err


def test_pattern_needs_exactly_one_written_word():
    with pytest.raises(PatternError):
        parse_pattern("more then")
    pattern = parse_pattern("@be|was _ by @determiner?")
    assert len(pattern.before) == 1 and len(pattern.after) == 2 and pattern.after[1].optional


def test_the_pack_has_at_least_150_confusion_groups():
    from prose_lint.config import load_config

    rule = load_config(None).registry.rules[RULE]
    groups = {frozenset({w, *meant}) for w, forms in rule.forms.items() for _, meant in forms}
    pairs = {frozenset((w.split()[0][:4], m.split()[0][:4])) for g in groups for w in g for m in g if w != m}
    assert len(rule.spec["confusions"]) >= 150
    assert len(pairs) >= 150


@pytest.mark.parametrize(
    ("sentence", "written", "meant"),
    [
        ("THEIR is no water in the canal.", "THEIR", "There"),
        ("The farmer who’s house burned left.", "who’s", "whose"),
        ("The council cut there budget again.\n\nThe council cut there budget.", "there", "their"),
    ],
)
def test_case_and_curly_apostrophes_do_not_hide_a_slip(sentence, written, meant):
    # The candidate scan reads the prose lower-cased, with one kind of apostrophe.
    found = realword(sentence)
    assert found and all(hit == (RULE, written, [meant]) for hit in found)


def test_prose_that_lower_cases_unevenly_is_still_checked_at_the_right_offsets():
    # "İ" lower-cases to two characters: the scan then reads the prose as written.
    text = "İstanbul: more then half of the families returned; their is no water."
    diagnostics = lint(text, select=RULE)
    assert [(d.start, d.end, d.suggestions) for d in diagnostics] == [
        (text.index("then"), text.index("then") + 4, ["than"]),
        (text.index("their"), text.index("their") + 5, ["there"]),
    ]


def test_the_word_before_is_read_within_its_sentence_window_only():
    # "was lead by" needs the word before; a long URL-like token before it must not break that.
    assert realword("The army was lead by a new commander, an" + "x" * 50 + " lead by none.") == [
        (RULE, "lead", ["led"])
    ]
