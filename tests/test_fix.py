"""``check --fix`` and ``--diff``: the bytes written, what is left alone, and how the file is written."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from prose_lint.api import lint_source
from prose_lint.config import load_config
from prose_lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from prose_lint.fix import FixError, apply_edits, fixed_bytes, plan_fixes, write_fixed
from prose_lint.source import read_source

SAFE_RULES = "--select=grammar/repeated-word,style/currency-space,style/nonstandard-form"


def draft(tmp_path: Path, data: bytes, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_rewrites_the_example_draft_exactly(tmp_path):
    original = (EXAMPLES / "southern-nineveh-brief.md").read_bytes()
    path = draft(tmp_path, original, "brief.md")
    run = run_cli("check", "--fix", SAFE_RULES, str(path))
    expected = original.replace(b"the the police post", b"the police post").replace(
        b"$ 75 million", b"$75 million"
    )
    assert path.read_bytes() == expected
    assert f"{path}: fixed 2 problems (grammar/repeated-word, style/currency-space)" in run.err
    assert "Fixed 2 problems in 1 file." in run.err
    assert run.status == 0, "nothing the selected rules flag is left"
    assert "No problems found in 1 file." in run.out


def test_fix_is_idempotent(tmp_path):
    path = draft(tmp_path, (EXAMPLES / "deir-ez-zor-water.txt").read_bytes(), "water.txt")
    first = run_cli("check", "--fix", SAFE_RULES, str(path))
    fixed = path.read_bytes()
    assert b"so that the\nthe" not in fixed and b"$14 million" in fixed and b"cannot do so" in fixed
    assert "fixed 3 problems" in first.err
    second = run_cli("check", "--fix", SAFE_RULES, str(path))
    assert path.read_bytes() == fixed
    assert "No fixes applied." in second.err
    assert second.status == 0


def test_fix_keeps_bom_and_crlf(tmp_path):
    data = codecs.BOM_UTF8 + b"The the plan cost $ 400.\r\nThey can not wait.\r\n"
    path = draft(tmp_path, data)
    run_cli("check", "--fix", SAFE_RULES, str(path))
    assert path.read_bytes() == codecs.BOM_UTF8 + b"The plan cost $400.\r\nThey cannot wait.\r\n"


def test_fix_keeps_utf16_little_endian(tmp_path):
    text = "Le budget: € 200 pour la la route.\r\n"
    path = draft(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "note.txt")
    run_cli("check", "--fix", SAFE_RULES, str(path))
    fixed = "Le budget: €200 pour la route.\r\n"
    assert path.read_bytes() == codecs.BOM_UTF16_LE + fixed.encode("utf-16-le")


def test_repeated_word_across_a_crlf_line_break_in_plain_text_is_fixed(tmp_path):
    # A CRLF is one line end, not a blank line: the paragraph stays one block (document.py fix).
    first = b"The contracts should be managed by the councils and audited so that the\r\n"
    path = draft(tmp_path, first + b"the councils pay on time.\r\n", "audit.txt")
    run = run_cli("check", "--fix", SAFE_RULES, str(path))
    assert "fixed 1 problem (grammar/repeated-word)" in run.err
    assert path.read_bytes() == first[:-2] + b" councils pay on time.\r\n"


def test_fix_keeps_permissions_and_writes_through_a_symlink(tmp_path):
    path = draft(tmp_path, b"The the plan.\n")
    path.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(path.name)
    run_cli("check", "--fix", SAFE_RULES, str(link))
    assert path.read_bytes() == b"The plan.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "link.md"], "no temporary file left"


def test_markup_inside_the_span_makes_the_fix_display_only(tmp_path):
    path = draft(tmp_path, b"We saw the **the** plan.\n")
    run = run_cli("check", "--fix", SAFE_RULES, str(path))
    assert path.read_bytes() == b"We saw the **the** plan.\n"
    assert "grammar/repeated-word" in run.out, "still reported, for a human to fix"
    assert run.status == 1


def test_unsafe_fixes_only_with_the_flag(tmp_path):
    path = draft(tmp_path, b"The mission deployed in order to monitor the ceasefire.\n")
    run_cli("check", "--fix", "--select=style/wordy-phrase", str(path))
    assert path.read_bytes() == b"The mission deployed in order to monitor the ceasefire.\n"
    run_cli("check", "--fix", "--unsafe-fixes", "--select=style/wordy-phrase", str(path))
    assert path.read_bytes() == b"The mission deployed to monitor the ceasefire.\n"


HOUSE_PACK = """\
category: style
rules:
  police-station:
    kind: regex
    description: The house calls it a police station.
    message: Write "police station"
    pattern: 'the police post'
    replace: 'the police station'
