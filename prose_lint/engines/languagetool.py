"""LanguageTool as an optional engine: a team's server, or a local one.

Turned on in ``.prose-lint.yaml``::

    engines:
      languagetool:
        enabled: true
        server: http://localhost:8081   # a LanguageTool server; or
        # local: true                   # language-tool-python starts (and downloads) one
        disabled_rules: [WHITESPACE_RULE]

Only prose is sent: the prose of each block (paragraph, heading, list item,
...) with its markup, code and URLs left out, blocks separated by a blank
line. An offset map (runs of text offset, source offset, length) takes every
match back to the characters of the original file.

With ``server:`` prose-lint speaks LanguageTool's HTTP API (``POST
/v2/check``) itself with the standard library: nothing is downloaded,
nothing but that server is contacted, and a dead server costs one timeout
and one warning. language-tool-python is used only for ``local: true``,
where it manages the LanguageTool download, Java and the server process.

Each match becomes a Diagnostic ``languagetool/<RULE_ID>`` in category
spelling (LanguageTool's TYPOS), grammar (GRAMMAR) or style (anything else),
with LanguageTool's replacements as suggestions (shown, never applied by
``--fix``).
"""

from __future__ import annotations

import bisect
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from prose_lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from prose_lint.yamlio import Located, plain

if TYPE_CHECKING:
    from prose_lint.config import Config
    from prose_lint.document import Block, Document

ENGINE = "languagetool"
RULE_PREFIX = "languagetool/"
CATEGORIES = {"TYPOS": "spelling", "GRAMMAR": "grammar"}
KEYS = {
    "enabled": (bool,),
    "server": (str,),
    "local": (bool,),
    "language": (str,),
    "disabled_rules": (list,),
    "enabled_rules": (list,),
    "timeout": (int, float),
    "max_characters": (int,),
}
DEFAULTS = {
    "enabled": False,
    "disabled_rules": [],
    "enabled_rules": [],
    "timeout": 20,
    "max_characters": 20_000,
}
MAX_SUGGESTIONS = 5


class EngineUnavailable(RuntimeError):
    """LanguageTool cannot be used now (no server, no Java, no package); the message says why."""


class LtMatch(NamedTuple):
    """One LanguageTool match, offsets in Python characters of the text sent."""

    offset: int
    length: int
    message: str
    replacements: list[str]
    rule_id: str
    category: str


# --- Configuration ---------------------------------------------------------------


def validate(located: Located) -> dict[str, Any]:
    """``engines.languagetool`` as plain data with defaults; errors at the offending line."""
    if located.node is None:
        return dict(DEFAULTS)
    located.require_mapping()
    located.reject_unknown(frozenset(KEYS))
    settings = dict(DEFAULTS)
    for key, value in located.node.items():
        wanted = KEYS[key]
        if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
            names = " or ".join("true/false" if t is bool else t.__name__ for t in wanted)
            raise located.error_at_value(key, f"{key!r} must be {names}")
        settings[key] = plain(value)
    for key in ("disabled_rules", "enabled_rules"):
        if not all(isinstance(item, str) for item in settings[key]):
            raise located.error_at_value(key, f"every item of {key!r} must be a LanguageTool rule id")
    server = settings.get("server")
    if server is not None and not re.match(r"https?://[^\s/]+", server):
        raise located.error_at_value("server", "'server' must be an http:// or https:// URL")
    if server is not None and settings.get("local"):
        raise located.error_at_key("local", "give either 'server' or 'local: true', not both")
    if settings["enabled"] and server is None and not settings.get("local"):
        raise located.error(
            "languagetool needs 'server: URL' (a LanguageTool server) or 'local: true' (start one locally)"
        )
    return settings


# --- Text sent, and the way back ----------------------------------------------------


