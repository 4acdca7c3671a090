"""Rule kinds: one module per kind, registered by name.

A pack's rule says ``kind: substitution``; the module that implements a kind is
imported only when a pack uses it, which keeps start-up fast.
"""

from __future__ import annotations

import importlib

from prose_lint.checks.base import Rule

# kind name -> module under prose_lint.checks that defines it (with `kind = name`).
KIND_MODULES: dict[str, str] = {
    "citation": "citation",
    "vague-source": "citation",
    "repetition": "repetition",
    "regex": "regex",
    "substitution": "substitution",
    "pattern": "pattern",
    "consistency": "consistency",
    "abbreviation-style": "acronym",
    "acronym": "acronym",
    "dialect": "dialect",
    "spelling": "spelling",
    "confusion": "confusion",
}


def kind_class(name: str) -> type[Rule] | None:
    module_name = KIND_MODULES.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(f"prose_lint.checks.{module_name}")
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, Rule) and value.kind == name:
            return value
    raise LookupError(f"module prose_lint.checks.{module_name} defines no rule kind {name!r}")
