"""YAML through ruamel.yaml, with errors that point at FILE:LINE:COL.

Config files and rule packs are read round-trip, so every mapping and sequence
remembers where it came from; a validation error names that place.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


class YamlError(Exception):
    """A problem in a YAML file; str() is ``FILE:LINE:COL: message``."""

    def __init__(self, path: str | Path, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message


@lru_cache(maxsize=1)
def _round_trip():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def round_trip_yaml():
    """A fresh round-trip YAML instance (for commands that write a user's file)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return yaml


def load_yaml(path: str | Path, text: str | None = None) -> Any:
    """Parse a YAML file keeping positions; syntax errors become YamlError."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise YamlError(path, 1, 1, "no such file") from None
        except (OSError, UnicodeDecodeError) as err:
            raise YamlError(path, 1, 1, f"cannot read: {err}") from None
    try:
        return _round_trip().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = err.problem or err.context or "invalid YAML"
        raise YamlError(path, line, column, f"invalid YAML: {problem}") from None
    except YAMLError as err:
        raise YamlError(path, 1, 1, f"invalid YAML: {err}") from None


def key_position(node: Any, key: Any) -> tuple[int, int]:
    """1-based (line, column) of ``key`` in a round-trip mapping, or of the node."""
    try:
        line, column = node.lc.key(key)
        return line + 1, column + 1
    except (AttributeError, KeyError, TypeError):
        return node_position(node)


def value_position(node: Any, key: Any) -> tuple[int, int]:
    try:
        line, column = node.lc.value(key)
        return line + 1, column + 1
    except (AttributeError, KeyError, TypeError):
        return key_position(node, key)


def item_position(node: Any, index: int) -> tuple[int, int]:
    try:
        line, column = node.lc.item(index)
        return line + 1, column + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return node_position(node)


def node_position(node: Any) -> tuple[int, int]:
    try:
        return node.lc.line + 1, node.lc.col + 1
    except AttributeError:
        return 1, 1


class Located:
    """A mapping read from YAML, with helpers to raise errors at the right place."""

    def __init__(self, path: str | Path, node: Any, where: str = "") -> None:
        self.path = str(path)
        self.node = node
        self.where = where

    def error_at_key(self, key: Any, message: str) -> YamlError:
        return YamlError(self.path, *key_position(self.node, key), message)

    def error_at_value(self, key: Any, message: str) -> YamlError:
        return YamlError(self.path, *value_position(self.node, key), message)

    def error(self, message: str) -> YamlError:
        return YamlError(self.path, *node_position(self.node), message)

    def require_mapping(self) -> None:
        if not isinstance(self.node, dict):
            raise self.error(f"{self.where or 'this'} must be a mapping, not {type_name(self.node)}")

    def reject_unknown(self, allowed: set[str] | frozenset[str]) -> None:
        for key in self.node:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                where = f" in {self.where}" if self.where else ""
                raise self.error_at_key(key, f"unknown key {key!r}{where} (expected one of: {hint})")

    def child(self, key: str) -> Located:
        where = f"{self.where}.{key}" if self.where else str(key)
        return Located(self.path, self.node[key], where)


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else type(value).__name__


def plain(value: Any) -> Any:
    """Round-trip containers to plain dicts/lists/strs (rules keep no YAML objects)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value
