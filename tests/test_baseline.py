"""``prose-lint baseline`` and ``check --baseline``: old findings stay quiet, new ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, run_cli

RULES = "--select=grammar/repeated-word,style/currency-space,style/nonstandard-form"
OLD = (
    "# Quarterly report\n\n"
    "Donors pledged $ 75 million for the water network in 2024, and the the\n"
    "council promised to publish its accounts.\n"
)


def old_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2024-q3.md").write_text(OLD, encoding="utf-8")
    (folder / "clean.md").write_text("# Notes\n\nNothing to see here.\n", encoding="utf-8")
    return folder


def test_baseline_records_findings_by_path_rule_and_fingerprint(tmp_path):
    folder = old_reports(tmp_path)
    run = run_cli("baseline", str(tmp_path / "baseline.json"), str(folder))
    assert run.status == 0
    assert run.out == f"Wrote {tmp_path / 'baseline.json'}: 3 findings in 2 files\n"
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["path"], f["rule"], f["text"], f["count"]) for f in data["findings"]] == [
        ("reports/2024-q3.md", "citations/uncited-figure", "$ 75 million", 1),
        ("reports/2024-q3.md", "grammar/repeated-word", "the the", 1),
        ("reports/2024-q3.md", "style/currency-space", "$ 75", 1),
    ]
    assert all(len(f["fingerprint"]) == 16 and "line" not in f for f in data["findings"])


def test_check_with_baseline_reports_only_new_findings(tmp_path):
    folder = old_reports(tmp_path)
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), str(folder))
    quiet = run_cli("check", RULES, "--baseline", str(baseline), str(folder))
    assert (quiet.status, quiet.err) == (0, "")
    assert "No problems found in 2 files." in quiet.out
    report = folder / "2024-q3.md"
    report.write_text(OLD + "\nThe ministry can not confirm the figure.\n", encoding="utf-8")
    loud = run_cli("check", RULES, "--baseline", str(baseline), "--format", "json", str(folder))
    found = [(d["rule"], d["text"]) for f in json.loads(loud.out)["files"] for d in f["diagnostics"]]
    assert found == [("style/nonstandard-form", "can not")]
    assert loud.status == 1


def test_moved_and_rewrapped_findings_stay_baselined(tmp_path):
    folder = old_reports(tmp_path)
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), str(folder))
    moved = OLD.replace("# Quarterly report\n\n", "# Quarterly report\n\nA new opening paragraph.\n\n")
    rewrapped = moved.replace("and the the\ncouncil promised", "and\nthe the **council** promised")
    (folder / "2024-q3.md").write_text(rewrapped, encoding="utf-8")
    run = run_cli("check", RULES, "--baseline", str(baseline), str(folder))
    assert run.status == 0, run.out


def test_the_same_slip_in_the_same_words_counts(tmp_path):
    line = "one two three four the the five six seven eight\n\n"
    path = tmp_path / "boilerplate.md"
    path.write_text(line * 2, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), str(path))
    assert [f["count"] for f in json.loads(baseline.read_text())["findings"]] == [2]
    path.write_text(line * 3, encoding="utf-8")
    run = run_cli("check", RULES, "--baseline", str(baseline), "--format", "json", str(path))
    lines = [d["line"] for f in json.loads(run.out)["files"] for d in f["diagnostics"]]
    assert lines == [5], "the third copy is new"


def test_a_fixed_finding_is_mentioned_as_gone(tmp_path):
    folder = old_reports(tmp_path)
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), str(folder))
    (folder / "2024-q3.md").write_text(OLD.replace("$ 75", "$75"), encoding="utf-8")
    run = run_cli("check", RULES, "--baseline", str(baseline), str(folder))
    assert run.status == 0
    assert f"1 finding recorded in {baseline} no longer occur" in run.err


def test_baseline_paths_are_relative_to_the_baseline_file_not_the_working_folder(tmp_path):
    folder = old_reports(tmp_path)
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), "reports", cwd=tmp_path)
    run = run_cli("check", RULES, "--baseline", "../baseline.json", "2024-q3.md", cwd=folder)
    assert run.status == 0, run.out


def test_missing_or_broken_baseline_is_one_clear_line(tmp_path):
    draft = EXAMPLES / "southern-nineveh-brief.md"
    missing = run_cli("check", "--baseline", str(tmp_path / "nope.json"), str(draft))
    assert missing.status == 2
    assert missing.err == (
        f"prose-lint: {tmp_path / 'nope.json'}: baseline file not found "
        f"(create it with `prose-lint baseline {tmp_path / 'nope.json'}`)\n"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "findings": [{"path": "a.md"}]}', encoding="utf-8")
    run = run_cli("check", "--baseline", str(broken), str(draft))
    assert run.status == 2
    assert run.err == (
        f"prose-lint: {broken}: finding 1 needs 'path', 'rule', 'fingerprint' and a whole-number 'count'\n"
    )
    not_json = tmp_path / "notes.json"
    not_json.write_text("the the\n", encoding="utf-8")
    assert run_cli("check", "--baseline", str(not_json), str(draft)).err.startswith(
        f"prose-lint: {not_json}:1:1: not a prose-lint baseline"
    )


def test_fix_with_a_baseline_fixes_only_the_new_findings(tmp_path):
    folder = old_reports(tmp_path)
    baseline = tmp_path / "baseline.json"
    run_cli("baseline", str(baseline), str(folder))
    report = folder / "2024-q3.md"
    report.write_text(OLD + "\nThe ministry can not confirm the figure.\n", encoding="utf-8")
    run = run_cli("check", RULES, "--fix", "--baseline", str(baseline), str(report))
    assert report.read_text(encoding="utf-8") == OLD + "\nThe ministry cannot confirm the figure.\n"
    assert run.status == 0
