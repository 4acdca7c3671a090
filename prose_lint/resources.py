"""Where the built-in rule packs and lexicons live, and a fast cache for reading them.

The packs are the top-level ``rules/`` folder of the repository; the wheel
carries them as ``prose_lint/rules``. Parsed YAML data is cached as JSON under
the user's cache folder, keyed by the file's path, size and mtime, because
ruamel.yaml's round-trip parser costs tens of milliseconds per pack on every
pre-commit run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from prose_lint import __version__

try:  # CPython's own SHA-1: the same digests as hashlib's without loading OpenSSL (4 ms)
    from _sha1 import sha1
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import sha1


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


def lexicon_path(name: str) -> Path:
    return builtin_rules_dir() / "lexicon" / name


def cache_dir() -> Path | None:
    """``$PROSE_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/prose-lint`` or ``~/.cache/prose-lint``."""
    if os.environ.get("PROSE_LINT_NO_CACHE"):
        return None
    explicit = os.environ.get("PROSE_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "prose-lint"


@lru_cache(maxsize=1)
def _code_stamp() -> int:
    """Changes whenever prose-lint's own code changes, so a cache never outlives the validator."""
    package = Path(__file__).resolve().parent
    return max((p.stat().st_mtime_ns for p in package.rglob("*.py")), default=0)


@lru_cache(maxsize=1)
def _install_tag() -> str:
    return sha1(str(Path(__file__).resolve().parent).encode()).hexdigest()[:8]


def _cache_prefix(path: Path) -> str:
    """One prefix per data file, so that its outdated cache files can be found and removed."""
    return f"{path.stem}-{sha1(str(path.resolve()).encode()).hexdigest()[:8]}"


def _cache_file(path: Path, stat: os.stat_result) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = f"{__version__}|{_code_stamp()}|{stat.st_size}|{stat.st_mtime_ns}"
    return folder / f"{_cache_prefix(path)}-{sha1(key.encode()).hexdigest()[:16]}.json"


def cached_yaml_data(path: Path, validate) -> Any:
    """``validate(path)`` (which parses and checks the YAML) memoised on disk as JSON."""
    try:
        stat = path.stat()
    except OSError:
        return validate(path)
    cache_file = _cache_file(path, stat)
    if cache_file is not None:
        try:
            return json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = validate(path)
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            for stale in cache_file.parent.glob(f"{_cache_prefix(path)}-*.json"):
                stale.unlink(missing_ok=True)  # versions of this file that are no longer current
            temporary = cache_file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temporary, cache_file)
        except OSError:
            pass  # a read-only home only costs speed
    return data


def cached_build(name: str, stamp: str, build: Callable[[], Any]) -> Any:
    """``build()`` memoised on disk with marshal (fast to load for big dicts and sets).

    ``stamp`` must change whenever the inputs of ``build`` change (sizes and
    mtimes of its source files, say); prose-lint's own version and code are
    added to it. Outdated versions of the same ``name`` are removed.
    """
    import marshal

    folder = cache_dir()
    if folder is None:
        return build()
    key = f"{__version__}|{_code_stamp()}|{stamp}"
    # "name@install@version": two installs (a pre-commit environment and a
    # development one) keep their own files instead of replacing each other's.
    prefix = f"{name}@{_install_tag()}@"
    path = folder / f"{prefix}{sha1(key.encode()).hexdigest()[:16]}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"{prefix}*.marshal"):
            stale.unlink(missing_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
    except (OSError, ValueError):
        pass  # a read-only home costs speed, not correctness
    return value


def file_stamp(*paths: Path | None) -> str:
    """Sizes and mtimes of files (stat only: cheap), for ``cached_build``'s stamp."""
    stamps = []
    for path in paths:
        try:
            stat = path.stat() if path else None
        except OSError:
            stat = None
        stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}" if stat else "absent")
    return "|".join(stamps)


@cache
def load_lexicon(name: str) -> Any:
    """A data file of ``rules/lexicon/`` as plain Python data."""
    from prose_lint.yamlio import load_yaml, plain

    return cached_yaml_data(lexicon_path(name), lambda p: plain(load_yaml(p)))
