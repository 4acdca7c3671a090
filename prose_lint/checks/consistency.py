"""The ``consistency`` kind: one name, one spelling in a document.

Reports on Iraq and Syria carry names transliterated from Arabic, and drafts
written by several analysts spell them several ways ("Deir ez-Zor" / "Deir
Ezzor", "al-Maliki" / "Al Maliki", "Qayyarah" / "Qayara"). The rule collects
every name mention in one pass, groups the spellings of one name without being
told them, and flags each minority spelling with the majority one as the
suggestion. A house list (``names.canonical`` in ``.prose-lint.yaml``) wins over
the majority.

How two spellings are judged to be one name, from the surest to the least sure:

1. *Same letters*: equal once case, diacritics, apostrophes and ayn marks,
   hyphens and spaces are ignored and the Arabic article is read as one
   (al-/el-/ez-/as-...): "al-Maliki" / "Al Maliki", "Albu Kamal" / "al-Bukamal".
   Always merged.
2. *Same transliteration*: equal once doubled letters and the common
   alternations are folded too (ou/u, oo/u, ee/i, ei/ai/ey/ay, aw/o, dh/d,
   gh/g, x/ks, q/k, q/g, a final -ah/-eh/-a, an article fused into the word as in
   "Ezzor"): "Qayyarah" / "Qayara", "Qaddafi" / "Gaddafi". Merged unless the
   key is shorter than 5 letters or both spellings are established (3+ uses
   each).
3. *Close*: the same consonants, vowels differing by at most one edit (two from
   10 letters), none in the last syllable, at least 6 letters: "Kirkuk" /
   "Kerkuk". Merged only when one spelling is rare (used at most twice, and at
   most half as often as the other).

Names listed under ``distinct`` (rules/names/mentions.yaml, ``names.distinct``)
are never merged (Iran / Iraq, Mosul / Mosel, Ali / Alia); a rare spelling that
is an ordinary word ("Hope", "Said") is not merged by rules 2 and 3; titles
("Sheikh", "President") are not part of a name; a capital that only starts a
sentence ("Al-Maliki said") is not a different spelling. Grouping is blocked
by consonant skeleton, so the cost grows with the number of distinct names,
not with its square.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from prose_lint.analysis import Analysis, abbreviations
from prose_lint.checks.base import Field, Rule, format_message
from prose_lint.checks.namedata import NamesSettings, load_names_data, names_settings
from prose_lint.checks.wordtrie import trie_alternation
from prose_lint.diagnostic import Applicability, Diagnostic
from prose_lint.regexcache import compile_regex

APOSTROPHES = "'’ʼʿ`‘"


def _longest_first(text: str) -> tuple[int, str]:
    """Sort key for regex alternations: longest first, then alphabetical, so patterns are stable."""
    return (-len(text), text)


_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in range(0x61, 0x250) if chr(c).islower() and chr(c).isalpha())
_LETTER = _UPPER + _LOWER
_VOWELS = frozenset("aeiou")
LONG_NAME = 8  # letters from which one slip of any letter is still the same name (rule 4)
_TOKEN = compile_regex(r"\S+")
_DOUBLED = compile_regex(r"(.)\1+")
_ALTERNATIONS = [
    (compile_regex(pattern), replacement)
    for pattern, replacement in (
        ("ou|oo", "u"),
        ("ee", "i"),
        ("ei|ai|ey", "ay"),
        ("aw", "o"),
        ("dh", "d"),
        ("gh", "g"),
        ("x", "ks"),
    )
]
_POSSESSIVE = compile_regex(rf"[{APOSTROPHES}]s?$")
_JOINERS = frozenset("_'’-")
_OPENERS = "\"'“‘([*_"
# the last word of a text, read backwards: a search for "(\w+)\W*$" would try every position
_LAST_WORD_REVERSED = compile_regex(r"\W*(\w+)")
_FUSED_ARTICLE = compile_regex(r"^[aeiu]([tdrzsnl])\1")


class Lexicon:
    """rules/names/mentions.yaml, ready to use."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.articles = frozenset(data["articles"])
        self.particles = frozenset(data["particles"])
        self.titles = frozenset(data["titles"])
        self.not_names = frozenset(data["not_names"])
        self.common_words = frozenset(w.lower() for w in data["common_words"])
        self.distinct = tuple(tuple(group) for group in data["distinct"])


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_names_data("mentions.yaml"))


