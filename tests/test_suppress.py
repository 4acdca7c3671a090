"""Inline suppression comments in drafts."""

from __future__ import annotations

from conftest import lint


def rules(text: str, fmt: str = "markdown") -> list[tuple[str, str]]:
    return [(d.rule, d.text) for d in lint(text, fmt=fmt)]


def test_disable_and_enable_a_rule_for_a_region():
    text = (
        "The the first.\n\n"
        "<!-- prose-lint disable grammar/repeated-word -->\n\n"
        "The the second.\n\n"
        "<!-- prose-lint enable -->\n\n"
        "The the third.\n"
    )
    found = lint(text)
    assert [(d.rule, text[: d.start].count("\n") + 1) for d in found] == [
        ("grammar/repeated-word", 1),
        ("grammar/repeated-word", 9),
    ]


def test_disable_a_whole_category_until_the_end():
    text = "<!-- prose-lint disable style -->\n\nThe the plan failed and we can not pay.\n"
    assert rules(text) == [("grammar/repeated-word", "The the")]


def test_disable_next_line_only_covers_the_next_line():
    text = (
        "<!-- prose-lint disable-next-line grammar/repeated-word, style/nonstandard-form -->\n"
        "The the plan can not work.\n"
        "The the plan can not work.\n"
    )
    found = lint(text)
    assert [(d.rule, d.text) for d in found] == [
        ("grammar/repeated-word", "The the"),
        ("style/nonstandard-form", "can not"),
    ]
    assert all(text[: d.start].count("\n") == 2 for d in found)


def test_disable_without_rules_silences_everything():
    text = "<!-- prose-lint disable -->\nThe the plan can not work and cost $ 400.\n"
    assert rules(text) == []


def test_unknown_rule_in_a_comment_is_reported():
    text = "<!-- prose-lint disable grammar/no-such-rule -->\nThe plan.\n"
    found = lint(text)
    assert [(d.rule, d.text) for d in found] == [
        ("style/unknown-rule-in-comment", "<!-- prose-lint disable grammar/no-such-rule -->")
    ]
    assert found[0].message.startswith("Unknown rule or category 'grammar/no-such-rule'")


def test_a_suppression_that_silenced_nothing_is_reported():
    text = "<!-- prose-lint disable-next-line grammar/repeated-word -->\nThe plan is fine.\n"
    [found] = lint(text)
    assert (found.rule, found.severity.label) == ("style/unused-suppression", "info")


def test_a_comment_inside_a_code_block_is_not_a_directive():
    text = "```\n<!-- prose-lint disable -->\n```\n\nThe the plan.\n"
    assert rules(text) == [("grammar/repeated-word", "The the")]


def test_directives_also_work_in_plain_text():
    text = "<!-- prose-lint disable-next-line grammar -->\nThe the plan.\n"
    assert rules(text, fmt="text") == []


def test_inline_directive_inside_a_paragraph():
    text = "Intro <!-- prose-lint disable grammar --> the the rest.\n"
    assert rules(text) == []
