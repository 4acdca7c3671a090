"""Shared helpers: lint a string, run the CLI in-process, find ../shared."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from prose_lint.api import Selection, lint_text
from prose_lint.cli import main
from prose_lint.config import load_config
from prose_lint.diagnostic import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never write to the user's cache folder."""
    os.environ["PROSE_LINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("NO_COLOR", None)


def lint(
    text: str, select: str | None = None, fmt: str = "markdown", config_path: Path | None = None
) -> list[Diagnostic]:
    """Diagnostics for ``text``; ``select`` is a comma-separated list of rule ids or categories."""
    selection = Selection(frozenset(select.split(","))) if select else Selection()
    config = load_config(config_path)
    return lint_text(
        text, "draft.md" if fmt == "markdown" else "draft.txt", config, fmt=fmt, selection=selection
    )


def spans(diagnostics: list[Diagnostic]) -> list[tuple[str, str, list[str]]]:
    """(rule, flagged text, suggestions) of each diagnostic: what a user sees."""
    return [(d.rule, d.text, d.suggestions) for d in diagnostics]


@dataclass
class Run:
    status: int
    out: str
    err: str


def run_cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> Run:
    """Run ``prose-lint ARGS`` in-process, capturing its streams and exit status."""
    old = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            status = main(list(args))
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 2
        return Run(status, sys.stdout.getvalue(), sys.stderr.getvalue())
    finally:
        out_err = sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = old[0], old[1], old[2]
        os.chdir(old[3])
        del out_err


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data lives beside the checkout)")
    return path