def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary English word rather than a name.

    This is the seam for a spelling dictionary: until one is wired in, the
    answer comes from the short ``common_words`` list in
    ``rules/names/mentions.yaml`` (a rule also treats a word written in lower
    case elsewhere in the same document as ordinary).
    """
    return word.lower() in lexicon().common_words


def fold(text: str) -> str:
    """Lower case without diacritics, apostrophes, ayn marks, hyphens or spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def _transliteration_fold(part: str) -> str:
    for pattern, replacement in _ALTERNATIONS:
        part = pattern.sub(replacement, part)
    return part[:-2] + "a" if part.endswith(("ah", "eh")) else part


class NameForm(NamedTuple):
    """One spelling of a name, with the keys it is compared by."""

    offset: int  # characters from the start of the matched mention to the name
    length: int  # length of the name in the text (it may span a line break)
    display: str  # its words joined by single spaces
    words: tuple[str, ...]
    key0: str  # rule 1: same letters
    bare: str  # rule 1 without the articles (for the distinct list)
    keys1: tuple[str, ...]  # rule 2: same transliteration (two when a q may be k or g)
    skeletons: frozenset[str]  # blocking keys (see _skeletons)


def _skeletons(keys1: tuple[str, ...]) -> frozenset[str]:
    """Blocking keys: the consonants, and for long names each with one consonant dropped."""
    keys = {"".join(ch for ch in key if ch not in _VOWELS) for key in keys1}
    if len(keys1[0]) >= LONG_NAME:
        keys |= {key[:i] + "~" + key[i + 1 :] for key in keys for i in range(len(key))}
    return frozenset(keys)


def _split_article(word: str, articles: frozenset[str]) -> tuple[str, str]:
    """("al", "Maliki") for al-Maliki / Al-Maliki; ("", word) when there is no article."""
    head, dash, rest = word.partition("-")
    if dash and rest and head.lower() in articles:
        return "al", rest
    return "", word


