"""``.prose-lint.yaml``: found upward, validated with FILE:LINE:COL errors, applied per rule."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

SLIP = "The the ministry can not confirm it.\n"


def write(folder, config: str):
    (folder / ".prose-lint.yaml").write_text(config, encoding="utf-8")
    draft = folder / "draft.md"
    draft.write_text(SLIP, encoding="utf-8")
    return draft


def reported(run) -> list[tuple[str, str]]:
    return [(d["rule"], d["severity"]) for f in json.loads(run.out)["files"] for d in f["diagnostics"]]


def test_config_is_found_upward_from_the_draft(tmp_path):
    (tmp_path / ".prose-lint.yaml").write_text("rules:\n  grammar/repeated-word: error\n", encoding="utf-8")
    nested = tmp_path / "reports" / "2026"
    nested.mkdir(parents=True)
    (nested / "d.md").write_text(SLIP, encoding="utf-8")
    run = run_cli("check", "--format", "json", str(nested / "d.md"))
    assert reported(run) == [("grammar/repeated-word", "error"), ("style/nonstandard-form", "warning")]


def test_severity_per_rule_and_per_category(tmp_path):
    draft = write(tmp_path, "rules:\n  style: info\n  grammar/repeated-word: 'off'\n")
    run = run_cli("check", "--format", "json", str(draft))
    assert reported(run) == [("style/nonstandard-form", "info")]
    assert run.status == 0


def test_bare_off_is_read_as_off_not_as_false(tmp_path):
    draft = write(tmp_path, "rules:\n  style: off\n")
    assert reported(run_cli("check", "--format", "json", str(draft))) == [
        ("grammar/repeated-word", "warning")
    ]


def test_explicit_config_option_wins(tmp_path):
    draft = write(tmp_path, "rules:\n  style: error\n")
    other = tmp_path / "other.yaml"
    other.write_text("rules:\n  grammar: 'off'\n", encoding="utf-8")
    run = run_cli("check", "--format", "json", "--config", str(other), str(draft))
    assert reported(run) == [("style/nonstandard-form", "warning")]


def test_rule_options_change_what_a_rule_accepts(tmp_path):
    (tmp_path / ".prose-lint.yaml").write_text(
        "rules:\n  grammar/repeated-word:\n    options:\n      allow: [the]\n", encoding="utf-8"
    )
    draft = tmp_path / "d.md"
    draft.write_text("The the plan.\n", encoding="utf-8")
    assert run_cli("check", "--format", "json", str(draft)).status == 0


def test_team_pack_adds_house_rules_in_yaml(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "category: style\n"
        "rules:\n"
        "  house-terms:\n"
        "    kind: substitution\n"
        "    description: House terms.\n"
        "    swap:\n"
        "      ISIS: the Islamic State\n",
        encoding="utf-8",
    )
    draft = write(tmp_path, "packs: [grammar, style, house.yaml]\n")
    draft.write_text("Fighters of ISIS left.\n", encoding="utf-8")
    run = run_cli("check", "--format", "json", str(draft))
    [found] = json.loads(run.out)["files"][0]["diagnostics"]
    assert (found["rule"], found["text"], found["suggestions"]) == (
        "style/house-terms",
        "ISIS",
        ["the Islamic State"],
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("dialect: en-US\ncolour: red\n", "2:1: unknown key 'colour' (expected one of: "),
        (
            "rules:\n  grammar/no-such-rule: error\n",
            "2:3: unknown rule id or category 'grammar/no-such-rule'",
        ),
        (
            "rules:\n  grammar/repeated-word: loud\n",
            "2:26: unknown severity 'loud' (expected off, info, warning or error)",
        ),
        ("rules: [a, b\n", "2:1: invalid YAML: "),
        ("dialect: en-AU\n", "1:10: unknown dialect 'en-AU' (expected en-US or en-GB)"),
        ("packs: [grammar, missing.yaml]\n", "1:18: rule pack 'missing.yaml' not found"),
        ("vocabulary:\n  accept: [ok, 3]\n", "2:16: every item of 'accept' must be a string"),
        (
            "rules:\n  grammar/repeated-word:\n    options:\n      colour: red\n",
            "2:3: 'grammar/repeated-word' has no option 'colour' (options: allow)",
        ),
        (
            "rules:\n  grammar/repeated-word:\n    options:\n      allow: the\n",
            "2:3: 'grammar/repeated-word': option 'allow' must be a list, not a string",
        ),
    ],
)
def test_config_errors_point_at_line_and_column_and_exit_2(tmp_path, config, message):
    draft = write(tmp_path, config)
    run = run_cli("check", str(draft))
    assert run.status == 2
    assert run.err.startswith(f"{tmp_path / '.prose-lint.yaml'}:{message}")
    assert run.err.count("\n") == 1


def test_broken_config_does_not_stop_drafts_under_another_config(tmp_path):
    broken, healthy = tmp_path / "broken", tmp_path / "healthy"
    broken.mkdir()
    healthy.mkdir()
    write(broken, "colour: red\n")
    write(healthy, "dialect: en-GB\n")
    run = run_cli("check", "--quiet", str(broken / "draft.md"), str(healthy / "draft.md"))
    assert run.status == 2
    assert "unknown key 'colour'" in run.err
    assert f"{healthy / 'draft.md'}:1:1" in run.out


def test_pack_errors_point_into_the_pack(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "category: style\nrules:\n  bad-rule:\n    kind: substitution\n    description: x\n    swop: {}\n",
        encoding="utf-8",
    )
    draft = write(tmp_path, "packs: [house.yaml]\n")
    run = run_cli("check", str(draft))
    assert run.status == 2
    assert run.err.startswith(
        f"{tmp_path / 'house.yaml'}:6:5: unknown key 'swop' for a rule of kind 'substitution'"
    )


def test_missing_explicit_config_is_an_error(tmp_path):
    run = run_cli("check", "--config", str(tmp_path / "none.yaml"), str(tmp_path))
    assert run.status == 2
    assert run.err.strip() == f"prose-lint: {tmp_path / 'none.yaml'}: config file not found"
