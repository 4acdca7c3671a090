"""The small, pure API every front end calls: lint a text, lint paths.

>>> from prose_lint.api import lint_text
>>> [d.rule for d in lint_text("The the plan failed.")]
['grammar/repeated-word']

The CLI, the pre-commit hook, CI reports, an editor plugin or a batch job over
an archive all go through these functions; none reaches into rule internals.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prose_lint.analysis import Analysis
from prose_lint.config import Config, ConfigCache, load_config
from prose_lint.diagnostic import CATEGORIES, Diagnostic
from prose_lint.document import Document, build_document
from prose_lint.engines import run_engines
from prose_lint.source import (
    DRAFT_SUFFIXES,
    STDIN_PATH,
    InputError,
    Source,
    detect_format,
    read_source,
)
from prose_lint.suppress import ENGINE_RULES, parse_suppressions
from prose_lint.yamlio import YamlError

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


class SelectionError(ValueError):
    """--select or --ignore names a rule or category that does not exist."""


@dataclass(frozen=True)
class Selection:
    """Which rules run: ``select`` (empty: all) minus ``ignore``; ids or categories."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def allows(self, rule_id: str, category: str) -> bool:
        if self.select and rule_id not in self.select and category not in self.select:
            return False
        return rule_id not in self.ignore and category not in self.ignore

    def check_known(self, config: Config) -> None:
        known = set(config.registry.rules) | set(CATEGORIES) | set(ENGINE_RULES)
        for option, names in (("--select", self.select), ("--ignore", self.ignore)):
            for name in sorted(names):
                if name not in known and not name.startswith("languagetool"):
                    raise SelectionError(
                        f"{option}: unknown rule id or category {name!r} (see `prose-lint rules`)"
                    )


ALL = Selection()


@dataclass
class FileResult:
    """The outcome for one draft: diagnostics, or the one-line error that stopped it."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None
    source: Source | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    # The config that linted the draft: reporters read rule metadata from its registry.
    config: Config | None = None


def lint_document(
    document: Document, config: Config, selection: Selection = ALL
) -> tuple[list[Diagnostic], list[str]]:
    """Run every active rule on a document; return (diagnostics, internal warnings)."""
    analysis = Analysis(document, config)
    found: list[Diagnostic] = []
    warnings: list[str] = []
    for rule in config.rules:
        if not selection.allows(rule.id, rule.info.category):
            continue
        try:
            for diagnostic in rule.check(analysis):
                diagnostic.severity = rule.severity
                found.append(diagnostic)
        except Exception as err:  # a rule's bug must not cost the user the other rules
            warnings.append(f"{document.path}: internal error in rule {rule.id}: {type(err).__name__}: {err}")
    engine_found, engine_warnings = run_engines(document, config, selection, found)
    found.extend(engine_found)
    warnings.extend(engine_warnings)
    found = _apply_suppressions(document, config, selection, found)
    return _finish(document, found), warnings


def _apply_suppressions(
    document: Document, config: Config, selection: Selection, found: list[Diagnostic]
) -> list[Diagnostic]:
    if not document.comments:
        return found
    known = set(config.registry.rules) | set(ENGINE_RULES)
    suppressions = parse_suppressions(document, known, set(CATEGORIES))
    kept = suppressions.apply(found)
    for diagnostic in [*suppressions.problems, *suppressions.unused()]:
        severity = config.severity_of(diagnostic.rule, diagnostic.category, diagnostic.severity)
        if severity and selection.allows(diagnostic.rule, diagnostic.category):
            diagnostic.severity = severity
            kept.append(diagnostic)
    return kept


def _finish(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Fill in each diagnostic's text; sort by position; one finding per rule and span."""
    seen: set[tuple[str, int, int]] = set()
    result = []
    for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
        key = (diagnostic.rule, diagnostic.start, diagnostic.end)
        if key in seen:
            continue
        seen.add(key)
        diagnostic.text = document.text[diagnostic.start : diagnostic.end]
        result.append(diagnostic)
    return result


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    fmt: str | None = None,
    selection: Selection = ALL,
) -> list[Diagnostic]:
    """Lint a string. ``fmt`` is ``markdown`` or ``text`` (default: from the path's suffix)."""
    config = config if config is not None else load_config(None)
    source = Source(path, text, fmt or detect_format(path, text))
    diagnostics, _ = lint_document(build_document(source), config, selection)
    return diagnostics


def lint_source(source: Source, config: Config, selection: Selection = ALL) -> FileResult:
    document = build_document(source)
    diagnostics, warnings = lint_document(document, config, selection)
    return FileResult(
        source.path, diagnostics, document, source, warnings=[*document.notes, *warnings], config=config
    )


