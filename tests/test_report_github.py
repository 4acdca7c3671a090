"""``--format github``: workflow-command annotations, and the job summary in ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import subprocess

from conftest import EXAMPLES, ROOT, run_cli

from prose_lint.reporters.github import escape_data, escape_property

BRIEF = EXAMPLES / "southern-nineveh-brief.md"
WATER = EXAMPLES / "deir-ez-zor-water.txt"
SELECT = "--select=grammar/repeated-word,style/currency-space,style/nonstandard-form,style/wordy-phrase"


def test_one_annotation_per_finding_with_position_title_and_suggestion(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    run = run_cli("check", "--format", "github", SELECT, str(BRIEF), str(WATER))
    lines = run.out.splitlines()
    assert (
        "::warning file=examples/southern-nineveh-brief.md,line=57,col=16,endLine=57,endColumn=20,"
        'title=style/currency-space::Write "$75": no space between the currency symbol and the amount '
        '(suggestion: "$75")'
    ) in lines
    assert (
        "::warning file=examples/deir-ez-zor-water.txt,line=64,col=63,endLine=65,endColumn=4,"
        'title=grammar/repeated-word::Repeated word "the" (suggestion: "the")'
    ) in lines
    assert sum(line.startswith("::") for line in lines) == 5
    assert lines[-1] == "Found 5 problems (5 warnings) in 2 files."
    assert run.status == 1


def test_info_findings_are_notices(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    draft = tmp_path / "draft.md"
    draft.write_text("The mission deployed in order to monitor the ceasefire.\n", encoding="utf-8")
    run = run_cli("check", "--format", "github", SELECT, str(draft))
    assert run.out.splitlines()[0].startswith("::notice file=")
    assert ",title=style/wordy-phrase::Wordy" in run.out


def test_unreadable_file_is_an_error_annotation(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    run = run_cli("check", "--format", "github", str(ROOT / "gone.md"))
    assert run.out.splitlines()[0] == f"::error file=gone.md::{ROOT / 'gone.md'}: no such file or directory"
    assert run.status == 2


def test_escaping_follows_the_runner():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("notes, draft: v2.md") == "notes%2C draft%3A v2.md"


def test_paths_with_commas_and_colons_are_escaped(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "Mosul, draft: 2.md").write_text("The the council met.\n", encoding="utf-8")
    run = run_cli("check", "--format", "github", "Mosul, draft: 2.md", cwd=tmp_path)
    assert run.out.startswith("::warning file=Mosul%2C draft%3A 2.md,line=1,col=1,endLine=1,endColumn=8,")


def test_summary_is_appended_to_the_step_summary_file(tmp_path, monkeypatch):
    summary = tmp_path / "step_summary.md"
    summary.write_text("## Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run_cli("check", "--format", "github", SELECT, str(BRIEF), str(WATER))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Earlier step\n## prose-lint: 5 problems in 2 files\n")
    assert '| 27:1 | warning | grammar/repeated-word | Repeated word "the" | the |' in text


def test_unwritable_step_summary_is_one_line_and_annotations_still_print(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-folder" / "summary.md"))
    run = run_cli("check", "--format", "github", SELECT, str(BRIEF))
    assert run.out.count("::warning") == 2
    assert run.err == (
        f"prose-lint: {tmp_path / 'no-such-folder' / 'summary.md'}: cannot write the job summary: "
        "No such file or directory\n"
    )
