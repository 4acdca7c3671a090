"""The built-in grammar rules: each on the sentence that triggers it, and on near-misses."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, ROOT, lint, run_cli, spans

from prose_lint.yamlio import load_yaml, plain

PLANTED = plain(load_yaml(ROOT / "tests" / "fixtures" / "planted.yaml"))


def grammar(text: str, fmt: str = "markdown") -> list[tuple[str, str, list[str]]]:
    return spans(lint(text, select="grammar", fmt=fmt))


# --- Perfect tenses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged", "suggestion"),
    [
        ("Since the clashes it hasn't leave the district.", "leave", "left"),
        ("The administration had not finish its review by October.", "finish", "finished"),
        ("The council has took the money.", "took", "taken"),
        ("We have wrote to the minister twice.", "wrote", "written"),
        ("The council hasn't return to its offices since 2024.", "return", "returned"),
        ("Exports have grew sharply this year.", "grew", "grown"),
        ("The ministry has never decide on the matter.", "decide", "decided"),
        ("Officials had already began the count.", "began", "begun"),
    ],
)
def test_perfect_tense_suggests_the_participle(sentence: str, flagged: str, suggestion: str) -> None:
    assert grammar(sentence) == [("grammar/perfect-tense", flagged, [suggestion])]


@pytest.mark.parametrize(
    "sentence",
    [
        "We have access to the camps.",  # a noun that is also a verb
        "They had lunch the next day.",  # a time phrase after a bare noun
        "The council has come to an agreement.",  # base form equals the participle
        "All we had went on food and fuel.",  # "had" closes a relative clause
        "The tools we have include sanctions.",
        "You had better leave now.",
        "The army has got new orders.",
        "She had leave the following week.",
        "Farmers have water the whole year.",
    ],
)
def test_perfect_tense_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


def test_perfect_tense_fix_needs_a_human() -> None:
    [diagnostic] = lint("The ban has took effect.", select="grammar/perfect-tense")
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "unsafe"


# --- Agreement ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged", "suggestion"),
    [
        ("Residents said we was never consulted.", "was", "were"),
        ("She said they was told to leave.", "was", "were"),
        ("One farmer told us that she were forced to sell.", "were", "was"),
        ("The contractor doesn't needs a licence.", "needs", "need"),
        ("The council did not wants to comment.", "wants", "want"),
        ("When he have the money, he pays.", "have", "has"),
        ("They has no licence.", "has", "have"),
        ("Because it don't work, they stopped.", "don't", "doesn't"),
        ("Officials say you was told in March.", "was", "were"),
    ],
)
def test_agreement_with_pronoun_subjects(sentence: str, flagged: str, suggestion: str) -> None:
    assert grammar(sentence) == [("grammar/agreement", flagged, [suggestion])]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry have refused to comment.",  # a collective noun: fine in en-GB
        "If she were in charge, the posts would reopen.",  # subjunctive
        "I wish he were here.",
        "The plan is, as it were, a truce.",
        "The board insisted that he have access to the files.",  # mandative subjunctive
        "Does she have a licence?",
        "Could he have known?",
        "The book I gave you was lost.",  # "you" is an object here
        "Why don't prices fall?",
        "Do results matter?",
    ],
)
def test_agreement_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


def test_agreement_keeps_a_curly_apostrophe() -> None:
    assert grammar("Because it don’t work, they stopped.") == [("grammar/agreement", "don’t", ["doesn’t"])]


# --- a / an ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged", "suggestion"),
    [
        ("A estimated 86 raids were recorded.", "A", "An"),
        ("An significant share is tied to audits.", "An", "A"),
        ("It took a hour to cross.", "a", "an"),
        ("She is an university lecturer.", "an", "a"),
        ("It was a unusual step.", "a", "an"),
        ("He met an European delegation.", "an", "a"),
        ("They hired a NGO to monitor it.", "a", "an"),
        ("It was an one-off payment.", "an", "a"),
    ],
)
def test_article_follows_the_sound(sentence: str, flagged: str, suggestion: str) -> None:
    assert grammar(sentence) == [("grammar/article", flagged, [suggestion])]


@pytest.mark.parametrize(
    "sentence",
    [
        "It took an hour and a university degree.",
        "It was an honest mistake, a one-off and a European first.",
        "It was a historic and an historic day.",  # both in use
        "A UN official and an MP met a NATO envoy.",
        "Grade A eggs and Vitamin A intake rose.",  # a label, not an article
        "The Jabhat an Nusra front withdrew.",  # part of a name
        "We counted a 18 per cent rise.",  # numbers are left alone
    ],
)
def test_article_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


def test_article_fix_is_safe_and_applied_to_the_article_only() -> None:
    [diagnostic] = lint("Donors sent a estimated $5m.", select="grammar/article")
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "safe"
    [edit] = diagnostic.fix.edits
    assert (edit.start, edit.end, edit.replacement) == (12, 13, "an")


# --- Modals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rule", "flagged", "suggestion"),
    [
        ("The funds could of reached more villages.", "grammar/modal-of", "could of", "could have"),
        ("They should of known.", "grammar/modal-of", "should of", "should have"),
        ("It wouldn't of mattered.", "grammar/modal-of", "wouldn't of", "wouldn't have"),
        ("The work must to be finished by June.", "grammar/modal-to", "must to", "must"),
        ("Officials said they can to help.", "grammar/modal-to", "can to", "can"),
    ],
)
def test_modals(sentence: str, rule: str, flagged: str, suggestion: str) -> None:
    assert grammar(sentence) == [(rule, flagged, [suggestion])]


@pytest.mark.parametrize(
    "sentence",
    [
        "It would, of course, take longer.",
        "It would of course take longer.",  # "of course", not a participle
        "The might of the army was plain.",
        "We will do all we can to help.",  # "can" stands for "can do"
        "They did what they could to stop it.",
        "Staff ought to leave and have to register.",
        "The will to fight remained.",
    ],
)
def test_modal_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


# --- Capital after a comma, stray pronoun --------------------------------------------


def test_capital_after_comma_is_flagged_with_a_lower_case_suggestion() -> None:
    assert grammar("The plan was approved, However the money never came.") == [
        ("grammar/capital-after-comma", "However", ["however"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We met in Paris, The Hague and Brussels.",  # a name
        "He cited her report, But Not for Us, twice.",  # a title
        'He said, "However hard we try, it fails."',  # a quotation
        "Hi Sam, It has been a long time.",  # a letter's salutation
        "## Costs, However Counted\n\nText.",  # a heading
        "| Costs, However | Sum |\n|---|---|\n| 1 | 2 |",  # a table
        "Smith, J. (2024). Water, Wheat and War.",  # not a common word
    ],
)
def test_capital_after_comma_near_misses(text: str) -> None:
    assert grammar(text) == []


def test_stray_pronoun_is_deleted_with_its_space() -> None:
    [diagnostic] = lint("They are warning that it the army is not paying.", select="grammar/stray-pronoun")
    assert (diagnostic.rule, diagnostic.text, diagnostic.suggestions) == ("grammar/stray-pronoun", "it", [""])
    [edit] = diagnostic.fix.edits
    assert "They are warning that it the army"[edit.start : edit.end] == "it "
    assert edit.replacement == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "The council made it the capital.",
        "They consider it a priority.",
        "We know that it, the army, is not paying.",
    ],
)
def test_stray_pronoun_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


# --- Quotations, lists, plain text -------------------------------------------------


def test_quotations_are_not_corrected() -> None:
    text = 'A farmer told us: "We was robbed, and the council have took it all."\n'
    assert grammar(text) == []
    assert grammar("> We was never told.\n") == []


def test_list_items_and_plain_text_are_checked() -> None:
    assert grammar("- we was never consulted\n- it was fine\n") == [("grammar/agreement", "was", ["were"])]
    assert grammar("Residents said we was\nnever consulted.\n", fmt="text") == [
        ("grammar/agreement", "was", ["were"])
    ]


def test_a_pattern_never_joins_two_list_items() -> None:
    assert grammar("- things we\n- was told\n") == []


def test_code_is_not_prose() -> None:
    assert grammar("Run `we was` or:\n\n```\nthey has took it\n```\n") == []


# --- Repeated words ----------------------------------------------------------------


def test_repeated_word_across_a_line_break() -> None:
    text = "A fund managed by the councils and audited by a third party, so that the\nthe contracts can be renewed."
    assert grammar(text, fmt="text") == [("grammar/repeated-word", "the\nthe", ["the"])]


@pytest.mark.parametrize(
    "sentence", ["Chart stars Duran Duran are back.", "He had had enough.", "the the-ory"]
)
def test_repeated_word_near_misses(sentence: str) -> None:
    assert grammar(sentence) == []


# --- The planted problems in the example drafts -------------------------------------


def _planted_span(text: str, entry: dict) -> tuple[int, int]:
    base = 0
    if "context" in entry:
        base = text.index(entry["context"])
        start = text.index(entry["text"], base)
    else:
        start = text.index(entry["text"])
    return start, start + len(entry["text"])


@pytest.mark.parametrize(
    ("draft", "entry"),
    [(name, entry) for name, families in PLANTED.items() for entry in families.get("grammar", [])],
    ids=lambda value: (
        value if isinstance(value, str) else f"{value['rule']}:{value.get('context', value['text'])}"
    ),
)
def test_planted_grammar_problem_is_found(draft: str, entry: dict) -> None:
    path = EXAMPLES / draft
    text = path.read_text(encoding="utf-8")
    fmt = "markdown" if path.suffix == ".md" else "text"
    found = {(d.rule, d.start, d.end): d for d in lint(text, select="grammar", fmt=fmt)}
    start, end = _planted_span(text, entry)
    diagnostic = found.get((entry["rule"], start, end))
    assert diagnostic is not None, f"{entry} not found; found {[(k, v.text) for k, v in found.items()]}"
    if "suggestion" in entry:
        assert diagnostic.suggestions[0] == entry["suggestion"]


@pytest.mark.parametrize("draft", sorted(PLANTED))
def test_drafts_have_no_other_grammar_findings(draft: str) -> None:
    path = EXAMPLES / draft
    text = path.read_text(encoding="utf-8")
    fmt = "markdown" if path.suffix == ".md" else "text"
    planted = {(e["rule"], *_planted_span(text, e)) for e in PLANTED[draft].get("grammar", [])}
    found = {(d.rule, d.start, d.end) for d in lint(text, select="grammar", fmt=fmt)}
    assert found == planted


def test_cli_exit_status_and_report_for_a_grammar_slip(tmp_path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Residents said we was never consulted.\n", encoding="utf-8")
    run = run_cli("check", str(draft), "--select", "grammar", "--no-color", "--quiet")
    assert run.status == 1
    assert "draft.md:1:19" in run.out and "grammar/agreement" in run.out
