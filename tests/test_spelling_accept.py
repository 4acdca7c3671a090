"""`prose-lint accept WORD`: the config gains the words and nothing else changes."""

from __future__ import annotations

from conftest import lint, run_cli

CONFIG = """\
# House config: keep these comments.
dialect: en-GB   # British spelling

rules:
  style: info

# Words we use.
vocabulary:
  accept:
    # place names
    - Makhmour
    - 'Qayyarah'   # quoted on purpose
  reject:
    - irregardless
"""


def test_accept_inserts_the_words_and_keeps_every_other_byte(tmp_path):
    config = tmp_path / ".prose-lint.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    result = run_cli("accept", "subdistrict", "makhmour", "Hasakah", cwd=tmp_path)
    assert result.status == 0
    assert "Added to" in result.out and "subdistrict, Hasakah" in result.out
    assert "Already accepted" in result.out and "makhmour" in result.out
    expected = CONFIG.replace(
        "    - 'Qayyarah'   # quoted on purpose\n",
        "    - 'Qayyarah'   # quoted on purpose\n    - subdistrict\n    - Hasakah\n",
    )
    assert config.read_text(encoding="utf-8") == expected


def test_accepted_word_is_no_longer_flagged(tmp_path):
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("dialect: en-US\n", encoding="utf-8")
    assert lint("Each muhafaza reported.", select="spelling/unknown-word", config_path=config)
    assert run_cli("accept", "muhafaza", cwd=tmp_path).status == 0
    assert config.read_text(encoding="utf-8") == "dialect: en-US\n\nvocabulary:\n  accept:\n    - muhafaza\n"
    assert lint("Each muhafaza reported.", select="spelling/unknown-word", config_path=config) == []


def test_flow_list_and_odd_words_are_quoted_when_needed(tmp_path):
    config = tmp_path / ".prose-lint.yaml"
    config.write_text("vocabulary:\n  accept: [Raqqa]  # flow style\n", encoding="utf-8")
    assert run_cli("accept", "yes", "al-Bukamal's", cwd=tmp_path).status == 0
    assert config.read_text(encoding="utf-8") == (
        "vocabulary:\n  accept: [Raqqa, 'yes', al-Bukamal's]  # flow style\n"
    )


def test_nothing_is_written_when_every_word_is_there(tmp_path):
    config = tmp_path / ".prose-lint.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    before = config.stat().st_mtime_ns
    assert run_cli("accept", "MAKHMOUR", cwd=tmp_path).status == 0
    assert config.read_text(encoding="utf-8") == CONFIG and config.stat().st_mtime_ns == before


def test_no_config_and_broken_config_are_one_line_errors(tmp_path):
    result = run_cli("accept", "wadi", cwd=tmp_path)
    assert result.status == 2 and "no .prose-lint.yaml" in result.err
    broken = tmp_path / ".prose-lint.yaml"
    broken.write_text("vocabulary:\n  accept: [a\n", encoding="utf-8")
    result = run_cli("accept", "wadi", cwd=tmp_path)
    assert result.status == 2 and ".prose-lint.yaml:" in result.err
    assert broken.read_text(encoding="utf-8") == "vocabulary:\n  accept: [a\n"
    broken.write_text("vocabulary:\n  accept: wadi\n", encoding="utf-8")
    result = run_cli("accept", "oasis", cwd=tmp_path)
    assert result.status == 2 and "must be a list" in result.err