def _keys(words: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    """The rule-1 key, the rule-1 key without articles, and the rule-2 keys of a name's words."""
    lex = lexicon()
    bare_parts: list[str] = []
    plain_parts: list[str] = []
    folded_parts: list[str] = []
    article = ""
    for index, word in enumerate(words):
        if word.lower() in lex.articles and index + 1 < len(words):
            article = "al"
            continue
        own_article, base = _split_article(word, lex.articles)
        article = article or own_article
        base = fold(base)
        bare_parts.append(base)
        plain_parts.append(article + base)
        if not article and index > 0 and _FUSED_ARTICLE.match(base):
            article, base = "al", base[2:]
        folded_parts.append(article + _transliteration_fold(base))
        article = ""
    key1 = _DOUBLED.sub(r"\1", "".join(folded_parts))
    keys1 = (key1.replace("q", "k"), key1.replace("q", "g")) if "q" in key1 else (key1,)
    return "".join(plain_parts), "".join(bare_parts), keys1


@lru_cache(maxsize=65536)
def parse_mention(raw: str) -> tuple[NameForm, ...]:
    """The names in a matched run of capitalised words (titles and sentence words removed)."""
    lex = lexicon()
    runs: list[list[tuple[str, int, int]]] = [[]]
    for match in _TOKEN.finditer(raw):
        word = _POSSESSIVE.sub("", match.group())
        if word in lex.not_names:
            runs.append([])
        elif runs[-1] or word not in lex.titles:
            runs[-1].append((word, match.start(), match.start() + len(word)))
        if word != match.group():  # "Symbian's Series 60": the name ends at the possessive
            runs.append([])
    forms = []
    for run in runs:
        while run and (run[-1][0].lower() in lex.particles or run[-1][0].lower() in lex.articles):
            run.pop()
        if not any(ch.isupper() for token in run for ch in token[0]):
            continue
        words = tuple(token[0] for token in run)
        key0, bare, keys1 = _keys(words)
        if key0:
            offset = run[0][1]
            length = run[-1][2] - offset
            forms.append(
                NameForm(offset, length, " ".join(words), words, key0, bare, keys1, _skeletons(keys1))
            )
    return tuple(forms)


class MentionFinder:
    """Finds runs of capitalised words with their particles (al-, ez-, bin, de, van ...).

    The pattern starts with a capital letter so that the regex engine skips
    everything else in C; a lower-case particle or article opening a name
    ("al-Bukamal", "de Gaulle") is added by a look at the few characters before.
    A run is not started at a word that is never a name ("The", "In", "It's"):
    the names after it start runs of their own, and a third of the runs, each
    a Python step, are never made.
    """

    def __init__(self) -> None:
        lex = lexicon()
        apostrophes = re.escape(APOSTROPHES)
        rest = (
            rf"[{_LOWER}{apostrophes}][{_LETTER}{apostrophes}]*"
            rf"(?:-[{_UPPER}][{_LETTER}{apostrophes}]*)*"
        )  # the rest of a capitalised word: a lower-case letter next (so no acronyms)
        gap = r"(?=\s)[ \t\u00a0]*\n?[ \t\u00a0]*"
        # after a word and a space, one look at the next letter rules out most continuations;
        # particles and articles as tries fail after a letter or two
        opens = "".join(sorted({word[0] for word in lex.particles | lex.articles}))
        one_particle = f"(?:{trie_alternation(lex.particles)})"
        lead = rf"(?=[{opens}{_UPPER}])(?:{one_particle}{gap})*"
        part = rf"(?:(?:{trie_alternation(lex.articles)})-)?[{_UPPER}]{rest}"
        # a word of not_names (possessive or not) ending the word, not after a hyphen ("pro-The ...":
        # a compound, whose whole run is dropped below) nor before a particle (the look at the
        # characters before a name finds a particle only before a space); not a title, which
        # after a particle is part of a name ("bin Sultan")
        not_name = (
            rf"(?<!(?<!-)(?=(?:{trie_alternation(lex.not_names)})(?:[{apostrophes}]s?)?"
            rf"(?![{_LETTER}{apostrophes}-])(?!{gap}{one_particle}{gap})).)"
        )
        # not followed by a word character, a hyphen or a domain ending ("Trumpaccounts.gov")
        self.pattern = compile_regex(
            rf"[{_UPPER}](?<!\w.){not_name}{rest}(?:{gap}{lead}{part})*(?![\w-]|\.[a-z]{{2}})"
        )
        articles = "|".join(sorted(lex.articles, key=_longest_first))
        self.lead = compile_regex(rf"(?<![\w'’-])(?:(?:{one_particle}{gap})+|(?i:{articles})-)$")
        # the few characters a lead ends with -> the leads ending so ("in " -> "bin ")
        self.leads: dict[str, list[str]] = defaultdict(list)
        for tail in sorted({p + " " for p in lex.particles} | {a + "-" for a in lex.articles}):
            self.leads[tail[-3:]].append(tail)

    def find(self, prose: str) -> dict[str, list[int]]:
        """Each matched run of words -> where it starts, in order."""
        starts: dict[str, list[int]] = defaultdict(list)
        leads = self.leads
        for match in self.pattern.finditer(prose):
            start, end = match.span()
            before = prose[max(start - 3, 0) : start]
            if (
                before in leads
                and _after_lead(prose, start, leads[before])
                and (found := self.lead.search(prose, max(0, start - 40), start))
            ):
                start = found.start()  # the lead's look-behind keeps a hyphen out of what is before it
            elif before[-1:] == "-":
                continue  # "pro-Assad": part of a compound, not a name of its own
            starts[prose[start:end]].append(start)
        return starts


def _after_lead(prose: str, start: int, leads: list[str]) -> bool:
    """Whether a whole particle or article ends at ``start`` ("bin " but not "in "): a quick
    look before the regex search for the whole lead."""
    for lead in leads:
        begin = start - len(lead)
        if begin >= 0 and prose[begin:start].lower() == lead:
            previous = prose[begin - 1 : begin] if begin else ""
            if not (previous.isalnum() or previous in _JOINERS):
                return True
    return False


@dataclass
class Mentions:
    """Where each spelling is used, kept as the matched runs' starts until a span is needed."""

    sources: dict[str, list[tuple[list[int], int, int]]] = field(default_factory=lambda: defaultdict(list))

    def __getitem__(self, display: str) -> list[tuple[int, int]]:
        spans = [
            (s + offset, s + offset + length)
            for starts, offset, length in self.sources[display]
            for s in starts
        ]
        return sorted(spans)


@dataclass
class Cluster:
    """The spellings of what may be one name, with where each is used."""

    forms: dict[str, NameForm]
    spans: dict[str, list[tuple[int, int]]]

    def count(self, display: str) -> int:
        return len(self.spans[display])

    def first(self, display: str) -> int:
        return self.spans[display][0][0]


class NameConsistency(Rule):
    """Flags a name spelled two ways in one document and suggests the usual spelling.

    Why: a reader cannot tell whether "Deir Ezzor" and "Deir ez-Zor" are one
    place; an editor wants one spelling per document. What to write: the
    spelling used most often (on a tie, the one used first), or the house
    spelling given under ``names.canonical`` in ``.prose-lint.yaml``; a listed
    variant is flagged even when it is used only once.
    """

    kind = "consistency"
    fields = {
        "established": Field((int,), default=3, help="uses each that make two spellings two names"),
    }
    options = frozenset({"established"})
    default_message = 'Write "{suggestion}" ({reason}), not "{match}"'

    def setup(self) -> None:
        self.finder = MentionFinder()
        self.established = self.spec["established"]

    def check(self, analysis: Analysis) -> Iterator[Diagnostic]:
        forms, spans = self._collect(analysis)
        house = _house_names(names_settings(analysis))
        flagged: set[tuple[int, int]] = set()
        if house.names:
            for diagnostic in self._house_findings(analysis, forms, spans, house):
                flagged.add((diagnostic.start, diagnostic.end))
                yield diagnostic
        distinct = _distinct_keys(house.distinct)
        for cluster in self._clusters(forms, spans, house):
            for diagnostic in self._cluster_findings(analysis, cluster, distinct):
                if (diagnostic.start, diagnostic.end) not in flagged:
                    yield diagnostic

    def _collect(self, analysis: Analysis) -> tuple[dict[str, NameForm], Mentions]:
        """Every name mention: spelling -> its form, and where each spelling is used."""
        forms: dict[str, NameForm] = {}
        mentions = Mentions()
        for raw, starts in self.finder.find(analysis.prose).items():
            for form in parse_mention(raw):
                forms[form.display] = form
                mentions.sources[form.display].append((starts, form.offset, form.length))
        return forms, mentions

    def _clusters(self, forms: dict[str, NameForm], spans: Mentions, house: HouseNames) -> Iterator[Cluster]:
        """Groups of two or more spellings sharing a consonant skeleton (near-linear blocking)."""
        parent: dict[str, str] = {}

        def root(item: str) -> str:
            while parent.setdefault(item, item) != item:
                item = parent[item]
            return item

        for members in _shared_skeletons(forms, house):
            for other in members[1:]:
                parent[root(other)] = root(members[0])
        groups: dict[str, list[str]] = defaultdict(list)
        for display in parent:
            groups[root(display)].append(display)
        for members in groups.values():
            if len(members) > 1:
                yield Cluster({d: forms[d] for d in members}, {d: spans[d] for d in members})

    def _cluster_findings(
        self, analysis: Analysis, cluster: Cluster, distinct: frozenset[frozenset[str]]
    ) -> Iterator[Diagnostic]:
        _merge_sentence_capitals(analysis, cluster)
        if len(cluster.spans) < 2:
            return
        majority = max(cluster.spans, key=lambda d: (cluster.count(d), -cluster.first(d)))
        for display in sorted(cluster.spans, key=cluster.first):
            if display != majority and self._same_name(analysis, cluster, display, majority, distinct):
                reason = _reason(cluster.count(majority), cluster.count(display))
                for start, end in cluster.spans[display]:
                    yield self._finding(analysis, start, end, cluster.forms[majority], reason, False)

    def _same_name(
        self,
        analysis: Analysis,
        cluster: Cluster,
        minor: str,
        major: str,
        distinct: frozenset[frozenset[str]],
    ) -> bool:
        a, b = cluster.forms[minor], cluster.forms[major]
        if frozenset((a.key0, b.key0)) in distinct or frozenset((a.bare, b.bare)) in distinct:
            return False
        if a.key0 == b.key0:
            return True
        if len(a.words) == 1 and _is_ordinary(analysis, a.words[0]):
            return False
        rare, usual = cluster.count(minor), cluster.count(major)
        if set(a.keys1) & set(b.keys1):
            return len(a.keys1[0]) >= 5 and min(rare, usual) < self.established
        if rare <= 2 and usual >= 2 * rare and _close(a, b):
            return True
        return rare == 1 and usual >= 3 and _one_slip(a, b)

    def _finding(
        self, analysis: Analysis, start: int, end: int, target: NameForm, reason: str, house: bool
    ) -> Diagnostic:
        written = " ".join(analysis.prose[start:end].split())
        whole = target.display
        if starts_sentence(analysis, start):
            whole = _capitalised(whole)
        start, end, suggestion = _trim(analysis.prose, start, end, target.words)
        if starts_sentence(analysis, start):
            suggestion = _capitalised(suggestion)
        # the message names the whole name; the span and the fix cover only what differs
        message = format_message(self.message, match=written, suggestion=whole, reason=reason)
        applicability = Applicability.SAFE if house else Applicability.UNSAFE
        fix = self.replacement(analysis, start, end, suggestion, f'Write "{suggestion}"', applicability)
        return self.diagnostic(start, end, message, [suggestion], fix)

    def _house_findings(
        self,
        analysis: Analysis,
        forms: dict[str, NameForm],
        spans: Mentions,
        house: HouseNames,
    ) -> Iterator[Diagnostic]:
        """Every spelling of a house name other than the house spelling itself."""
        found: dict[tuple[int, int], NameForm] = {}
        for display, form in forms.items():
            target = house.target(form)
            if target is not None and display != target.display:
                for start, end in spans[display]:
                    if not _capital_of_sentence(analysis, start, display, target.display):
                        found[(start, end)] = target
        for match in house.literal.finditer(analysis.prose):
            house_name = house.variants[" ".join(match.group().split())]
            found.setdefault((match.start(), match.end()), house.names[house_name])
        for (start, end), target in sorted(found.items()):
            yield self._finding(analysis, start, end, target, "the house spelling", True)


def _shared_skeletons(forms: dict[str, NameForm], house: HouseNames) -> list[list[str]]:
    """The spellings sharing each blocking key, for the keys of two or more spellings, in the
    order the keys are first met (spellings in order, each one's keys in their set's order).

    Nearly every key belongs to one spelling only: a first spelling per key, and a list only
    for the few keys met again, cost a third of a list per key.
    """
    first: dict[str, str] = {}
    shared: dict[str, list[str]] = {}
    for display, form in forms.items():
        if house.by_key and house.covers(form):
            continue
        for skeleton in form.skeletons:
            other = first.setdefault(skeleton, display)
            if other != display:
                shared.setdefault(skeleton, [other]).append(display)
    order = {display: index for index, display in enumerate(forms)}

    def met(skeleton: str) -> tuple[int, int]:
        owner = first[skeleton]
        return order[owner], tuple(forms[owner].skeletons).index(skeleton)

    return [shared[skeleton] for skeleton in sorted(shared, key=met)]


@dataclass(frozen=True)
class HouseNames:
    """``names.canonical`` compiled: keys of every listed spelling -> the house spelling."""

    names: dict[str, NameForm]  # house spelling -> its form
    variants: dict[str, str]  # listed variant -> house spelling
    by_key: dict[str, str]  # rule-1 or rule-2 key -> house spelling
    literal: re.Pattern[str]
    distinct: tuple[tuple[str, ...], ...]

    def target(self, form: NameForm) -> NameForm | None:
        for key in (form.key0, *form.keys1):
            if key in self.by_key:
                return self.names[self.by_key[key]]
        return None

    def covers(self, form: NameForm) -> bool:
        return self.target(form) is not None


@lru_cache(maxsize=16)
def _house_names(settings: NamesSettings) -> HouseNames:
    names: dict[str, NameForm] = {}
    variants: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for name, listed in settings.canonical:
        words = tuple(name.split())
        key0, bare, keys1 = _keys(words)
        names[name] = NameForm(0, len(name), " ".join(words), words, key0, bare, keys1, _skeletons(keys1))
        for spelling in (name, *listed):
            if spelling != name:
                variants[spelling] = name
            spelling_key0, _, spelling_keys1 = _keys(tuple(spelling.split()))
            by_key.setdefault(spelling_key0, name)
            for key in spelling_keys1:
                if len(key) >= 5:
                    by_key.setdefault(key, name)
    body = "|".join(r"\s+".join(map(re.escape, v.split())) for v in sorted(variants, key=_longest_first))
    literal = compile_regex(rf"(?<![\w-])(?:{body})(?![\w-])" if body else r"(?!x)x")
    return HouseNames(names, variants, by_key, literal, settings.distinct)


def _distinct_keys(extra: tuple[tuple[str, ...], ...]) -> frozenset[frozenset[str]]:
    return _builtin_distinct() | _pairs_of(extra)


@cache
def _builtin_distinct() -> frozenset[frozenset[str]]:
    return _pairs_of(lexicon().distinct)


def _pairs_of(groups: tuple[tuple[str, ...], ...]) -> frozenset[frozenset[str]]:
    pairs = set()
    for group in groups:
        keys = [fold(name) for name in group]
        pairs.update(frozenset((a, b)) for a in keys for b in keys if a != b)
    return frozenset(pairs)


def _close(a: NameForm, b: NameForm) -> bool:
    """Rule 3: same consonants, few vowel edits, none in the last syllable."""
    for key_a in a.keys1:
        for key_b in b.keys1:
            if (
                len(key_a) >= 6
                and len(key_b) >= 6
                and _vowel_distance(key_a, key_b) <= (1 if min(len(key_a), len(key_b)) < 10 else 2)
            ):
                return True
    return False


def _one_slip(a: NameForm, b: NameForm) -> bool:
    """Rule 4: a long name (8+ letters) with one letter changed, added or dropped
    (two from 12 letters), not in its last two letters."""
    key_a, key_b = a.keys1[0], b.keys1[0]
    shortest = min(len(key_a), len(key_b))
    if shortest < LONG_NAME or key_a[-2:] != key_b[-2:]:
        return False
    return _edit_distance(key_a, key_b) <= (1 if shortest < 12 else 2)


_SYLLABLES = compile_regex(r"([aeiou]*)([^aeiou]|$)")


def _vowel_runs(key: str) -> tuple[list[str], str]:
    runs, consonants = [], []
    for vowels, consonant in _SYLLABLES.findall(key):
        runs.append(vowels)
        consonants.append(consonant)
    return runs, "".join(consonants)


def _vowel_distance(a: str, b: str) -> int:
    """Edits between the vowel runs of two keys with the same consonants; 99 when not comparable."""
    runs_a, consonants_a = _vowel_runs(a)
    runs_b, consonants_b = _vowel_runs(b)
    if consonants_a != consonants_b or len(runs_a) != len(runs_b):
        return 99
    if runs_a[-2:] != runs_b[-2:]:  # the last syllable: a gendered or inflected ending
        return 99
    return sum(_edit_distance(x, y) for x, y in zip(runs_a, runs_b, strict=True))


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def _reason(usual: int, rare: int) -> str:
    if usual == rare:
        return "written first in this document"
    return f"written {'twice' if usual == 2 else f'{usual} times'} in this document"


def starts_sentence(analysis: Analysis, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence (or a heading, list item, cell).

    A look at the characters before it rather than ``analysis.sentence_at``, which
    tokenises the whole block: a plain-text draft without blank lines is one block.
    """
    index = analysis.block_at(start)
    if index < 0:
        return False
    block_start = analysis.blocks[index].start
    before = analysis.prose[max(block_start, start - 80) : start].rstrip().rstrip(_OPENERS).rstrip()
    if not before:
        return start - 80 <= block_start
    if before[-1] not in ".!?…":
        return False
    previous = _LAST_WORD_REVERSED.match(before[::-1])
    return previous is None or previous.group(1)[::-1].lower() not in abbreviations().titles


def _capital_of_sentence(analysis: Analysis, start: int, written: str, other: str) -> bool:
    """True when ``written`` differs from ``other`` only by a capital that starts a sentence."""
    return (
        written[:1].isupper()
        and written[:1].lower() + written[1:] == other
        and starts_sentence(analysis, start)
    )


def _merge_sentence_capitals(analysis: Analysis, cluster: Cluster) -> None:
    """Count "Al-Maliki" starting a sentence as "al-Maliki"; drop ordinary words starting one."""
    for display in list(cluster.spans):
        lowered = display[:1].lower() + display[1:]
        ordinary = len(cluster.forms[display].words) == 1 and _is_ordinary(analysis, display)
        if not (ordinary or (lowered != display and lowered in cluster.spans)):
            continue
        kept = []
        for start, end in cluster.spans[display]:
            if not starts_sentence(analysis, start):
                kept.append((start, end))
            elif not ordinary:
                cluster.spans[lowered].append((start, end))
        if lowered in cluster.spans:
            cluster.spans[lowered].sort()
        if kept:
            cluster.spans[display] = kept
        else:
            del cluster.spans[display]


def _is_ordinary(analysis: Analysis, word: str) -> bool:
    """An ordinary word: in the common-word list, or written in lower case in this document."""
    if is_common_word(word):
        return True
    lower = word.lower()
    return lower != word and lower in document_words(analysis)


def document_words(analysis: Analysis) -> frozenset[str]:
    """The document's words as written (computed once per document, shared by rules)."""
    return analysis.word_set


def _trim(prose: str, start: int, end: int, target: tuple[str, ...]) -> tuple[int, int, str]:
    """The span and suggestion to report: drop leading words both spellings share when
    what differs is how an article is written ("Khalid Al Jubouri" -> "Al Jubouri")."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(prose, start, end)]
    shared = 0
    while shared < min(len(tokens), len(target)) - 1 and tokens[shared][0] == target[shared]:
        shared += 1
    if shared and _starts_with_article(tokens[shared][0]) and _starts_with_article(target[shared]):
        return tokens[shared][1], end, " ".join(target[shared:])
    return start, end, " ".join(target)


def _starts_with_article(word: str) -> bool:
    articles = lexicon().articles
    return word.lower() in articles or bool(_split_article(word, articles)[0])
