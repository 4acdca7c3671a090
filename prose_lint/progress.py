"""A progress bar on standard error while many drafts are linted at a terminal.

Only when standard error is a terminal and there are at least ``MIN_FILES``
drafts: a pre-commit hook, a CI log or a pipe never sees it, and a handful of
files lints faster than a bar could be read. The bar is drawn by rich and
disappears when the work is done; lines printed meanwhile appear above it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from prose_lint.api import FileResult

MIN_FILES = 10


def count_drafts(paths: Sequence[str], config_path: Path | None) -> int:
    """How many drafts ``lint_paths`` will read (folders walked once more: cheap next to linting)."""
    from prose_lint.api import FileResult, expand_paths
    from prose_lint.config import ConfigCache

    return sum(
        1 for item in expand_paths(paths, ConfigCache(config_path)) if not isinstance(item, FileResult)
    )


def with_progress(
    results: Iterator[FileResult], paths: Sequence[str], config_path: Path | None, stream: TextIO
) -> Iterator[FileResult]:
    """Pass ``results`` through, advancing a bar on ``stream`` when it is a terminal and there is much to do."""
    if not _is_terminal(stream):
        yield from results
        return
    total = count_drafts(paths, config_path)
    if total < MIN_FILES:
        yield from results
        return
    from rich.console import Console  # only at a terminal with much to do: import time matters
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("Linting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
    )
    with Progress(*columns, console=Console(file=stream), transient=True) as progress:
        task = progress.add_task("lint", total=total, current="")
        for result in results:
            if result.source is not None or result.error is not None:
                progress.update(task, advance=1, current=result.path)
            yield result


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
