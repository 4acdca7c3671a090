"""The planted figures of the example drafts (tests/fixtures/planted.yaml, `citations:`)."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, ROOT, lint

from prose_lint.yamlio import load_yaml, plain

PLANTED = plain(load_yaml(ROOT / "tests" / "fixtures" / "planted.yaml"))
DRAFTS = {"southern-nineveh-brief.md": "markdown", "deir-ez-zor-water.txt": "text"}


def _findings(name: str) -> list:
    return lint((EXAMPLES / name).read_text(encoding="utf-8"), select="citations", fmt=DRAFTS[name])


def _planted(kind: str) -> list[tuple[str, str]]:
    return [(name, text) for name in DRAFTS for text in PLANTED[name]["citations"].get(kind, [])]


@pytest.mark.parametrize(("name", "text"), _planted("uncited"))
def test_every_planted_uncited_figure_is_flagged_on_its_exact_span(name: str, text: str) -> None:
    flagged = [d.text for d in _findings(name) if d.rule == "citations/uncited-figure"]
    assert text in flagged


@pytest.mark.parametrize(("name", "text"), _planted("attributed"))
def test_no_attributed_figure_is_flagged(name: str, text: str) -> None:
    draft = (EXAMPLES / name).read_text(encoding="utf-8")
    start = draft.index(text)
    overlapping = [d for d in _findings(name) if d.start < start + len(text) and start < d.end]
    assert overlapping == []


@pytest.mark.parametrize(("name", "text"), _planted("vague"))
def test_every_planted_vague_source_is_flagged(name: str, text: str) -> None:
    flagged = [(d.text, d.severity.label) for d in _findings(name) if d.rule == "citations/vague-source"]
    assert (text, "info") in flagged


@pytest.mark.parametrize("name", DRAFTS)
def test_nothing_else_is_flagged_in_the_drafts(name: str) -> None:
    planted = PLANTED[name]["citations"]
    expected = sorted([*planted.get("uncited", []), *planted.get("vague", [])])
    assert sorted(d.text for d in _findings(name)) == expected


def test_the_message_names_the_figure_and_what_would_satisfy_the_rule() -> None:
    finding = next(d for d in _findings("southern-nineveh-brief.md") if d.text == "312 families")
    assert finding.message == (
        'Figure "312 families" has no source in its sentence or paragraph; '
        'add one ("according to ...", a citation [1], or a link)'
    )


def test_a_figure_over_a_line_break_is_named_on_one_line() -> None:
    finding = next(d for d in _findings("deir-ez-zor-water.txt") if d.text == "41\nmillimetres")
    assert finding.message.startswith('Figure "41 millimetres" has no source')


def test_the_table_without_a_source_line_is_one_finding() -> None:
    tables = [d for d in _findings("southern-nineveh-brief.md") if d.message.startswith("Table")]
    assert [(d.text, d.message) for d in tables] == [
        (
            "$30 million",
            'Table of 4 figures (from "$30 million") has no source; '
            'add a source line under it ("Source: ...") or cite one in its caption',
        )
    ]
