"""The English word list behind ``spelling/unknown-word``: curated, offline, cached.

Two PyPI packages ship the data, and both are read only when the cache is
built (once per installed version):

- spylls ships the SCOWL-derived Hunspell ``en_US`` dictionary; every stem is
  expanded through its affix rules into the forms it licenses (``recolored``,
  ``peacekeepers``), and the affix flags give each form its lexical classes
  (noun, verb, adjective, adverb) for the real-word rule's contexts.
- symspellpy ships ``frequency_dictionary_en_82_765``: the words of SCOWL that
  occur in Google Books, with their counts. It brings the British spellings
  (``colour``, ``licence``) and the frequencies that rank suggestions.

``rules/spelling/words.yaml`` adds recent words and productive prefixes. The
result is cached with ``marshal`` under ``prose_lint.resources.cache_dir()``:
the set of words (needed on every run) in one file, frequencies and classes
(needed only when a word is flagged or a context asks) in others, packed
(``PackedTable``, ``PackedWords``) so that each loads in a few milliseconds.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from prose_lint.resources import builtin_rules_dir, cached_build, cached_yaml_data, file_stamp

SCHEMA = 3
NOUN, VERB, ADJECTIVE, ADVERB, AMERICAN = 1, 2, 4, 8, 16
CLASS_BITS = {"noun": NOUN, "verb": VERB, "adjective": ADJECTIVE, "adverb": ADVERB}
# Hunspell en_US affix flags (SCOWL): which class a stem with the flag has,
# and which class the derived form gets.
# (R, "-er", is left out: it makes agent nouns as well as comparatives.)
_STEM_CLASS = {"M": NOUN, "G": VERB, "D": VERB, "T": ADJECTIVE, "Y": ADJECTIVE}
_FORM_CLASS = {"G": VERB, "J": NOUN, "D": VERB, "T": ADJECTIVE, "Y": ADVERB, "P": NOUN}
_CONTRACTIONS = ("'s", "'ll", "'re", "'ve", "'d", "'m")
_SYMSPELL_FILE = "frequency_dictionary_en_82_765.txt"


class DictionaryMissing(RuntimeError):
    """A package that ships the dictionary data is not installed."""


def words_path() -> Path:
    return builtin_rules_dir() / "spelling" / "words.yaml"


def load_data(path: Path) -> dict:
    """A data file under ``rules/`` as plain Python data (cached like the packs)."""
    from prose_lint.yamlio import load_yaml, plain

    return cached_yaml_data(path, lambda p: plain(load_yaml(p)))


@dataclass(frozen=True)
class Extras:
    """``rules/spelling/words.yaml``: extra words and productive prefixes."""

    words: tuple[str, ...]
    prefixes: tuple[str, ...]
    joined_prefixes: tuple[str, ...]
    prefix_min_stem: int
    compound_min_part: int
    compound_min_count: int
    not_compound_tails: frozenset[str]


@cache
def load_extras() -> Extras:
    data = load_data(words_path())
    return Extras(
        words=tuple(data.get("words") or ()),
        prefixes=tuple(data.get("prefixes") or ()),
        joined_prefixes=tuple(data.get("joined-prefixes") or ()),
        prefix_min_stem=int(data.get("prefix-min-stem", 4)),
        compound_min_part=int(data.get("compound-min-part", 4)),
        compound_min_count=int(data.get("compound-min-count", 10_000_000)),
        not_compound_tails=frozenset(data.get("not-compound-tails") or ()),
    )


class PackedTable:
    """A read-only table of words to counts or class bits, packed for a fast start.

    A dict of 136,000 words takes 25-50 ms to load, and a pre-commit run asks
    it about a few hundred words. Here the words are grouped by their first
    three letters and length, each group one string of ``"\\nword\\tvalue"``
    lines: the table loads as some 20,000 strings (6-10 ms), and a lookup is
    one ``str.find`` in a group of a few hundred bytes (4 kB at most).
    """

    def __init__(self, groups: dict[str, str]) -> None:
        self.groups = groups

    @staticmethod
    def pack(table: dict[str, int]) -> dict[str, str]:
        return _pack((word, f"\t{value}") for word, value in table.items())

    def get(self, word: str, default: int = 0) -> int:
        group = self.groups.get(_group_key(word))
        if group is None or "\t" in word or "\n" in word:
            return default
        found = group.find(f"\n{word}\t")
        if found < 0:
            return default
        start = found + len(word) + 2
        return int(group[start : group.index("\n", start)])


class PackedWords:
    """The dictionary's words as a set that answers ``in`` without loading them all.

    Grouped like ``PackedTable`` (one ``"\\nword\\n"`` string per group), so a
    pre-commit run on one draft (a few hundred distinct words) reads a
    millisecond of data instead of a 136,000-string set (30-40 ms). A long
    run, which asks about tens of thousands of words, loads the real set
    after ``LOAD_AFTER`` questions: from then on a question costs a hash.
    """

    LOAD_AFTER = 5000

    def __init__(self, groups: dict[str, str], load_all: Callable[[], frozenset[str]]) -> None:
        self.groups = groups
        self.load_all = load_all
        self.asked = 0
        self.all: frozenset[str] | None = None

    @staticmethod
    def pack(words: frozenset[str]) -> dict[str, str]:
        return _pack((word, "") for word in words)

    def full(self) -> frozenset[str]:
        """Every word as one set, loaded on first use."""
        if self.all is None:
            self.all = self.load_all()
        return self.all

    def __contains__(self, word: object) -> bool:
        if self.all is not None:
            return word in self.all
        self.asked += 1
        if self.asked > self.LOAD_AFTER:
            return word in self.full()
        if not isinstance(word, str) or "\n" in word:
            return False
        group = self.groups.get(_group_key(word))
        return group is not None and f"\n{word}\n" in group

    def among(self, words: Iterable[str]) -> set[str]:
        """The given words that are in the dictionary (``words & set`` for a set)."""
        if self.all is not None or (isinstance(words, Sized) and len(words) > self.LOAD_AFTER):
            return set(words).intersection(self.full())
        return {word for word in words if word in self}


def _pack(lines: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Lines ``"\\n" + word + rest`` grouped by ``_group_key``, each group closed by a newline."""
    groups: dict[str, list[str]] = {}
    for word, rest in sorted(lines):
        groups.setdefault(_group_key(word), []).append(f"\n{word}{rest}")
    return {key: "".join(group) + "\n" for key, group in groups.items()}


