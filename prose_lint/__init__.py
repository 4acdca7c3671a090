"""prose-lint: an editorial quality linter for report drafts."""

__version__ = "0.1.0"
