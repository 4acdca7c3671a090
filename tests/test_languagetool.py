"""The LanguageTool engine against a small LanguageTool-like server on 127.0.0.1.

The stub answers ``POST /v2/check`` in LanguageTool's documented JSON format
(offset and length in UTF-16 code units, message, replacements, rule with id
and category). It finds the words it was told to flag in the text it
receives, so the tests check both what prose-lint sends and how it maps the
answer back to the file.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import types
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import run_cli

from prose_lint.api import Selection, lint_document, lint_text
from prose_lint.config import load_config
from prose_lint.document import document_from_text
from prose_lint.engines import languagetool
from prose_lint.yamlio import YamlError


@dataclass
class Flag:
    """A word the stub reports, as LanguageTool would."""

    word: str
    rule: str
    category: str
    replacements: list[str]
    message: str = "Possible problem"


@dataclass
class Stub:
    url: str
    flags: list[Flag] = field(default_factory=list)
    requests: list[dict[str, str]] = field(default_factory=list)
    status: int = 200


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _answer(stub: Stub, text: str) -> dict:
    matches = []
    for flag in stub.flags:
        start = text.find(flag.word)
        while start >= 0:
            matches.append(
                {
                    "message": flag.message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in flag.replacements],
                    "offset": _utf16_length(text[:start]),
                    "length": _utf16_length(flag.word),
                    "context": {"text": text, "offset": start, "length": len(flag.word)},
                    "sentence": text,
                    "rule": {
                        "id": flag.rule,
                        "description": flag.rule,
                        "issueType": "misspelling",
                        "category": {"id": flag.category, "name": flag.category.title()},
                    },
                }
            )
            start = text.find(flag.word, start + 1)
    return {"software": {"name": "LanguageTool", "version": "6.4"}, "matches": matches}


@pytest.fixture
def stub() -> Iterator[Stub]:
    state = Stub("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
            state.requests.append({"path": self.path, **form})
            if self.path != "/v2/check" or state.status != 200:
                self.send_response(state.status if self.path == "/v2/check" else 404)
                self.end_headers()
                self.wfile.write(b"Error: internal problem\nmore detail")
                return
            body = json.dumps(_answer(state, form.get("text", ""))).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _fresh_clients() -> Iterator[None]:
    languagetool._CLIENTS.clear()
    yield
    languagetool._CLIENTS.clear()


def write_config(folder: Path, server: str, extra: str = "") -> Path:
    config = folder / ".prose-lint.yaml"
    config.write_text(
        "dialect: en-GB\n"
        "engines:\n"
        "  languagetool:\n"
        "    enabled: true\n"
        f"    server: {server}\n"
        "    timeout: 5\n"
        "    disabled_rules: [WHITESPACE_RULE]\n" + extra,
        encoding="utf-8",
    )
    return config


def check(text: str, config: Path, select: str | None = None) -> list:
    selection = Selection(frozenset(select.split(","))) if select else Selection()
    return lint_text(text, "draft.md", load_config(config), selection=selection)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


MARKDOWN = """\
# Water report

