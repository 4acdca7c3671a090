"""Options, house additions and errors of the citations rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, run_cli

from prose_lint.checks.sources import builtin_data
from prose_lint.packs import validate_pack
from prose_lint.yamlio import YamlError

UNCITED = "citations/uncited-figure"


def write_config(folder: Path, options: str, rule: str = UNCITED) -> Path:
    path = folder / ".prose-lint.yaml"
    body = "".join(f"      {line}\n" for line in options.strip().splitlines())
    path.write_text(f"rules:\n  {rule}:\n    options:\n{body}", encoding="utf-8")
    return path


def uncited(text: str, config: Path, fmt: str = "markdown") -> list[str]:
    return [d.text for d in lint(text, select=UNCITED, fmt=fmt, config_path=config)]


def test_a_house_adds_a_source_phrase_in_its_config(tmp_path: Path) -> None:
    sentence = "Some 312 families were displaced, courtesy of the camp committee.\n"
    assert uncited(sentence, write_config(tmp_path, "headings: false")) == ["312 families"]
    config = write_config(tmp_path, 'sources:\n  phrases: ["courtesy of"]')
    assert uncited(sentence, config) == []


def test_a_house_addition_keeps_the_builtin_cues(tmp_path: Path) -> None:
    config = write_config(tmp_path, 'sources:\n  phrases: ["courtesy of"]')
    assert uncited("According to the IOM, 312 families were displaced.\n", config) == []


def test_a_house_adds_a_word_that_makes_a_number_a_label(tmp_path: Path) -> None:
    sentence = "The talks stalled at brigade 30 headquarters.\n"
    assert uncited(sentence, write_config(tmp_path, "tables: true")) == ["30 headquarters"]
    assert uncited(sentence, write_config(tmp_path, "figures:\n  labels_before: [brigade]")) == []


def test_headings_are_checked_when_asked(tmp_path: Path) -> None:
    text = "## 312 families displaced\n\nThe report follows.\n"
    assert uncited(text, write_config(tmp_path, "headings: true")) == ["312 families"]


def test_spelled_counts_are_figures_when_asked(tmp_path: Path) -> None:
    config = write_config(tmp_path, "spelled_numbers: true")
    assert uncited("Eleven soldiers were killed at the checkpoint.\n", config) == ["Eleven soldiers"]
    assert uncited("One of the soldiers was killed.\n", config) == []


def test_fractions_are_figures_when_asked(tmp_path: Path) -> None:
    config = write_config(tmp_path, "fractions: true")
    assert uncited("Roughly a third of the clinics have closed.\n", config) == ["a third"]


def test_tables_can_be_left_alone(tmp_path: Path) -> None:
    table = "| Item | Pledged |\n|------|---------|\n| Water | $30 million |\n"
    assert uncited(table, write_config(tmp_path, "tables: false")) == []


def test_the_smallest_bare_number_is_an_option(tmp_path: Path) -> None:
    sentence = "Of the pumps, only 19 were working.\n"
    assert uncited(sentence, write_config(tmp_path, "bare_number_minimum: 100")) == []
    assert uncited(sentence, write_config(tmp_path, "bare_number_minimum: 10")) == ["19"]


def test_a_bad_house_list_is_a_config_error_with_exit_2(tmp_path: Path) -> None:
    write_config(tmp_path, "sources:\n  verbz: [tallied]")
    draft = tmp_path / "draft.md"
    draft.write_text("Some 312 families were displaced.\n", encoding="utf-8")
    run = run_cli("check", "--select", "citations", str(draft), cwd=tmp_path)
    assert run.status == 2
    [error] = run.err.splitlines()
    assert error.startswith(
        f"{tmp_path / '.prose-lint.yaml'}:2:3: 'citations/uncited-figure': option sources: unknown list 'verbz'"
    )


def test_a_house_pack_with_a_bad_list_points_at_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "category: citations\n"
        "rules:\n"
        "  house-figure:\n"
        "    kind: citation\n"
        "    description: House figures.\n"
        "    sources:\n"
        "      phrases: courtesy of\n",
        encoding="utf-8",
    )
    with pytest.raises(YamlError) as error:
        validate_pack(pack)
    assert str(error.value) == f"{pack}:7:7: sources: 'phrases' must be a list of strings"


def test_a_data_file_with_a_bad_pattern_is_rejected_at_its_line(tmp_path: Path) -> None:
    from prose_lint.checks.sources import _validate_data_file

    data = tmp_path / "sources.yaml"
    data.write_text("markers:\n  - '[unclosed'\n", encoding="utf-8")
    with pytest.raises(YamlError) as error:
        _validate_data_file(data)
    assert str(error.value).startswith(f"{data}:2:3: 'markers': invalid regular expression '[unclosed'")


def test_the_builtin_lists_are_data_a_house_can_read() -> None:
    sources = builtin_data("sources")
    assert "according to" in sources["phrases"]
    assert "said" in sources["verbs"]
    assert "a recent study" in sources["vague_subjects"]


def test_the_rules_are_listed_with_their_severity() -> None:
    run = run_cli("rules")
    lines = [line.split() for line in run.out.splitlines() if line.startswith("citations/")]
    assert [line[:4] for line in lines] == [
        [UNCITED, "citations", "warning", "A"],
        ["citations/vague-source", "citations", "info", "A"],
    ]


def test_check_exits_1_on_an_uncited_figure_and_0_on_a_vague_source(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Yet 312 families were displaced again.\n", encoding="utf-8")
    assert run_cli("check", "--select", "citations", str(draft), cwd=tmp_path).status == 1
    draft.write_text("Reports say the road is open.\n", encoding="utf-8")
    assert run_cli("check", "--select", "citations", str(draft), cwd=tmp_path).status == 0


def test_the_cover_of_a_worded_source_is_an_option(tmp_path: Path) -> None:
    text = "Unemployment rose, the ONS said. Some 296,000 more people found work.\n"
    assert uncited(text, write_config(tmp_path, "carry_over: 0")) == ["296,000"]
    assert uncited(text, write_config(tmp_path, "carry_over: 1")) == []
