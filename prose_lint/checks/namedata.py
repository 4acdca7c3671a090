"""Data shared by the names rules: the YAML files of ``rules/names/`` and the
``names:`` and ``acronyms:`` sections of ``.prose-lint.yaml``.

The files are parsed once per process (and cached on disk as JSON by
``cached_yaml_data``); the config sections are validated where they are read so
that a mistake points at ``FILE:LINE:COL``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from prose_lint.resources import builtin_rules_dir, cached_yaml_data
from prose_lint.yamlio import Located, YamlError, item_position, load_yaml, plain

if TYPE_CHECKING:
    from prose_lint.analysis import Analysis


@cache
def load_names_data(name: str) -> dict[str, Any]:
    """A data file of ``rules/names/`` (e.g. ``mentions.yaml``) as plain Python data."""
    path = builtin_rules_dir() / "names" / name
    return cached_yaml_data(path, lambda p: plain(load_yaml(p)))


@dataclass(frozen=True)
class NamesSettings:
    """The ``names:`` section: house spellings and names never to merge."""

    # canonical spelling -> the variants an editor wants replaced by it
    canonical: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # groups of close names that are different people or places
    distinct: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class AcronymSettings:
    """The ``acronyms:`` section: acronyms the readers know (no expansion needed)."""

    known: tuple[str, ...] = ()


def names_settings(analysis: Analysis) -> NamesSettings:
    config = analysis.config
    return config.section("names", NamesSettings()) if config is not None else NamesSettings()


def acronym_settings(analysis: Analysis) -> AcronymSettings:
    config = analysis.config
    return config.section("acronyms", AcronymSettings()) if config is not None else AcronymSettings()


def validate_names_section(located: Located) -> NamesSettings:
    """Check ``names:`` (keys ``canonical`` and ``distinct``); errors point at FILE:LINE:COL."""
    if located.node is None:
        return NamesSettings()
    located.require_mapping()
    located.reject_unknown({"canonical", "distinct"})
    canonical: list[tuple[str, tuple[str, ...]]] = []
    if "canonical" in located.node:
        table = located.child("canonical")
        if not isinstance(table.node, dict):
            raise located.error_at_value("canonical", "'names.canonical' must map a name to its variants")
        for name, variants in table.node.items():
            if not isinstance(name, str) or not name.strip():
                raise table.error_at_key(name, "a canonical name must be a non-empty string")
            canonical.append((name.strip(), _variant_list(table, name, variants)))
    distinct: list[tuple[str, ...]] = []
    if "distinct" in located.node:
        groups = located.node["distinct"]
        if not isinstance(groups, list):
            raise located.error_at_value("distinct", "'names.distinct' must be a list of lists of names")
        for index, group in enumerate(groups):
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(n, str) for n in group):
                line, column = item_position(groups, index)
                raise YamlError(
                    located.path, line, column, "each 'names.distinct' entry lists two or more names"
                )
            distinct.append(tuple(str(n) for n in group))
    return NamesSettings(tuple(canonical), tuple(distinct))


def _variant_list(table: Located, name: str, variants: Any) -> tuple[str, ...]:
    if isinstance(variants, str):
        variants = [variants]
    if not isinstance(variants, list) or not variants:
        raise table.error_at_value(name, f"the variants of {name!r} must be a list of spellings")
    for index, variant in enumerate(variants):
        if not isinstance(variant, str) or not variant.strip():
            line, column = item_position(variants, index)
            raise YamlError(table.path, line, column, f"a variant of {name!r} must be a non-empty string")
        if variant.strip() == name.strip():
            line, column = item_position(variants, index)
            raise YamlError(table.path, line, column, f"{variant!r} is the canonical spelling itself")
    return tuple(str(v).strip() for v in variants)


def validate_acronyms_section(located: Located) -> AcronymSettings:
    """Check ``acronyms:`` (key ``known``: a list of acronyms); errors point at FILE:LINE:COL."""
    if located.node is None:
        return AcronymSettings()
    located.require_mapping()
    located.reject_unknown({"known"})
    known = located.node.get("known") or []
    if not isinstance(known, list):
        raise located.error_at_value("known", "'acronyms.known' must be a list of acronyms")
    for index, acronym in enumerate(known):
        if not isinstance(acronym, str) or not acronym.replace(".", "").isalnum():
            line, column = item_position(known, index)
            raise YamlError(located.path, line, column, f"{acronym!r} is not an acronym (letters and digits)")
    return AcronymSettings(tuple(str(a).replace(".", "") for a in known))
