"""prose-lint beside the linters a user would pick instead, timed in one run on the same text.

    python benches/peers.py --setup      # once: install the peers into a throwaway folder
    python benches/peers.py              # time every tool (median of 5), print a table
    python benches/peers.py --runs 3 --only prose-lint,codespell

The peers (proselint, codespell, Harper via harper-py, write-good from npm)
are installed into ``$PEERS_DIR`` (default /tmp/prose-lint-peers), never into
the project's dependencies. Texts: one 100,000-word file built from
../shared/corpus, the corpus as many small files, and ../shared/bench's
100k- and 1M-word files (for linear scaling). Each command is timed as a whole
process (wall time, median of --runs), with peak memory from /usr/bin/time -v.
Ratios are prose-lint's time over the peer's, from the same run. prose-lint
runs with --jobs 1 (one core) unless the row says otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
PEERS_DIR = Path(os.environ.get("PEERS_DIR", "/tmp/prose-lint-peers"))
PEER_VENV = PEERS_DIR / "venv"
PEER_NODE = PEERS_DIR / "node"
HARPER_SCRIPT = """
import sys
from harper import Linter  # harper-py
linter = Linter()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        for lint in linter.lint(handle.read()):
            pass
"""


def setup() -> None:
    PEERS_DIR.mkdir(parents=True, exist_ok=True)
    if not PEER_VENV.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run(
        [str(PEER_VENV / "bin" / "pip"), "install", "-q", "proselint", "codespell", "harper-py"], check=True
    )
    PEER_NODE.mkdir(exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--prefix", str(PEER_NODE), "write-good"], check=True)
    print(f"peers installed in {PEERS_DIR}")


def commands(files: list[Path]) -> dict[str, list[str]]:
    names = [str(f) for f in files]
    prose_lint = shutil.which("prose-lint") or ""
    found = {
        "prose-lint": [prose_lint, "check", "--quiet", "--jobs", "1", *names] if prose_lint else [],
        "prose-lint --jobs 2": [prose_lint, "check", "--quiet", "--jobs", "2", *names]
        if prose_lint and len(files) > 1
        else [],
        "codespell": [str(PEER_VENV / "bin" / "codespell"), *names],
        "proselint": [str(PEER_VENV / "bin" / "proselint"), "check", *names],
        "harper": [str(PEER_VENV / "bin" / "python"), "-c", HARPER_SCRIPT, *names],
        "write-good": [str(PEER_NODE / "node_modules" / ".bin" / "write-good"), *names],
    }
    return {name: argv for name, argv in found.items() if argv and Path(argv[0]).exists()}


# Bytecode is allowed (as after any `pip install`), so no run pays for compiling the sources.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def time_command(argv: list[str], runs: int) -> tuple[float, float]:
    """(median wall seconds, peak resident MB) of a whole process, after one warm-up run."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append(time.perf_counter() - start)
    measured = subprocess.run(
        ["/usr/bin/time", "-v", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env=ENV,
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", measured.stderr)
    return statistics.median(times), int(peak.group(1)) / 1024 if peak else float("nan")


def count_words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def corpus_files() -> list[Path]:
    return sorted(p for p in (SHARED / "corpus").rglob("*.txt"))


def hundred_k_file(folder: Path) -> Path:
    """One file of ~100,000 words made from the corpus documents."""
    pieces, words = [], 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        pieces.append(text)
        words += len(text.split())
        if words >= 100_000:
            break
    target = folder / "corpus-100k.txt"
    target.write_text("\n\n".join(pieces), encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--setup", action="store_true", help="install the peers, then exit")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated tool names")
    args = parser.parse_args()
    if args.setup:
        setup()
        return 0
    if not (SHARED / "corpus").is_dir():
        print(f"{SHARED} is absent: the benchmark texts live beside the checkout")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        texts = {
            "corpus as one 100k-word file": [hundred_k_file(Path(scratch))],
            f"corpus as {len(corpus_files())} small files": corpus_files(),
            "sotu-100k.txt": [SHARED / "bench" / "sotu-100k.txt"],
            "sotu-1m.txt": [SHARED / "bench" / "sotu-1m.txt"],
        }
        wanted = {n for n in args.only.split(",") if n}
        for label, files in texts.items():
            words = count_words(files)
            tools = {n: a for n, a in commands(files).items() if not wanted or n in wanted}
            if label == "sotu-1m.txt":
                # For scaling only: the slow peers would take many minutes a run
                # (their 1M figures are in ../shared/bench/README.md).
                tools = {n: a for n, a in tools.items() if n in ("prose-lint", "codespell")}
            print(f"\n## {label}: {words:,} words\n")
            print("| tool | median s | words/s | peak MB | prose-lint time / tool time |")
            print("|---|---:|---:|---:|---:|")
            results = {name: time_command(argv, args.runs) for name, argv in tools.items()}
            ours = results.get("prose-lint", (float("nan"), 0))[0]
            for name, (seconds, peak) in results.items():
                ratio = ours / seconds if seconds else float("nan")
                print(f"| {name} | {seconds:.2f} | {words / seconds:,.0f} | {peak:.0f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
