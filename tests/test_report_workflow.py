"""The example GitHub workflow: every prose-lint command in it runs and leaves the files the later steps upload."""

from __future__ import annotations

import json
import re
import shlex

from conftest import EXAMPLES, ROOT, run_cli

from prose_lint.yamlio import load_yaml, plain

WORKFLOW = ROOT / "examples" / "ci" / "github-workflow.yml"


def steps() -> list[dict]:
    workflow = plain(load_yaml(WORKFLOW))
    return workflow["jobs"]["drafts"]["steps"]


def prose_lint_commands() -> list[list[str]]:
    """Each ``prose-lint ...`` line of the run steps, as arguments, with the drafts and redirections taken out."""
    commands = []
    for step in steps():
        for line in step.get("run", "").splitlines():
            line = line.strip()
            if line.startswith("prose-lint "):
                line = re.sub(r"\s*(> /dev/null|\|\| true)", "", line)
                args = shlex.split(line)[1:]
                commands.append([arg for arg in args if arg != "${drafts[@]}"])
    return commands


def test_workflow_uploads_what_its_commands_write():
    commands = prose_lint_commands()
    assert [c[:3] for c in commands] == [
        ["check", "--format", "sarif"],
        ["check", "--format", "html"],
        ["check", "--format", "github"],
    ]
    uploads = {step["uses"].split("@")[0]: step["with"] for step in steps() if "uses" in step}
    assert uploads["github/codeql-action/upload-sarif"]["sarif_file"] == "prose-lint.sarif"
    assert uploads["actions/upload-artifact"]["path"] == "prose-lint-report.html"
    written = [c[c.index("--output") + 1] for c in commands if "--output" in c]
    assert written == ["prose-lint.sarif", "prose-lint-report.html"]


def test_workflow_commands_run_on_the_example_drafts(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    drafts = [str(EXAMPLES / "southern-nineveh-brief.md"), str(EXAMPLES / "deir-ez-zor-water.txt")]
    runs = [run_cli(*command, *drafts, cwd=tmp_path) for command in prose_lint_commands()]
    assert [run.status for run in runs] == [1, 1, 1], [run.err for run in runs]
    sarif = json.loads((tmp_path / "prose-lint.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert (tmp_path / "prose-lint-report.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert "::warning file=examples/southern-nineveh-brief.md,line=27,col=1," in runs[2].out
    assert summary.read_text(encoding="utf-8").startswith("## prose-lint: ")
