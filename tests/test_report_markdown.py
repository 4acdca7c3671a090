"""``--format markdown``: the summary a pull-request comment shows."""

from __future__ import annotations

from conftest import EXAMPLES, run_cli

from prose_lint.api import FileResult, lint_source
from prose_lint.config import load_config
from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.reporters import markdown_format
from prose_lint.source import Source

BRIEF = EXAMPLES / "southern-nineveh-brief.md"
WATER = EXAMPLES / "deir-ez-zor-water.txt"
SELECT = "--select=grammar/repeated-word,style/currency-space,style/nonstandard-form"


def test_summary_of_the_example_drafts():
    run = run_cli("check", "--format", "markdown", SELECT, str(BRIEF), str(WATER))
    lines = run.out.splitlines()
    assert lines[0] == "## prose-lint: 5 problems in 2 files"
    assert lines[2:6] == [
        "| Category | error | warning | info | Total |",
        "|---|---:|---:|---:|---:|",
        "| grammar | 0 | 2 | 0 | 2 |",
        "| style | 0 | 3 | 0 | 3 |",
    ]
    assert f"<details><summary><code>{BRIEF}</code>: 2 problems</summary>" in lines
    assert (
        '| 57:16 | warning | style/currency-space | Write "\\$75": no space between the currency symbol '
        "and the amount | \\$75 |"
    ) in lines
    assert run.status == 1


def test_clean_drafts_say_so(tmp_path):
    draft = tmp_path / "clean.md"
    draft.write_text("The council met on Monday.\n", encoding="utf-8")
    run = run_cli("check", "--format", "markdown", SELECT, str(draft))
    assert run.out == "## prose-lint: no problems found in 1 file\n"
    assert run.status == 0


def _result_with(messages: list[str]) -> FileResult:
    text = "word " * len(messages)
    result = lint_source(Source("notes.md", text, "markdown"), load_config(None))
    result.diagnostics = [
        Diagnostic("style/x", "style", Severity.WARNING, message, i * 5, i * 5 + 4, ["a|b"])
        for i, message in enumerate(messages)
    ]
    return result


def test_table_cells_escape_markdown():
    text = markdown_format.render([_result_with(["Use <b>|</b> *not* `this` [link](x)"])])
    assert "| Use \\<b\\>\\|\\</b\\> \\*not\\* \\`this\\` \\[link\\](x) | a\\|b |" in text


def test_rows_stop_at_the_limit_and_say_how_many_were_left_out(monkeypatch):
    monkeypatch.setattr(markdown_format, "MAX_ROWS", 3)
    text = markdown_format.render([_result_with([f"problem {n}" for n in range(5)])])
    assert "| problem 2 |" in text and "| problem 3 |" not in text
    assert "… and 2 more in this file (see the HTML or SARIF report)." in text
