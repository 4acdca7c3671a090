"""Time each report format, --fix planning and baseline fingerprints on one large draft.

    python benches/bench_reports.py ../shared/bench/sotu-100k.txt [--every 25] [--runs 5]

The draft is linted once with the default rules; then a synthetic finding with
a safe fix is added on every Nth long word (so the reporters have a realistic
load whatever rules exist), spread over the five categories. Prints the
minimum and median of several runs per format, and the size of the output.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from prose_lint.api import FileResult, lint_source
from prose_lint.baseline import Baseline
from prose_lint.config import load_config
from prose_lint.diagnostic import CATEGORIES, Applicability, Diagnostic, Edit, Fix, Severity
from prose_lint.fix import plan_fixes
from prose_lint.reporters import ReportOptions, write_report
from prose_lint.source import read_source

FORMATS = ("text", "json", "sarif", "github", "markdown", "html")


def loaded_result(path: Path, every: int) -> FileResult:
    result = lint_source(read_source(path), load_config(None))
    text = result.source.text
    for index, match in enumerate(re.finditer(r"\b\w{6,}\b", text)):
        if index % every:
            continue
        start, end = match.span()
        fix = Fix("Upper-case it", (Edit(start, end, match.group().upper()),), Applicability.SAFE)
        category = CATEGORIES[index // every % len(CATEGORIES)]
        diagnostic = Diagnostic(
            f"{category}/synthetic",
            category,
            Severity.WARNING,
            "synthetic",
            start,
            end,
            [match.group().upper()],
            fix,
        )
        diagnostic.text = match.group()
        result.diagnostics.append(diagnostic)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--every", type=int, default=25, help="a finding on every Nth long word")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = loaded_result(args.draft, args.every)
    words = len(result.source.text.split())
    print(f"{args.draft}: {words} words, {len(result.diagnostics)} findings")
    options = ReportOptions(color=False, width=100)
    for fmt in FORMATS:
        out = io.StringIO()

        def render(fmt: str = fmt, out: io.StringIO = out) -> None:
            out.seek(0)
            out.truncate()
            write_report(fmt, [result], out, options)

        best, median = timed(render, args.runs)
        print(
            f"{fmt:10} min {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms  {len(out.getvalue()) // 1024} KiB"
        )
    for name, work in (
        ("fix plan", lambda: plan_fixes(result)),
        ("baseline", lambda: Baseline.from_results([result], Path.cwd())),
    ):
        best, median = timed(work, args.runs)
        print(f"{name:10} min {best * 1000:6.1f} ms  median {median * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
