"""Lexical facts for the grammar rules: which words can be which part of speech, and verb forms.

The facts come from lemminflect's data files (a PyPI dependency that ships
its lexicon; nothing is downloaded). lemminflect itself is never imported:
importing it pulls in numpy and costs about half a second, more than a whole
pre-commit run. Instead its two CSV tables are read once, reduced to the
handful of word sets the rules ask about, and cached as JSON under the user's
cache folder (see ``prose_lint.resources.cached_yaml_data``). Verbs its tables
lack ("be") come from ``rules/lexicon/grammar-verbs.yaml``.

Tags follow the Penn Treebank names lemminflect uses: ``VB`` (a verb's base
form), ``VBD`` (past tense), ``VBN`` (past participle), ``VBZ`` (third person
singular), ``VBG`` (-ing form), ``NN`` (can be a noun), ``JJ`` (can be an
adjective), ``RB`` (can be an adverb). A word "has" a tag when any of its
readings has it: "saw" is VBD, VB and NN.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from prose_lint.resources import cached_build, cached_yaml_data, file_stamp, lexicon_path, load_lexicon

EXTRA_VERBS = "grammar-verbs.yaml"
LEXICAL_TAGS = ("VB", "VBD", "VBN", "VBZ", "VBG", "NN", "JJ", "RB")
_VERB_COLUMNS = {"VBD": 2, "VBN": 3, "VBG": 4, "VBZ": 5}
_WORD_CLASSES = {"noun": "NN", "adj": "JJ", "adv": "RB"}


class LexiconMissing(RuntimeError):
    """lemminflect's data files cannot be found."""


