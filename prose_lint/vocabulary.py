"""``prose-lint accept WORD``: add words to the house vocabulary of the nearest config.

The config is read with ruamel.yaml's round-trip loader, which knows where
every key and list item sits; the new words are then inserted as lines right
after the last word of ``vocabulary: accept:`` (or inside its ``[...]``), in
the list's own indentation. Everything else, comments, order, quoting and
indentation included, stays byte for byte. The result is parsed again and
must read as the old list plus the new words; the file is written atomically
(temporary file and rename), and not at all when every word is already there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prose_lint.yamlio import YamlError, key_position, load_yaml, value_position

_PLAIN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


@dataclass(frozen=True)
class AcceptResult:
    path: Path
    added: tuple[str, ...]
    already: tuple[str, ...]


def accept_words(config_path: Path, words: list[str]) -> AcceptResult:
    """Add ``words`` to ``vocabulary: accept:`` in ``config_path``. Raises YamlError."""
    text = config_path.read_text(encoding="utf-8")
    document = load_yaml(config_path, text)
    if document is not None and not isinstance(document, dict):
        raise YamlError(config_path, 1, 1, "the config must be a mapping to hold a vocabulary")
    accepted = _accepted(document, config_path)
    present = {word.lower() for word in accepted}
    added, already = [], []
    for word in dict.fromkeys(w.strip() for w in words if w.strip()):
        (already if word.lower() in present else added).append(word)
        present.add(word.lower())
    if added:
        updated = _insert(text, document or {}, added)
        if _accepted(load_yaml(config_path, updated), config_path) != [*accepted, *added]:
            raise YamlError(
                config_path, 1, 1, "could not add the words without changing the rest of the file"
            )
        _write(config_path, updated)
    return AcceptResult(config_path, tuple(added), tuple(already))


def _accepted(document: Any, path: Path) -> list[str]:
    vocabulary = (document or {}).get("vocabulary")
    if vocabulary is None:
        return []
    if not isinstance(vocabulary, dict):
        raise YamlError(path, *key_position(document, "vocabulary"), "'vocabulary' must be a mapping")
    accept = vocabulary.get("accept")
    if accept is None:
        return []
    if not isinstance(accept, list):
        raise YamlError(path, *value_position(vocabulary, "accept"), "'vocabulary: accept' must be a list")
    return [str(word) for word in accept]


def _insert(text: str, document: dict, words: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    vocabulary = document.get("vocabulary")
    if vocabulary is None and "vocabulary" not in document:
        block = "".join(f"    - {_quote(w)}\n" for w in words)
        return "".join(lines) + f"\nvocabulary:\n  accept:\n{block}"
    if vocabulary is None:  # `vocabulary:` with nothing under it
        line = key_position(document, "vocabulary")[0]
        return _splice(lines, line, "  accept:\n" + "".join(f"    - {_quote(w)}\n" for w in words))
    accept = vocabulary.get("accept")
    if "accept" not in vocabulary:
        line, column = key_position(vocabulary, next(iter(vocabulary)))
        indent = " " * (column - 1)
        block = f"{indent}accept:\n" + "".join(f"{indent}  - {_quote(w)}\n" for w in words)
        return _splice(lines, line - 1, block)
    if accept is None or not isinstance(accept, list):
        line, column = key_position(vocabulary, "accept")
        indent = " " * (column + 1)
        return _splice(lines, line, "".join(f"{indent}- {_quote(w)}\n" for w in words))
    if accept.fa.flow_style() or not accept:
        return _insert_flow(text, vocabulary, accept, words)
    line, column = accept.lc.item(len(accept) - 1)
    item_line = lines[line]
    dash = item_line.rfind("-", 0, column)
    prefix = item_line[:dash] + item_line[dash:column]
    return _splice(lines, line + 1, "".join(f"{prefix}{_quote(w)}\n" for w in words))


def _insert_flow(text: str, vocabulary: dict, accept: list, words: list[str]) -> str:
    line, column = value_position(vocabulary, "accept")
    lines = text.splitlines(keepends=True)
    start = sum(len(previous) for previous in lines[: line - 1]) + column - 1
    close = text.index("]", start)
    before = text[:close].rstrip()
    separator = "" if before.endswith("[") else ", "
    return before + separator + ", ".join(_quote(w) for w in words) + text[len(before) : close] + text[close:]


def _splice(lines: list[str], index: int, block: str) -> str:
    return "".join(lines[:index]) + block + "".join(lines[index:])


def _quote(word: str) -> str:
    if _PLAIN.match(word) and word.lower() not in _YAML_WORDS:
        return word
    return "'" + word.replace("'", "''") + "'"


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