@dataclass
class TextMap:
    """Text for LanguageTool and runs (text start, source start, length) back to the file."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, int, int]] = field(default_factory=list)
    size: int = 0

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add_source(self, source: str, start: int, end: int) -> None:
        piece = source[start:end].replace("\n", " ").replace("\t", " ")
        if piece.startswith(" ") and self.parts and self.parts[-1].endswith(" "):
            piece, start = piece[1:], start + 1  # markup left two spaces side by side
        if not piece:
            return
        self.runs.append((self.size, start, len(piece)))
        self.parts.append(piece)
        self.size += len(piece)

    def add_separator(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def to_source(self, offset: int, length: int) -> tuple[int, int] | None:
        """The file span of ``text[offset:offset + length]`` (None if it lies in a separator)."""
        first = self._source_of(offset)
        last = self._source_of(offset + max(length, 1) - 1)
        if first is None or last is None:
            return None
        return first, last + 1 if length else first

    def _source_of(self, offset: int) -> int | None:
        index = bisect.bisect_right(self.runs, (offset, float("inf"))) - 1
        if index < 0:
            return None
        text_start, source_start, length = self.runs[index]
        if offset >= text_start + length:
            return None
        return source_start + offset - text_start


_MAYBE_MASKED = re.compile(r"[ \t\r\ufffc]+")


def block_segments(document: Document, block: Block) -> Iterator[tuple[int, int]]:
    """Source spans of a block's prose in order, markup and code left out.

    A run of masked characters (markup, code) is dropped; a real space inside
    it is kept, so "**new** plan" reads "new plan" and "[text](url)." reads
    "text.".
    """
    text, prose = document.text, document.prose
    position = block.start
    for masked in _MAYBE_MASKED.finditer(prose, block.start, block.end):
        start, end = masked.span()
        if text[start:end] == prose[start:end] and "\r" not in text[start:end]:
            continue
        if position < start:
            yield position, start
        space = next((i for i in range(start, end) if text[i] in " \t" and prose[i] == text[i]), None)
        if space is not None:
            yield space, space + 1
        position = end
    if position < block.end:
        yield position, block.end


def build_chunks(document: Document, max_characters: int) -> list[TextMap]:
    """The document's prose as texts of at most about ``max_characters``, block by block."""
    chunks = [TextMap()]
    for block in document.blocks:
        if chunks[-1].size and chunks[-1].size >= max_characters:
            chunks.append(TextMap())
        chunk = chunks[-1]
        if chunk.size:
            chunk.add_separator("\n\n")
        for start, end in block_segments(document, block):
            chunk.add_source(document.text, start, end)
    return [chunk for chunk in chunks if chunk.size]


# --- Talking to LanguageTool -------------------------------------------------------


class HttpClient:
    """LanguageTool's HTTP API (``POST {server}/v2/check``), with the standard library."""

    def __init__(self, server: str, timeout: float) -> None:
        self.url = urllib.parse.urljoin(server.rstrip("/") + "/", "v2/check")
        self.server = server
        self.timeout = timeout

    def check(self, text: str, language: str, disabled: list[str], enabled: list[str]) -> list[LtMatch]:
        form = {"language": language, "text": text}
        if disabled:
            form["disabledRules"] = ",".join(disabled)
        if enabled:
            form["enabledRules"] = ",".join(enabled)
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise EngineUnavailable(
                f"{self.server} answered HTTP {err.code}: {' '.join(detail)[:200]}"
            ) from None
        except OSError as err:  # URLError, refused connections and timeouts are all OSErrors
            reason = getattr(err, "reason", err)
            raise EngineUnavailable(f"cannot reach {self.server} ({reason})") from None
        try:
            matches = json.loads(body)["matches"]
            to_index = utf16_index(text)
            return [_from_json(match, to_index) for match in matches]
        except (ValueError, KeyError, TypeError) as err:
            raise EngineUnavailable(
                f"{self.server} did not answer like a LanguageTool server ({err})"
            ) from None


def _from_json(match: dict[str, Any], to_index) -> LtMatch:
    start = to_index(int(match["offset"]))
    end = to_index(int(match["offset"]) + int(match["length"]))
    rule = match["rule"]
    return LtMatch(
        offset=start,
        length=end - start,
        message=str(match.get("message", "")),
        replacements=[str(r["value"]) for r in match.get("replacements", []) if "value" in r],
        rule_id=str(rule["id"]),
        category=str(rule.get("category", {}).get("id", "")),
    )


