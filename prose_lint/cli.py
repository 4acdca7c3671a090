"""The ``prose-lint`` command: parse arguments, call the API, pick a reporter.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings; 2 a usage,
config or input error (a file that could not be read, a broken config).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from prose_lint import __version__
from prose_lint.diagnostic import CATEGORIES, Severity

if TYPE_CHECKING:
    from prose_lint.api import FileResult, Selection
    from prose_lint.baseline import Baseline
    from prose_lint.fix import FixRun
    from prose_lint.reporters import ReportOptions
    from prose_lint.source import Source

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every other error
        self.exit(EXIT_ERROR, f"prose-lint: {message} (see `prose-lint {self.prog.split()[-1]} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prose-lint",
        description="An editorial quality linter for report drafts (Markdown and plain text).",
    )
    parser.add_argument("--version", action="version", version=f"prose-lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint drafts and folders of drafts")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders; - reads standard input (default: .)",
    )
    check.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this config instead of the nearest .prose-lint.yaml",
    )
    check.add_argument("--format", default="text", choices=_formats(), help="output format (default: text)")
    check.add_argument(
        "--fail-on",
        default="warning",
        choices=["info", "warning", "error"],
        help="exit 1 when a finding is at least this severe (default: warning)",
    )
    check.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="IDS",
        help="only these rule ids or categories (comma-separated)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="IDS",
        help="skip these rule ids or categories (comma-separated)",
    )
    check.add_argument("--no-color", action="store_true", help="plain text output without colours")
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="one line per finding, no source lines, no summary",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report (and choose the format by) for -",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive_int,
        default=None,
        metavar="N",
        help="lint drafts in N processes (default: the number of cores); output order is the same",
    )
    check.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the --format report to FILE; the terminal still gets the text report",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes in place (for -: print the fixed text); report what is left",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the changes --fix would make as a unified diff; exit 1 if there are any",
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, also apply fixes that need a human's look (e.g. wordy phrases)",
    )
    check.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="report only findings not recorded in FILE (see `prose-lint baseline`)",
    )
    check.set_defaults(handler=run_check)

    baseline = commands.add_parser(
        "baseline", help="record the current findings so that `check --baseline` reports only new ones"
    )
    baseline.add_argument("file", type=Path, metavar="FILE", help="the baseline to write (JSON)")
    baseline.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    baseline.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this config instead of the nearest .prose-lint.yaml",
    )
    baseline.set_defaults(handler=run_baseline)

    rules = commands.add_parser("rules", help="list every rule: id, category, default severity, description")
    rules.add_argument(
        "--config", type=Path, metavar="FILE", help="also list the rules of this config's packs"
    )
    rules.add_argument(
        "--format",
        default="text",
        choices=["text", "json", "markdown"],
        help="markdown writes the rule reference (docs/rules.md is generated this way)",
    )
    rules.set_defaults(handler=run_rules)

    init = commands.add_parser("init", help="write a commented starter .prose-lint.yaml")
    init.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="where to write it (default: .)"
    )
    init.add_argument("--force", action="store_true", help="overwrite an existing .prose-lint.yaml")
    init.set_defaults(handler=run_init)

    accept = commands.add_parser(
        "accept", help="add words to the house vocabulary (vocabulary: accept:) of the nearest config"
    )
    accept.add_argument("words", nargs="+", metavar="WORD", help="words never to flag as misspelled")
    accept.add_argument(
        "--config", type=Path, metavar="FILE", help="edit this config instead of the nearest .prose-lint.yaml"
    )
    accept.set_defaults(handler=run_accept)
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _formats() -> list[str]:
    from prose_lint.reporters import FORMATS

    return sorted(FORMATS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("prose-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def _split_ids(values: list[str]) -> frozenset[str]:
    return frozenset(item.strip() for value in values for item in value.split(",") if item.strip())


def run_check(args: argparse.Namespace) -> int:
    from prose_lint.api import Selection, SelectionError, lint_paths
    from prose_lint.reporters import ReportOptions, write_report

    selection = Selection(_split_ids(args.select), _split_ids(args.ignore))
    if args.config is not None and not args.config.is_file():
        print(f"prose-lint: {args.config}: config file not found", file=sys.stderr)
        return EXIT_ERROR
    from prose_lint.progress import with_progress

    baseline = None
    if args.baseline is not None:  # imported only then: hashlib loads OpenSSL (5 ms of every run)
        from prose_lint.baseline import BaselineError, load_baseline

        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as err:
            print(f"prose-lint: {err}", file=sys.stderr)
            return EXIT_ERROR
    paths = args.paths or ["."]
    try:
        jobs = args.jobs or _cores()
        linted = lint_paths(paths, args.config, selection, args.stdin_filename, jobs)
        results, errors = _collect(with_progress(linted, paths, args.config, sys.stderr))
    except SelectionError as err:
        print(f"prose-lint: {err}", file=sys.stderr)
        return EXIT_ERROR
    if baseline is not None:
        _filter_baseline(baseline, results, args.baseline, selection)
    report_out = sys.stdout
    if args.fix or args.diff:
        run = _run_fixes(args, results, selection, baseline)
        errors = errors or run.failed
        if args.diff:
            return EXIT_ERROR if errors else (EXIT_FINDINGS if run.fixed else EXIT_CLEAN)
        if "-" in paths:
            report_out = sys.stderr  # standard output carries the fixed draft
    options = ReportOptions(color=False if args.no_color else None, quiet=args.quiet)
    if args.output is not None:
        if not _write_output(args.format, results, args.output, options):
            return EXIT_ERROR
        write_report("text", results, report_out, options)
    else:
        write_report(args.format, results, report_out, options)
    if errors:
        return EXIT_ERROR
    threshold = Severity.parse(args.fail_on)
    failing = any(d.severity >= threshold for r in results for d in r.diagnostics)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _collect(linted: Iterable[FileResult]) -> tuple[list[FileResult], bool]:
    """Every result, each error and warning printed once on stderr; and whether a file could not be read."""
    results = []
    errors = False
    printed: set[str] = set()
    for result in linted:
        for line in ([result.error] if result.error else []) + result.warnings:
            _print_once(line, printed, sys.stderr)
        errors = errors or result.error is not None
        results.append(result)
    return results, errors


def _filter_baseline(baseline: Baseline, results: list[FileResult], path: Path, selection: Selection) -> None:
    active = {
        rule.id
        for result in results
        if result.config is not None
        for rule in result.config.rules
        if selection.allows(rule.id, rule.info.category)
    }
    gone = baseline.filter(results, active)
    if gone:
        noun = "finding" if gone == 1 else "findings"
        print(
            f"prose-lint: {gone} {noun} recorded in {path} no longer occur "
            f"(run `prose-lint baseline {path}` to forget them)",
            file=sys.stderr,
        )


def _run_fixes(
    args: argparse.Namespace, results: list[FileResult], selection: Selection, baseline: Baseline | None
) -> FixRun:
    from prose_lint.api import lint_source
    from prose_lint.fix import fix_results, fix_summary

    stdin_name = args.stdin_filename or "<stdin>"
    reads_stdin = "-" in (args.paths or [])

    def relint(result: FileResult, source: Source) -> FileResult:
        fresh = lint_source(source, result.config, selection)
        if baseline is not None:
            baseline.filter([fresh])
        return fresh

    run = fix_results(
        results,
        unsafe=args.unsafe_fixes,
        diff_only=args.diff,
        relint=relint,
        is_stdin=lambda result: reads_stdin and result.path == stdin_name,
        out=sys.stdout,
        err=sys.stderr,
    )
    print(fix_summary(run, args.diff), file=sys.stderr)
    return run


def _write_output(fmt: str, results: list[FileResult], target: Path, options: ReportOptions) -> bool:
    from dataclasses import replace

    from prose_lint.reporters import write_report

    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            write_report(fmt, results, handle, replace(options, color=False))
    except OSError as err:
        print(f"prose-lint: {target}: cannot write the report: {err.strerror or err}", file=sys.stderr)
        return False
    return True


def _print_once(line: str, printed: set[str], stream: TextIO) -> None:
    if line not in printed:
        printed.add(line)
        print(line, file=stream)


def run_baseline(args: argparse.Namespace) -> int:
    from prose_lint.api import lint_paths
    from prose_lint.baseline import Baseline

    results, errors = _collect(lint_paths(args.paths or ["."], args.config))
    baseline = Baseline.from_results(results, args.file.parent)
    try:
        baseline.write(args.file)
    except OSError as err:
        print(f"prose-lint: {args.file}: cannot write the baseline: {err.strerror or err}", file=sys.stderr)
        return EXIT_ERROR
    findings = sum(baseline.counts.values())
    files = sum(1 for r in results if r.document is not None)
    print(
        f"Wrote {args.file}: {findings} {'finding' if findings == 1 else 'findings'} "
        f"in {files} {'file' if files == 1 else 'files'}"
    )
    return EXIT_ERROR if errors else EXIT_CLEAN


def run_rules(args: argparse.Namespace) -> int:
    import json

    from prose_lint.config import load_config
    from prose_lint.suppress import ENGINE_RULES
    from prose_lint.yamlio import YamlError

    try:
        config = load_config(args.config)
    except YamlError as err:
        print(err, file=sys.stderr)
        return EXIT_ERROR
    rows = [(r.id, r.info.category, r.info.severity.label, r.info.description) for r in config.registry]
    rows += [
        (rule_id, rule_id.split("/")[0], sev.label, text) for rule_id, (sev, text) in ENGINE_RULES.items()
    ]
    rows.sort(key=lambda row: (CATEGORIES.index(row[1]) if row[1] in CATEGORIES else 99, row[0]))
    if args.format == "json":
        keys = ("id", "category", "severity", "description")
        json.dump([dict(zip(keys, row, strict=True)) for row in rows], sys.stdout, indent=2)
        print()
        return EXIT_CLEAN
    if args.format == "markdown":
        from prose_lint.rule_docs import rule_reference

        sys.stdout.write(rule_reference(config.registry, rows))
        return EXIT_CLEAN
    width = max(len(row[0]) for row in rows)
    for rule_id, category, severity, description in rows:
        print(f"{rule_id:<{width}}  {category:<9}  {severity:<7}  {description}")
    return EXIT_CLEAN


def run_init(args: argparse.Namespace) -> int:
    from importlib.resources import files

    target = args.folder / ".prose-lint.yaml"
    if not args.folder.is_dir():
        print(f"prose-lint: {args.folder}: no such folder", file=sys.stderr)
        return EXIT_ERROR
    if target.exists() and not args.force:
        print(f"prose-lint: {target}: already exists (use --force to overwrite)", file=sys.stderr)
        return EXIT_ERROR
    starter = files("prose_lint").joinpath("starter_config.yaml").read_text(encoding="utf-8")
    target.write_text(starter, encoding="utf-8")
    print(f"Wrote {target}")
    return EXIT_CLEAN


def run_accept(args: argparse.Namespace) -> int:
    from prose_lint.config import find_config
    from prose_lint.vocabulary import accept_words
    from prose_lint.yamlio import YamlError

    path = args.config if args.config is not None else find_config(Path.cwd())
    if path is None:
        print(
            "prose-lint: no .prose-lint.yaml here or above (create one with `prose-lint init`)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    if not path.is_file():
        print(f"prose-lint: {path}: config file not found", file=sys.stderr)
        return EXIT_ERROR
    try:
        result = accept_words(path, args.words)
    except YamlError as err:
        print(err, file=sys.stderr)
        return EXIT_ERROR
    except OSError as err:
        print(f"prose-lint: {path}: cannot write: {err.strerror}", file=sys.stderr)
        return EXIT_ERROR
    if result.added:
        print(f"Added to {path}: {', '.join(result.added)}")
    if result.already:
        print(f"Already accepted in {path}: {', '.join(result.already)}")
    return EXIT_CLEAN
