"""The prose-lint command: options, output formats, exit statuses, bad input."""

from __future__ import annotations

import builtins
import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT, run_cli

from prose_lint import __version__

SLIP = "The council said the the plan would fail.\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(SLIP, encoding="utf-8")
    return path


def test_text_report_shows_location_rule_source_line_underline_and_suggestion(draft):
    run = run_cli("check", "--no-color", str(draft))
    assert run.status == 1
    lines = run.out.splitlines()
    assert lines[0] == f'{draft}:1:18  warning  grammar/repeated-word  Repeated word "the"'
    assert lines[1] == "    1 | The council said the the plan would fail."
    assert lines[2] == "      |                  ^^^^^^^"
    assert lines[3] == "      = suggestion: the"
    assert lines[-1] == "Found 1 problem (1 warning) in 1 file."


def test_clean_file_exits_zero_with_a_summary(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("The council said the plan would fail.\n", encoding="utf-8")
    run = run_cli("check", str(path))
    assert (run.status, run.out.strip()) == (0, "No problems found in 1 file.")


def test_json_report_has_the_documented_shape(draft):
    run = run_cli("check", "--format", "json", str(draft))
    assert run.status == 1
    assert json.loads(run.out) == {
        "version": 1,
        "files": [
            {
                "path": str(draft),
                "diagnostics": [
                    {
                        "rule": "grammar/repeated-word",
                        "category": "grammar",
                        "severity": "warning",
                        "message": 'Repeated word "the"',
                        "line": 1,
                        "column": 18,
                        "end_line": 1,
                        "end_column": 25,
                        "offset": 17,
                        "length": 7,
                        "text": "the the",
                        "suggestions": ["the"],
                    }
                ],
            }
        ],
        "summary": {
            "files": 1,
            "diagnostics": 1,
            "by_severity": {"warning": 1},
            "by_category": {"grammar": 1},
        },
    }


@pytest.mark.parametrize(("fail_on", "status"), [("info", 1), ("warning", 1), ("error", 0)])
def test_fail_on_sets_the_threshold(draft, fail_on, status):
    assert run_cli("check", "--fail-on", fail_on, str(draft)).status == status


def test_info_findings_do_not_fail_by_default(tmp_path):
    path = tmp_path / "wordy.md"
    path.write_text("The mission deployed in order to monitor the ceasefire.\n", encoding="utf-8")
    run = run_cli("check", "--format", "json", str(path))
    assert [d["rule"] for d in json.loads(run.out)["files"][0]["diagnostics"]] == ["style/wordy-phrase"]
    assert run.status == 0
    assert run_cli("check", "--fail-on", "info", str(path)).status == 1


def two_rule_draft(tmp_path):
    path = tmp_path / "two.md"
    path.write_text("The the ministry can not confirm it.\n", encoding="utf-8")
    return path


def rules_reported(run) -> list[str]:
    return [d["rule"] for f in json.loads(run.out)["files"] for d in f["diagnostics"]]


def test_select_by_rule_id_and_by_category(tmp_path):
    path = two_rule_draft(tmp_path)
    assert rules_reported(run_cli("check", "--format", "json", str(path))) == [
        "grammar/repeated-word",
        "style/nonstandard-form",
    ]
    assert rules_reported(run_cli("check", "--format", "json", "--select", "style", str(path))) == [
        "style/nonstandard-form"
    ]
    selected = run_cli("check", "--format", "json", "--select", "grammar/repeated-word,style", str(path))
    assert rules_reported(selected) == ["grammar/repeated-word", "style/nonstandard-form"]


def test_ignore_by_rule_id_and_by_category(tmp_path):
    path = two_rule_draft(tmp_path)
    assert rules_reported(run_cli("check", "--format", "json", "--ignore", "grammar", str(path))) == [
        "style/nonstandard-form"
    ]
    ignored = run_cli("check", "--format", "json", "--ignore", "style/nonstandard-form", str(path))
    assert rules_reported(ignored) == ["grammar/repeated-word"]


def test_unknown_rule_in_select_is_a_usage_error(draft):
    run = run_cli("check", "--select", "grammar/nonsense", str(draft))
    assert run.status == 2
    assert (
        run.err.strip()
        == "prose-lint: --select: unknown rule id or category 'grammar/nonsense' (see `prose-lint rules`)"
    )


def test_quiet_prints_one_line_per_finding(draft):
    run = run_cli("check", "--quiet", str(draft))
    assert run.out.splitlines() == [f'{draft}:1:18  warning  grammar/repeated-word  Repeated word "the"']


def test_color_is_off_when_not_a_terminal_and_no_color_is_plain(draft):
    assert "\x1b[" not in run_cli("check", str(draft)).out
    assert "\x1b[" not in run_cli("check", "--no-color", str(draft)).out


def test_stdin_is_linted_with_its_given_name():
    run = run_cli("check", "--quiet", "--stdin-filename", "notes/draft.md", "-", stdin=SLIP.encode())
    assert run.out.splitlines() == [
        'notes/draft.md:1:18  warning  grammar/repeated-word  Repeated word "the"'
    ]
    assert run_cli("check", "--quiet", "-", stdin=SLIP.encode()).out.startswith("<stdin>:1:18")


def test_folder_is_walked_for_drafts_skipping_hidden_folders_and_other_files(tmp_path):
    (tmp_path / "a.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(SLIP, encoding="utf-8")
    (tmp_path / "sub" / "c.markdown").write_text(SLIP, encoding="utf-8")
    (tmp_path / "sub" / "script.py").write_text(SLIP, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.md").write_text(SLIP, encoding="utf-8")
    run = run_cli("check", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(run.out)["files"]]
    assert paths == [
        str(tmp_path / "a.md"),
        str(tmp_path / "sub" / "b.txt"),
        str(tmp_path / "sub" / "c.markdown"),
    ]


def test_ignore_globs_in_config_skip_files_and_folders(tmp_path):
    (tmp_path / ".prose-lint.yaml").write_text("ignore:\n  - archive/\n  - '*.draft.md'\n", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "x.draft.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "keep.md").write_text(SLIP, encoding="utf-8")
    run = run_cli("check", "--format", "json", str(tmp_path))
    assert [f["path"] for f in json.loads(run.out)["files"]] == [str(tmp_path / "keep.md")]


def test_shipped_examples_are_linted_and_fail(tmp_path):
    run = run_cli("check", "--format", "json", str(EXAMPLES))
    assert run.status == 1
    data = json.loads(run.out)
    assert {f["path"].rsplit("/", 1)[-1] for f in data["files"]} == {
        "southern-nineveh-brief.md",
        "deir-ez-zor-water.txt",
    }


def test_rules_lists_every_rule_with_category_severity_and_description():
    run = run_cli("rules")
    assert run.status == 0
    line = next(line for line in run.out.splitlines() if line.startswith("grammar/repeated-word"))
    assert line.split(None, 3)[1:3] == ["grammar", "warning"]
    assert "twice in a row" in line
    listed = {entry["id"] for entry in json.loads(run_cli("rules", "--format", "json").out)}
    assert {"style/currency-space", "style/nonstandard-form", "style/unused-suppression"} <= listed


def test_init_writes_a_commented_starter_config_that_loads(tmp_path):
    run = run_cli("init", str(tmp_path))
    assert run.status == 0
    written = (tmp_path / ".prose-lint.yaml").read_text(encoding="utf-8")
    assert written.startswith("# prose-lint configuration.")
    assert "dialect: en-US" in written
    (tmp_path / "d.md").write_text(SLIP, encoding="utf-8")
    assert run_cli("check", "--quiet", str(tmp_path / "d.md")).status == 1
    again = run_cli("init", str(tmp_path))
    assert again.status == 2
    assert "already exists" in again.err
    assert (tmp_path / ".prose-lint.yaml").read_text(encoding="utf-8") == written


def test_version():
    run = run_cli("--version")
    assert (run.status, run.out.strip()) == (0, f"prose-lint {__version__}")


def test_no_command_prints_help_and_exits_2():
    assert run_cli().status == 2


def test_unknown_option_is_a_one_line_usage_error():
    run = run_cli("check", "--frobnicate")
    assert run.status == 2
    assert run.err.strip().startswith("prose-lint: unrecognized arguments: --frobnicate")


def test_python_dash_m_runs_the_same_command(draft):
    completed = subprocess.run(
        [sys.executable, "-m", "prose_lint", "check", "--quiet", str(draft)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert completed.returncode == 1
    assert "grammar/repeated-word" in completed.stdout


# --- bad input: one line naming the file, the rest still linted, exit 2 -----


def test_missing_path_is_reported_and_other_files_are_still_linted(draft, tmp_path):
    missing = tmp_path / "nope.md"
    run = run_cli("check", "--quiet", str(missing), str(draft))
    assert run.status == 2
    assert run.err.strip() == f"{missing}: no such file or directory"
    assert "grammar/repeated-word" in run.out


def test_binary_file_is_refused(tmp_path, draft):
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = run_cli("check", "--quiet", str(binary), str(draft))
    assert run.status == 2
    assert run.err.strip() == f"{binary}: binary file (contains NUL bytes), not a text draft"
    assert "grammar/repeated-word" in run.out


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("Caf\u00e9 society.".encode("latin-1"))
    run = run_cli("check", str(bad))
    assert run.status == 2
    assert run.err.strip() == (
        f"{bad}: not valid UTF-8: byte 0xe9 at offset 3 (invalid continuation byte); save the file as UTF-8"
    )


def test_unreadable_file_is_reported(monkeypatch, tmp_path, draft):
    secret = tmp_path / "secret.md"
    secret.write_text(SLIP, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    run = run_cli("check", "--quiet", str(secret), str(draft))
    assert run.status == 2
    assert run.err.strip() == f"{secret}: permission denied (cannot read the file)"
    assert "grammar/repeated-word" in run.out


def test_empty_file_is_noted_and_not_an_error(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    run = run_cli("check", str(empty))
    assert run.status == 0
    assert run.err.strip() == f"{empty}: empty file, nothing to lint"


def test_folder_without_drafts_is_noted(tmp_path):
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    run = run_cli("check", str(tmp_path))
    assert run.status == 0
    assert run.err.strip() == f"{tmp_path}: no drafts found (*.markdown, *.md, *.txt)"


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "utf16.md"
    path.write_bytes(SLIP.encode("utf-16"))
    run = run_cli("check", "--quiet", str(path))
    assert run.out.splitlines() == [f'{path}:1:18  warning  grammar/repeated-word  Repeated word "the"']


def test_jobs_give_the_same_report_in_the_same_order_as_a_serial_run(tmp_path):
    for index in range(8):
        (tmp_path / f"d{index}.md").write_text(
            f"Draft {index}: the the plan can not work.\n", encoding="utf-8"
        )
    (tmp_path / "d3.md").write_bytes(b"\x00binary")
    serial = run_cli("check", "--jobs", "1", "--format", "json", str(tmp_path))
    parallel = run_cli("check", "--jobs", "3", "--format", "json", str(tmp_path))
    assert (
        (parallel.status, parallel.err)
        == (serial.status, serial.err)
        == (2, f"{tmp_path / 'd3.md'}: binary file (contains NUL bytes), not a text draft\n")
    )
    assert parallel.out == serial.out
    assert [f["path"] for f in json.loads(parallel.out)["files"]] == [
        str(tmp_path / f"d{index}.md") for index in range(8) if index != 3
    ]


def test_jobs_must_be_a_positive_number(draft):
    run = run_cli("check", "--jobs", "0", str(draft))
    assert run.status == 2
    assert "expected a whole number of at least 1, not '0'" in run.err


def test_force_color_colours_the_report_and_no_color_wins(draft, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run_cli("check", str(draft)).out
    assert "\x1b[" in coloured
    assert "grammar/repeated-word" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_cli("check", str(draft)).out


def test_the_rule_reference_in_docs_is_generated_from_the_packs():
    generated = run_cli("rules", "--format", "markdown").out
    assert generated == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run `prose-lint rules --format markdown > docs/rules.md`"
    )
    assert "### grammar/repeated-word" in generated
    assert "- Flagged: The council said the the plan would fail." in generated