def utf16_index(text: str):
    """LanguageTool counts UTF-16 code units (Java strings): a map from them to Python indices."""
    if all(ord(char) < 0x10000 for char in text):
        return lambda unit: unit
    positions: list[int] = []
    for index, char in enumerate(text):
        positions.extend([index] * (2 if ord(char) >= 0x10000 else 1))
    return lambda unit: positions[unit] if unit < len(positions) else len(text)


class LocalClient:
    """A LanguageTool that language-tool-python runs on this machine (it may download it)."""

    def __init__(self, language: str) -> None:
        try:
            import language_tool_python
        except ImportError:
            raise EngineUnavailable(
                "local: true needs language-tool-python: pip install 'prose-lint[languagetool]'"
            ) from None
        try:
            self.tool = language_tool_python.LanguageTool(language)
        except Exception as err:  # no Java, download failed, port busy: all one message
            raise EngineUnavailable(
                f"cannot start a local LanguageTool ({type(err).__name__}: {err})"
            ) from None

    def check(self, text: str, language: str, disabled: list[str], enabled: list[str]) -> list[LtMatch]:
        self.tool.disabled_rules.update(disabled)
        self.tool.enabled_rules.update(enabled)
        try:
            matches = self.tool.check(text)
        except Exception as err:
            raise EngineUnavailable(f"the local LanguageTool failed ({type(err).__name__}: {err})") from None
        return [
            LtMatch(m.offset, m.error_length, m.message, list(m.replacements), m.rule_id, m.category)
            for m in matches
        ]


# One client (or the reason there is none) per server for the whole run: a
# dead server costs one timeout and one warning, not one per file.
_CLIENTS: dict[tuple[str, str], HttpClient | LocalClient | EngineUnavailable] = {}


def _client(settings: dict[str, Any], language: str) -> HttpClient | LocalClient:
    key = (settings.get("server") or "local", language)
    if key not in _CLIENTS:
        try:
            _CLIENTS[key] = (
                HttpClient(settings["server"], float(settings["timeout"]))
                if settings.get("server")
                else LocalClient(language)
            )
        except EngineUnavailable as err:
            _CLIENTS[key] = err
    client = _CLIENTS[key]
    if isinstance(client, EngineUnavailable):
        raise client
    return client


# --- The engine --------------------------------------------------------------------


def check(document: Document, settings: dict[str, Any], config: Config) -> tuple[list[Diagnostic], list[str]]:
    """LanguageTool's findings on the document's prose, and a warning if it could not run."""
    language = settings.get("language") or config.dialect
    key = (settings.get("server") or "local", language)
    found: list[Diagnostic] = []
    try:
        client = _client(settings, language)
        for chunk in build_chunks(document, int(settings["max_characters"])):
            matches = client.check(
                chunk.text, language, settings["disabled_rules"], settings["enabled_rules"]
            )
            found.extend(d for d in (_diagnostic(document, chunk, m) for m in matches) if d is not None)
    except EngineUnavailable as err:
        _CLIENTS[key] = err
        return [], [f"prose-lint: {ENGINE} engine: {err}; the built-in rules ran without it"]
    return found, []


def _diagnostic(document: Document, chunk: TextMap, match: LtMatch) -> Diagnostic | None:
    span = chunk.to_source(match.offset, match.length)
    if span is None:
        return None
    start, end = span
    suggestions = match.replacements[:MAX_SUGGESTIONS]
    fix = None
    if len(suggestions) == 1:
        fix = Fix(
            f'Replace with "{suggestions[0]}"', (Edit(start, end, suggestions[0]),), Applicability.DISPLAY
        )
    return Diagnostic(
        rule=RULE_PREFIX + match.rule_id,
        category=CATEGORIES.get(match.category, "style"),
        severity=Severity.WARNING,
        message=match.message or f"LanguageTool rule {match.rule_id}",
        start=start,
        end=end,
        suggestions=suggestions,
        fix=fix,
    )
