"""Accuracy and speed of the citations rules (citations/uncited-figure, citations/vague-source).

Run from the repository root:

    python benches/citations.py                # everything
    python benches/citations.py drafts proxy   # some parts: drafts, proxy, bbc, speed
    python benches/citations.py bbc --sample 20 --seed 5

- drafts: the planted figures of tests/fixtures/planted.yaml in examples/.
- proxy: precision and recall of uncited-figure against `needs_citation` on the
  sentences with a digit of ClaimBuster and CheckThat! 2019 task 1 (a proxy:
  those are spoken claims, not report sentences).
- bbc: flags per 10,000 words on edited news (../shared/corpus/bbc_news) and a
  random sample of flags to read and class by hand.
- speed: milliseconds the family adds per 100,000 words
  (../shared/bench/sotu-100k.txt), median and min of several runs, each on a
  fresh Analysis (the rules share nothing with the other families).

The evaluation data lives in ../shared and is read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (a git worktree sits one folder deeper), or $PROSE_LINT_SHARED.
SHARED = next(
    (
        path
        for path in (
            Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared")),
            ROOT.parent.parent / "shared",
        )
        if path.is_dir()
    ),
    ROOT.parent / "shared",
)
sys.path.insert(0, str(ROOT))

from prose_lint.analysis import Analysis  # noqa: E402
from prose_lint.api import Selection, lint_text  # noqa: E402
from prose_lint.config import load_config  # noqa: E402
from prose_lint.document import document_from_text  # noqa: E402
from prose_lint.yamlio import load_yaml, plain  # noqa: E402

UNCITED = "citations/uncited-figure"
VAGUE = "citations/vague-source"
FAMILY = Selection(frozenset({"citations"}))
_WORDS = re.compile(r"\w+")


def lint(text: str, fmt: str) -> list:
    return lint_text(
        text, "draft.md" if fmt == "markdown" else "draft.txt", CONFIG, fmt=fmt, selection=FAMILY
    )


def drafts() -> None:
    """Every planted uncited figure flagged, no attributed one flagged, every vague source flagged."""
    planted = plain(load_yaml(ROOT / "tests" / "fixtures" / "planted.yaml"))
    print("== drafts (tests/fixtures/planted.yaml)")
    for name, families in planted.items():
        path = ROOT / "examples" / name
        found = lint(path.read_text(encoding="utf-8"), "markdown" if name.endswith(".md") else "text")
        uncited = [d.text for d in found if d.rule == UNCITED]
        vague = [d.text for d in found if d.rule == VAGUE]
        expected = families.get("citations", {})
        hits = [t for t in expected.get("uncited", []) if t in uncited]
        wrong = [t for t in expected.get("attributed", []) if any(t in u or u in t for u in uncited)]
        vague_hits = [t for t in expected.get("vague", []) if t in vague]
        extra = [u for u in uncited if u not in expected.get("uncited", [])]
        print(
            f"{name}: uncited {len(hits)}/{len(expected.get('uncited', []))} flagged, "
            f"attributed flagged {len(wrong)}/{len(expected.get('attributed', []))}, "
            f"vague {len(vague_hits)}/{len(expected.get('vague', []))}, unplanted flags {extra}"
        )


def proxy() -> None:
    """Sentence-level precision/recall of uncited-figure against needs_citation (has_digit only)."""
    print("== proxy: uncited-figure vs needs_citation, sentences with a digit (spoken claims: a proxy)")
    sets = {
        "claimbuster test (balanced)": ["claimbuster/claimbuster_test_balanced.jsonl"],
        "claimbuster 2.5xNCS": ["claimbuster/claimbuster_2.5xNCS.jsonl"],
        "checkthat2019 task1 test": ["checkthat2019_task1/checkthat2019_task1_test.jsonl"],
        "checkthat2019 task1 train": ["checkthat2019_task1/checkthat2019_task1_train.jsonl"],
    }
    for name, files in sets.items():
        rows = [row for f in files for row in _jsonl(SHARED / "eval" / "citation" / f) if row["has_digit"]]
        tp = fp = fn = tn = 0
        for row in rows:
            flagged = any(d.rule == UNCITED for d in lint(row["text"], "text"))
            wanted = row["label"] == "needs_citation"
            tp += flagged and wanted
            fp += flagged and not wanted
            fn += wanted and not flagged
            tn += not wanted and not flagged
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        base = (tp + fn) / len(rows) if rows else 0.0
        print(
            f"{name}: {len(rows)} sentences, positives {tp + fn} (base rate {base:.1%}); "
            f"flagged {tp + fp}; precision {precision:.1%}, recall {recall:.1%} (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
        )


def bbc(sample: int, seed: int) -> None:
    """Flags per 10,000 words on edited news, and a sample of flags with their sentence."""
    folder = SHARED / "corpus" / "bbc_news"
    words = 0
    flags: list[tuple[str, str, str, str]] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(_WORDS.findall(text))
        for d in lint(text, "text"):
            flags.append((path.name, d.rule, d.text, _context(text, d.start, d.end)))
    print(f"== bbc_news: {words} words, {len(list(folder.glob('*.txt')))} articles")
    for rule in (UNCITED, VAGUE):
        count = sum(1 for f in flags if f[1] == rule)
        print(f"{rule}: {count} flags, {count / words * 10000:.1f} per 10,000 words")
    picked = random.Random(seed).sample([f for f in flags if f[1] == UNCITED], min(sample, len(flags)))
    for number, (name, _, span, context) in enumerate(picked, 1):
        print(f"{number:2}. {name}: [{' '.join(span.split())}] {context}")


def _context(text: str, start: int, end: int) -> str:
    low = max(text.rfind("\n", 0, start) + 1, start - 220)
    high = text.find("\n", end)
    high = min(high if high >= 0 else len(text), end + 160)
    return " ".join((text[low:start] + "[[" + text[start:end] + "]]" + text[end:high]).split())


def speed(runs: int) -> None:
    """What the family adds per 100,000 words: each rule's check on a fresh Analysis."""
    path = SHARED / "bench" / "sotu-100k.txt"
    text = path.read_text(encoding="utf-8")
    document = document_from_text(text, str(path), "text")
    rules = [rule for rule in CONFIG.rules if rule.info.category == "citations"]
    list(rules[0].check(Analysis(document, CONFIG)))  # compile the patterns once, as a warm run would
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        for rule in rules:
            list(rule.check(Analysis(document, CONFIG)))
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    words = len(_WORDS.findall(text))
    scale = 100_000 / words * 1000
    print(f"== speed: citations family on {path.name} ({words} words), {runs} runs, per 100k words:")
    for name, timings in (("wall", wall), ("cpu", cpu)):
        print(
            f"{name}: median {statistics.median(timings) * scale:.1f} ms, min {min(timings) * scale:.1f} ms"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (the machine is shared)")


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("parts", nargs="*", default=["drafts", "proxy", "bbc", "speed"])
    parser.add_argument("--sample", type=int, default=20, help="flags to print from the BBC corpus")
    parser.add_argument("--seed", type=int, default=5, help="seed of the BBC sample")
    parser.add_argument("--runs", type=int, default=9, help="timed runs for speed")
    parser.add_argument("--carry-over", type=int, default=None, help="the rule's carry_over option")
    args = parser.parse_args()
    if args.carry_over is not None:
        configure(f"rules:\n  {UNCITED}:\n    options:\n      carry_over: {args.carry_over}\n")
    if not SHARED.is_dir() and set(args.parts) - {"drafts"}:
        sys.exit(f"{SHARED} is absent: only the drafts part can run")
    for part in args.parts:
        if part == "drafts":
            drafts()
        elif part == "proxy":
            proxy()
        elif part == "bbc":
            bbc(args.sample, args.seed)
        elif part == "speed":
            speed(args.runs)
        else:
            sys.exit(f"unknown part {part!r} (drafts, proxy, bbc, speed)")


CONFIG = load_config(None)


def configure(text: str) -> None:
    """Lint with this .prose-lint.yaml instead of the defaults."""
    global CONFIG
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".prose-lint.yaml"
        path.write_text(text, encoding="utf-8")
        CONFIG = load_config(path)
        CONFIG.rules  # noqa: B018 (build the rules while the file exists)


if __name__ == "__main__":
    main()
