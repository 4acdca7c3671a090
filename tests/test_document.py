"""The document model: what is prose, and offsets that point into the original file."""

from __future__ import annotations

import pytest
from conftest import lint

from prose_lint.document import CODE_MARK, document_from_text
from prose_lint.source import decode


def prose_words(text: str, fmt: str = "markdown") -> list[str]:
    document = document_from_text(text, fmt=fmt)
    assert len(document.prose) == len(document.text)
    return document.prose.replace(CODE_MARK, " ").split()


def test_fenced_and_indented_code_is_not_prose():
    text = "Intro teh line.\n\n```python\nteh = 1\n```\n\n    teh indented\n\nOutro.\n"
    assert prose_words(text) == ["Intro", "teh", "line.", "Outro."]


def test_inline_code_becomes_one_placeholder_so_words_around_it_are_not_joined():
    document = document_from_text("Use the `the` option.\n")
    assert document.prose.startswith("Use the " + CODE_MARK)
    assert lint("Use the `the` option.\n", select="grammar/repeated-word") == []


def test_html_tags_comments_and_urls_are_not_prose():
    text = "See <span class='x'>this</span> and https://example.org/the-the and <!-- note -->.\n"
    assert prose_words(text) == ["See", "this", "and", "and", "."]


def test_front_matter_is_not_prose():
    text = "---\ntitle: the the\n---\n\nBody text.\n"
    assert prose_words(text) == ["Body", "text."]


def test_link_text_is_prose_and_the_target_is_not():
    document = document_from_text("Read [the annual report](https://example.org/report.pdf) now.\n")
    assert document.prose.split() == ["Read", "the", "annual", "report", "now."]
    links = [i for i in document.inlines if i.kind == "link"]
    assert [link.target for link in links] == ["https://example.org/report.pdf"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("# The the heading\n", "heading"),
        ("- an item with the the slip\n", "list_item"),
        ("> a quote with the the slip\n", "paragraph"),
        ("| a | the the |\n|---|---|\n| b | c |\n", "table_cell"),
    ],
)
def test_headings_lists_quotes_and_table_cells_are_prose(text, kind):
    document = document_from_text(text)
    assert kind in {block.kind for block in document.blocks}
    found = lint(text, select="grammar/repeated-word")
    assert [d.text for d in found] == ["the the"] or [d.text for d in found] == ["The the"]


def test_block_quote_blocks_are_marked_quoted():
    document = document_from_text("> Quoted words here.\n\nPlain words.\n")
    assert [(b.kind, b.quoted) for b in document.blocks] == [("paragraph", True), ("paragraph", False)]


def test_emphasis_markers_are_masked_but_keep_offsets():
    text = "The **council** said *the* _plan_ failed.\n"
    document = document_from_text(text)
    assert document.prose.split() == ["The", "council", "said", "the", "plan", "failed."]


def test_escaped_markup_stays_literal_and_entities_decode():
    document = document_from_text("Tom \\*really\\* said AT&amp;T.\n")
    assert document.prose.split() == ["Tom", "*really*", "said", "AT&", "T."]


def test_footnote_definition_text_is_prose_and_reference_is_recorded():
    text = "A claim[^1].\n\n[^1]: The source of the the claim.\n"
    document = document_from_text(text)
    assert [i.kind for i in document.inlines] == ["footnote_ref"]
    assert "footnote" in {b.kind for b in document.blocks}
    assert [d.text for d in lint(text, select="grammar/repeated-word")] == ["the the"]


def test_plain_text_keeps_markdown_characters_as_prose():
    words = prose_words("A *starred* word and https://example.org/x link.\n", fmt="text")
    assert words == ["A", "*starred*", "word", "and", "link."]


def test_plain_text_paragraphs_and_titles_are_separate_blocks():
    document = document_from_text(
        "Water and Wheat\n\nFirst paragraph\ncontinues here.\n\n- one\n- two\n", fmt="text"
    )
    assert [b.kind for b in document.blocks] == ["heading", "paragraph", "list_item", "list_item"]


# --- offsets into the original file ----------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_columns_are_right_with_any_line_end(newline):
    text = newline.join(["# Title", "", "First line.", "The plan the the end."]) + newline
    [diagnostic] = lint(text, select="grammar/repeated-word")
    assert text[diagnostic.start : diagnostic.end] == "the the"
    document = document_from_text(text)
    assert document.position(diagnostic.start) == (4, 10)
    assert document.position(diagnostic.end) == (4, 17)


def test_utf8_bom_is_not_counted_in_columns():
    data = "\ufeffThe the plan.\n".encode()
    text, encoding, bom = decode("draft.md", data)
    assert (encoding, bom) == ("utf-8", True)
    [diagnostic] = lint(text, select="grammar/repeated-word")
    assert (diagnostic.start, diagnostic.text) == (0, "The the")
    assert document_from_text(text).position(diagnostic.start) == (1, 1)


def test_offsets_round_trip_inside_markdown_markup():
    text = "> - Item: the *council* said [the the plan](http://x.org) was **fine**.\n"
    [diagnostic] = lint(text, select="grammar/repeated-word")
    assert text[diagnostic.start : diagnostic.end] == diagnostic.text == "the the"


def test_columns_count_characters_not_bytes():
    text = "Ünïcödé façade: the the end.\n"
    [diagnostic] = lint(text, select="grammar/repeated-word")
    assert document_from_text(text).position(diagnostic.start) == (1, 17)


def test_repeated_word_across_a_line_break_is_one_span():
    text = "The councils said that the\nthe contracts are fine.\n"
    [diagnostic] = lint(text, select="grammar/repeated-word", fmt="text")
    assert diagnostic.text == "the\nthe"
    assert diagnostic.suggestions == ["the"]


def test_plain_text_urls_and_emails_are_not_prose():
    text = "Write to desk@example.org, see www.example.org/a and ftp://x.org/b (or https://y.org/c).\n"
    document = document_from_text(text, fmt="text")
    assert [(i.kind, i.target) for i in document.inlines] == [
        ("email", "desk@example.org"),
        ("url", "www.example.org/a"),
        ("url", "ftp://x.org/b"),
        ("url", "https://y.org/c"),
    ]
    assert document.prose.split() == ["Write", "to", ",", "see", "and", "(or", ")."]
