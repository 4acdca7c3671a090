"""Accuracy and speed of the built-in grammar rules.

    python benches/grammar.py            # all three measurements
    python benches/grammar.py --show     # also print every finding judged wrong

1. Precision on JFLEG (dev) and W&I+LOCNESS (dev): a finding is right when a
   reference edit touches its span (overlaps it, or inserts at its edge).
   Recall only for the error classes the rules target: each reference edit
   is classified by what it changes (a/an swapped, "of" -> "have" after a
   modal, ...), and it is found when a finding of the matching rule touches it.
2. Findings per 10,000 words on the clean corpora (../shared/corpus): each is
   printed, to be judged by hand (the corpora are edited, not error-free).
3. Speed: the grammar rules alone on the corpus (words per second) and the
   time they add per 100,000 words on ../shared/bench/sotu-100k.txt.

The data stays in ../shared; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prose_lint.api import Selection, lint_document  # noqa: E402
from prose_lint.checks.sounds import sound  # noqa: E402
from prose_lint.checks.wordforms import word_forms  # noqa: E402
from prose_lint.config import load_config  # noqa: E402
from prose_lint.document import document_from_text  # noqa: E402
from prose_lint.resources import load_lexicon  # noqa: E402

# ../shared beside the checkout (a worktree one folder deeper looks one level up).
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
GRAMMAR = Selection(frozenset({"grammar"}))

MODALS = {"could", "should", "would", "must", "might", "can", "may", "shall", "will"}
HAVE = {"have", "has", "had", "having", "'ve", "haven't", "hasn't", "hadn't"}
PRONOUN_VERBS = {
    ("we", "they", "you"): {"was": "were", "has": "have", "does": "do", "is": "are"},
    ("he", "she", "it"): {"were": "was", "have": "has", "do": "does", "are": "is"},
}
DO_NOT = {"doesn't", "don't", "didn't", "not", "n't"}


def words_before(text: str, offset: int, count: int = 2) -> list[str]:
    return [w.lower() for w in text[:offset].split()[-count:]]


def rule_list(config, rule_id: str, name: str) -> frozenset[str]:
    rule = config.registry.rules[rule_id]
    return frozenset(w.lower() for w in rule.spec["lists"][name])


CONFIG = load_config(None)
COMMA_WORDS = rule_list(CONFIG, "grammar/capital-after-comma", "common-words")
ADVERBS = frozenset(load_lexicon("grammar-words.yaml")["adverbs"])


def classify(text: str, start: int, end: int, replacement: str) -> str | None:
    """The grammar rule a reference edit belongs to, if any."""
    source, new = text[start:end].strip(), (replacement or "").strip()
    low, new_low = source.lower(), new.lower()
    before = words_before(text, start)
    previous = before[-1] if before else ""
    following = text[end:].split()[:1]
    if low in {"a", "an"} and new_low in {"a", "an"} and low != new_low and following:
        # Only a choice the next word's sound decides (not a rewrite of the phrase).
        wanted = "vowel" if new_low == "an" else "consonant"
        return "grammar/article" if sound(following[0].strip(".,;:!?\"'")) == wanted else None
    if low == "of" and new_low == "have" and previous in MODALS:
        return "grammar/modal-of"
    if low == "to" and not new and previous in MODALS:
        return "grammar/modal-to"
    if source and " " not in source and new and " " not in new:
        after_have = previous in HAVE or (len(before) == 2 and before[0] in HAVE and previous in ADVERBS)
        participle = not word_forms().has(low, "VBN") and new_low in word_forms().inflect(low, "VBN")
        if after_have and new_low != low and participle:
            return "grammar/perfect-tense"
        for pronouns, swaps in PRONOUN_VERBS.items():
            if previous in pronouns and swaps.get(low) == new_low:
                return "grammar/agreement"
        if previous in DO_NOT and word_forms().has(low, "VBZ") and new_low in word_forms().inflect(low, "VB"):
            return "grammar/agreement"
        if text[:start].rstrip().endswith(",") and low in COMMA_WORDS and source[:1].isupper() and new == low:
            return "grammar/capital-after-comma"
    if source and not new and " " not in source:
        if low == previous or (following and following[0].lower() == low):
            return "grammar/repeated-word"
        if (
            low in {"it", "he", "she", "they"}
            and following
            and following[0].lower() in {"the", "a", "an", "its"}
        ):
            return "grammar/stray-pronoun"
    return None


def touches(edit: tuple[int, int], span: tuple[int, int]) -> bool:
    start, end = edit
    if start == end:
        return span[0] <= start <= span[1]
    return start < span[1] and end > span[0]


def evaluate(name: str, items: list[dict], config, show: bool) -> dict:
    right = Counter()
    wrong = Counter()
    targeted: dict[str, set] = defaultdict(set)
    found: dict[str, set] = defaultdict(set)
    words = sum(len(item["text"].split()) for item in items)
    print(f"\n{name}: {len(items)} texts, {words} words")
    for item in items:
        text = item["text"]
        edits = {(s, e, r) for ref in item["edits"] for s, e, r in ref}
        for s, e, r in edits:
            rule = classify(text, s, e, r)
            if rule:
                targeted[rule].add((item["id"], s, e))
        diagnostics, _ = lint_document(document_from_text(text, "x.txt", "text"), config, GRAMMAR)
        for d in diagnostics:
            span = (d.start, d.end)
            touching = [(s, e) for s, e, _ in edits if touches((s, e), span)]
            if touching:
                right[d.rule] += 1
            else:
                wrong[d.rule] += 1
                if show:
                    context = text[max(0, d.start - 60) : d.end + 40].replace("\n", " ")
                    print(f"  WRONG {d.rule} [{d.text}] -> {d.suggestions[:2]} :: {context}")
            for s, e, r in edits:
                if touches((s, e), span) and classify(text, s, e, r) == d.rule:
                    found[d.rule].add((item["id"], s, e))
    rules = sorted(set(right) | set(wrong) | set(targeted))
    print(f"  {'rule':30} {'right':>5} {'wrong':>5} {'precision':>9} {'targeted':>8} {'recall':>6}")
    for rule in rules:
        total = right[rule] + wrong[rule]
        precision = f"{right[rule] / total:.2f}" if total else "-"
        recall = f"{len(found[rule]) / len(targeted[rule]):.2f}" if targeted[rule] else "-"
        print(
            f"  {rule:30} {right[rule]:5} {wrong[rule]:5} {precision:>9} {len(targeted[rule]):8} {recall:>6}"
        )
    all_right, all_wrong = sum(right.values()), sum(wrong.values())
    all_targeted = sum(len(v) for v in targeted.values())
    all_found = sum(len(v) for v in found.values())
    overall = all_right / (all_right + all_wrong) if all_right + all_wrong else 0.0
    recall = all_found / all_targeted if all_targeted else 0.0
    print(
        f"  {'all grammar rules':30} {all_right:5} {all_wrong:5} {overall:9.2f} {all_targeted:8} {recall:6.2f}"
    )
    return {"precision": overall, "recall": recall}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_findings(config) -> None:
    files = sorted((SHARED / "corpus").rglob("*.txt"))
    words = 0
    findings = []
    elapsed = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        document = document_from_text(text, str(path), "text")
        began = time.perf_counter()
        diagnostics, _ = lint_document(document, config, GRAMMAR)
        elapsed += time.perf_counter() - began
        for d in diagnostics:
            context = text[max(0, d.start - 50) : d.end + 40].replace("\n", " ")
            findings.append(f"  {path.name}: {d.rule} [{d.text}] -> {d.suggestions[:2]} :: {context}")
    print(f"\ncorpus: {len(files)} files, {words} words, {len(findings)} findings")
    print(f"  findings per 10,000 words: {len(findings) / words * 10_000:.2f} (each judged by hand below)")
    print("\n".join(findings))
    print(f"  grammar rules on the corpus: {words / elapsed:,.0f} words per second ({elapsed * 1000:.0f} ms)")


def time_family(config, path: Path, runs: int = 7) -> None:
    text = path.read_text(encoding="utf-8")
    words = len(text.split())
    nothing = Selection(frozenset({"no-such-rule"}))
    timings = {}
    for label, selection in (("baseline (no rule)", nothing), ("grammar rules", GRAMMAR)):
        samples = []
        for _ in range(runs):
            document = document_from_text(text, str(path), "text")
            began = time.perf_counter()
            lint_document(document, config, selection)
            samples.append(time.perf_counter() - began)
        timings[label] = (min(samples), statistics.median(samples))
    base = timings["baseline (no rule)"][0]
    best, median = timings["grammar rules"]
    per_100k = (best - base) * 100_000 / words * 1000
    print(f"\n{path.name} ({words} words), {runs} runs:")
    print(f"  grammar rules: min {best * 1000:.1f} ms, median {median * 1000:.1f} ms")
    print(f"  added per 100,000 words (min): {per_100k:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print findings judged wrong")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: the evaluation data lives beside the checkout")
    config = CONFIG
    jfleg = read_jsonl(SHARED / "eval/grammar/jfleg/jfleg_dev.jsonl")
    wi = read_jsonl(SHARED / "eval/grammar/wi_locness_dev/wi_dev_ABC.jsonl")
    evaluate("JFLEG dev", jfleg, config, args.show)
    evaluate("W&I+LOCNESS dev (A, B, C)", wi, config, args.show)
    corpus_findings(config)
    time_family(config, SHARED / "bench/sotu-100k.txt")


if __name__ == "__main__":
    main()
