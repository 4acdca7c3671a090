"""``.prose-lint.yaml``: found upward from each linted file, or given with ``--config``.

Read with ruamel.yaml so that every error points at ``FILE:LINE:COL``. The
sections ``names``, ``acronyms`` and ``engines`` belong to the rules and
engines that read them; each registers a validator in ``SECTION_VALIDATORS``.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from prose_lint.checks.base import Rule, RuleRegistry
from prose_lint.diagnostic import CATEGORIES, Severity
from prose_lint.packs import builtin_pack_names, load_registry, resolve_pack
from prose_lint.yamlio import Located, YamlError, item_position, key_position, load_yaml, plain

CONFIG_NAMES = (".prose-lint.yaml", ".prose-lint.yml")
DIALECTS = ("en-US", "en-GB")
TOP_KEYS = frozenset({"dialect", "packs", "rules", "ignore", "vocabulary", "names", "acronyms", "engines"})
# Sections owned by a rule kind or engine: key -> "module:function(located) -> plain data".
SECTION_VALIDATORS: dict[str, str] = {
    "engines": "prose_lint.engines:validate_engines",
    "names": "prose_lint.checks.namedata:validate_names_section",
    "acronyms": "prose_lint.checks.namedata:validate_acronyms_section",
}


@dataclass(frozen=True)
class RuleSetting:
    severity: Severity | None
    options: dict[str, Any]
    position: tuple[int, int]


@dataclass
class Config:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    dialect: str = "en-US"
    packs: tuple[str, ...] = ()
    rule_settings: dict[str, RuleSetting] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    sections: dict[str, Any] = field(default_factory=dict)

    @property
    def display_path(self) -> str:
        return str(self.path) if self.path else "<defaults>"

    @cached_property
    def pack_paths(self) -> tuple[Path, ...]:
        names = self.packs or tuple(builtin_pack_names())
        return tuple(resolve_pack(name, self.root) for name in names)

    @cached_property
    def registry(self) -> RuleRegistry:
        return load_registry(self.pack_paths)

    def section(self, name: str, default: Any = None) -> Any:
        return self.sections.get(name, default)

    def severity_of(self, rule_id: str, category: str, default: Severity) -> Severity:
        for key in (rule_id, category):
            setting = self.rule_settings.get(key)
            if setting is not None and setting.severity is not None:
                return setting.severity
        return default

    @cached_property
    def rules(self) -> list[Rule]:
        """The rules this config turns on, with their configured options."""
        active = []
        for rule in self.registry:
            severity = self.severity_of(rule.id, rule.info.category, rule.info.severity)
            if severity is Severity.OFF:
                continue
            setting = self.rule_settings.get(rule.id)
            if setting and setting.options:
                rule = type(rule)(rule.info, {**rule.spec, **setting.options}, rule.message)
            rule.severity = severity
            active.append(rule)
        return active

    def is_ignored(self, path: Path) -> bool:
        if not self.ignore:
            return False
        try:
            relative = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        return any(_glob_regex(pattern).match(relative) for pattern in self.ignore)

    def check_rule_ids(self) -> None:
        """Unknown rule ids or categories under ``rules:`` are errors at their line."""
        known = set(self.registry.rules) | set(CATEGORIES)
        for key, setting in self.rule_settings.items():
            if key not in known and not key.startswith("languagetool/"):
                raise YamlError(self.display_path, *setting.position, f"unknown rule id or category {key!r}")
            if setting.options:
                rule = self.registry.rules.get(key)
                if rule is None:
                    raise YamlError(
                        self.display_path,
                        *setting.position,
                        f"{key!r}: only a rule (not a category) takes options",
                    )
                allowed = type(rule).options
                for option in setting.options:
                    if option not in allowed:
                        hint = ", ".join(sorted(allowed)) or "none"
                        raise YamlError(
                            self.display_path,
                            *setting.position,
                            f"{key!r} has no option {option!r} (options: {hint})",
                        )
                problem = type(rule).options_problem({**rule.spec, **setting.options})
                if problem:
                    raise YamlError(self.display_path, *setting.position, f"{key!r}: option {problem}")


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: ``**`` crosses folders, ``*`` does not; a folder matches its contents."""
    pattern = pattern.strip().lstrip("/")
    parts = re.split(r"(\*\*/?|\*|\?)", pattern.rstrip("/"))
    regex = []
    for part in parts:
        if part in ("**", "**/"):
            regex.append(".*")
        elif part == "*":
            regex.append("[^/]*")
        elif part == "?":
            regex.append("[^/]")
        else:
            regex.append(re.escape(part))
    anchored = "" if "/" in pattern.rstrip("/") else "(?:.*/)?"
    return re.compile(f"^{anchored}{''.join(regex)}(?:/.*)?$")


