"""Any input: a clear message or correct findings, never a traceback, the other files still linted."""

from __future__ import annotations

import json
import os

import pytest
from conftest import run_cli

from prose_lint.api import ConfigCache, lint_paths
from prose_lint.source import MAX_DRAFT_BYTES

SLIP = "The council said the the plan would fail.\n"
GOOD_FINDING = ("grammar/repeated-word", "the the")


def check_beside_a_good_file(tmp_path, name: str, data: bytes):
    """Lint a bad file and a good one together; return (run, findings by file name)."""
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(SLIP, encoding="utf-8")
    run = run_cli("check", "--format", "json", str(bad), str(good))
    assert "Traceback" not in run.err
    found = {
        os.path.basename(f["path"]): [(d["rule"], d["text"]) for d in f["diagnostics"]]
        for f in json.loads(run.out)["files"]
    }
    assert found["good.md"] == [GOOD_FINDING]
    return run, found


@pytest.mark.parametrize(
    ("name", "data", "status", "message", "findings"),
    [
        ("empty.md", b"", 1, "empty file, nothing to lint", []),
        ("blank.md", b"  \n\t\n\n", 1, "empty file, nothing to lint", []),
        ("nul.md", b"The plan\x00 failed.", 2, "binary file (contains NUL bytes), not a text draft", None),
        (
            "latin1.txt",
            "Caf\u00e9 the the.".encode("latin-1"),
            2,
            "not valid UTF-8: byte 0xe9 at offset 3",
            None,
        ),
        ("utf16.md", SLIP.encode("utf-16"), 1, "", [GOOD_FINDING]),
        ("bom.md", b"\xef\xbb\xbf" + SLIP.encode(), 1, "", [GOOD_FINDING]),
        ("crlf.md", SLIP.replace("\n", "\r\n").encode(), 1, "", [GOOD_FINDING]),
        (
            "cr.txt",
            b"First line.\rThe council said the\rthe plan.\r",
            1,
            "",
            [("grammar/repeated-word", "the\rthe")],
        ),
    ],
)
def test_bad_input_matrix(tmp_path, name, data, status, message, findings):
    run, found = check_beside_a_good_file(tmp_path, name, data)
    assert run.status == status
    if message:
        assert run.err.startswith(f"{tmp_path / name}: {message}")
        assert run.err.count("\n") == 1
    else:
        assert run.err == ""
    if findings is None:
        assert name not in found
    else:
        assert found[name] == findings


def test_columns_with_a_lone_cr(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(b"First line.\rThe council said the\rthe plan.\r")
    run = run_cli("check", "--format", "json", str(path))
    [finding] = json.loads(run.out)["files"][0]["diagnostics"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (2, 18, 3, 4)


def test_a_file_too_large_for_a_draft_is_refused_without_reading_it_all(tmp_path):
    run, found = check_beside_a_good_file(tmp_path, "huge.md", b"word " * (MAX_DRAFT_BYTES // 5 + 1))
    assert run.status == 2
    assert (
        run.err.strip()
        == f"{tmp_path / 'huge.md'}: larger than 16 MB: too large for a draft, not linted (split it)"
    )
    assert "huge.md" not in found


def test_a_one_megabyte_line_is_linted(tmp_path):
    line = ("The plan failed and " * 52_000) + "the the end.\n"
    run, found = check_beside_a_good_file(tmp_path, "long.md", line.encode())
    assert run.status == 1
    assert found["long.md"] == [GOOD_FINDING]


@pytest.mark.parametrize("marker", ["> ", "- "])
def test_ten_thousand_levels_of_nesting_are_reported_not_crashed(tmp_path, marker):
    run, found = check_beside_a_good_file(tmp_path, "deep.md", (marker * 10_000 + "the the\n").encode())
    assert run.status == 1
    assert found["deep.md"] == []
    assert run.err.strip() == (
        f"{tmp_path / 'deep.md'}:1: Markdown nested more than 100 levels deep; the text inside is not checked"
    )


def test_nesting_within_the_limit_is_checked(tmp_path):
    run, found = check_beside_a_good_file(tmp_path, "nested.md", ("> " * 60 + "the the\n").encode())
    assert (run.status, run.err) == (1, "")
    assert found["nested.md"] == [GOOD_FINDING]


def test_a_symlink_loop_in_a_folder_is_not_followed(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(SLIP, encoding="utf-8")
    os.symlink(tmp_path / "drafts", tmp_path / "drafts" / "loop")
    os.symlink(tmp_path / "drafts" / "b.md", tmp_path / "drafts" / "c.md")
    os.symlink(tmp_path / "drafts" / "c.md", tmp_path / "drafts" / "b.md")
    run = run_cli("check", "--format", "json", str(tmp_path / "drafts"))
    assert run.status == 2
    assert [os.path.basename(f["path"]) for f in json.loads(run.out)["files"]] == ["a.md"]
    assert run.err.splitlines() == [
        f"{tmp_path / 'drafts' / 'b.md'}: cannot read: Too many levels of symbolic links",
        f"{tmp_path / 'drafts' / 'c.md'}: cannot read: Too many levels of symbolic links",
    ]


def test_a_file_deleted_while_linting_is_reported_and_the_rest_go_on(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(SLIP, encoding="utf-8")
    results = []
    for result in lint_paths([str(tmp_path)]):
        results.append(result)
        if result.path.endswith("a.md"):
            (tmp_path / "b.md").unlink()
    assert [(os.path.basename(r.path), r.error, len(r.diagnostics)) for r in results] == [
        ("a.md", None, 1),
        ("b.md", f"{tmp_path / 'b.md'}: no such file or directory", 0),
        ("c.md", None, 1),
    ]


def test_config_cache_reports_a_broken_config_for_every_draft_under_it(tmp_path):
    (tmp_path / ".prose-lint.yaml").write_text("rules: [\n", encoding="utf-8")
    cache = ConfigCache()
    for _ in range(2):
        with pytest.raises(Exception, match=r"\.prose-lint\.yaml:2:1: invalid YAML"):
            cache.for_path(tmp_path / "a.md")
