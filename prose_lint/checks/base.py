"""The Rule base class: what every rule kind shares.

A rule *kind* (a subclass here, one module per kind) knows how to look; a rule
*pack* (YAML under ``rules/``) says what to look for. A kind declares the YAML
keys it accepts in ``fields``; the pack loader rejects any other key, pointing
at its line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from prose_lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from prose_lint.yamlio import Located, type_name

if TYPE_CHECKING:
    from prose_lint.analysis import Analysis


@dataclass(frozen=True)
class Field:
    """One YAML key a rule kind accepts."""

    types: tuple[type, ...]
    required: bool = False
    default: Any = None
    help: str = ""


@dataclass(frozen=True)
class RuleInfo:
    """What the registry knows of a rule without running it."""

    id: str
    category: str
    kind: str
    severity: Severity
    description: str
    explanation: str = ""
    examples: tuple[dict[str, str], ...] = ()
    pack: str = ""


COMMON_KEYS = frozenset({"kind", "severity", "description", "explanation", "examples", "message"})


class Rule:
    """A configured rule: ``check`` reads an Analysis and yields Diagnostics."""

    kind: ClassVar[str] = ""
    fields: ClassVar[dict[str, Field]] = {}
    # Keys a user may override per rule in .prose-lint.yaml under ``options``.
    options: ClassVar[frozenset[str]] = frozenset()
    default_message: ClassVar[str] = ""

    def __init__(self, info: RuleInfo, spec: dict[str, Any], message: str = "") -> None:
        self.info = info
        self.spec = spec
        self.message = message or self.default_message
        self.severity = info.severity
        self.setup()

    def setup(self) -> None:
        """Prepare data from ``self.spec`` once (compile patterns, build indexes)."""

    @property
    def id(self) -> str:
        return self.info.id

    def check(self, analysis: Analysis) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def validate(cls, located: Located) -> dict[str, Any]:
        """Check a rule's YAML mapping; return the kind-specific keys as plain data."""
        from prose_lint.yamlio import plain

        spec: dict[str, Any] = {}
        for key, value in located.node.items():
            if key in COMMON_KEYS:
                continue
            if key not in cls.fields:
                allowed = ", ".join(sorted(COMMON_KEYS | set(cls.fields)))
                raise located.error_at_key(
                    key,
                    f"unknown key {key!r} for a rule of kind {cls.kind!r} (expected one of: {allowed})",
                )
            wanted = cls.fields[key]
            if not isinstance(value, wanted.types) or (isinstance(value, bool) and bool not in wanted.types):
                names = " or ".join(type_name(t()) for t in wanted.types)
                raise located.error_at_value(key, f"{key!r} must be {names}, not {type_name(value)}")
            spec[key] = plain(value)
        for key, wanted in cls.fields.items():
            if key not in spec:
                if wanted.required:
                    raise located.error(f"a rule of kind {cls.kind!r} needs the key {key!r}")
                spec[key] = wanted.default
        cls.check_spec(located, spec)
        return spec

    @classmethod
    def check_spec(cls, located: Located, spec: dict[str, Any]) -> None:
        """Kind-specific validation beyond types (e.g. a regex that compiles)."""

    @classmethod
    def options_problem(cls, spec: dict[str, Any]) -> str | None:
        """Why a spec with options from .prose-lint.yaml is invalid (one line), or None."""
        for key, value in spec.items():
            wanted = cls.fields.get(key)
            if wanted is None or value is None:
                continue
            if not isinstance(value, wanted.types) or (isinstance(value, bool) and bool not in wanted.types):
                names = " or ".join(type_name(t()) for t in wanted.types)
                return f"{key!r} must be {names}, not {type_name(value)}"
        return None

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
    ) -> Diagnostic:
        return Diagnostic(
            rule=self.info.id,
            category=self.info.category,
            severity=self.severity,
            message=message,
            start=start,
            end=end,
            suggestions=list(suggestions),
            fix=fix,
        )

    def replacement(
        self,
        analysis: Analysis,
        start: int,
        end: int,
        replacement: str,
        title: str,
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        """A one-edit fix; downgraded to display-only when markup lies inside the span."""
        if analysis.text[start:end] != analysis.prose[start:end]:
            applicability = Applicability.DISPLAY
        return Fix(title, (Edit(start, end, replacement),), applicability)


def format_message(template: str, **values: Any) -> str:
    """``str.format`` that leaves unknown placeholders visible instead of failing."""

    class Missing(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Missing(values))


@dataclass
class RuleRegistry:
    """Every rule loaded from the packs, by id."""

    rules: dict[str, Rule] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self.rules

    @property
    def categories(self) -> set[str]:
        return {rule.info.category for rule in self.rules.values()}