The council *definately* agreed, and the [goverment's plan](https://example.org/plan "plan")
was **recieved** well; run `definately --fix` to see.

```
definately not prose
```
"""


def test_matches_inside_markdown_map_to_the_original_characters(stub: Stub, tmp_path: Path) -> None:
    stub.flags = [
        Flag("definately", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["definitely"]),
        Flag("goverment's", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["government's"]),
        Flag("recieved", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["received"]),
    ]
    found = check(MARKDOWN, write_config(tmp_path, stub.url), select="languagetool/MORFOLOGIK_RULE_EN_GB")
    assert [(d.rule, d.category, d.text, d.suggestions) for d in found] == [
        ("languagetool/MORFOLOGIK_RULE_EN_GB", "spelling", "definately", ["definitely"]),
        ("languagetool/MORFOLOGIK_RULE_EN_GB", "spelling", "goverment's", ["government's"]),
        ("languagetool/MORFOLOGIK_RULE_EN_GB", "spelling", "recieved", ["received"]),
    ]
    for diagnostic in found:
        assert MARKDOWN[diagnostic.start : diagnostic.end] == diagnostic.text


def test_only_prose_is_sent_with_the_configured_language_and_rules(stub: Stub, tmp_path: Path) -> None:
    check(MARKDOWN, write_config(tmp_path, stub.url))
    [request] = stub.requests
    assert request["path"] == "/v2/check"
    assert request["language"] == "en-GB"
    assert request["disabledRules"] == "WHITESPACE_RULE"
    assert request["text"] == (
        "Water report\n\nThe council definately agreed, and the goverment's plan was recieved well; run to see."
    )


def test_categories_and_a_phrase_across_markup(stub: Stub, tmp_path: Path) -> None:
    stub.flags = [
        Flag("agreed, and", "COMMA_COMPOUND_SENTENCE", "PUNCTUATION", []),
        Flag("plan was", "PLAN_WAS", "GRAMMAR", ["plan is", "plans were"]),
    ]
    found = check(
        MARKDOWN, write_config(tmp_path, stub.url), select="languagetool/COMMA_COMPOUND_SENTENCE,grammar"
    )
    assert [(d.rule, d.category, d.text, d.suggestions) for d in found] == [
        ("languagetool/COMMA_COMPOUND_SENTENCE", "style", "agreed, and", []),
        (
            "languagetool/PLAN_WAS",
            "grammar",
            'plan](https://example.org/plan "plan")\nwas',
            ["plan is", "plans were"],
        ),
    ]
    assert all(d.fix is None or d.fix.applicability.value == "display" for d in found)


def test_offsets_in_utf16_units_after_an_emoji(stub: Stub, tmp_path: Path) -> None:
    stub.flags = [Flag("definately", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["definitely"])]
    text = "Great 👍 work, 🎉 we definately agree.\n"
    [diagnostic] = check(text, write_config(tmp_path, stub.url), select="spelling")
    assert diagnostic.text == "definately" and text[diagnostic.start : diagnostic.end] == "definately"


def test_a_match_on_a_built_in_finding_is_dropped(stub: Stub, tmp_path: Path) -> None:
    stub.flags = [
        Flag("the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", ["the"]),
        Flag("An significant", "EN_A_VS_AN", "MISC", ["A significant"]),
        Flag("significant", "SIGNIFICANT_STYLE", "STYLE", ["large"]),
    ]
    text = "An significant share of the the funds is tied.\n"
    found = check(text, write_config(tmp_path, stub.url))
    assert [(d.rule, d.text) for d in found] == [
        ("grammar/article", "An"),
        ("languagetool/SIGNIFICANT_STYLE", "significant"),
        ("grammar/repeated-word", "the the"),
    ]


def test_config_severities_and_suppressions_apply(stub: Stub, tmp_path: Path) -> None:
    stub.flags = [
        Flag("definately", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["definitely"]),
        Flag("wel", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["well"]),
        Flag("agreed", "AGREED_STYLE", "STYLE", []),
    ]
    # The built-in speller would find these typos first (and LanguageTool's duplicates be dropped).
    config = write_config(
        tmp_path, stub.url, "rules:\n  spelling/unknown-word: off\n  languagetool/AGREED_STYLE: off\n"
    )
    text = (
        "We definately agreed.\n\n<!-- prose-lint disable-next-line spelling -->\nIt went wel.\n\n"
        "<!-- prose-lint disable-next-line languagetool/MORFOLOGIK_RULE_EN_GB -->\nIt went wel again.\n"
    )
    found = check(text, config)
    assert [(d.rule, d.text) for d in found] == [("languagetool/MORFOLOGIK_RULE_EN_GB", "definately")]


def test_an_unreachable_server_is_one_warning_and_the_built_in_rules_still_run(tmp_path: Path) -> None:
    server = f"http://127.0.0.1:{free_port()}"
    write_config(tmp_path, server)
    (tmp_path / "a.md").write_text("Residents said we was never consulted.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("A clean sentence.\n", encoding="utf-8")
    run = run_cli("check", str(tmp_path), "--no-color", "--quiet", cwd=tmp_path)
    assert run.status == 1  # the built-in finding, not the engine's absence
    assert "grammar/agreement" in run.out
    warnings = [line for line in run.err.splitlines() if "languagetool" in line]
    assert warnings == [
        f"prose-lint: languagetool engine: cannot reach {server} ([Errno 111] Connection refused); "
        "the built-in rules ran without it"
    ]


def test_a_clean_draft_stays_clean_without_the_server(tmp_path: Path) -> None:
    write_config(tmp_path, f"http://127.0.0.1:{free_port()}")
    (tmp_path / "b.md").write_text("A clean sentence.\n", encoding="utf-8")
    run = run_cli("check", "b.md", "--no-color", cwd=tmp_path)
    assert run.status == 0
    assert "languagetool engine: cannot reach" in run.err


def test_a_server_error_is_one_warning(stub: Stub, tmp_path: Path) -> None:
    stub.status = 500
    found, warnings = _lint_with(write_config(tmp_path, stub.url))
    assert found == []
    assert warnings == [
        f"prose-lint: languagetool engine: {stub.url} answered HTTP 500: Error: internal problem; "
        "the built-in rules ran without it"
    ]


def test_server_mode_never_touches_language_tool_python(stub: Stub, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # importing it would fail
    stub.flags = [Flag("definately", "MORFOLOGIK_RULE_EN_GB", "TYPOS", ["definitely"])]
    found = check("We definately agree.\n", write_config(tmp_path, stub.url), select="spelling")
    assert [d.text for d in found] == ["definately"]


def local_config(folder: Path) -> Path:
    config = folder / ".prose-lint.yaml"
    config.write_text("engines:\n  languagetool:\n    enabled: true\n    local: true\n", encoding="utf-8")
    return config


def test_local_mode_without_the_package_is_a_warning(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    (tmp_path / "a.md").write_text("We was there.\n", encoding="utf-8")
    local_config(tmp_path)
    run = run_cli("check", "a.md", "--no-color", "--quiet", cwd=tmp_path)
    assert run.status == 1 and "grammar/agreement" in run.out
    assert "languagetool engine: local: true needs language-tool-python" in run.err


def test_local_mode_without_java_is_a_warning(tmp_path: Path, monkeypatch) -> None:
    fake = types.ModuleType("language_tool_python")

    def no_java(language: str) -> None:
        raise RuntimeError("No java install detected")

    fake.LanguageTool = no_java  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "language_tool_python", fake)
    _, warnings = _lint_with(local_config(tmp_path))
    assert warnings == [
        "prose-lint: languagetool engine: cannot start a local LanguageTool "
        "(RuntimeError: No java install detected); the built-in rules ran without it"
    ]


def test_local_mode_maps_language_tool_python_matches(tmp_path: Path, monkeypatch) -> None:
    class FakeMatch:
        def __init__(self, offset: int) -> None:
            self.offset, self.error_length, self.message = offset, 10, "Possible spelling mistake"
            self.replacements, self.rule_id, self.category = ["definitely"], "MORFOLOGIK_RULE_EN_US", "TYPOS"

    class FakeTool:
        def __init__(self, language: str) -> None:
            self.language, self.disabled_rules, self.enabled_rules = language, set(), set()

        def check(self, text: str) -> list[FakeMatch]:
            return [FakeMatch(text.index("definately"))]

    fake = types.ModuleType("language_tool_python")
    fake.LanguageTool = FakeTool  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "language_tool_python", fake)
    found, warnings = _lint_with(local_config(tmp_path), "We *definately* agree.\n")
    assert warnings == []
    # The built-in speller finds the typo too; LanguageTool's match on the same span is dropped.
    assert [(d.rule, d.text) for d in found] == [("spelling/unknown-word", "definately")]
    config = local_config(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8") + "rules:\n  spelling/unknown-word: off\n", encoding="utf-8"
    )
    found, _ = _lint_with(config, "We *definately* agree.\n")
    assert [(d.rule, d.text) for d in found] == [("languagetool/MORFOLOGIK_RULE_EN_US", "definately")]


def _lint_with(config: Path, text: str = "A sentence.\n"):
    return lint_document(document_from_text(text), load_config(config))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    enabled: true\n", "needs 'server: URL'"),
        ("    enabled: true\n    server: localhost:8081\n", "must be an http:// or https:// URL"),
        ("    enabled: true\n    server: http://x\n    local: true\n", "either 'server' or 'local: true'"),
        ("    enabled: yes please\n", "'enabled' must be true/false"),
        ("    servr: http://x\n", "unknown key 'servr'"),
        ("    disabled_rules: WHITESPACE_RULE\n", "'disabled_rules' must be list"),
    ],
)
def test_config_mistakes_point_at_the_line(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("engines:\n  languagetool:\n" + body, encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        load_config(config)
    assert caught.value.line >= 2
    assert message in caught.value.message


def test_an_unknown_engine_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("engines:\n  grammarly:\n    enabled: true\n", encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        load_config(config)
    assert (caught.value.line, caught.value.column) == (2, 3)
    assert "unknown key 'grammarly'" in caught.value.message


def test_without_engines_nothing_is_sent(stub: Stub) -> None:
    lint_text("We definately agree.\n", "draft.md", load_config(None))
    assert stub.requests == []
