"""Baselines: adopt prose-lint on a folder of old reports and hear only about new findings.

``prose-lint baseline FILE [PATHS]`` records every current finding by rule,
path and a fingerprint of the flagged text and the words around it; ``check
--baseline FILE`` then reports only findings the baseline does not hold.
Line numbers are left out on purpose: a paragraph added above an old finding
moves it down the file without making it new, and re-wrapping a paragraph
changes no fingerprint (runs of white space count as one space).

The file is JSON, sorted, one entry per finding, so that it diffs well in
review::

    {"version": 1, "findings": [
      {"path": "reports/2024-q3.md", "rule": "grammar/repeated-word",
       "fingerprint": "6f1c0a9e4b2d7781", "text": "the the", "count": 1}]}

A fingerprint seen twice in one file (the same slip in the same words) is
recorded with ``count: 2``; a third one is new.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prose_lint.diagnostic import Diagnostic
from prose_lint.document import Document

if TYPE_CHECKING:
    from prose_lint.api import FileResult

VERSION = 1
CONTEXT_WORDS = 4  # words either side that make a finding's context
_WINDOW = 80  # characters searched for those words


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a prose-lint baseline; str() is one line."""


def fingerprints(document: Document, diagnostics: list[Diagnostic]) -> list[str]:
    """A short hash for each finding: its rule, the flagged text and up to four words either side.

    The words come from the finding's own block (paragraph, heading, list
    item) and from the prose, markup masked: a paragraph added before it, or
    a word put in bold next to it, leaves the fingerprint as it was.
    """
    blocks = sorted((block.start, block.end) for block in document.blocks)
    starts = [start for start, _ in blocks]
    result = []
    for diagnostic in diagnostics:
        index = bisect.bisect_right(starts, diagnostic.start) - 1
        inside = index >= 0 and diagnostic.start <= blocks[index][1]
        block_start, block_end = blocks[index] if inside else (0, len(document.text))
        result.append(_fingerprint(document, diagnostic, block_start, block_end))
    return result


def _fingerprint(document: Document, diagnostic: Diagnostic, block_start: int, block_end: int) -> str:
    prose = document.prose
    flagged = " ".join(document.text[diagnostic.start : diagnostic.end].split())
    left = max(block_start, diagnostic.start - _WINDOW)
    before = prose[left : diagnostic.start].split()
    if left > block_start and before:
        before = before[1:]  # the window may have cut the first word in two
    right = min(block_end, diagnostic.end + _WINDOW)
    after = prose[diagnostic.end : right].split()
    if right < block_end and after:
        after = after[:-1]
    key = "\0".join(
        (diagnostic.rule, flagged, " ".join(before[-CONTEXT_WORDS:]), " ".join(after[:CONTEXT_WORDS]))
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def baseline_path_key(path: str, folder: Path) -> str:
    """A draft's path as the baseline stores it: relative to the baseline's folder, with ``/``."""
    target = Path(path)
    if not target.exists():
        return path
    try:
        return Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return target.resolve().as_posix()


@dataclass
class Baseline:
    """Recorded findings: (path, rule, fingerprint) -> how many times it was seen."""

    folder: Path
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    texts: dict[tuple[str, str, str], str] = field(default_factory=dict)

    @classmethod
    def from_results(cls, results: list[FileResult], folder: Path) -> Baseline:
        baseline = cls(folder)
        for result in results:
            if result.document is None:
                continue
            for diagnostic, key in zip(result.diagnostics, _keys(result, folder), strict=True):
                baseline.counts[key] += 1
                baseline.texts.setdefault(key, diagnostic.text)
        return baseline

    def as_json(self) -> dict[str, Any]:
        findings = []
        for key, count in sorted(self.counts.items()):
            path, rule, print_ = key
            findings.append(
                {
                    "path": path,
                    "rule": rule,
                    "fingerprint": print_,
                    "text": self.texts.get(key, ""),
                    "count": count,
                }
            )
        return {"version": VERSION, "findings": findings}

    def write(self, target: Path) -> None:
        target.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def filter(self, results: list[FileResult], active: set[str] | None = None) -> int:
        """Drop the findings the baseline holds from ``results``; return how many recorded ones are gone.

        A recorded finding counts as gone only if its rule ran (``active``, when
        given): with ``--select``, the other rules' findings are not gone, just unchecked.
        """
        left = Counter(self.counts)
        for result in results:
            if result.document is None:
                continue
            kept = []
            for diagnostic, key in zip(result.diagnostics, _keys(result, self.folder), strict=True):
                if left[key] > 0:
                    left[key] -= 1
                else:
                    kept.append(diagnostic)
            result.diagnostics = kept
        linted = {baseline_path_key(r.path, self.folder) for r in results if r.document is not None}
        return sum(
            count
            for (path, rule, _), count in left.items()
            if path in linted and (active is None or rule in active)
        )


def _keys(result: FileResult, folder: Path) -> list[tuple[str, str, str]]:
    """(path, rule, fingerprint) of each of a draft's findings, in order."""
    path = baseline_path_key(result.path, folder)
    prints = fingerprints(result.document, result.diagnostics)
    return [(path, d.rule, print_) for d, print_ in zip(result.diagnostics, prints, strict=True)]


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; raises BaselineError with one line naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline file not found (create it with `prose-lint baseline {path}`)"
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: cannot read the baseline: {err}") from None
    except json.JSONDecodeError as err:
        raise BaselineError(
            f"{path}:{err.lineno}:{err.colno}: not a prose-lint baseline: {err.msg}"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f"{path}: not a prose-lint baseline (expected version {VERSION} with a 'findings' list)"
        )
    baseline = Baseline(path.parent)
    for index, entry in enumerate(data["findings"]):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BaselineError(
                f"{path}: finding {index + 1} needs 'path', 'rule', 'fingerprint' and a whole-number 'count'"
            ) from None
        baseline.counts[key] += count
        baseline.texts[key] = str(entry.get("text", ""))
    return baseline
