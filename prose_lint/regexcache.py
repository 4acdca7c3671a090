"""Compiled regular expressions that survive the process.

The rule packs become a few hundred regular expressions, some of them
thousands of characters long (tries of confusable words, cue phrases).
CPython parses and compiles a pattern in pure Python; on every pre-commit run
that cost about a tenth of a second. ``compile_regex`` keeps the compiled
program (the list of opcodes ``re`` hands to its C engine) in a marshal file
under the cache folder, keyed by the Python version, and rebuilds the pattern
object from it directly.

This uses ``re``'s internal compiler, which is not a public API: any failure
(another Python version, another internal layout) falls back to
``re.compile``, so the cache can only make things faster, never wrong. The
tests compare cached patterns with ``re.compile``'s on real text.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from typing import Any

from prose_lint.resources import cache_dir

_MAX_ENTRIES = 2000
_entries: dict[tuple[str, int], tuple] | None = None
_dirty = False


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, served from the on-disk cache when it can be."""
    global _dirty
    flags = int(flags)
    entries = _load()
    key = (pattern, flags)
    parts = entries.get(key)
    if parts is not None:
        compiled = _from_parts(pattern, parts)
        if compiled is not None:
            return compiled
    parts = _compile_parts(pattern, flags)
    if parts is None:
        return re.compile(pattern, flags)
    compiled = _from_parts(pattern, parts)
    if compiled is None:
        return re.compile(pattern, flags)
    if len(entries) >= _MAX_ENTRIES:
        entries.clear()  # patterns of old pack versions: start afresh rather than grow forever
    entries[key] = parts
    _dirty = True
    return compiled


def _cache_file():
    folder = cache_dir()
    if folder is None:
        return None
    tag = f"{sys.implementation.name}-{sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}"
    return folder / f"regex-{tag}.marshal"


def _load() -> dict[tuple[str, int], tuple]:
    global _entries
    if _entries is None:
        _entries = {}
        path = _cache_file()
        if path is not None:
            try:
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    _entries = loaded
            except (OSError, ValueError, EOFError, TypeError):
                pass
        atexit.register(_save)
    return _entries


def _save() -> None:
    path = _cache_file()
    if not _dirty or path is None or _entries is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(_entries))
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass  # a read-only cache folder only costs speed


def _compile_parts(pattern: str, flags: int) -> tuple | None:
    """The arguments ``re`` passes to its C engine, or None if this Python's internals differ."""
    try:
        if sys.version_info >= (3, 11):
            from re import _compiler, _parser
        else:  # pragma: no cover - Python 3.10
            import sre_compile as _compiler
            import sre_parse as _parser
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            int(flags | parsed.state.flags),
            code,
            int(parsed.state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
    except Exception:
        return None


def _from_parts(pattern: str, parts: tuple) -> re.Pattern[str] | None:
    try:
        import _sre

        final_flags, code, groups, groupindex, indexgroup = parts
        return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except Exception:
        return None
