"""The ``pattern`` rule kind as a team uses it: a house rule written in YAML only."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import lint, run_cli, spans

from prose_lint.checks.wordforms import word_forms
from prose_lint.config import load_config
from prose_lint.yamlio import YamlError


def house_pack(tmp_path: Path, rules: str) -> Path:
    (tmp_path / "house.yaml").write_text(
        "category: grammar\ndescription: House grammar.\nrules:\n"
        + textwrap.indent(textwrap.dedent(rules), "  "),
        encoding="utf-8",
    )
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("packs: [grammar, house.yaml]\n", encoding="utf-8")
    return config


def test_a_house_rule_with_lemma_tag_and_suggestion(tmp_path: Path) -> None:
    config = house_pack(
        tmp_path,
        """
        data-is:
          kind: pattern
          description: '"data" takes a plural verb in house style.'
          message: 'House style: "data {suggestion}"'
          patterns:
            - tokens:
                - {word: data}
                - {lemma: be, tag: [VBZ, VBD], not_word: were, mark: true, name: verb}
              suggest: {is: are, was: were}
        """,
    )
    found = lint("The data is clear, and the data was checked.", select="grammar/data-is", config_path=config)
    assert spans(found) == [("grammar/data-is", "is", ["are"]), ("grammar/data-is", "was", ["were"])]
    assert found[0].message == 'House style: "data are"'


def test_a_rule_option_adds_an_exception(tmp_path: Path) -> None:
    config = tmp_path / ".prose-lint.yaml"
    config.write_text(
        "rules:\n  grammar/modal-of:\n    options:\n      exceptions: [should of]\n", encoding="utf-8"
    )
    assert lint("They should of known.", select="grammar", config_path=config) == []


@pytest.mark.parametrize(
    ("rule", "line", "message"),
    [
        ("patterns:\n  - tokens:\n      - {wrod: has}\n", 9, "unknown token key 'wrod'"),
        ("patterns:\n  - tokens:\n      - {tag: VERB}\n", 9, "unknown tag 'VERB'"),
        ("patterns:\n  - tokens:\n      - {word: '@nouns'}\n", 9, "unknown word list @nouns"),
        ("patterns:\n  - tokens:\n      - {tag: VB}\n", 9, "first token needs a 'word' list"),
        (
            "patterns:\n  - tokens:\n      - {word: has, name: aux}\n    suggest: '{verb:VBN}'\n",
            10,
            "no token is named 'verb'",
        ),
    ],
)
def test_pattern_mistakes_are_reported_at_their_line(
    tmp_path: Path, rule: str, line: int, message: str
) -> None:
    rules = "broken:\n  kind: pattern\n  description: A broken rule.\n" + textwrap.indent(rule, "  ")
    config = house_pack(tmp_path, rules)
    with pytest.raises(YamlError) as caught:
        _ = load_config(config).registry
    assert caught.value.path.endswith("house.yaml")
    assert caught.value.line == line
    assert message in caught.value.message


def test_a_broken_pack_is_a_one_line_error_and_exit_2(tmp_path: Path) -> None:
    rules = (
        "broken:\n  kind: pattern\n  description: A broken rule.\n  patterns:\n    - tokens: [{tag: NOUN}]\n"
    )
    house_pack(tmp_path, rules)
    draft = tmp_path / "draft.md"
    draft.write_text("Fine.\n", encoding="utf-8")
    run = run_cli("check", str(draft), cwd=tmp_path)
    assert run.status == 2
    assert "house.yaml:8:" in run.err and "unknown tag 'NOUN'" in run.err


def test_word_forms_come_from_lemminflect_data() -> None:
    forms = word_forms()
    assert forms.inflect("took", "VBN") == ["taken"]
    assert forms.inflect("needs", "VB") == ["need"]
    assert forms.has("finish", "VB") and forms.has("finish", "NN") and not forms.has("finish", "VBN")
    assert forms.has("left", "VBN")
