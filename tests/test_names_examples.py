"""The example drafts: every planted names problem is flagged, and nothing else of the family."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, lint, run_cli
from ruamel.yaml import YAML

from prose_lint.diagnostic import Diagnostic

PLANTED = YAML(typ="safe").load((ROOT / "tests" / "fixtures" / "planted.yaml").read_text(encoding="utf-8"))
DRAFTS = ["southern-nineveh-brief.md", "deir-ez-zor-water.txt"]

# Findings of the family beyond the planted ones, by design: under the default
# en-US dialect every British spelling is reported once (docs/names.md).
EXPECTED_EXTRA = {
    "southern-nineveh-brief.md": [("names/dialect-mix", "stabilisation", ["stabilization"])],
    "deir-ez-zor-water.txt": [
        ("names/dialect-mix", "millimetres", ["millimeters"]),
        ("names/dialect-mix", "licence", ["license"]),
        ("names/dialect-mix", "subsidised", ["subsidized"]),
    ],
}


def lint_draft(name: str) -> tuple[str, list[Diagnostic]]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    return text, lint(text, select="names", fmt="markdown" if name.endswith(".md") else "text")


def planted_span(text: str, entry: dict) -> tuple[int, int]:
    """Where the planted problem is: its text, inside its context when one is given."""
    if "context" in entry:
        base = text.index(entry["context"])
        start = text.index(entry["text"], base)
    else:
        start = -1
        for _ in range(entry.get("occurrence", 1)):
            start = text.index(entry["text"], start + 1)
    return start, start + len(entry["text"])


@pytest.mark.parametrize("draft", DRAFTS)
def test_every_planted_name_problem_is_flagged_with_its_suggestion(draft):
    text, diagnostics = lint_draft(draft)
    found = {(d.rule, d.start, d.end): d for d in diagnostics}
    for entry in PLANTED[draft]["names"]:
        start, end = planted_span(text, entry)
        diagnostic = found.get((entry["rule"], start, end))
        assert diagnostic is not None, f"{draft}: {entry} not flagged"
        if "suggestion" in entry:
            assert diagnostic.suggestions[:1] == [entry["suggestion"]], entry


@pytest.mark.parametrize("draft", DRAFTS)
def test_no_other_name_findings_in_the_drafts(draft):
    text, diagnostics = lint_draft(draft)
    planted = {(entry["rule"], *planted_span(text, entry)) for entry in PLANTED[draft]["names"]}
    others = [(d.rule, d.text, d.suggestions) for d in diagnostics if (d.rule, d.start, d.end) not in planted]
    assert others == EXPECTED_EXTRA[draft]


def test_check_command_reports_the_names_and_fails(tmp_path: Path):
    draft = tmp_path / "brief.md"
    draft.write_text("Qayyarah is calm. Qayyarah is poor. In Qayara the school reopened.\n", encoding="utf-8")
    result = run_cli("check", "--select", "names", "--no-color", "--quiet", str(draft))
    assert result.status == 1
    assert 'names/inconsistent  Write "Qayyarah" (written twice in this document), not "Qayara"' in result.out
    clean = tmp_path / "clean.md"
    clean.write_text("Qayyarah is calm. Qayyarah is poor.\n", encoding="utf-8")
    assert run_cli("check", "--select", "names", "--quiet", str(clean)).status == 0
