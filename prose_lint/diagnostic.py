"""What a rule reports: a Diagnostic over a character span, with an optional Fix.

Positions inside the program are 0-based, half-open character offsets into the
original decoded text (a UTF-8 BOM is not part of the text). Reporters turn
them into 1-based lines and columns.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

CATEGORIES = ("spelling", "grammar", "citations", "names", "style")


class Severity(enum.IntEnum):
    """How bad a finding is; ``off`` turns a rule off."""

    OFF = 0
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except (KeyError, AttributeError):
            raise ValueError(f"unknown severity {name!r} (expected off, info, warning or error)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Applicability(enum.Enum):
    """Whether ``--fix`` may apply a fix (ruff's model)."""

    SAFE = "safe"  # one unambiguous replacement: applied by --fix
    UNSAFE = "unsafe"  # probably right, but needs a human: applied with --unsafe-fixes
    DISPLAY = "display"  # shown as a suggestion only


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(slots=True)
class Diagnostic:
    """One finding: a rule, a span of the original text, a message, suggestions."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    # Filled in by the engine once the document is known.
    text: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)
