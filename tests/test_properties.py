"""Property tests: any text, any Markdown, never a crash, every span exact."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prose_lint import regexcache
from prose_lint.analysis import Analysis
from prose_lint.api import lint_text
from prose_lint.config import load_config
from prose_lint.document import document_from_text
from prose_lint.regexcache import compile_regex

CONFIG = load_config(None)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    [
        "the",
        "The",
        "plan",
        "can not",
        "$ 400",
        "312",
        "families",
        "U.S.",
        "Dr.",
        "e.g.",
        "Qayyarah's",
        "’s",
        "-",
        "—",
    ]
)
MARKUP = st.sampled_from(
    [
        "\n\n",
        "\n",
        "\r\n",
        "\r",
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "```\n",
        "    ",
        "`",
        "*",
        "**",
        "_",
        "~~",
        "[",
        "](http://x.org)",
        "![",
        "<!-- prose-lint disable -->",
        "<!-- prose-lint enable -->",
        "<!-- prose-lint disable-next-line grammar -->",
        "<b>",
        "</b>",
        "&amp;",
        "\\*",
        "|",
        "| a | b |\n|---|---|\n",
        "[^1]",
        "[^1]: ",
        "---\n",
        "https://example.org/a_b",
        "\ufeff",
        "\t",
        " ",
    ]
)
MARKDOWNISH = st.lists(st.one_of(WORDS, MARKUP, st.text(max_size=5)), max_size=40).map(" ".join)


def assert_spans_exact(text: str, fmt: str) -> None:
    for diagnostic in lint_text(text, "draft.md" if fmt == "markdown" else "draft.txt", CONFIG, fmt=fmt):
        assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
        assert diagnostic.text == text[diagnostic.start : diagnostic.end]
        if diagnostic.fix:
            for edit in diagnostic.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text_as_markdown(text):
    assert_spans_exact(text, "markdown")


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text_as_plain_text(text):
    assert_spans_exact(text, "text")


@SETTINGS
@given(MARKDOWNISH)
def test_generated_markdown(text):
    assert_spans_exact(text, "markdown")


@SETTINGS
@given(MARKDOWNISH)
def test_prose_has_the_length_of_the_text_and_tokens_point_at_their_text(text):
    document = document_from_text(text)
    assert len(document.prose) == len(document.text)
    analysis = Analysis(document)
    for token in analysis.tokens:
        assert document.prose[token.start : token.end] == token.text
    for sentence in analysis.sentences:
        block = document.blocks[sentence.block]
        assert block.start <= sentence.start <= sentence.end <= block.end


PATTERNS = st.sampled_from(
    [
        (r"(?P<word>\b\w+)\s+(?P=word)\b", re.IGNORECASE),
        (r"(?<![\w'’-])(?:in\s+order\s+to|due\s+to(?:\s+the\s+fact\s+that)?)(?![\w'’-])", re.IGNORECASE),
        (r"(?m)^(?:[ \t]*>){2,}", 0),
        (r"[^\W\d_]+(?:['’][^\W\d_]+)?", 0),
        (r"(?P<n>\d+(?:[.,]\d+)*)\s*(?P<unit>%|percent)", 0),
    ]
)


@SETTINGS
@given(PATTERNS, st.text(max_size=200))
def test_cached_regexes_match_exactly_like_re_compile(entry, text):
    pattern, flags = entry
    cached = compile_regex(pattern, flags)
    fresh = re.compile(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
    assert [(m.span(), m.groupdict()) for m in cached.finditer(text)] == [
        (m.span(), m.groupdict()) for m in fresh.finditer(text)
    ]


def test_regex_cache_round_trips_through_its_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PROSE_LINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_dirty", False)
    pattern = r"(?<![\w'’-])(?:can\s+not)(?![\w'’-])"
    regexcache.compile_regex(pattern, re.IGNORECASE)
    regexcache._save()
    [saved] = tmp_path.glob("regex-*.marshal")
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_dirty", False)
    reloaded = regexcache.compile_regex(pattern, re.IGNORECASE)
    assert not regexcache._dirty  # served from the file, nothing new to write
    assert reloaded.search("We Can not go.").group() == "Can not"
    assert saved.stat().st_size > 0


def _fixed(text: str) -> str:
    from prose_lint.api import lint_source
    from prose_lint.fix import converge
    from prose_lint.source import Source

    result = lint_source(Source("draft.md", text, "markdown", raw=text.encode()), CONFIG)
    plan, _ = converge(result, False, lambda _, source: lint_source(source, CONFIG))
    return plan.new_text


FIXABLE = st.lists(
    st.one_of(
        st.sampled_from(
            ["the the", "The the", "$ 400", "€ 2,500", "can not", "can\nnot", "all of the sudden"]
        ),
        WORDS,
        MARKUP,
    ),
    max_size=30,
).map(" ".join)


@SETTINGS
@given(FIXABLE)
def test_fixing_twice_changes_nothing_the_second_time(text):
    once = _fixed(text)
    assert _fixed(once) == once