def _group_key(word: str) -> str:
    return f"{word[:3]}{len(word)}"


class Dictionary:
    """Word forms (lower case), with frequencies and classes loaded on first use."""

    def __init__(self, words: PackedWords, extras: Extras) -> None:
        self.words = words
        self.extras = extras

    @property
    def all_words(self) -> frozenset[str]:
        """Every form as one set: for searches that ask about thousands of strings."""
        return self.words.full()

    # Each table loads on first use, from its own cache file: a draft without
    # misspellings never pays for the frequencies, one without confusable words
    # never for the classes.
    @cached_property
    def frequency(self) -> PackedTable:
        return PackedTable(_cached("frequency", lambda: PackedTable.pack(_build()[1][0])))

    @cached_property
    def not_american(self) -> frozenset[str]:
        """Forms without the American flag (British or rare spellings): a small set, so that
        ranking suggestions does not load the whole class table."""
        return _cached(
            "not-american",
            lambda: frozenset(w for w in _build()[0] if not _build()[1][1].get(w, 0) & AMERICAN),
        )

    @cached_property
    def classes(self) -> PackedTable:
        """Bit set of NOUN, VERB, ADJECTIVE, ADVERB, AMERICAN per lower-case form."""
        return PackedTable(_cached("classes", lambda: PackedTable.pack(_build()[1][1])))

    @cached_property
    def _letter_table(self) -> tuple[frozenset[str], dict[str, str]]:
        """Every three letters of the words, and the letters seen between two neighbours."""
        return _cached("letter-table", lambda: _letter_table(self.all_words))

    @cached_property
    def _quadgrams(self) -> frozenset[str]:
        """Every four letters of the words (edges marked): loaded for two-edit searches only."""
        return _cached("quadgrams", lambda: _grams(self.all_words, 4))

    @cached_property
    def _near_filter(self) -> bytes:
        """A Bloom filter of every word and every word with one letter deleted."""
        return _cached("near-filter", lambda: _near_filter(self.all_words))

    def may_be_one_edit_from_a_word(self, text: str) -> bool:
        """False only when no dictionary word is one edit from ``text``.

        A word one edit from ``text`` (a deletion, insertion, substitution or
        swap of two neighbours) and ``text`` become the same string when at
        most one letter is deleted from each ("telework"/"teleworks" ->
        "telework", "stategist"/"strategist" -> "stategist", "form"/"from" ->
        "fm"). So when none of ``text``'s one-deletion strings is in the
        filter, no word is near. A two-edit search asks this of each of its
        ~500 middle strings, and most are answered in a few microseconds
        instead of a full one-edit search (false positives only cost time).
        """
        bits = self._near_filter
        return any(_in_filter(bits, key) for key in _deletion_keys(text))

    def words_one_edit(self, word: str, deep: bool = False) -> set[str]:
        """Dictionary words one edit from ``word`` (``word`` itself too, when it is one).

        The same as Norvig's edits1 intersected with the words, built from
        far fewer strings. Every three (and four) letters of a word occur in
        some word, ``_START``/``_END`` marking its edges. So where ``word`` has
        letters no word has, the one edit must touch them all; and a letter
        is only put where some word has it between the same neighbours.
        ``deep`` also reads the four-letter table (worth its loading time in a
        two-edit search, which calls this for hundreds of strings).
        """
        trigrams, choices = self._letter_table
        padded = _START + word + _END
        size = len(word)
        # Positions i where a deletion, a substitution, a transposition (of i and
        # i+1) or an insertion (before i) may stand.
        deletions, swaps, insertions = [0, size - 1], [0, size - 2], [0, size]
        for grams, length in ((trigrams, 3), (self._quadgrams, 4)) if deep else ((trigrams, 3),):
            odd = [k for k in range(len(padded) - length + 1) if padded[k : k + length] not in grams]
            if odd:
                # The edit must fall inside every gram no word has (padded[k:k+length]).
                reach = odd[0] + length - 2
                deletions = [max(deletions[0], odd[-1] - 1), min(deletions[1], reach)]
                swaps = [max(swaps[0], odd[-1] - 2), min(swaps[1], reach)]
                insertions = [max(insertions[0], odd[-1]), min(insertions[1], reach)]
        found = {word[:i] + word[i + 1 :] for i in range(deletions[0], deletions[1] + 1)}
        found.update(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(swaps[0], swaps[1] + 1))
        for i in range(insertions[0], insertions[1] + 1):
            left, right = word[:i], word[i:]
            found.update(left + letter + right for letter in choices.get(padded[i] + padded[i + 1], ""))
        for i in range(deletions[0], deletions[1] + 1):
            left, rest = word[:i], word[i + 1 :]
            found.update(left + letter + rest for letter in choices.get(padded[i] + padded[i + 2], ""))
        return found & self.all_words if deep else self.words.among(found)

    def is_word(self, word: str) -> bool:
        """True when ``word`` is English: a dictionary form, or built from them.

        Curly apostrophes count as straight ones; a possessive or a clitic
        (``'s``, ``'ll``) may follow a word; a soft hyphen is ignored; a
        hyphenated compound is a word when its parts are (or when it is a
        dictionary word without the hyphen); a productive prefix may precede a
        dictionary word.
        """
        word = word.replace("\u00ad", "").replace("’", "'").lower()
        if self._known(word):
            return True
        if word.endswith("'"):
            return self._known(word[:-1])
        base, apostrophe, clitic = word.rpartition("'")
        if apostrophe and "'" + clitic in _CONTRACTIONS and self._known(base):
            return True
        if "-" in word:
            return self._compound(word)
        return self._closed_compound(word)

    def _known(self, word: str) -> bool:
        return word in self.words or self._prefixed(word)

    def _prefixed(self, word: str) -> bool:
        for prefix in self.extras.joined_prefixes:
            # A two-letter prefix needs a longer stem: "untill" is not un + till.
            shortest = self.extras.prefix_min_stem + (2 if len(prefix) < 3 else 0)
            stem = word[len(prefix) :]
            if word.startswith(prefix) and len(stem) >= shortest and stem in self.words:
                return True
        return False

    def _closed_compound(self, word: str) -> bool:
        """Two common words written as one ("drawdown", "farmworkers").

        Both parts must be frequent and at least ``compound-min-part`` letters
        long, and the second not a suffix-like word ("able", "full"):
        otherwise misspellings pass as compounds ("carefull", "benifits").
        """
        extras = self.extras
        shortest = extras.compound_min_part
        if len(word) < 2 * shortest:
            return False
        common = self.common
        for cut in range(shortest, len(word) - shortest + 1):
            head, tail = word[:cut], word[cut:]
            if tail in extras.not_compound_tails:
                continue
            if head in common and tail in common:
                return True
        return False

    @cached_property
    def common(self) -> frozenset[str]:
        """Words frequent enough to form a closed compound: a small set, so that a
        clean draft never loads the full frequency table."""
        extras = self.extras
        return _cached(
            "common",
            lambda: frozenset(
                word
                for word, count in _build()[1][0].items()
                if count >= extras.compound_min_count and len(word) >= extras.compound_min_part
            ),
        )

    def _compound(self, word: str) -> bool:
        if word.replace("-", "") in self.words:
            return True
        parts = [part for part in word.split("-") if part]
        prefixes = self.extras.prefixes
        return all(self._known(part) or part in prefixes or self._possessive(part) for part in parts)

    def _possessive(self, part: str) -> bool:
        return part.endswith("'s") and self._known(part[:-2])