"""


def test_overlapping_fixes_are_applied_in_turns_so_one_fix_run_is_enough(tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / ".prose-lint.yaml").write_text("packs: [grammar, house.yaml]\n", encoding="utf-8")
    path = draft(tmp_path, b"In one village the the police post is closed.\n")
    run = run_cli("check", "--fix", str(path))
    # "the the" (grammar) is fixed first; "the police post" shared its second "the",
    # so it is fixed in a second turn on the text the first one left.
    assert path.read_bytes() == b"In one village the police station is closed.\n"
    assert run.err.splitlines() == [
        f"{path}: fixed 2 problems (grammar/repeated-word, style/police-station)",
        "Fixed 2 problems in 1 file.",
    ]
    assert run.status == 0
    again = run_cli("check", "--fix", str(path))
    assert again.err.strip() == "No fixes applied."
    assert path.read_bytes() == b"In one village the police station is closed.\n"


def test_plan_skips_the_later_of_two_overlapping_fixes():
    source_path = EXAMPLES / "southern-nineveh-brief.md"
    config = load_config(None)
    result = lint_source(read_source(source_path), config)
    text = result.source.text
    start = text.index("the the police")

    def diagnostic(rule: str, begin: int, end: int, replacement: str) -> Diagnostic:
        fix = Fix("t", (Edit(begin, end, replacement),), Applicability.SAFE)
        return Diagnostic(rule, "style", Severity.WARNING, "m", begin, end, [replacement], fix)

    first = diagnostic("a/first", start, start + 7, "the")
    second = diagnostic("a/second", start + 4, start + 14, "the officers")
    result.diagnostics = [first, second]
    plan = plan_fixes(result)
    assert plan.applied == [first]
    assert [(s.diagnostic.rule, s.blocker.rule) for s in plan.skipped] == [("a/second", "a/first")]
    assert plan.new_text[start : start + 14] == "the police pos"


def test_no_write_when_the_file_changed_since_it_was_read(tmp_path):
    path = draft(tmp_path, b"The the plan.\n")
    result = lint_source(read_source(path), load_config(None))
    plan = plan_fixes(result)
    path.write_bytes(b"The the plan, saved again by the editor.\n")
    with pytest.raises(FixError, match="changed since it was read; not fixed"):
        write_fixed(str(path), fixed_bytes(plan), result.source.raw)
    assert path.read_bytes() == b"The the plan, saved again by the editor.\n"
    assert os.listdir(tmp_path) == ["draft.md"]


def test_diff_prints_the_change_and_writes_nothing(tmp_path):
    path = draft(tmp_path, b"# Budget\n\nDonors pledged $ 75 million.\n")
    run = run_cli("check", "--diff", SAFE_RULES, str(path))
    assert run.status == 1
    assert path.read_bytes() == b"# Budget\n\nDonors pledged $ 75 million.\n"
    assert f"--- a/{path}\n+++ b/{path}\n" in run.out
    assert "-Donors pledged $ 75 million.\n+Donors pledged $75 million.\n" in run.out
    assert "Would fix 1 problem in 1 file." in run.err


def test_diff_on_a_clean_draft_exits_zero(tmp_path):
    path = draft(tmp_path, b"Donors pledged $75 million.\n")
    run = run_cli("check", "--diff", SAFE_RULES, str(path))
    assert (run.status, run.out) == (0, "")


def test_fix_on_standard_input_prints_the_fixed_text(tmp_path):
    run = run_cli("check", "--fix", SAFE_RULES, "-", stdin=b"They can not pay the the contractors.\n")
    assert run.out == "They cannot pay the contractors.\n"
    assert "<stdin>: fixed 2 problems" in run.err


def test_fix_on_standard_input_with_nothing_to_fix_echoes_the_draft():
    run = run_cli("check", "--fix", SAFE_RULES, "-", "--stdin-filename", "brief.md", stdin=b"A clean line.\n")
    assert run.out == "A clean line.\n"
    assert run.status == 0


def test_a_line_break_in_a_replacement_takes_the_files_own():
    edits = [Edit(3, 4, "\n"), Edit(7, 7, "!")]
    assert apply_edits("one two three", edits, "\r\n") == "one\r\ntwo! three"
    assert apply_edits("one two three", edits) == "one\ntwo! three"


CRASH = """
import os, sys
import prose_lint.fix as fix
from prose_lint.cli import main

point = sys.argv[1]
if point == "before-rename":
    fix.os.replace = lambda *args: os._exit(137)  # killed between the write and the rename
else:
    fix.os.fsync = lambda *args: os._exit(137)  # killed while the temporary file is being written
main(["check", "--fix", "--quiet", sys.argv[2]])
"""


@pytest.mark.parametrize("point", ["before-rename", "during-write"])
def test_a_fix_killed_before_its_rename_leaves_the_draft_intact(tmp_path, point):
    original = b"The the council can not pay $ 400.\r\n"
    path = draft(tmp_path, original)
    killed = subprocess.run([sys.executable, "-c", CRASH, point, str(path)], capture_output=True, check=False)
    assert killed.returncode == 137
    assert path.read_bytes() == original
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "draft.md"]
    assert all(name.startswith(".draft.md.") and name.endswith(".prose-lint") for name in leftovers)
    # A leftover temporary file is hidden: the next run neither lints nor trips over it.
    run = run_cli("check", "--fix", "--quiet", str(tmp_path))
    assert path.read_bytes() == b"The council cannot pay $400.\r\n"
    assert "prose-lint" not in run.out
