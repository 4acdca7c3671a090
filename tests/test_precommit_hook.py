"""The ``prose-lint`` pre-commit hook, run for real with ``pre-commit try-repo`` on a throwaway repository.

pre-commit clones this checkout (try-repo also carries uncommitted changes),
builds the hook's own virtualenv with ``pip install .`` (that needs PyPI,
which CI has) and runs the hook on the draft. The environment is built once
for the module, under tmp_path, so nothing touches the user's pre-commit cache.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from prose_lint.yamlio import load_yaml

pytestmark = [
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

PLANTED = "# Field notes\n\nThe council said the the plan would fail before the harvest.\n"
FIXED = "# Field notes\n\nThe council said the plan would fail before the harvest.\n"


def test_hook_manifest_runs_check_on_markdown_and_plain_text():
    hooks = load_yaml(ROOT / ".pre-commit-hooks.yaml")
    assert [hook["id"] for hook in hooks] == ["prose-lint"]
    hook = hooks[0]
    assert hook["entry"] == "prose-lint check"
    assert hook["language"] == "python"
    assert list(hook["types_or"]) == ["markdown", "plain-text"]


@pytest.fixture(scope="module")
def drafts_repo(tmp_path_factory):
    """A git repository with one draft, and an environment that keeps pre-commit inside tmp_path."""
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "drafts"
    repo.mkdir()
    env = {
        **os.environ,
        "HOME": str(base / "home"),
        "PRE_COMMIT_HOME": str(base / "pre-commit-cache"),
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "NO_COLOR": "1",
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    (base / "home").mkdir()
    git(repo, env, "init", "-q")
    (repo / "draft.md").write_text(PLANTED, encoding="utf-8")
    (repo / "notes.txt").write_text("Nothing to flag in this note.\n", encoding="utf-8")
    git(repo, env, "add", ".")
    git(repo, env, "commit", "-q", "-m", "draft")
    return repo, env


def git(repo: Path, env: dict, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def try_repo(repo: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "prose-lint", "--files", *files]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_hook_fails_on_a_planted_error_then_passes_once_fixed(drafts_repo):
    repo, env = drafts_repo
    failed = try_repo(repo, env, "draft.md", "notes.txt")
    output = failed.stdout + failed.stderr
    if failed.returncode != 1 and "Failed" not in output:
        pytest.fail(f"pre-commit could not run the hook:\n{output[-3000:]}")
    assert failed.returncode == 1, output[-3000:]
    assert 'draft.md:3:18  warning  grammar/repeated-word  Repeated word "the"' in output
    (repo / "draft.md").write_text(FIXED, encoding="utf-8")
    git(repo, env, "add", "draft.md")
    passed = try_repo(repo, env, "draft.md", "notes.txt")
    assert passed.returncode == 0, (passed.stdout + passed.stderr)[-3000:]
    assert "prose-lint" in passed.stdout and "Passed" in passed.stdout
