"""The progress bar: on a terminal's standard error when many drafts are linted, never elsewhere."""

from __future__ import annotations

import io
import re

from conftest import run_cli

from prose_lint.api import lint_paths
from prose_lint.progress import MIN_FILES, with_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def drafts(tmp_path, count: int):
    folder = tmp_path / "reports"
    folder.mkdir()
    for number in range(count):
        (folder / f"report-{number:02}.md").write_text(f"Report {number} is clean.\n", encoding="utf-8")
    return folder


def test_bar_counts_every_draft_on_a_terminal(tmp_path):
    folder = drafts(tmp_path, MIN_FILES + 2)
    terminal = Terminal()
    results = list(with_progress(lint_paths([str(folder)]), [str(folder)], None, terminal))
    assert len(results) == MIN_FILES + 2
    drawn = terminal.getvalue()
    assert "Linting" in drawn
    assert re.search(rf"\b\d+/{MIN_FILES + 2}\b", drawn), "the bar shows done/total"
    assert drawn.endswith("\x1b[2K"), "the bar is erased when the work is done"


def test_no_bar_for_a_few_drafts(tmp_path):
    folder = drafts(tmp_path, MIN_FILES - 1)
    terminal = Terminal()
    list(with_progress(lint_paths([str(folder)]), [str(folder)], None, terminal))
    assert terminal.getvalue() == ""


def test_no_bar_when_standard_error_is_not_a_terminal(tmp_path):
    folder = drafts(tmp_path, MIN_FILES + 2)
    run = run_cli("check", str(folder))
    assert run.err == ""
    assert run.out == f"No problems found in {MIN_FILES + 2} files.\n"
