"""Every planted spelling error in examples/ is caught with the right suggestion, and nothing else."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, ROOT, lint
from ruamel.yaml import YAML

PLANTED = YAML(typ="safe").load((ROOT / "tests/fixtures/planted.yaml").read_text(encoding="utf-8"))


def planted(name: str) -> list[dict]:
    return PLANTED[name]["spelling"]


def spelling_findings(name: str):
    path = EXAMPLES / name
    fmt = "markdown" if path.suffix == ".md" else "text"
    text = path.read_text(encoding="utf-8")
    return text, lint(text, select="spelling", fmt=fmt)


def expected_span(text: str, entry: dict) -> tuple[int, int]:
    if "context" in entry:
        at = text.index(entry["context"]) + entry["context"].index(entry["text"])
    else:
        at = text.index(entry["text"])
    return at, at + len(entry["text"])


@pytest.mark.parametrize("name", ["southern-nineveh-brief.md", "deir-ez-zor-water.txt"])
def test_every_planted_spelling_error_is_caught_and_nothing_else(name):
    text, found = spelling_findings(name)
    got = {(d.rule, d.start, d.end, d.suggestions[0]) for d in found}
    want = {(e["rule"], *expected_span(text, e), e["suggestion"]) for e in planted(name)}
    assert got == want


@pytest.mark.parametrize("name", ["southern-nineveh-brief.md", "deir-ez-zor-water.txt"])
def test_names_in_the_drafts_are_not_flagged(name):
    _, found = spelling_findings(name)
    flagged = {d.text for d in found}
    for place in ("Qayyarah", "Makhmour", "al-Jubouri", "Hasakah", "al-Busayrah", "Qayara", "Raqqa"):
        assert place not in flagged
