"""Words per second of prose-lint on ../shared/corpus (or any folders and files given).

    python benches/throughput.py                      # the shared corpus, all default rules
    python benches/throughput.py --engine-only        # document + tokens + sentences, no rules
    python benches/throughput.py --runs 7 ../shared/bench/sotu-100k.txt
    python benches/throughput.py --select grammar     # only some rules

Prints words, median seconds over the runs, words per second, and (with
--by-rule) the time each rule takes. Runs in-process after one warm-up run, so
start-up is not counted here (benches/startup.sh measures it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from prose_lint.analysis import Analysis
from prose_lint.api import Selection, lint_document
from prose_lint.config import load_config
from prose_lint.document import build_document
from prose_lint.source import DRAFT_SUFFIXES, read_source

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in DRAFT_SUFFIXES))
        elif path.is_file():
            files.append(path)
    return files


def engine_only(sources) -> int:
    words = 0
    for source in sources:
        analysis = Analysis(build_document(source))
        assert analysis.sentences is not None  # forces sentence splitting
        words += analysis.word_count
    return words


def with_rules(sources, config, selection) -> int:
    words = 0
    for source in sources:
        document = build_document(source)
        lint_document(document, config, selection)
        words += Analysis(document).word_count
    return words


def time_rules(sources, config, selection) -> dict[str, float]:
    spent: dict[str, float] = {}
    for source in sources:
        analysis = Analysis(build_document(source), config)
        for rule in config.rules:
            if not selection.allows(rule.id, rule.info.category):
                continue
            start = time.perf_counter()
            list(rule.check(analysis))
            spent[rule.id] = spent.get(rule.id, 0.0) + time.perf_counter() - start
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="files or folders (default: ../shared/corpus)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engine-only", action="store_true", help="parse, tokenize and split only")
    parser.add_argument("--select", default="", help="comma-separated rule ids or categories")
    parser.add_argument("--by-rule", action="store_true", help="also print the time of each rule")
    args = parser.parse_args()

    paths = args.paths or [str(SHARED / "corpus")]
    files = collect(paths)
    if not files:
        print(f"no drafts found in {', '.join(paths)} (the shared corpus lives beside the checkout)")
        return 0
    sources = [read_source(path) for path in files]
    config = load_config(None)
    selection = Selection(frozenset(s for s in args.select.split(",") if s))

    def run() -> int:
        return engine_only(sources) if args.engine_only else with_rules(sources, config, selection)

    words = run()  # warm-up: imports, packs, dictionaries
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    what = "engine only" if args.engine_only else f"rules: {args.select or 'all default'}"
    print(f"{len(files)} files, {words} words ({what})")
    print(f"median {median:.3f} s over {args.runs} runs (min {min(times):.3f} s)")
    print(f"{words / median:,.0f} words per second")
    if args.by_rule:
        for rule_id, seconds in sorted(time_rules(sources, config, selection).items(), key=lambda i: -i[1]):
            print(
                f"  {rule_id:<36} {seconds * 1000:8.1f} ms  {words / seconds if seconds else 0:>14,.0f} w/s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