def find_config(start: Path) -> Path | None:
    """The nearest .prose-lint.yaml in ``start`` or a folder above it."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a config file (None: the defaults). Raises YamlError."""
    config = Config() if path is None else _parse_config(path)
    config.check_rule_ids()
    return config


def _parse_config(path: Path) -> Config:
    node = load_yaml(path)
    if node is None:
        return Config(path=path, root=path.parent)
    top = Located(path, node, "")
    top.require_mapping()
    top.reject_unknown(TOP_KEYS)
    config = Config(path=path, root=path.parent)
    if "dialect" in node:
        dialect = str(node["dialect"])
        if dialect not in DIALECTS:
            raise top.error_at_value(
                "dialect", f"unknown dialect {dialect!r} (expected {' or '.join(DIALECTS)})"
            )
        config.dialect = dialect
    if "packs" in node:
        config.packs = _string_list(top, "packs")
        for index, entry in enumerate(config.packs):
            if not resolve_pack(entry, path.parent).is_file():
                line, column = item_position(node["packs"], index)
                raise YamlError(path, line, column, f"rule pack {entry!r} not found")
    if "ignore" in node:
        config.ignore = _string_list(top, "ignore")
    if "rules" in node:
        config.rule_settings = _rule_settings(top.child("rules"))
    if "vocabulary" in node:
        vocabulary = top.child("vocabulary")
        vocabulary.require_mapping()
        vocabulary.reject_unknown({"accept", "reject"})
        config.accept = _string_list(vocabulary, "accept") if "accept" in vocabulary.node else ()
        config.reject = _string_list(vocabulary, "reject") if "reject" in vocabulary.node else ()
    for key in ("names", "acronyms", "engines"):
        if key in node:
            config.sections[key] = _validate_section(key, top.child(key))
    return config


def _validate_section(key: str, located: Located) -> Any:
    target = SECTION_VALIDATORS.get(key)
    if target is None:
        return plain(located.node)
    module_name, function_name = target.split(":")
    return getattr(importlib.import_module(module_name), function_name)(located)


def _string_list(parent: Located, key: str) -> tuple[str, ...]:
    value = parent.node[key]
    if value is None:
        return ()
    if not isinstance(value, list):
        raise parent.error_at_value(key, f"{key!r} must be a list")
    for index, item in enumerate(value):
        if not isinstance(item, str):
            line, column = item_position(value, index)
            raise YamlError(parent.path, line, column, f"every item of {key!r} must be a string")
    return tuple(str(item) for item in value)


def _rule_settings(rules: Located) -> dict[str, RuleSetting]:
    if rules.node is None:
        return {}
    rules.require_mapping()
    settings = {}
    for key, value in rules.node.items():
        position = key_position(rules.node, key)
        if isinstance(value, bool) and value is False:
            value = "off"  # YAML reads a bare `off` as false
        if isinstance(value, str):
            settings[str(key)] = RuleSetting(_severity(rules, key, value), {}, position)
        elif isinstance(value, dict):
            entry = rules.child(key)
            entry.reject_unknown({"severity", "options"})
            severity = _severity(entry, "severity", str(value["severity"])) if "severity" in value else None
            options = plain(value.get("options") or {})
            if not isinstance(options, dict):
                raise entry.error_at_value("options", "'options' must be a mapping")
            settings[str(key)] = RuleSetting(severity, options, position)
        else:
            raise rules.error_at_value(
                key, "a rule setting is a severity (off, info, warning, error) or a mapping"
            )
    return settings


def _severity(parent: Located, key: Any, value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as err:
        raise parent.error_at_value(key, str(err)) from None


class ConfigCache:
    """One Config per config file; each linted file finds its own upward."""

    def __init__(self, explicit: Path | None = None) -> None:
        self.explicit = explicit
        self._by_folder: dict[Path, Path | None] = {}
        self._configs: dict[Path | None, Config | YamlError] = {}

    def for_path(self, path: Path | None) -> Config:
        """The Config for a draft; raises YamlError for a broken config (every time it is asked)."""
        config_path = self.explicit if self.explicit is not None else self._locate(path)
        if config_path not in self._configs:
            try:
                self._configs[config_path] = load_config(config_path)
            except YamlError as err:
                self._configs[config_path] = err
        result = self._configs[config_path]
        if isinstance(result, YamlError):
            raise result
        return result

    def _locate(self, path: Path | None) -> Path | None:
        folder = (path.parent if path is not None else Path.cwd()).resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]
