"""Benchmarks for the names rules (issue 6): recall and precision on planted
name variants, false alarms on clean prose, and time on a 100,000-word text.

    python benches/names.py variants [--pairs 400] [--seed 6]
    python benches/names.py corpus [--show]
    python benches/names.py speed [--runs 7]

Reads ../shared (eval/name_variants, corpus, bench), or $PROSE_LINT_SHARED;
nothing is copied into the repository. ``variants`` builds test documents: a clean corpus document with a
name inserted three times and one spelling variant of it once (GeoNames city
variants and OFAC a.k.a. spellings with similarity >= 0.8), then counts the
variants flagged by names/inconsistent with the right suggestion (recall) and
the share of names/inconsistent flags that point at a planted variant
(precision; a flag on a real inconsistency of the clean document counts as
false here).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; PROSE_LINT_SHARED points elsewhere (e.g. from a git worktree)
SHARED = Path(os.environ.get("PROSE_LINT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from prose_lint.analysis import Analysis  # noqa: E402
from prose_lint.api import Selection, lint_text  # noqa: E402
from prose_lint.checks.consistency import fold  # noqa: E402
from prose_lint.config import Config, load_config  # noqa: E402
from prose_lint.document import build_document  # noqa: E402
from prose_lint.source import Source  # noqa: E402

TEMPLATES = [
    "Delegates from {name} attended the meeting, according to the organisers.",
    "The report cites {name} as an example of the trend.",
    "A statement attributed to {name} was read out at the session.",
    "Analysts compared these figures with those reported for {name} last year.",
    "Several observers mentioned {name} in passing.",
]


def corpus_documents() -> list[tuple[str, str, str]]:
    """(path, text, dialect) of every clean corpus document."""
    documents = []
    for folder, dialect in (("bbc_news", "en-GB"), ("fomc_minutes", "en-US")):
        for path in sorted((SHARED / "corpus" / folder).glob("*.txt")):
            documents.append((str(path), path.read_text(encoding="utf-8", errors="replace"), dialect))
    return documents


def _title(words: str) -> str:
    """OFAC writes surnames in capitals: "Ayman AL-ZAWAHIRI" -> "Ayman Al-Zawahiri"."""
    out = []
    for word in words.replace("Dr. ", "").split():
        if word.isupper() and len(word) > 1:
            word = "-".join(part.capitalize() for part in word.split("-"))
        out.append(word)
    return " ".join(out)


def _is_spelling_variant(name: str, variant: str) -> bool:
    """Not the same string, and not a name with a part added or dropped (a longer or shorter name)."""
    if name == variant or len(variant) < 4:
        return False
    name_parts, variant_parts = set(map(fold, name.split())), set(map(fold, variant.split()))
    return not (name_parts <= variant_parts or variant_parts <= name_parts)


def variant_pairs(threshold: float) -> list[tuple[str, str, str]]:
    """(source, name, variant) from GeoNames cities and OFAC individuals."""
    pairs = []
    geonames = SHARED / "eval" / "name_variants" / "geonames_cities"
    for line in (geonames / "geonames_cities15000_mena_latin_variants.jsonl").open(encoding="utf-8"):
        city = json.loads(line)
        for entry in city["variants"]:
            if entry["similarity"] >= threshold and _is_spelling_variant(city["name"], entry["variant"]):
                pairs.append(("geonames", city["name"], entry["variant"]))
    ofac = SHARED / "eval" / "name_variants" / "ofac_sdn_aliases" / "ofac_sdn_alias_groups.jsonl"
    for line in ofac.open(encoding="utf-8"):
        group = json.loads(line)
        if group["type"] != "individual":
            continue
        name = _title(group["primary_display"])
        for alias in group["aliases"]:
            variant = _title(alias["alias_display"])
            if alias["similarity"] >= threshold and _is_spelling_variant(name, variant):
                pairs.append(("ofac", name, variant))
    return pairs


def plant(text: str, name: str, variant: str, rng: random.Random) -> tuple[str, tuple[int, int]]:
    """The document with ``name`` in three inserted sentences and ``variant`` in a fourth."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    sentences = [rng.choice(TEMPLATES).format(name=name) for _ in range(3)]
    odd = rng.choice(TEMPLATES).format(name=variant)
    sentences.insert(rng.randrange(4), odd)
    positions = sorted(rng.randrange(len(paragraphs) + 1) for _ in range(4))
    for offset, (position, sentence) in enumerate(zip(positions, sentences, strict=True)):
        paragraphs.insert(position + offset, sentence)
    document = "\n\n".join(paragraphs) + "\n"
    start = document.index(odd) + odd.index(variant)
    return document, (start, start + len(variant))


