"""Two checkouts of prose-lint timed alternately on the same drafts: what a change bought.

    git worktree add /tmp/before <commit>
    python benches/compare_versions.py /tmp/before            # 9 rounds
    python benches/compare_versions.py /tmp/before --rounds 5

On a shared machine the speed of a run drifts by tens of percent within
minutes, so figures taken at different times cannot be compared. Here each
round runs the older checkout and then this one on every text, as whole
processes (`python -m prose_lint check -q --jobs 1`, bytecode allowed, data
caches warmed first), and the table gives the medians and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def texts(scratch: Path) -> dict[str, list[Path]]:
    found = {
        "Markdown example": [ROOT / "examples" / "southern-nineveh-brief.md"],
        "plain-text example": [ROOT / "examples" / "deir-ez-zor-water.txt"],
    }
    if (SHARED / "bench" / "sotu-100k.txt").is_file():
        words = (SHARED / "bench" / "sotu-100k.txt").read_text(encoding="utf-8").split(" ")
        excerpt = scratch / "sotu-1000.txt"
        excerpt.write_text(" ".join(words[:1000]), encoding="utf-8")
        found["1,000 words of sotu-100k.txt"] = [excerpt]
        found["sotu-100k.txt"] = [SHARED / "bench" / "sotu-100k.txt"]
    if (SHARED / "corpus").is_dir():
        found["../shared/corpus"] = [SHARED / "corpus"]
    return found


def run(checkout: Path, files: list[Path]) -> float:
    env = dict(ENV, PYTHONPATH=str(checkout))
    command = [sys.executable, "-m", "prose_lint", "check", "-q", "--jobs", "1", *map(str, files)]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path, help="the older checkout (a git worktree)")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    if not (args.before / "prose_lint" / "__init__.py").is_file():
        print(f"{args.before}: not a prose-lint checkout (no prose_lint/__init__.py)", file=sys.stderr)
        return 2
    checkouts = {"before": args.before.resolve(), "after": ROOT}
    print("| draft | before s | after s | after / before |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for label, files in texts(Path(scratch)).items():
            for checkout in checkouts.values():
                run(checkout, files)  # builds each version's caches
            times: dict[str, list[float]] = {name: [] for name in checkouts}
            for _ in range(args.rounds):
                for name, checkout in checkouts.items():
                    times[name].append(run(checkout, files))
            before, after = (statistics.median(times[name]) for name in checkouts)
            print(f"| {label} | {before:.3f} | {after:.3f} | {after / before:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