@cache
def dictionary() -> Dictionary:
    """The shared Dictionary, loaded once per process (from the cache when it can)."""
    extras = load_extras()
    groups = _cached("words-packed", lambda: PackedWords.pack(_build()[0]))
    return Dictionary(PackedWords(groups, lambda: _cached("words", lambda: _build()[0])), extras)


def _cache_stamp() -> str:
    """Changes when a source package's data or words.yaml changes."""
    return f"{SCHEMA}|{file_stamp(*_source_files(), words_path())}"


def _package_folder(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _source_files() -> tuple[Path | None, Path | None]:
    """The Hunspell .dic shipped by spylls and the word counts shipped by symspellpy."""
    spylls = _package_folder("spylls")
    symspell = _package_folder("symspellpy")
    return (
        spylls / "hunspell" / "data" / "en" / "en_US.dic" if spylls else None,
        symspell / _SYMSPELL_FILE if symspell else None,
    )


def _cached(part: str, build):
    """marshal-cached ``build()``: rebuilt when prose-lint, a source package or words.yaml changes."""
    return cached_build(f"dictionary-{part}", _cache_stamp(), build)


@cache
def _build() -> tuple[frozenset[str], tuple[dict[str, int], dict[str, int]]]:
    """Read the packaged sources: (all forms, (frequency, classes))."""
    classes = _hunspell_forms()
    for form in classes:
        classes[form] |= AMERICAN
    frequency = _symspell_frequencies()
    words = set(classes) | set(frequency)
    words.update(word.lower() for word in load_extras().words)
    return frozenset(words), (frequency, classes)


def _hunspell_forms() -> dict[str, int]:
    """Every form the en_US Hunspell dictionary licenses, with its lexical classes."""
    from spylls.hunspell import Dictionary as Hunspell

    dic = _source_files()[0]
    if dic is None:
        raise DictionaryMissing("the spylls package (Hunspell en_US dictionary) is not installed")
    hunspell = Hunspell.from_files(str(dic.with_suffix("")))
    affixes = hunspell.aff
    barred = {flag for flag in (affixes.NEEDAFFIX, affixes.ONLYINCOMPOUND, affixes.FORBIDDENWORD) if flag}
    forms: dict[str, int] = {}

    def add(form: str, bits: int) -> None:
        key = form.lower()
        forms[key] = forms.get(key, 0) | bits

    for entry in hunspell.dic.words:
        stem, flags = entry.stem, entry.flags
        stem_bits = 0
        for flag in flags:
            stem_bits |= _STEM_CLASS.get(flag, 0)
        if not flags & barred:
            add(stem, stem_bits)
        suffixed = []
        for flag in flags:
            for suffix in affixes.SFX.get(flag, ()):
                if suffix.cond_regexp.search(stem):
                    form = stem[: len(stem) - len(suffix.strip)] + suffix.add
                    add(form, _suffix_class(flag, stem_bits))
                    suffixed.append((form, suffix.crossproduct, flag))
        for flag in flags:
            for prefix in affixes.PFX.get(flag, ()):
                if not prefix.cond_regexp.search(stem):
                    continue
                add(prefix.add + stem[len(prefix.strip) :], stem_bits)
                if prefix.crossproduct:
                    for form, cross, suffix_flag in suffixed:
                        if cross:
                            add(prefix.add + form[len(prefix.strip) :], _suffix_class(suffix_flag, stem_bits))
    return forms


_FILTER_BITS = 1 << 24  # 2 MB for 1.3 million strings: under 1% false positives with 3 probes


def _deletion_keys(word: str) -> list[bytes]:
    """``word`` and ``word`` with each one letter deleted, encoded (repeats allowed)."""
    data = word.encode("utf-8", "surrogatepass")
    if word.isascii():  # deleting a byte is deleting a letter
        return [data, *(data[:i] + data[i + 1 :] for i in range(len(data)))]
    variants = (word, *(word[:i] + word[i + 1 :] for i in range(len(word))))
    return [variant.encode("utf-8", "surrogatepass") for variant in variants]


def _in_filter(bits: bytes, key: bytes) -> bool:
    """Whether the filter's three bits for ``key`` are set. Double hashing of two stable
    checksums (``hash()`` of a string changes from one process to the next); most
    keys are settled by the first bit."""
    mask = _FILTER_BITS - 1
    first = zlib.crc32(key)
    position = first & mask
    if not bits[position >> 3] & (1 << (position & 7)):
        return False
    step = zlib.adler32(key) | 1
    position = (first + step) & mask
    if not bits[position >> 3] & (1 << (position & 7)):
        return False
    position = (first + 2 * step) & mask
    return bool(bits[position >> 3] & (1 << (position & 7)))


def _near_filter(words: frozenset[str]) -> bytes:
    """The bits of ``Dictionary._near_filter``, set as ``_in_filter`` reads them, for every
    word's ``_deletion_keys`` (built once per install, about two seconds)."""
    bits = bytearray(_FILTER_BITS >> 3)
    mask = _FILTER_BITS - 1
    crc32, adler32 = zlib.crc32, zlib.adler32
    for word in words:
        for key in _deletion_keys(word):
            first, step = crc32(key), adler32(key) | 1
            for position in (first & mask, (first + step) & mask, (first + 2 * step) & mask):
                bits[position >> 3] |= 1 << (position & 7)
    return bytes(bits)


def _grams(words: frozenset[str], length: int) -> frozenset[str]:
    """Every run of ``length`` characters of the words, their edges marked."""
    grams: set[str] = set()
    for word in words:
        padded = _START + word + _END
        grams.update(padded[i : i + length] for i in range(len(padded) - length + 1))
    return frozenset(grams)


def _letter_table(words: frozenset[str]) -> tuple[frozenset[str], dict[str, str]]:
    """Every trigram of the words (edges marked), and per neighbour pair the letters
    of ``_LETTERS`` seen between them."""
    trigrams = _grams(words, 3)
    choices: dict[str, set[str]] = {}
    for trigram in trigrams:
        if trigram[1] in _LETTERS:
            choices.setdefault(trigram[0] + trigram[2], set()).add(trigram[1])
    ordered = {
        pair: "".join(sorted(letters, key=_LETTERS.index)) for pair, letters in sorted(choices.items())
    }
    return trigrams, ordered


def _suffix_class(flag: str, stem_bits: int) -> int:
    if flag == "S":  # plural of a noun, or third person of a verb
        return stem_bits & (NOUN | VERB)
    if flag == "M":
        return NOUN
    return _FORM_CLASS.get(flag, 0)


def _symspell_frequencies() -> dict[str, int]:
    path = _source_files()[1]
    if path is None:
        raise DictionaryMissing("the symspellpy package (English word frequencies) is not installed")
    text = path.read_text(encoding="utf-8")
    frequency: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        if count:
            frequency[word.lower()] = int(count)
    return frequency


_LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
# The edges of a word in the letter tables (no word contains them).
_START, _END = "\x02", "\x03"
_VOWELS = frozenset("aeiouy")
# Editing costs: the slips writers make most often cost less, so a candidate
# reached by one of them ranks first among candidates equally far away.
_COST_DOUBLING = 0.5  # "occured" -> "occurred", "accross" -> "across"
_COST_SWAP = 0.6  # "recieved" -> "received"
_COST_VOWEL = 0.8  # "seperate" -> "separate"
_FREQUENCY_WEIGHT = 0.12  # per power of ten of the word's count


def edits(word: str) -> dict[str, float]:
    """Every string one edit from ``word``, with the cost of that edit."""
    found: dict[str, float] = {}

    def offer(candidate: str, cost: float) -> None:
        if cost < found.get(candidate, 9.0):
            found[candidate] = cost

    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            doubled = (left and left[-1] == right[0]) or right[1:2] == right[0]
            offer(left + right[1:], _COST_DOUBLING if doubled else 1.0)
        if len(right) > 1:
            offer(left + right[1] + right[0] + right[2:], _COST_SWAP)
        for letter in _LETTERS:
            doubling = letter == right[:1] or (left and letter == left[-1])
            offer(left + letter + right, _COST_DOUBLING if doubling else 1.0)
            if right and letter != right[0]:
                vowels = letter in _VOWELS and right[0] in _VOWELS
                offer(left + letter + right[1:], _COST_VOWEL if vowels else 1.0)
    found.pop(word, None)
    return found


def suggest(word: str, dialect: str = "en-US", limit: int = 3, deep: bool = True) -> list[str]:
    """Dictionary words near ``word``: fewest (cheapest) edits first, then the most frequent.

    Words one edit away are always considered; words two edits away only
    when no common word lies one edit away and ``deep`` is true (the
    two-edit search costs milliseconds a word).
    """
    lexicon = dictionary()
    lower = word.replace("’", "'").lower()
    hits = lexicon.words_one_edit(lower)
    hits.discard(lower)
    costs = {candidate: edit_cost(lower, candidate) for candidate in hits}
    frequency = lexicon.frequency
    if deep and not any(frequency.get(candidate) for candidate in costs) and len(lower) <= 20:
        _add_second_edits(lower, edits(lower), lexicon, costs)
    ranked = sorted(costs, key=lambda c: (_score(c, costs[c], frequency, lexicon.not_american, dialect), c))
    return [_match_case(word, candidate) for candidate in ranked[:limit]]


def edit_cost(word: str, candidate: str) -> float:
    """``edits(word)[candidate]`` for a ``candidate`` one edit from ``word``, without
    building every other string one edit away (1.0 for ``word`` itself)."""
    size = len(word)
    best = 9.0
    if len(candidate) == size - 1:
        for i in range(size):
            if word[:i] + word[i + 1 :] == candidate:
                left, right = word[:i], word[i:]
                doubled = (left and left[-1] == right[0]) or right[1:2] == right[0]
                best = min(best, _COST_DOUBLING if doubled else 1.0)
    elif len(candidate) == size + 1:
        for i in range(size + 1):
            letter = candidate[i]
            if letter in _LETTERS and candidate[:i] + candidate[i + 1 :] == word:
                left, right = word[:i], word[i:]
                doubling = letter == right[:1] or (left and letter == left[-1])
                best = min(best, _COST_DOUBLING if doubling else 1.0)
    elif len(candidate) == size:
        changed = [i for i in range(size) if word[i] != candidate[i]]
        if len(changed) == 1:
            i = changed[0]
            vowels = candidate[i] in _VOWELS and word[i] in _VOWELS
            best = _COST_VOWEL if vowels else 1.0
        elif len(changed) == 2 and changed[1] == changed[0] + 1:
            best = _COST_SWAP
    return best if best < 9.0 else 1.0


def _add_second_edits(
    word: str, near: dict[str, float], lexicon: Dictionary, costs: dict[str, float]
) -> None:
    """Dictionary words two edits from ``word``, costed through their cheapest middle step."""
    for middle, first in near.items():
        if not lexicon.may_be_one_edit_from_a_word(middle):
            continue
        hits = lexicon.words_one_edit(middle, deep=True)
        hits.discard(word)
        for candidate in hits:
            cost = first + edit_cost(middle, candidate)
            if cost < costs.get(candidate, 9.0):
                costs[candidate] = cost


def _score(
    candidate: str, cost: float, frequency: PackedTable, not_american: frozenset[str], dialect: str
) -> float:
    import math

    score = cost - _FREQUENCY_WEIGHT * math.log10(1 + frequency.get(candidate, 0))
    if dialect == "en-US" and candidate in not_american:
        score += 0.25  # a British or rare spelling, when an American one is as near
    return score


def _match_case(written: str, candidate: str) -> str:
    if written.isupper() and len(written) > 1:
        return candidate.upper()
    if written[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate
