"""Figures in prose: a number with the unit or noun it counts.

The recogniser behind ``citations/uncited-figure``. A figure states a fact
about the world: an amount of money ("$75 million", "€2bn"), a percentage or
a measurement ("18%", "41 millimetres"), a count with what it counts ("312
families"). Years, dates, times, ages, ordinals, labels ("Table 3",
"Resolution 2254"), names ("G20", "COVID-19"), versions, phone numbers and
list numbering are not figures. Every word list comes from
``rules/citations/figures.yaml``.

Candidate first: one scan for digit runs (and ``str.find`` for the scale
words of spelled amounts) finds the few places worth a look; the checks that
decide whether a number is a figure read only the characters around it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from prose_lint.checks.wordtrie import trie_alternation
from prose_lint.regexcache import compile_regex

_SPACE = r"[ \t\u00a0]"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# After a number: not "1990s", "21st", "3.4.1", "3/11/2026", "10:30"; a superscript note number may follow.
_WORD_CHAR = r"[^\W¹²³⁴⁵⁶⁷⁸⁹⁰]"
_NUMBER_ENDS = rf"(?!{_WORD_CHAR}|[.,:/]\d)"
_DIGITS = compile_regex(r"[0-9]+")
_YEAR = compile_regex(r"(?:1[5-9]|20)\d\d")
_PHONE = compile_regex(r"\+\d[\d \t().-]{7,}\d|\(\d{2,5}\)[ \t]?\d{3,4}[ .-]?\d{3,4}|\d{3}[.-]\d{3}[.-]\d{4}")
_PHONE_TAIL = compile_regex(r"[ .)-]{1,2}\d")
_PHONE_HEAD = compile_regex(r"\d[ .)-]")
_NEXT_WORD = compile_regex(r"\s+([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")
_COMPOUND = compile_regex(r"-([^\W\d_]+)")
# "$339m (£182.5m)", "4 billion euros (£2.8bn; $4.8bn)", "£99 in the UK (149 euros)"
_CONVERSION_GAP = compile_regex(r"(?:\s+[\w'’-]+){0,4}\s*[(\[]\s*|\s*[;,/]\s*")
_RANGE_GAP = compile_regex(r"\)?\s*(?:and|to|(?P<dash>[-–—]))\s*")
_PLURAL = compile_regex(r"[^su]s$")
_APOSTROPHE = compile_regex(r"['’]")
_LIST_MARK = compile_regex(r"[.)]\s")
_AGE_BEFORE = compile_regex(r"[A-Z][\w'’-]*,\s*$")
_GAP = frozenset(" \t\r\n\"'“‘(\u00a0")
_SENTENCE_END = frozenset(".!?:")
_LOOK_BEHIND = 60
_MAX_NOUN_WORDS = 3

Candidate = tuple[int, int, int, int]  # block index, block start, block end, position


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure's span in the file and what it is (money, measure, count, number, fraction)."""

    start: int
    end: int
    kind: str


def shortest_anchors(words: Iterable[str]) -> list[str]:
    """The words none of the others is part of: finding "report" finds "reports" too."""
    kept: list[str] = []
    for word in sorted(set(words), key=lambda word: (len(word), word)):
        if not any(anchor in word for anchor in kept):
            kept.append(word)
    return kept


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; a space matches any run of white space.

    Written as a trie ("per(?:\\s+cent)?"): the engine gives up after a letter
    or two instead of trying every phrase at every position, and along each
    branch a longer phrase is still tried before its prefix. Two phrases that
    part at a letter differing only in case ("Km", "kms") keep the flat list,
    whose order a trie cannot keep when the pattern ignores case.
    """
    phrases = {" ".join(entry.split()) for entry in entries if entry.strip()}
    lower = {phrase.lower() for phrase in phrases}
    if lower != phrases and len(_prefixes(phrases)) != len(_prefixes(lower)):
        unique = sorted(phrases, key=lambda phrase: (-len(phrase), phrase))
        return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in unique)
    return trie_alternation(phrases, spaces=True)


def _prefixes(phrases: set[str]) -> set[str]:
    return {phrase[:end] for phrase in phrases for end in range(1, len(phrase) + 1)}


class FigureFinder:
    """Finds the figures of a document, from the word lists of ``figures.yaml``."""

    def __init__(
        self,
        data: dict[str, list[str]],
        spelled_numbers: bool = False,
        fractions: bool = False,
        bare_number_minimum: int = 10,
    ) -> None:
        self.spelled_numbers = spelled_numbers
        self.fractions = fractions
        # A number with no unit and no noun ("only 19 were working") is a figure from this value
        # on; below it, "the other 2" and "since day 1" are talk, not facts to source.
        self.bare_number_minimum = bare_number_minimum
        self._word_sets(data)
        self._compile(data)

    def _word_sets(self, data: dict[str, list[str]]) -> None:
        def lowered(key: str) -> frozenset[str]:
            return frozenset(" ".join(entry.lower().split()) for entry in data[key])

        self.not_count_nouns = lowered("not_count_nouns")
        self.labels_before = lowered("labels_before")
        self.count_compounds = lowered("count_compounds")
        self.months = lowered("months")
        self.stop_words = lowered("stop_words")
        self.ambiguous_number_words = lowered("ambiguous_number_words")
        self.number_words = lowered("number_words")
        self.scale_suffixes = lowered("scale_suffixes")
        self.ambiguous_scale_suffixes = lowered("ambiguous_scale_suffixes")
        self.distance_before = lowered("distance_before")
        self.distance_after = lowered("distance_after")
        self.range_openers = lowered("range_openers")
        self.amount_words = shortest_anchors(lowered("scales") | lowered("spelled_units"))
        self.currency_ends = frozenset(symbol[-1] for symbol in data["currency_symbols"])

    def _compile(self, data: dict[str, list[str]]) -> None:
        codes = alternation(data["currency_codes"])
        currency = (
            rf"(?:(?-i:{alternation(data['currency_symbol_prefixes'])})?(?:{alternation(data['currency_symbols'])})"
            rf"|(?-i:{codes}){_SPACE}?(?=\d))"
        )
        scales = alternation(data["scales"])
        money = alternation(data["currency_words"])
        self.pattern = compile_regex(
            rf"""(?P<currency>{currency}{_SPACE}?)?(?P<number>{_NUMBER})
            (?:{_SPACE}?[-–]{_SPACE}?(?:{currency}{_SPACE}?)?(?P<upper>{_NUMBER}))?
            (?:(?P<suffix>{alternation([*data["scale_suffixes"], *data["unit_suffixes"]])})(?!{_WORD_CHAR})
              |{_NUMBER_ENDS})
            (?:\s+(?P<scale>{scales})(?![\w]))?
            (?:\s*(?P<unit>{alternation(data["units"])})(?!{_WORD_CHAR}))?
            (?:\s+(?P<money>{money}|(?-i:{codes}))(?![\w]))?""",
            re.I | re.X,
        )
        self.currency_before = compile_regex(
            rf"(?:(?-i:{alternation(data['currency_symbol_prefixes'])})?(?:{alternation(data['currency_symbols'])})"
            rf"|(?-i:{codes})){_SPACE}?$"
        )
        number_word = alternation(data["number_words"])
        spelled = rf"(?<![\w-])(?P<number>(?:{number_word})(?:(?:[\s-]+|\s+and\s+)(?:{number_word}))*)"
        self.spelled_amount = compile_regex(
            rf"""{spelled}
            (?:\s+(?P<scale>{scales})(?![\w])(?:\s+(?P<money>{money})(?![\w]))?
              |\s+(?P<unit>{alternation(data["spelled_units"])})(?![\w]))""",
            re.I | re.X,
        )
        self.spelled_before = compile_regex(rf"{spelled}\s+$", re.I)
        self.spelled_count = compile_regex(rf"{spelled}(?![\w-])", re.I)
        self.fraction = compile_regex(rf"(?<![\w-])(?:{alternation(data['fractions'])})(?=\s+of\b)", re.I)
        self.labels_after = compile_regex(rf"\s*(?:{alternation(data['labels_after'])})(?![\w])", re.I)

    # --- finding -------------------------------------------------------------

    def find(self, prose: str, start: int, end: int) -> list[Figure]:
        """Figures in ``prose[start:end]`` (one block), in order."""
        return [figure for _, figure in self.scan(prose, [(start, end)])]

    def scan(self, prose: str, blocks: Sequence[tuple[int, int]]) -> list[tuple[int, Figure]]:
        """(block index, figure) for every figure of the prose, in order; ``blocks`` are (start, end)."""
        starts = [start for start, _ in blocks]
        found: list[tuple[int, Figure]] = []
        scans: list[tuple[Iterable[re.Match | int], Callable]] = [
            (_DIGITS.finditer(prose), self._digit_figure),
            (self._amount_words(prose), self._spelled_amount),
        ]
        if self.spelled_numbers:
            scans.append((self.spelled_count.finditer(prose), self._spelled_count))
        if self.fractions:
            scans.append((self.fraction.finditer(prose), self._fraction))
        for matches, make in scans:
            last_end = -1
            for index, start, end, position in _candidates(starts, blocks, matches):
                if position < last_end:
                    continue  # the rest of a figure already read ("2.1", "1,200")
                figure = make(prose, position, start, end)
                if figure is not None:
                    found.append((index, figure))
                    last_end = figure.end
        found.sort(key=lambda item: item[1].start)
        return self._claims(prose, _without_overlaps(found))

    def _claims(self, prose: str, found: list[tuple[int, Figure]]) -> list[tuple[int, Figure]]:
        """Drop the figures that belong to the one before: a conversion and a range's upper bound.

        "$339m (£182.5m)" and "between $60,000 (£30,800) and $150,000" each
        state one figure; the editor needs one finding, on the first amount.
        """
        kept: list[tuple[int, Figure]] = []
        previous: tuple[int, Figure] | None = None
        claim: Figure | None = None
        for item in found:
            index, figure = item
            if previous is not None and claim is not None and previous[0] == index:
                gap = prose[previous[1].end : figure.start]
                if (figure.kind == previous[1].kind == "money" and _CONVERSION_GAP.fullmatch(gap)) or (
                    self._range_gap(prose, gap, claim)
                ):
                    previous = item
                    continue
            kept.append(item)
            previous, claim = item, figure
        return kept

    def _range_gap(self, prose: str, gap: str, first: Figure) -> bool:
        """ "between X and Y", "from X to Y", "X-Y": the gap that joins a range's two ends."""
        joined = _RANGE_GAP.fullmatch(gap)
        if joined is None:
            return False
        if joined.group("dash"):
            return True
        opener = word_before(prose, first.start, max(0, first.start - 30))
        return opener is not None and opener.word.lower() in self.range_openers

    def _amount_words(self, prose: str) -> Iterator[int]:
        """Where a scale or unit word of a spelled amount stands ("three million"): str.find is fast."""
        positions: list[int] = []
        # A number word stands before the scale word, so it is never capitalised.
        for word in self.amount_words:
            position = prose.find(word)
            while position >= 0:
                positions.append(position)
                position = prose.find(word, position + 1)
        return iter(sorted(positions))

    def _digit_figure(self, prose: str, position: int, start: int, end: int) -> Figure | None:
        begin = position
        if self._may_follow_currency(prose, position, start):
            currency = self.currency_before.search(prose, max(start, position - 8), position)
            begin = currency.start() if currency else position
        if begin > start and _joined_before(prose[begin - 1]):
            return None
        match = self.pattern.match(prose, begin, end)
        if match is None or _in_phone_number(prose, begin, match.end(), start, end):
            return None
        return self._classify(prose, match, start, end)

    def _may_follow_currency(self, prose: str, position: int, start: int) -> bool:
        """A cheap test before the currency pattern: "$", "€" or a code's last letter just before."""
        if position <= start:
            return False
        before = prose[position - 1]
        if before in " \t\u00a0" and position - 1 > start:
            before = prose[position - 2]
        return before in self.currency_ends or before.isupper()

    def _spelled_amount(self, prose: str, position: int, start: int, end: int) -> Figure | None:
        previous = word_before(prose, position, max(start, position - 20))
        if previous is None or previous.word.lower() not in self.number_words:
            return None  # most scale words follow digits ("2.1 million"): skip the slower pattern
        number = self.spelled_before.search(prose, max(start, position - _LOOK_BEHIND), position)
        match = self.spelled_amount.match(prose, number.start(), end) if number else None
        if match is None:
            return None
        if match.group("money"):
            return Figure(match.start(), match.end(), "money")
        if match.group("unit"):
            return Figure(match.start(), match.end(), "measure")
        noun_end, head = self._noun_after(prose, match.end(), end)
        return None if head in self.not_count_nouns else Figure(match.start(), noun_end, "count")

    def _spelled_count(self, prose: str, position: int, start: int, end: int) -> Figure | None:
        """ "eleven soldiers": a spelled number with a plural noun (option ``spelled_numbers``)."""
        match = self.spelled_count.match(prose, position, end)
        if match is None or match.group("number").lower() in self.ambiguous_number_words:
            return None
        noun_end, head = self._noun_after(prose, match.end(), end)
        if not head.endswith("s") or head in self.not_count_nouns:
            return None
        return Figure(match.start(), noun_end, "count")

    def _fraction(self, prose: str, position: int, start: int, end: int) -> Figure | None:
        """ "a third of the clinics" (option ``fractions``): the fraction is the figure."""
        match = self.fraction.match(prose, position, end)
        return Figure(match.start(), match.end(), "fraction") if match else None

    # --- deciding ------------------------------------------------------------

    def _classify(self, prose: str, match: re.Match, block_start: int, block_end: int) -> Figure | None:
        suffix = (match.group("suffix") or "").lower()
        if match.group("currency") or match.group("money"):
            return Figure(match.start(), match.end(), "money")
        if match.group("unit") or (suffix and suffix not in self.scale_suffixes):
            return Figure(match.start(), match.end(), "measure")
        scaled = bool(suffix or match.group("scale"))
        if not scaled and self._is_label(prose, match, block_start, block_end):
            return None
        if suffix in self.ambiguous_scale_suffixes and self._is_distance(
            prose, match, block_start, block_end
        ):
            return None
        figure = self._count(prose, match.start(), match.end(), block_end, scaled)
        if (
            figure is not None
            and figure.kind == "number"
            and _value(match.group("number")) < self.bare_number_minimum
        ):
            return None
        return figure

    def _is_distance(self, prose: str, match: re.Match, block_start: int, block_end: int) -> bool:
        """ "the 400m", "the 60m race", "cleared 1.76m": metres of a race; "the 10m people" are millions."""
        following = _NEXT_WORD.match(prose, match.end(), block_end)
        after = following.group(1).lower() if following else ""
        if after in self.distance_after:
            return True  # "a 3,000m victory"
        bare = not after or after in self.stop_words
        if bare and "." in match.group("number"):
            return True  # "cleared 1.76m"
        previous = word_before(prose, match.start(), max(block_start, match.start() - 30))
        return bare and previous is not None and previous.word.lower() in self.distance_before

    def _is_label(self, prose: str, match: re.Match, block_start: int, block_end: int) -> bool:
        """A year, date, time, age, label, name, list number or bracketed number: not a figure."""
        start, end = match.span()
        number = match.group("number")
        if _YEAR.fullmatch(number) or match.group("upper"):
            return True  # a year, a year range; a bare range is a score or a page range
        if self.labels_after.match(prose, end, block_end) or _enclosed(
            prose, start, end, block_start, block_end
        ):
            return True
        small = len(number) <= 2
        if small and start > block_start and prose[start - 1] in "'’":
            return True  # "Campaign '80"
        after = _NEXT_WORD.match(prose, end, block_end)
        if small and after and after.group(1).lower() in self.months:
            return True  # "3 November"
        return self._labelled_by_previous_word(prose, start, end, block_start, small)

    def _labelled_by_previous_word(
        self, prose: str, start: int, end: int, block_start: int, small: bool
    ) -> bool:
        floor = max(block_start, start - _LOOK_BEHIND)
        if not prose[floor:start].strip():
            return bool(_LIST_MARK.match(prose, end))  # "1. Donors should ..."
        if small and prose[end : end + 1] == "," and _AGE_BEFORE.search(prose, floor, start):
            return True  # "Ahmed Saleh, 34, a farmer"
        previous = word_before(prose, start, floor)
        if previous is None:
            return False
        word = previous.word
        lower = word.lower()
        if lower in self.labels_before or (small and lower in self.months):
            return True  # "Table 3", "aged 34", "March 3"
        if previous.gap.strip() or not word[0].isupper():
            return False
        # "Resolution 2254", "Windows 10": a capitalised word that does not open the sentence.
        if not _starts_sentence(prose, previous.start, floor) or (
            word.isupper() and len(word) > 1 and not previous.dot
        ):
            return True
        # "Report 10 is late": a name opening the sentence, the number counting nothing.
        following = _NEXT_WORD.match(prose, end, end + 40)
        return (
            lower not in self.stop_words
            and following is not None
            and following.group(1).lower() in self.stop_words
        )

    def _count(self, prose: str, start: int, end: int, block_end: int, scaled: bool) -> Figure | None:
        """A count: the number with the noun it counts ("312 families"), or None for a duration."""
        compound = _COMPOUND.match(prose, end, block_end)
        if compound:
            if compound.group(1).lower() not in self.count_compounds:
                return None  # "34-year-old", "a 10-point plan"
            return Figure(start, compound.end(), "count")
        if not scaled and _name_follows(prose, end, block_end):
            return None  # "10 Downing Street", "an old 386 PC"
        noun_end, head = self._noun_after(prose, end, block_end)
        if head in self.not_count_nouns:
            return None
        return Figure(start, noun_end, "count" if head or scaled else "number")

    def _noun_after(self, prose: str, end: int, block_end: int) -> tuple[int, str]:
        """Where the noun after a number ends, and its head word (lower case; "" if none)."""
        words: list[tuple[int, str]] = []
        position = end
        while len(words) < _MAX_NOUN_WORDS:
            match = _NEXT_WORD.match(prose, position, block_end)
            if match is None:
                break
            word = match.group(1)
            lower = word.lower()
            if _APOSTROPHE.split(lower)[0] in self.stop_words:
                break  # "for 30 years she's"
            if word[0].isupper() and words and not lower.endswith("s"):
                break
            words.append((match.end(), lower))
            position = match.end()
            if _PLURAL.search(lower) or (word[0].isupper() and len(words) > 1):
                break  # a plural is the head: "312 families", "2.1 million residents need ..."
        while words and words[-1][1].endswith(("ed", "ing")):
            words.pop()  # "312 families displaced": a participle after the noun
        if not words:
            return end, ""
        return words[-1]


def _name_follows(prose: str, end: int, block_end: int) -> bool:
    """A capitalised singular word after the number that ends a name: "10 Downing Street", "386 PC"."""
    first = _NEXT_WORD.match(prose, end, block_end)
    if first is None or not first.group(1)[0].isupper() or _PLURAL.search(first.group(1).lower()):
        return False
    following = _NEXT_WORD.match(prose, first.end(), block_end)
    return following is None or following.group(1)[0].isupper()


def _candidates(
    starts: list[int], blocks: Sequence[tuple[int, int]], matches: Iterable[re.Match | int]
) -> Iterator[Candidate]:
    """(block index, block start, block end, position) of each candidate inside a block."""
    for match in matches:
        position = match if isinstance(match, int) else match.start()
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < blocks[index][1]:
            yield index, blocks[index][0], blocks[index][1], position


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def _joined_before(character: str) -> bool:
    """A number written against a letter or another number ("G20", "COVID-19", "#3", "v2")."""
    return character.isalnum() or character in "_.,/#:@+-–"


def _in_phone_number(prose: str, position: int, number_end: int, start: int, end: int) -> bool:
    head = prose[max(start, position - 2) : position]
    if not (
        head.endswith(("+", "(")) or _PHONE_HEAD.fullmatch(head) or _PHONE_TAIL.match(prose, number_end, end)
    ):
        return False
    lo = max(start, position - 20)
    return any(m.start() <= position < m.end() for m in _PHONE.finditer(prose, lo, min(end, position + 24)))


def _enclosed(prose: str, start: int, end: int, block_start: int, block_end: int) -> bool:
    """ "(3)", "[12]": list numbering or a citation marker, not a figure."""
    if start <= block_start or end >= block_end:
        return False
    return (prose[start - 1], prose[end]) in (("(", ")"), ("[", "]"))


def _starts_sentence(prose: str, word_start: int, floor: int) -> bool:
    """Whether the word at ``word_start`` opens a sentence (or the block, or the text read)."""
    head = prose[floor:word_start].rstrip(" \t\r\n\"'“‘(")
    return not head or head[-1] in _SENTENCE_END


@dataclass(frozen=True, slots=True)
class PreviousWord:
    start: int
    word: str
    dot: bool  # written with a full stop: "No. 10"
    gap: str  # what stands between the word and the position


def word_before(prose: str, position: int, floor: int) -> PreviousWord | None:
    """The word before ``position`` (not before ``floor``), past spaces, quotes and "(" ("Table 3")."""
    i = position
    while i > floor and prose[i - 1] in _GAP:
        i -= 1
    gap_start = i
    dot = i > floor and prose[i - 1] == "."
    if dot:
        i -= 1
    j = i
    while j > floor and (prose[j - 1].isalnum() or prose[j - 1] in "_'’"):
        j -= 1
    word = prose[j:i]
    if not word or not word[0].isalpha():
        return None
    return PreviousWord(j, word, dot, prose[gap_start:position])


def _without_overlaps(found: list[tuple[int, Figure]]) -> list[tuple[int, Figure]]:
    kept: list[tuple[int, Figure]] = []
    for item in found:
        if kept and item[1].start < kept[-1][1].end:
            continue
        kept.append(item)
    return kept
