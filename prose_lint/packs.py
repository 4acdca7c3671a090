"""Rule packs: YAML files that say what to look for, each rule naming its kind.

A pack looks like this (the built-in packs in ``rules/`` use the same format a
team writes for its own house rules)::

    category: style
    description: Typography and house style.
    rules:
      currency-space:
        kind: regex
        severity: warning
        description: No space between a currency symbol and the amount.
        message: 'Write "{replacement}": no space after the currency symbol'
        pattern: '(?P<symbol>[$€£])[ \\t]+(?P<amount>\\d[\\d,.]*)'
        replace: '{symbol}{amount}'

The rule's id is ``<category>/<name>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from prose_lint.checks import KIND_MODULES, kind_class
from prose_lint.checks.base import COMMON_KEYS, Rule, RuleInfo, RuleRegistry
from prose_lint.diagnostic import CATEGORIES, Severity
from prose_lint.regexcache import compile_regex
from prose_lint.resources import builtin_rules_dir, cached_yaml_data
from prose_lint.yamlio import Located, YamlError, load_yaml, plain

PACK_KEYS = frozenset({"category", "description", "rules"})
_RULE_NAME = compile_regex(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Pack:
    name: str
    path: Path
    category: str
    description: str
    rules: tuple[Rule, ...]


def builtin_pack_names() -> list[str]:
    return sorted(p.stem for p in builtin_rules_dir().glob("*.yaml"))


def resolve_pack(entry: str, base: Path) -> Path:
    """A built-in pack by name, or a path relative to the config's folder."""
    if "/" not in entry and "\\" not in entry and not entry.endswith((".yaml", ".yml")):
        return builtin_rules_dir() / f"{entry}.yaml"
    path = Path(entry).expanduser()
    return path if path.is_absolute() else base / path


def validate_pack(path: Path) -> dict[str, Any]:
    """Parse and check a pack; return it as plain data. Raises YamlError."""
    node = load_yaml(path)
    pack = Located(path, node, "the pack")
    if not isinstance(node, dict):
        raise pack.error("a rule pack must be a mapping with 'category' and 'rules'")
    pack.reject_unknown(PACK_KEYS)
    category = node.get("category")
    if category not in CATEGORIES:
        where = pack.error_at_value("category", "") if "category" in node else pack.error("")
        raise YamlError(path, where.line, where.column, f"'category' must be one of: {', '.join(CATEGORIES)}")
    rules_node = node.get("rules")
    if not isinstance(rules_node, dict) or not rules_node:
        raise pack.error("a rule pack needs a non-empty 'rules' mapping")
    rules = {}
    for name in rules_node:
        if not isinstance(name, str) or not _RULE_NAME.match(name):
            raise pack.child("rules").error_at_key(
                name, f"rule name {name!r} must be kebab-case (lower-case words joined by '-')"
            )
        rules[name] = _validate_rule(Located(path, rules_node[name], f"rules.{name}"))
    return {"category": category, "description": str(node.get("description", "")), "rules": rules}


def _validate_rule(rule: Located) -> dict[str, Any]:
    rule.require_mapping()
    node = rule.node
    kind = node.get("kind")
    cls = kind_class(kind) if isinstance(kind, str) else None
    if cls is None:
        known = ", ".join(sorted(KIND_MODULES))
        raise (
            rule.error_at_value("kind", f"unknown rule kind {kind!r} (known kinds: {known})")
            if "kind" in node
            else rule.error(f"a rule needs a 'kind' (one of: {known})")
        )
    try:
        severity = Severity.parse(str(node.get("severity", "warning")))
    except ValueError as err:
        raise rule.error_at_value("severity", str(err)) from None
    description = node.get("description")
    if not isinstance(description, str) or not description.strip():
        raise rule.error("a rule needs a one-line 'description'")
    examples = plain(node.get("examples", []))
    if not isinstance(examples, list) or not all(isinstance(e, dict) for e in examples):
        raise rule.error_at_value("examples", "'examples' must be a list of {bad: ..., good: ...}")
    common = {k: plain(node[k]) for k in COMMON_KEYS if k in node}
    return {
        "kind": kind,
        "severity": severity.label,
        "description": " ".join(description.split()),
        "message": str(common.get("message", "")),
        "explanation": str(common.get("explanation", "")),
        "examples": examples,
        "spec": cls.validate(rule),
    }


def build_rules(name: str, path: Path, data: dict[str, Any]) -> Pack:
    rules = []
    for rule_name, entry in data["rules"].items():
        info = RuleInfo(
            id=f"{data['category']}/{rule_name}",
            category=data["category"],
            kind=entry["kind"],
            severity=Severity.parse(entry["severity"]),
            description=entry["description"],
            explanation=entry["explanation"],
            examples=tuple(entry["examples"]),
            pack=name,
        )
        cls = kind_class(entry["kind"])
        rules.append(cls(info, entry["spec"], entry["message"]))
    return Pack(name, path, data["category"], data["description"], tuple(rules))


@lru_cache(maxsize=64)
def load_pack(path: Path) -> Pack:
    if not path.is_file():
        raise YamlError(path, 1, 1, "rule pack not found")
    data = cached_yaml_data(path, validate_pack)
    return build_rules(path.stem, path, data)


def load_registry(paths: tuple[Path, ...]) -> RuleRegistry:
    """All rules of these packs; a rule id defined twice is an error at its second pack."""
    registry = RuleRegistry()
    for path in paths:
        pack = load_pack(path)
        for rule in pack.rules:
            if rule.id in registry.rules:
                other = registry.rules[rule.id].info.pack
                raise YamlError(path, 1, 1, f"rule {rule.id!r} is already defined by pack {other!r}")
            registry.rules[rule.id] = rule
    return registry
