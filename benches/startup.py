"""What a pre-commit run pays before linting: imports, rule set-up, first use of each rule.

    python benches/startup.py                 # per-rule cost in a fresh process, on one example draft
    python benches/startup.py --runs 7        # also the whole command, median of 7 runs

Each figure is measured in a fresh interpreter (a child process), so caches of
an earlier measurement do not hide the cost; the prebuilt data caches under
``prose_lint.resources.cache_dir()`` are warm, as on every run after the first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "southern-nineveh-brief.md"

CHILD = """
import json, sys, time
start = time.perf_counter()
from prose_lint.api import lint_document
from prose_lint.analysis import Analysis
from prose_lint.config import load_config
from prose_lint.document import build_document
from prose_lint.source import read_source
imported = time.perf_counter()
config = load_config(None)
registry_start = time.perf_counter()
registry = config.registry
built = time.perf_counter()
rules = config.rules
source = read_source(sys.argv[1])
document = build_document(source)
parsed = time.perf_counter()
analysis = Analysis(document, config)
first_use = {}
for rule in rules:
    begin = time.perf_counter()
    list(rule.check(analysis))
    first_use[rule.id] = time.perf_counter() - begin
done = time.perf_counter()
print(json.dumps({
    "imports": imported - start,
    "config": registry_start - imported,
    "rule set-up (packs, patterns)": built - registry_start,
    "read + parse the draft": parsed - built,
    "first use of every rule": done - parsed,
    "rules": first_use,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("draft", nargs="?", default=str(DRAFT))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-c", CHILD, args.draft], capture_output=True, check=True)  # warm caches
    samples = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CHILD, args.draft], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(args.runs)
    ]
    print(f"{args.draft}: medians of {args.runs} fresh processes")
    for phase in (
        "imports",
        "config",
        "rule set-up (packs, patterns)",
        "read + parse the draft",
        "first use of every rule",
    ):
        print(f"  {phase:<32} {statistics.median(s[phase] for s in samples) * 1000:7.1f} ms")
    rules = {rule: statistics.median(s["rules"][rule] for s in samples) for rule in samples[0]["rules"]}
    for rule, seconds in sorted(rules.items(), key=lambda item: -item[1])[:12]:
        print(f"    {rule:<34} {seconds * 1000:7.1f} ms")
    walls = []
    for _ in range(args.runs):
        begin = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "prose_lint", "check", "-q", args.draft], capture_output=True, check=False
        )
        walls.append(time.perf_counter() - begin)
    print(
        f"whole command `prose-lint check -q {Path(args.draft).name}`: median {statistics.median(walls):.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
