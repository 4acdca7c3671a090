"""``--format sarif``: valid SARIF 2.1.0 that code scanning can place on the right characters."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import EXAMPLES, ROOT, run_cli, shared_path

from prose_lint.config import load_config
from prose_lint.suppress import ENGINE_RULES

BRIEF = EXAMPLES / "southern-nineveh-brief.md"
WATER = EXAMPLES / "deir-ez-zor-water.txt"


def sarif(*args: str, cwd=None) -> dict:
    run = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    assert run.status in (0, 1, 2), run.err
    return json.loads(run.out)


def result_for(log: dict, rule: str, snippet: str) -> dict:
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        if result["ruleId"] == rule and region["snippet"]["text"] == snippet:
            return result
    raise AssertionError(f"no {rule} result on {snippet!r}")


def test_output_validates_against_the_sarif_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = sarif(str(BRIEF), str(WATER), str(ROOT / "missing.md"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert len(log["runs"][0]["results"]) >= 5


def test_driver_lists_every_rule_with_description_level_and_help():
    rules = {r["id"]: r for r in sarif(str(BRIEF))["runs"][0]["tool"]["driver"]["rules"]}
    registry = load_config(None).registry
    assert set(rules) == set(registry.rules) | set(ENGINE_RULES)
    currency = rules["style/currency-space"]
    assert currency["shortDescription"]["text"] == registry.rules["style/currency-space"].info.description
    assert currency["defaultConfiguration"]["level"] == "warning"
    assert "Instead of: The project cost $ 400 million." in currency["help"]["text"]
    assert "Write:      The project cost $400 million." in currency["help"]["text"]
    assert rules["style/wordy-phrase"]["defaultConfiguration"]["level"] == "note"
    assert rules["grammar/repeated-word"]["properties"]["tags"] == ["grammar"]


def test_result_has_rule_level_message_and_exact_region_relative_to_the_repository():
    log = sarif(str(BRIEF))
    result = result_for(log, "style/currency-space", "$ 75")
    assert result["level"] == "warning"
    assert result["message"]["text"] == (
        'Write "$75": no space between the currency symbol and the amount (suggestion: "$75")'
    )
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "examples/southern-nineveh-brief.md",
        "uriBaseId": "%SRCROOT%",
    }
    # "Donors pledged $ 75 million" on line 57: "$ 75" is columns 16-19, endColumn exclusive.
    assert {k: v for k, v in location["region"].items() if k != "snippet"} == {
        "startLine": 57,
        "startColumn": 16,
        "endLine": 57,
        "endColumn": 20,
    }
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.resolve().as_uri() + "/"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "style/currency-space"


def test_a_span_across_a_line_break_ends_on_the_next_line():
    result = result_for(sarif(str(WATER)), "grammar/repeated-word", "the\nthe")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        64,
        63,
        65,
        4,
    )


def test_safe_fix_becomes_a_sarif_fix_and_others_do_not():
    log = sarif(str(BRIEF))
    fixes = result_for(log, "style/currency-space", "$ 75")["fixes"]
    assert fixes == [
        {
            "description": {"text": 'Replace with "$75"'},
            "artifactChanges": [
                {
                    "artifactLocation": {
                        "uri": "examples/southern-nineveh-brief.md",
                        "uriBaseId": "%SRCROOT%",
                    },
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": 57,
                                "startColumn": 16,
                                "endLine": 57,
                                "endColumn": 20,
                            },
                            "insertedContent": {"text": "$75"},
                        }
                    ],
                }
            ],
        }
    ]


def test_unsafe_and_display_only_fixes_are_not_offered(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("We deployed in order to watch the **the** plan.\n", encoding="utf-8")
    log = sarif(str(draft))
    wordy = result_for(log, "style/wordy-phrase", "in order to")
    repeated = result_for(log, "grammar/repeated-word", "the **the")
    assert wordy["level"] == "note"
    assert "fixes" not in wordy and "fixes" not in repeated


def test_uri_is_relative_to_the_repository_root_from_a_subfolder():
    log = sarif("southern-nineveh-brief.md", cwd=EXAMPLES)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    }
    assert uris == {"examples/southern-nineveh-brief.md"}


def test_a_path_with_a_space_is_percent_encoded_and_a_repository_is_found(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    folder = tmp_path / "field notes"
    folder.mkdir()
    (folder / "Mosul brief.md").write_text("The the council met.\n", encoding="utf-8")
    log = sarif("field notes/Mosul brief.md", cwd=tmp_path)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "field%20notes/Mosul%20brief.md"
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_files_that_cannot_be_read_are_tool_notifications():
    log = sarif(str(BRIEF), str(ROOT / "missing.md"))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": f"{ROOT / 'missing.md'}: no such file or directory"}}
    ]


def test_partial_fingerprint_ignores_line_numbers(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Donors pledged $ 75 million.\n", encoding="utf-8")
    first = sarif(str(draft))["runs"][0]["results"][0]["partialFingerprints"]
    draft.write_text("# Budget\n\nDonors pledged $ 75 million.\n", encoding="utf-8")
    moved = sarif(str(draft))["runs"][0]["results"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert moved["partialFingerprints"] == first