def run_variants(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    pairs = variant_pairs(args.threshold)
    sample = rng.sample(pairs, min(args.pairs, len(pairs)))
    documents = corpus_documents()
    config = load_config(None)
    selection = Selection(frozenset({"names/inconsistent"}))
    found = Counter()
    right = Counter()
    totals = Counter()
    flags = planted_flags = 0
    misses = []
    for number, (source, name, variant) in enumerate(sample):
        _, text, _ = documents[number % len(documents)]
        document, span = plant(text, name, variant, rng)
        diagnostics = lint_text(document, "planted.txt", config, fmt="text", selection=selection)
        totals[source] += 1
        flags += len(diagnostics)
        hits = [d for d in diagnostics if d.start < span[1] and d.end > span[0]]
        planted_flags += len(hits)
        if hits:
            found[source] += 1
            suggestion = hits[0].suggestions[0]
            written = document[hits[0].start : hits[0].end]
            if name.endswith(suggestion) and variant.endswith(written):
                right[source] += 1
        else:
            misses.append((source, name, variant))
    print(f"variant pairs with similarity >= {args.threshold}: {len(pairs)}; sampled {len(sample)}")
    for source in sorted(totals):
        print(
            f"  {source:9} recall {found[source] / totals[source]:.1%} "
            f"(right suggestion {right[source] / totals[source]:.1%}) of {totals[source]}"
        )
    total = sum(totals.values())
    print(
        f"  all       recall {sum(found.values()) / total:.1%} (right suggestion {sum(right.values()) / total:.1%})"
    )
    print(f"  precision {planted_flags / flags:.1%} ({planted_flags} of {flags} names/inconsistent flags)")
    if args.show:
        for miss in misses[:40]:
            print("  missed:", *miss, sep=" | ")


def run_corpus(args: argparse.Namespace) -> None:
    """False alarms per 10,000 words of the names family, each document in its own dialect."""
    counts: Counter[str] = Counter()
    words = 0
    selection = Selection(frozenset({"names"}))
    for path, text, dialect in corpus_documents():
        config = load_config(None)
        config.dialect = dialect
        words += len(text.split())
        for diagnostic in lint_text(text, path, config, fmt="text", selection=selection):
            counts[diagnostic.rule] += 1
            if args.show:
                print(f"{Path(path).name}: {diagnostic.rule} {diagnostic.text!r} {diagnostic.suggestions}")
    print(f"{words} words of ../shared/corpus (BBC linted as en-GB, FOMC as en-US)")
    for rule, count in sorted(counts.items()):
        print(f"  {rule:26} {count:3}  {count / words * 10000:.2f} per 10,000 words")
    total = sum(counts.values())
    print(f"  {'names (all)':26} {total:3}  {total / words * 10000:.2f} per 10,000 words")


def run_speed(args: argparse.Namespace) -> None:
    """Milliseconds per rule on sotu-100k (min and median of --runs), with analysis.word_set shared or not."""
    for name in ("sotu-100k.txt", "sotu-1m.txt") if args.long else ("sotu-100k.txt",):
        text = (SHARED / "bench" / name).read_text(encoding="utf-8")
        config = load_config(None)
        rules = [rule for rule in config.rules if rule.info.category == "names"]
        print(f"{name}: {len(text.split())} words")
        for shared_words in (True, False):
            label = (
                "analysis.word_set already computed" if shared_words else "analysis.word_set computed here"
            )
            print(f"  {label}:")
            for rule in [*rules, None]:
                times = _time(text, config, rules if rule is None else [rule], shared_words, args.runs)
                print(
                    f"    {rule.id if rule else 'all names rules':26} "
                    f"min {min(times) * 1000:6.1f} ms  median {statistics.median(times) * 1000:6.1f} ms"
                )


def _time(text: str, config: Config, rules: list, shared_words: bool, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        analysis = Analysis(build_document(Source("bench.txt", text, "text")), config)
        if shared_words:
            analysis.word_set  # noqa: B018 - computed by the spelling rules in a full run
        start = time.perf_counter()
        for rule in rules:
            list(rule.check(analysis))
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    variants = commands.add_parser("variants", help="recall and precision on planted name variants")
    variants.add_argument("--pairs", type=int, default=400)
    variants.add_argument("--seed", type=int, default=6)
    variants.add_argument("--threshold", type=float, default=0.8)
    variants.add_argument("--show", action="store_true", help="list missed variants")
    corpus = commands.add_parser("corpus", help="false alarms per 10,000 words on ../shared/corpus")
    corpus.add_argument("--show", action="store_true", help="list every finding")
    speed = commands.add_parser("speed", help="time on ../shared/bench/sotu-100k.txt")
    speed.add_argument("--runs", type=int, default=7)
    speed.add_argument("--long", action="store_true", help="also the 1,000,000-word text (linearity)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is absent: the benchmarks read the shared evaluation data")
    {"variants": run_variants, "corpus": run_corpus, "speed": run_speed}[args.command](args)


if __name__ == "__main__":
    main()