def _resources() -> Path:
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconMissing("the grammar rules need the package lemminflect (pip install lemminflect)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    if not (folder / "infl_lu.csv.gz").is_file():
        raise LexiconMissing(f"lemminflect's data files are missing from {folder}")
    return folder


def _read_csv(path: Path) -> list[list[str]]:
    import csv  # only when the cache is built
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [row for row in csv.reader(handle) if row and not row[0].startswith("#")]


def build_tables(inflections: Path) -> dict[str, Any]:
    """Reduce lemminflect's tables to word sets (one newline-joined string per tag) and verb forms."""
    folder = inflections.parent
    tags: dict[str, set[str]] = {tag: set() for tag in LEXICAL_TAGS}
    verbs: dict[str, dict[str, set[str]]] = {}
    for row in _read_csv(inflections):
        lemma, upos = row[0].lower(), row[1]
        if upos == "verb":
            forms = verbs.setdefault(lemma, {tag: set() for tag in _VERB_COLUMNS})
            for tag, column in _VERB_COLUMNS.items():
                # An empty past participle column means "the same as the past tense".
                cell = row[column] or (row[2] if tag == "VBN" else "")
                forms[tag].update(f.lower() for f in cell.split("/") if f)
    for lemma, tag, form in _read_csv(folder / "infl_overrides.csv"):
        if tag in _VERB_COLUMNS and lemma.lower() in verbs:
            verbs[lemma.lower()][tag].add(form.lower())
    for word, upos, _ in _read_csv(folder / "lemma_lu.csv.gz"):
        if upos in _WORD_CLASSES:
            tags[_WORD_CLASSES[upos]].add(word.lower())
    for lemma, forms in verbs.items():
        tags["VB"].add(lemma)
        for tag, words in forms.items():
            tags[tag].update(words)
    rows = [
        ",".join([lemma, *("/".join(sorted(forms[t])) for t in _VERB_COLUMNS)])
        for lemma, forms in verbs.items()
    ]
    return {
        "tags": {tag: "\n".join(sorted(words)) for tag, words in tags.items()},
        "verbs": "\n".join(sorted(rows)),
    }


class WordForms:
    """Word sets by tag and verb inflection, built lazily from the cached tables.

    ``data`` is the tables or a function that loads them (on first need).
    With a ``stamp`` (which changes with the data files), the sets made for a
    pattern (``words_with``) and the verb table are kept on disk with marshal:
    a run then loads a few small sets instead of building the big ones.
    """

    def __init__(
        self,
        data: dict[str, Any] | Callable[[], dict[str, Any]],
        extra_verbs: dict[str, dict[str, list[str]]] | None = None,
        stamp: str | None = None,
    ) -> None:
        self._data = data
        self._extra_verbs = extra_verbs or {}
        self._stamp = stamp
        self._sets: dict[str, frozenset[str]] = {}
        self._combined: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]] = {}

    @cached_property
    def _tables(self) -> dict[str, Any]:
        return self._data() if callable(self._data) else self._data

    @cached_property
    def _verb_rows(self) -> str:
        return self._on_disk("verb-rows", lambda: self._tables["verbs"])

    def _on_disk(self, name: str, build: Callable[[], Any]) -> Any:
        return build() if self._stamp is None else cached_build(name, self._stamp, build)

    def words(self, tag: str) -> frozenset[str]:
        """Every lower-case word that can carry ``tag``."""
        found = self._sets.get(tag)
        if found is None:
            found = frozenset(self._tables["tags"][tag].split("\n"))
            if tag == "VB":
                found |= frozenset(self._extra_verbs)
            else:
                found |= {w for forms in self._extra_verbs.values() for w in forms.get(tag, [])}
            self._sets[tag] = found
        return found

    def words_with(self, tags: tuple[str, ...], not_tags: tuple[str, ...] = ()) -> frozenset[str]:
        """Every lower-case word that can carry one of ``tags`` and none of ``not_tags``."""
        key = (tags, not_tags)
        found = self._combined.get(key)
        if found is None:
            # No "-" after the prefix: cached_build clears "<name>-*" files, which must not be another set's.
            name = "grammar-tagset-" + "+".join(tags) + ("_not_" + "+".join(not_tags) if not_tags else "")
            found = self._on_disk(name, lambda: self._build_words_with(tags, not_tags))
            self._combined[key] = found
        return found

    def _build_words_with(self, tags: tuple[str, ...], not_tags: tuple[str, ...]) -> frozenset[str]:
        chosen = frozenset().union(*(self.words(tag) for tag in tags))
        return chosen.difference(*(self.words(tag) for tag in not_tags))

    def has(self, word: str, tag: str) -> bool:
        return word in self.words(tag)

    @lru_cache(maxsize=1024)  # noqa: B019 - one shared instance lives as long as the process
    def forms_of(self, lemma: str) -> dict[str, tuple[str, ...]]:
        """The inflected forms of a verb, by tag ({} when it is not a verb we know).

        Found by one search of the packed table: only the verbs of a few
        findings are ever inflected, and a dict of every verb cost ~100 ms.
        """
        if lemma in self._extra_verbs:
            extra = self._extra_verbs[lemma]
            return {tag: tuple(extra.get(tag, ())) for tag in _VERB_COLUMNS}
        row = re.search(rf"(?m)^{re.escape(lemma)},([^\n]*)$", self._verb_rows)
        if row is None:
            return {}
        cells = row.group(1).split(",")
        return {
            tag: tuple(c for c in cell.split("/") if c)
            for tag, cell in zip(_VERB_COLUMNS, cells, strict=True)
        }

    @cached_property
    def _lemma_index(self) -> dict[str, str]:
        """Every verb form -> its lemmas joined by "/", loaded with marshal (building it costs ~100 ms)."""
        return cached_build(
            "verb-lemmas", file_stamp(_resources() / "infl_lu.csv.gz"), self._build_lemma_index
        )

    def _build_lemma_index(self) -> dict[str, str]:
        lemmas: dict[str, list[str]] = {}
        for row in self._verb_rows.split("\n"):
            lemma, *cells = row.split(",")
            for word in [lemma, *(w for cell in cells for w in cell.split("/") if w)]:
                found = lemmas.setdefault(word, [])
                if lemma not in found:
                    found.append(lemma)
        return {word: "/".join(found) for word, found in lemmas.items()}

    @lru_cache(maxsize=8192)  # noqa: B019 - asked for the same words over and over while scanning
    def verb_lemmas(self, word: str) -> tuple[str, ...]:
        """The verbs ``word`` is a form of ("took" -> take; "left" -> leave)."""
        word = word.lower()
        packed = self._lemma_index.get(word)
        lemmas = packed.split("/") if packed else []
        for lemma, extra in self._extra_verbs.items():
            if (lemma == word or any(word in forms for forms in extra.values())) and lemma not in lemmas:
                lemmas.append(lemma)
        return tuple(lemmas)

    def inflect(self, word: str, tag: str) -> list[str]:
        """``word`` (any verb form) in the form ``tag``: inflect("took", "VBN") == ["taken"]."""
        found: list[str] = []
        for lemma in self.verb_lemmas(word):
            forms = (lemma,) if tag == "VB" else self.forms_of(lemma).get(tag, ())
            found.extend(form for form in forms if form not in found)
        return found


@cache
def word_forms() -> WordForms:
    """The shared lexicon (loaded on first use, from the caches when they are fresh)."""
    inflections = _resources() / "infl_lu.csv.gz"
    stamp = file_stamp(
        inflections,
        inflections.parent / "infl_overrides.csv",
        inflections.parent / "lemma_lu.csv.gz",
        lexicon_path(EXTRA_VERBS),
    )
    return WordForms(lambda: cached_yaml_data(inflections, build_tables), load_lexicon(EXTRA_VERBS), stamp)
