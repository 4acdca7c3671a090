"""``--format html``: a self-contained page, checked in headless Chromium as an editor would use it.

The browser tests need Chromium and its WebDriver (Debian: ``chromium``,
``chromium-driver``; ``.ci/run`` installs them) and selenium; without them
they skip and say why. The page is loaded from a file with the network
switched off, and every assertion is on the DOM the browser built.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from prose_lint.api import FileResult, lint_source
from prose_lint.config import load_config
from prose_lint.diagnostic import Diagnostic, Severity
from prose_lint.reporters import html as html_report
from prose_lint.source import read_source

BRIEF = EXAMPLES / "southern-nineveh-brief.md"
WATER = EXAMPLES / "deir-ez-zor-water.txt"
SELECT = "--select=grammar/repeated-word,style/currency-space,style/nonstandard-form"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)


def _chromium() -> str | None:
    for candidate in ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary, driver_path = _chromium(), shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip(
            "Chromium is absent: install the Debian packages chromium and chromium-driver (.ci/run does)"
        )
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')"
    )
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for a driver online
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    yield driver
    driver.quit()


def open_report(browser, path: Path):
    browser.get(path.as_uri())
    return browser


def cli_report(tmp_path: Path, *paths: Path) -> Path:
    target = tmp_path / "report.html"
    run = run_cli("check", "--format", "html", "--output", str(target), SELECT, *map(str, paths))
    assert run.status == 1 and target.is_file(), run.err
    return target


def table_cells(page, table: str) -> list[list[str]]:
    """The text of each cell (header cells included) of each body row of a table."""
    return page.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' tbody tr'))"
        ".map(r => Array.from(r.children).map(c => c.textContent));",
        table,
    )


def planted_result() -> FileResult:
    """The brief linted, plus citation and names findings as the rules of other branches report them."""
    result = lint_source(read_source(BRIEF), load_config(None))
    result.diagnostics = [d for d in result.diagnostics if d.rule in SELECT]
    text = result.source.text

    def add(rule: str, flagged: str, message: str, suggestions: list[str], after: str = "") -> None:
        start = text.index(flagged, text.index(after) if after else 0)
        category = rule.split("/")[0]
        diagnostic = Diagnostic(
            rule, category, Severity.WARNING, message, start, start + len(flagged), suggestions
        )
        diagnostic.text = flagged
        result.diagnostics.append(diagnostic)

    add("citations/uncited-figure", "312 families", "A figure without a source", [])
    add("citations/uncited-figure", "$ 75 million", "A figure without a source", [])
    add("names/inconsistent", "Qayara", 'Spelled "Qayyarah" elsewhere', ["Qayyarah"])
    add("names/inconsistent", "Al Jubouri", 'Spelled "al-Jubouri" elsewhere', ["al-Jubouri"])
    add("names/acronym-undefined", "ISF", '"ISF" is not defined', [])
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def test_page_is_self_contained_and_forbids_requests(tmp_path):
    page = cli_report(tmp_path, BRIEF, WATER).read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe|object|embed)\b|\bsrc=|@import|url\(", page)
    assert not re.search(r'href="(?!#)', page), "links only within the page"


def test_output_file_gets_html_while_the_terminal_gets_text(tmp_path):
    target = tmp_path / "report.html"
    run = run_cli("check", "--format", "html", "--output", str(target), SELECT, str(BRIEF))
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert "57:16  warning  style/currency-space" in run.out
    assert run.out.rstrip().endswith("Found 2 problems (2 warnings) in 1 file.")


def test_unwritable_output_is_one_line_and_exit_2(tmp_path):
    target = tmp_path / "missing-folder" / "report.html"
    run = run_cli("check", "--format", "html", "--output", str(target), str(BRIEF))
    assert run.status == 2
    assert run.err == f"prose-lint: {target}: cannot write the report: No such file or directory\n"


def test_summary_counts_in_the_browser(browser, tmp_path):
    page = open_report(browser, cli_report(tmp_path, BRIEF, WATER))
    assert page.title == "prose-lint report: 5 problems in 2 documents"
    assert table_cells(page, "#by-category") == [
        ["spelling", "0", "0", "0", "0"],
        ["grammar", "0", "2", "0", "2"],
        ["citations", "0", "0", "0", "0"],
        ["names", "0", "0", "0", "0"],
        ["style", "0", "3", "0", "3"],
        ["all", "0", "5", "0", "5"],
    ]
    documents = page.execute_script(
        "return Array.from(document.querySelectorAll('#documents tbody tr'))"
        ".map(r => [r.cells[0].textContent, r.cells[1].textContent]);"
    )
    assert documents == [[str(BRIEF), "2"], [str(WATER), "3"]]
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_every_line_of_the_draft_is_shown_as_written(browser, tmp_path):
    page = open_report(browser, cli_report(tmp_path, BRIEF))
    shown = page.execute_script(
        "return Array.from(document.querySelectorAll('#doc-1 .line .src')).map(e => e.textContent);"
    )
    assert shown == BRIEF.read_text(encoding="utf-8").splitlines()


def test_each_finding_is_marked_in_place_with_a_note_beside_its_line(browser, tmp_path):
    page = open_report(browser, cli_report(tmp_path, WATER))
    marked = page.execute_script(
        """
        const out = {};
        for (const note of document.querySelectorAll('.note')) {
          const marks = document.querySelectorAll('mark[data-ids~="' + note.id + '"]');
          out[note.querySelector('.rule-id').textContent + ' ' + note.querySelector('.where').textContent] = {
            text: Array.from(marks).map(m => m.textContent).join('|'),
            line: note.closest('.line').querySelector('.ln').textContent,
            message: note.querySelector('.message').textContent,
            suggestion: note.querySelector('.suggestion ins').textContent,
          };
        }
        return out;
        """
    )
    assert marked == {
        "style/currency-space 39:52": {
            "text": "$ 14",
            "line": "39",
            "message": 'Write "$14": no space between the currency symbol and the amount',
            "suggestion": "$14",
        },
        "style/nonstandard-form 57:38": {
            "text": "can not",
            "line": "57",
            "message": 'Write "cannot", not "can not"',
            "suggestion": "cannot",
        },
        # The span crosses a line break: one mark on each line.
        "grammar/repeated-word 64:63": {
            "text": "the|the",
            "line": "64",
            "message": 'Repeated word "the"',
            "suggestion": "the",
        },
    }


def test_hover_shows_the_message_and_lights_up_the_note(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    page = open_report(browser, cli_report(tmp_path, BRIEF))
    mark = page.find_element("css selector", "mark.cat-style")
    ActionChains(page).move_to_element(mark).perform()
    tip = page.execute_script("return getComputedStyle(arguments[0], '::after').content;", mark)
    assert 'style/currency-space: Write \\"$75\\": no space' in tip and "→ $75" in tip
    note_id = mark.get_attribute("data-ids")
    assert "active" in page.find_element("id", note_id).get_attribute("class").split()


def test_unticking_a_category_hides_its_notes_and_highlights(browser, tmp_path):
    page = open_report(browser, cli_report(tmp_path, BRIEF, WATER))
    page.find_element("css selector", "#filters input[value='grammar']").click()
    notes = page.execute_script(
        "return Array.from(document.querySelectorAll('.note')).map(n => [n.dataset.category, n.offsetParent !== null]);"
    )
    assert sorted(set(map(tuple, notes))) == [("grammar", False), ("style", True)]
    backgrounds = page.execute_script(
        "return Array.from(document.querySelectorAll('mark.finding')).map("
        "m => [m.classList.contains('cat-grammar'), getComputedStyle(m).backgroundColor]);"
    )
    assert {color for grammar, color in backgrounds if grammar} == {"rgba(0, 0, 0, 0)"}
    assert "rgba(0, 0, 0, 0)" not in {color for grammar, color in backgrounds if not grammar}
    page.find_element("id", "compact").click()
    visible_lines = page.execute_script(
        "return Array.from(document.querySelectorAll('.line')).filter(l => l.offsetParent !== null)"
        ".map(l => l.id);"
    )
    assert visible_lines == ["doc-1-L57", "doc-2-L39", "doc-2-L57"], "only lines with a style finding left"


def test_severity_filter(browser, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("We deployed in order to watch the the plan.\n", encoding="utf-8")
    target = tmp_path / "report.html"
    run_cli("check", "--format", "html", "--output", str(target), str(draft))
    page = open_report(browser, target)
    page.find_element("css selector", "#filters input[value='info']").click()
    shown = page.execute_script(
        "return Array.from(document.querySelectorAll('.note')).filter(n => !n.hidden)"
        ".map(n => n.querySelector('.rule-id').textContent);"
    )
    assert shown == ["grammar/repeated-word"]


def test_tables_of_uncited_figures_and_name_clusters(browser, tmp_path):
    target = tmp_path / "planted.html"
    target.write_text(html_report.render([planted_result()]), encoding="utf-8")
    page = open_report(browser, target)
    assert table_cells(page, "#doc-1 table.uncited") == [
        ["23", "312 families", "A figure without a source", "citations/uncited-figure"],
        ["57", "$ 75 million", "A figure without a source", "citations/uncited-figure"],
    ]
    assert table_cells(page, "#doc-1 table.names") == [
        ["Qayyarah", "Qayara (line 30)", 'Spelled "Qayyarah" elsewhere', "names/inconsistent"],
        ["al-Jubouri", "Al Jubouri (line 33)", 'Spelled "al-Jubouri" elsewhere', "names/inconsistent"],
        ["—", "ISF (line 48)", '"ISF" is not defined', "names/acronym-undefined"],
    ]
    # "$ 75" is both a style and a citations finding: the overlap is one mark carrying both.
    both = page.execute_script(
        "return Array.from(document.querySelectorAll('mark.cat-style.cat-citations')).map(m => m.textContent);"
    )
    assert both == ["$ 75"]
    page.find_element("css selector", "#filters input[value='style']").click()
    colours = page.execute_script(
        "const bg = s => getComputedStyle(document.querySelector(s)).backgroundColor;"
        "return [bg('mark.cat-style.cat-citations'), bg('mark.cat-citations:not(.cat-style)')];"
    )
    assert colours[0] == colours[1], "with style hidden, the shared passage shows the citations colour"


def test_tables_say_none_found_when_the_rules_found_nothing(browser, tmp_path):
    page = open_report(browser, cli_report(tmp_path, BRIEF))
    notes = page.execute_script(
        "return [document.querySelector('#doc-1 .none.uncited').textContent,"
        " document.querySelector('#doc-1 .none.names').textContent];"
    )
    registry = load_config(None).registry
    for text, category in zip(notes, ("citations", "names"), strict=True):
        if any(rule.info.category == category for rule in registry):
            assert text == "None found."
        else:
            assert text.startswith("None found: no ")