def lint_file(
    path: Path | str, configs: ConfigCache, selection: Selection = ALL, display: str | None = None
) -> FileResult:
    """Read, configure and lint one file; every failure becomes ``FileResult.error``."""
    name = display or str(path)
    try:
        config = configs.for_path(None if str(path) == STDIN_PATH else Path(path))
        selection.check_known(config)
        source = read_source(path)
    except (InputError, YamlError) as err:
        return FileResult(name, error=str(err))
    if display:
        source = Source(display, source.text, detect_format(display), source.encoding, source.bom, source.raw)
    result = lint_source(source, config, selection)
    if not source.text.strip():
        result.warnings.append(f"{name}: empty file, nothing to lint")
    return result


def lint_paths(
    paths: Sequence[str],
    config_path: Path | None = None,
    selection: Selection = ALL,
    stdin_filename: str | None = None,
    jobs: int = 1,
) -> Iterator[FileResult]:
    """Lint files and folders (recursing into drafts); ``-`` is standard input.

    With ``jobs`` > 1 and enough drafts, drafts are linted in that many
    processes; results come back in the same order as a serial run.
    """
    configs = ConfigCache(config_path)
    items = list(expand_paths(paths, configs))
    drafts = sum(1 for item in items if isinstance(item, Path))
    if jobs > 1 and drafts >= PARALLEL_MIN_DRAFTS:
        yield from _lint_in_processes(items, configs, selection, stdin_filename, jobs)
        return
    for item in items:
        yield _lint_item(item, configs, selection, stdin_filename)


# Below this many drafts, starting processes costs more than it saves.
PARALLEL_MIN_DRAFTS = 4


def _lint_item(
    item: Path | str | FileResult, configs: ConfigCache, selection: Selection, stdin_filename: str | None
) -> FileResult:
    if isinstance(item, FileResult):
        return item
    if str(item) == STDIN_PATH:
        return lint_file(STDIN_PATH, configs, selection, display=stdin_filename or "<stdin>")
    return lint_file(item, configs, selection)


def _lint_in_processes(
    items: list, configs: ConfigCache, selection: Selection, stdin_filename: str | None, jobs: int
) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    first = next(index for index, item in enumerate(items) if isinstance(item, Path))
    # The first draft is linted here before the workers start, so that they are
    # forked with the packs compiled and the dictionaries loaded.
    warm = _lint_item(items[first], configs, selection, stdin_filename)
    context = (
        multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = {
            index: pool.submit(_lint_in_worker, str(item), configs.explicit, selection)
            for index, item in enumerate(items)
            if isinstance(item, Path) and index != first
        }
        for index, item in enumerate(items):
            if index == first:
                yield warm
            elif index in futures:
                result = futures[index].result()
                if result.error is None:
                    result.config = configs.for_path(Path(result.path))
                yield result
            else:
                yield _lint_item(item, configs, selection, stdin_filename)


_worker_configs: dict[Path | None, ConfigCache] = {}


def _lint_in_worker(path: str, config_path: Path | None, selection: Selection) -> FileResult:
    """Runs in a worker process; the result travels back without its Config (rules do not pickle cheaply)."""
    configs = _worker_configs.setdefault(config_path, ConfigCache(config_path))
    result = lint_file(Path(path), configs, selection)
    result.config = None
    return result


def expand_paths(paths: Iterable[str], configs: ConfigCache) -> Iterator[Path | str | FileResult]:
    """Files in the order given, folders walked in sorted order; problems as FileResults."""
    for name in paths:
        if name == STDIN_PATH:
            yield STDIN_PATH
            continue
        path = Path(name)
        if path.is_dir():
            found = False
            for draft in _walk(path, configs):
                found = True
                yield draft
            if not found:
                suffixes = ", ".join(f"*{s}" for s in sorted(DRAFT_SUFFIXES))
                result = FileResult(name)
                result.warnings.append(f"{name}: no drafts found ({suffixes})")
                yield result
        elif not _ignored(path, configs):
            yield path


def _walk(folder: Path, configs: ConfigCache) -> Iterator[Path]:
    for root, dirs, files in os.walk(
        folder,
        onerror=lambda err: print(
            f"prose-lint: {err.filename}: cannot read folder: {err.strerror}", file=sys.stderr
        ),
    ):
        base = Path(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in SKIPPED_FOLDERS and not _ignored(base / d, configs)
        )
        for name in sorted(files):
            path = base / name
            if (
                path.suffix.lower() in DRAFT_SUFFIXES
                and not name.startswith(".")
                and not _ignored(path, configs)
            ):
                yield path


def _ignored(path: Path, configs: ConfigCache) -> bool:
    try:
        return configs.for_path(path).is_ignored(path)
    except YamlError:
        return False  # the broken config is reported when the file is linted
