"""The names: and acronyms: sections of .prose-lint.yaml: mistakes point at FILE:LINE:COL."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from prose_lint.config import load_config
from prose_lint.yamlio import YamlError


def error_of(tmp_path: Path, body: str) -> str:
    path = tmp_path / ".prose-lint.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(YamlError) as caught:
        load_config(path)
    return str(caught.value).replace(str(path), "CONFIG")


def test_canonical_must_map_names_to_variants(tmp_path):
    assert error_of(tmp_path, "names:\n  canonical: [Samarra]\n") == (
        "CONFIG:2:14: 'names.canonical' must map a name to its variants"
    )


def test_a_variant_must_be_a_string(tmp_path):
    body = "names:\n  canonical:\n    Samarra: [Samara, 3]\n"
    assert error_of(tmp_path, body) == "CONFIG:3:23: a variant of 'Samarra' must be a non-empty string"


def test_a_variant_may_not_be_the_name_itself(tmp_path):
    body = "names:\n  canonical:\n    Samarra: [Samarra]\n"
    assert error_of(tmp_path, body) == "CONFIG:3:15: 'Samarra' is the canonical spelling itself"


def test_unknown_key_under_names(tmp_path):
    assert error_of(tmp_path, "names:\n  cannonical: {}\n") == (
        "CONFIG:2:3: unknown key 'cannonical' in names (expected one of: canonical, distinct)"
    )


def test_distinct_entries_list_two_names(tmp_path):
    assert error_of(tmp_path, "names:\n  distinct:\n    - [Kirkuk]\n") == (
        "CONFIG:3:7: each 'names.distinct' entry lists two or more names"
    )


def test_known_acronyms_must_be_a_list_of_acronyms(tmp_path):
    assert (
        error_of(tmp_path, "acronyms:\n  known: SDF\n")
        == "CONFIG:2:10: 'acronyms.known' must be a list of acronyms"
    )
    assert error_of(tmp_path, "acronyms:\n  known: [SDF, 'K R G']\n") == (
        "CONFIG:2:16: 'K R G' is not an acronym (letters and digits)"
    )


def test_a_valid_section_is_read(tmp_path):
    path = tmp_path / ".prose-lint.yaml"
    path.write_text(
        "names:\n  canonical:\n    Samarra: Samara\nacronyms:\n  known: [S.D.F.]\n", encoding="utf-8"
    )
    config = load_config(path)
    assert config.section("names").canonical == (("Samarra", ("Samara",)),)
    assert config.section("acronyms").known == ("SDF",)


def test_the_cli_names_the_config_line_and_exits_2(tmp_path):
    (tmp_path / ".prose-lint.yaml").write_text("names:\n  canonical: [Samarra]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Samara is north.\n", encoding="utf-8")
    result = run_cli("check", "--no-color", str(draft))
    assert result.status == 2
    assert "2:14: 'names.canonical' must map a name to its variants" in result.err
