"""Compare dictionary candidates for spelling/unknown-word on the same data.

    python benches/spelling_candidates.py [--shared ../shared]

Each candidate that is installed is measured with the same word scan and the
same name rule (capitalised words are skipped): non-word recall and top-1 /
top-3 suggestions on the Norvig pairs, recall on the Wikipedia list, flags
per 10,000 words on the clean corpora (FOMC minutes and BBC news), load time
and the memory the loaded dictionary takes. Candidates not installed are
listed as such; install them in a scratch environment to compare (they are
not dependencies of prose-lint).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def prose_lint_candidate():
    from prose_lint.dictionary import dictionary, suggest

    lexicon = dictionary()
    return lexicon.is_word, lambda w: suggest(w, "en-US", 3)


def hunspell_only_candidate():
    from prose_lint.dictionary import _hunspell_forms

    forms = frozenset(_hunspell_forms())
    return lambda w: w.lower().replace("’", "'") in forms, None


def pyspellchecker_candidate():
    from spellchecker import SpellChecker

    checker = SpellChecker()

    def suggestions(word):
        best = checker.correction(word)
        rest = sorted(checker.candidates(word) or (), key=checker.word_usage_frequency, reverse=True)
        return [best, *[c for c in rest if c != best]][:3] if best else rest[:3]

    return lambda w: not checker.unknown([w.lower()]), suggestions


def symspell_candidate():
    from importlib.resources import files

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    words = sym.words

    def suggestions(word):
        return [s.term for s in sym.lookup(word.lower(), Verbosity.CLOSEST, 2)][:3]

    return lambda w: w.lower() in words, suggestions


def harper_candidate():
    import harper

    linter = harper.Linter(harper.Dialect.AMERICAN)

    def flagged(word):
        return any(lint.lint_kind == "Spelling" for lint in linter.lint(word))

    def suggestions(word):
        for lint in linter.lint(word):
            if lint.lint_kind == "Spelling":
                return [s.replacement_text for s in lint.suggestions][:3]
        return []

    return lambda w: not flagged(w), suggestions


CANDIDATES = {
    "prose-lint (spylls en_US expanded + symspellpy SCOWL counts + rules)": prose_lint_candidate,
    "Hunspell en_US (SCOWL) forms alone": hunspell_only_candidate,
    "pyspellchecker": pyspellchecker_candidate,
    "symspellpy (SCOWL ∩ Google Books, 82,765 words)": symspell_candidate,
    "harper-py": harper_candidate,
}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(name, build, shared: Path) -> str:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        is_word, suggest = build()
    except ImportError as err:
        tracemalloc.stop()
        return f"| {name} | not installed ({err.name}) | | | | | |"
    load = (time.perf_counter() - started) * 1000
    memory = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    norvig = [
        row
        for path in sorted((shared / "eval/spelling/norvig_testsets").glob("*.jsonl"))
        for row in read_jsonl(path)
    ]
    wiki = read_jsonl(
        shared / "eval/spelling/wikipedia_common_misspellings/wikipedia_common_misspellings.jsonl"
    )
    norvig = [r for r in norvig if not r["misspelling_is_dictionary_word"]]
    wiki = [r for r in wiki if not r["misspelling_is_dictionary_word"]]
    top1 = top3 = 0
    for row in norvig:
        if is_word(row["misspelling"]) or suggest is None:
            continue
        found = [s.lower() for s in suggest(row["misspelling"])]
        top1 += bool(found) and found[0] == row["correction"].lower()
        top3 += row["correction"].lower() in found
    recall_norvig = sum(not is_word(r["misspelling"]) for r in norvig) / len(norvig)
    recall_wiki = sum(not is_word(r["misspelling"]) for r in wiki) / len(wiki)
    counts = Counter()
    total = 0
    for path in sorted(glob.glob(str(shared / "corpus/*/*.txt"))):
        words = WORD.findall(Path(path).read_text(encoding="utf-8"))
        total += len(words)
        counts.update(w for w in words if w.islower())
    flags = sum(n for w, n in counts.items() if not is_word(w))
    suggestion = f"{top1 / len(norvig):.1%} / {top3 / len(norvig):.1%}" if suggest else "n/a"
    return (
        f"| {name} | {recall_norvig:.1%} | {recall_wiki:.1%} | {suggestion} "
        f"| {flags / total * 10000:.1f} | {load:.0f} ms | {memory:.0f} MB |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None)
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args()
    if args.shared is None:
        sys.exit("the shared evaluation data is absent")
    print(
        "| candidate | recall Norvig | recall Wikipedia | top-1 / top-3 Norvig | lower-case flags per 10k words "
        "(FOMC+BBC) | load | memory |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, build in CANDIDATES.items():
        print(measure(name, build, args.shared), flush=True)


if __name__ == "__main__":
    main()
