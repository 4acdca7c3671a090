"""Accuracy and speed of spelling/unknown-word and spelling/real-word.

    python benches/spelling.py [--shared ../shared] [--only accuracy|speed|corpus] [--show N]

Reads the evaluation data and corpora under ../shared (never copied into the
repository) and prints: non-word recall and top-1/top-3 suggestion accuracy
(Norvig, Wikipedia, Holbrook in context), real-word recall and precision (FCE
error vs correct sentences, the cleaned Simple Wikipedia subset), flags per
10,000 words on clean edited prose, words per second and the dictionary's
load time. Timings: median of several runs; this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prose_lint.analysis import Analysis  # noqa: E402
from prose_lint.config import load_config  # noqa: E402
from prose_lint.dictionary import dictionary, suggest  # noqa: E402
from prose_lint.document import build_document  # noqa: E402
from prose_lint.source import Source  # noqa: E402


def rules() -> dict[str, object]:
    config = load_config(None)
    return {rule.id: rule for rule in config.rules if rule.id.startswith("spelling/")}, config


def analyse(text: str, config, fmt: str = "text") -> Analysis:
    return Analysis(build_document(Source("bench.txt", text, fmt)), config)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def nonword_pairs(shared: Path) -> None:
    lexicon = dictionary()
    sets = {
        "norvig (tests1+2)": [
            r
            for f in sorted((shared / "eval/spelling/norvig_testsets").glob("*.jsonl"))
            for r in read_jsonl(f)
        ],
        "wikipedia common misspellings": read_jsonl(
            shared / "eval/spelling/wikipedia_common_misspellings/wikipedia_common_misspellings.jsonl"
        ),
    }
    print("\n## Non-words without context (misspelling -> correction pairs)\n")
    print("| set | pairs | detected (recall) | top-1 | top-3 | ms per suggestion |")
    print("|---|---|---|---|---|---|")
    for name, rows in sets.items():
        rows = [r for r in rows if not r["misspelling_is_dictionary_word"]]
        detected = top1 = top3 = 0
        started = time.perf_counter()
        for row in rows:
            word, right = row["misspelling"], row["correction"].lower()
            if lexicon.is_word(word):
                continue
            detected += 1
            found = [s.lower() for s in suggest(word, "en-US", 3)]
            top1 += bool(found) and found[0] == right
            top3 += right in found
        per = (time.perf_counter() - started) / max(detected, 1) * 1000
        n = len(rows)
        print(f"| {name} | {n} | {detected / n:.1%} | {top1 / n:.1%} | {top3 / n:.1%} | {per:.1f} |")


def holbrook(shared: Path, rule, config) -> None:
    rows = read_jsonl(shared / "eval/spelling/holbrook_context/holbrook_sentences.jsonl")
    errors = detected = top1 = top3 = 0
    for row in rows:
        targets = [e for e in row["errors"] if e["type"] == "non_word"]
        if not targets:
            continue
        found = {(d.start, d.end): d.suggestions for d in rule.check(analyse(row["text"], config))}
        for error in targets:
            errors += 1
            suggestions = found.get((error["start"], error["end"]))
            if suggestions is None:
                continue
            detected += 1
            lowered = [s.lower() for s in suggestions]
            top1 += bool(lowered) and lowered[0] == error["correction"].lower()
            top3 += error["correction"].lower() in lowered
    print("\n## Non-words in context (Holbrook, children's free writing)\n")
    print("| errors | detected (recall) | top-1 | top-3 |")
    print("|---|---|---|---|")
    print(f"| {errors} | {detected / errors:.1%} | {top1 / errors:.1%} | {top3 / errors:.1%} |")


def realword(shared: Path, rule, config, show: int) -> None:
    print("\n## Real-word errors\n")
    rows = read_jsonl(shared / "eval/spelling/realword_fce_zesch/fce_realword_confusions.jsonl")
    outcome = Counter()
    caught = []
    for row in rows:
        hits = {(d.start, d.end): d.suggestions for d in rule.check(analyse(row["text"], config))}
        flagged = (row["start"], row["end"]) in hits
        right = flagged and row["suggestion"].lower() in [s.lower() for s in hits[(row["start"], row["end"])]]
        outcome[(row["label"], flagged, right)] += 1
        if flagged:
            caught.append(
                (row["label"], row["word"], row["text"][max(0, row["start"] - 40) : row["end"] + 30])
            )
    errors = sum(v for (label, _, _), v in outcome.items() if label == "error")
    tp = sum(v for (label, flagged, _), v in outcome.items() if label == "error" and flagged)
    tp_right = sum(v for (label, flagged, right), v in outcome.items() if label == "error" and right)
    fp = sum(v for (label, flagged, _), v in outcome.items() if label == "correct" and flagged)
    correct = sum(v for (label, _, _), v in outcome.items() if label == "correct")
    precision = tp / (tp + fp) if tp + fp else float("nan")
    print(
        "| set | errors | flagged (recall) | with the right suggestion | correct uses flagged | precision |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| FCE (Zesch), balanced | {errors} | {tp} ({tp / errors:.1%}) | {tp_right} ({tp_right / errors:.1%}) "
        f"| {fp} of {correct} ({fp / correct:.1%}) | {precision:.1%} |"
    )
    rows = [
        r
        for r in read_jsonl(
            shared / "eval/spelling/realword_simplewiki_zesch/simplewiki_realword_errors.jsonl"
        )
    ]
    clean = [r for r in rows if r["in_zesch_cleaned_subset"]]
    tp = tp_right = other = 0
    words = 0
    for row in clean:
        analysis = analyse(row["text"], config)
        words += analysis.word_count
        diagnostics = list(rule.check(analysis))
        target = [d for d in diagnostics if (d.start, d.end) == (row["start"], row["end"])]
        tp += bool(target)
        tp_right += bool(target) and row["correction"].lower() in [s.lower() for s in target[0].suggestions]
        other += len(diagnostics) - len(target)
    n = len(clean)
    print(
        f"| Simple Wikipedia, cleaned subset | {n} | {tp} ({tp / n:.1%}) | {tp_right} ({tp_right / n:.1%}) "
        f"| {other} other flags in {words:,} words of context | {tp / max(tp + other, 1):.1%} |"
    )
    if show:
        print("\nFCE flags (label, word, context):")
        for label, word, context in caught[:show]:
            print(f"  {label:7} {word:12} …{' '.join(context.split())}…")


def corpus_flags(shared: Path, rules_by_id, config, show: int) -> None:
    print("\n## Flags on clean edited prose (false alarms unless a real error)\n")
    print("| corpus | words | unknown-word | real-word | both per 10,000 words |")
    print("|---|---|---|---|---|")
    folders = [shared / "corpus/fomc_minutes", shared / "corpus/bbc_news"]
    listing = Counter()
    for folder in [*folders, shared / "bench/sotu-100k.txt"]:
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else [folder]
        words = 0
        counts = Counter()
        for path in files:
            analysis = analyse(path.read_text(encoding="utf-8"), config)
            words += analysis.word_count
            for rule_id, rule in rules_by_id.items():
                for d in rule.check(analysis):
                    counts[rule_id] += 1
                    listing[(rule_id, analysis.text[d.start : d.end].lower())] += 1
        both = counts["spelling/unknown-word"] + counts["spelling/real-word"]
        print(
            f"| {folder.name} | {words:,} | {counts['spelling/unknown-word']} | {counts['spelling/real-word']} "
            f"| {both / words * 10000:.2f} |"
        )
    if show:
        print("\nMost frequent flags (rule, word, count):")
        for (rule_id, text), count in listing.most_common(show):
            print(f"  {rule_id:22} {text!r:24} {count}")


def speed(shared: Path, rules_by_id, config, runs: int = 5) -> None:
    text = (shared / "bench/sotu-100k.txt").read_text(encoding="utf-8")
    document = build_document(Source("sotu-100k.txt", text, "text"))
    print("\n## Speed on sotu-100k.txt (100,001 words), median of", runs, "runs\n")
    print(
        "| rule | ms (analysis.word_set shared with other rules) | ms (including the word scan) | words/s |"
    )
    print("|---|---|---|---|")
    for rule_id, rule in rules_by_id.items():
        shared_times, own_times = [], []
        for _ in range(runs):
            analysis = Analysis(document, config)
            started = time.perf_counter()
            _ = analysis.word_set
            scanned = time.perf_counter()
            list(rule.check(analysis))
            done = time.perf_counter()
            shared_times.append(done - scanned)
            own_times.append(done - started)
        words = Analysis(document, config).word_count
        best = statistics.median(own_times)
        print(
            f"| {rule_id} | {statistics.median(shared_times) * 1000:.0f} | {best * 1000:.0f} "
            f"| {words / best:,.0f} |"
        )
    load = [_load_time() for _ in range(runs)]
    print(
        f"\nDictionary load from the cache (fresh process): median {statistics.median(load):.0f} ms "
        f"(runs: {', '.join(f'{t:.0f}' for t in load)})"
    )
    print(f"Dictionary build without a cache (first run after install): {_load_time(cold=True):.0f} ms")


def _load_time(cold: bool = False) -> float:
    code = (
        "import time,resource;t=time.perf_counter();"
        "from prose_lint.dictionary import dictionary;d=dictionary();"
        "print((time.perf_counter()-t)*1000)"
    )
    env = None
    if cold:
        import os

        env = {**os.environ, "PROSE_LINT_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None)
    parser.add_argument("--shared", type=Path, default=default, help="default: ../shared")
    parser.add_argument("--only", choices=["accuracy", "corpus", "speed"])
    parser.add_argument("--show", type=int, default=0, help="list this many flags for inspection")
    args = parser.parse_args()
    if args.shared is None or not args.shared.is_dir():
        sys.exit(f"{args.shared}: the shared evaluation data is absent")
    rules_by_id, config = rules()
    if args.only in (None, "accuracy"):
        nonword_pairs(args.shared)
        holbrook(args.shared, rules_by_id["spelling/unknown-word"], config)
        realword(args.shared, rules_by_id["spelling/real-word"], config, args.show)
    if args.only in (None, "corpus"):
        corpus_flags(args.shared, rules_by_id, config, args.show)
    if args.only in (None, "speed"):
        speed(args.shared, rules_by_id, config)


if __name__ == "__main__":
    main()
