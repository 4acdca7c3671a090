"""``--format html``: one self-contained page an editor opens in a browser.

The page holds a summary (documents, findings by category and severity),
then per document a table of figures stated without a source, a table of
names spelled more than one way, and the draft itself, line by line, with
every finding highlighted in place: its message and suggestion show on hover
and in a note beside the line. Check boxes filter by category and severity.

Nothing is fetched: the styles and the script (``assets/``) are inlined, and a
Content-Security-Policy forbids any request, so the file works offline, as a
CI artifact, or attached to an e-mail. Without JavaScript every finding is
still shown; the script only filters and links marks to notes.
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, TextIO

from prose_lint import __version__
from prose_lint.diagnostic import CATEGORIES, Diagnostic, Severity
from prose_lint.document import Document
from prose_lint.reporters import ReportOptions, summary

if TYPE_CHECKING:
    from prose_lint.api import FileResult

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CITATIONS, NAMES = "citations", "names"
# default-src 'none': the page may not load anything, not even by mistake.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@cache
def asset(name: str) -> str:
    return files("prose_lint.reporters").joinpath("assets", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Finding:
    """A diagnostic with the id its mark and note share in the page."""

    id: str
    diagnostic: Diagnostic
    line: int
    column: int


def report(results: list[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(render(results))


def render(results: list[FileResult]) -> str:
    counts = summary(results)
    linted = [r for r in results if r.document is not None]
    title = f"prose-lint report: {_problems(counts['diagnostics'])} in {_documents(counts['files'])}"
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{asset('report.css')}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>prose-lint report</h1>",
        f'<p class="totals">{esc(_problems(counts["diagnostics"]))} in {esc(_documents(counts["files"]))}</p>',
        "</header>",
        _filters(results),
        "<main>",
        _summary_section(results, linted),
    ]
    parts += [_document_section(index, result) for index, result in enumerate(linted, 1)]
    parts += [
        "</main>",
        f"<footer>Made by prose-lint {esc(__version__)}. Hover a highlighted passage or read the notes "
        "beside each line; untick a category or severity to hide its findings.</footer>",
        f"<script>\n{asset('report.js')}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _problems(number: int) -> str:
    return f"{number} {'problem' if number == 1 else 'problems'}"


def _documents(number: int) -> str:
    return f"{number} {'document' if number == 1 else 'documents'}"


def _ordered_categories(found: Iterable[str]) -> list[str]:
    """The five categories always, in their usual order, then any other category a finding names."""
    return list(CATEGORIES) + sorted(c for c in found if c not in CATEGORIES)


def _filters(results: list[FileResult]) -> str:
    categories: Counter[str] = Counter(d.category for r in results for d in r.diagnostics)
    severities: Counter[str] = Counter(d.severity.label for r in results for d in r.diagnostics)
    category_boxes = "".join(
        f'<label><input type="checkbox" data-filter="category" value="{esc(c)}" checked>'
        f'<span class="swatch" style="background: var(--{esc(c) if c in CATEGORIES else "other"})"></span>'
        f'{esc(c)} <span class="count">{categories[c]}</span></label>'
        for c in _ordered_categories(categories)
    )
    severity_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s.label}" checked>'
        f'<span class="sev {s.label}">{s.label}</span> <span class="count">{severities[s.label]}</span></label>'
        for s in SEVERITIES
    )
    return (
        '<nav id="filters" aria-label="Filter the findings">'
        f"<fieldset><legend>Categories</legend>{category_boxes}</fieldset>"
        f"<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>"
        '<label><input type="checkbox" id="compact"> only lines with findings</label>'
        "</nav>"
    )


def _summary_section(results: list[FileResult], linted: list[FileResult]) -> str:
    table: dict[str, Counter[Severity]] = defaultdict(Counter)
    for result in results:
        for diagnostic in result.diagnostics:
            table[diagnostic.category][diagnostic.severity] += 1
    head = "".join(f'<th class="num">{s.label}</th>' for s in SEVERITIES)
    rows = []
    for category in _ordered_categories(table):
        row = table.get(category, Counter())
        cells = "".join(f'<td class="num">{row[s]}</td>' for s in SEVERITIES)
        rows.append(
            f'<tr data-category="{esc(category)}"><th>{esc(category)}</th>{cells}<td class="num">{row.total()}</td></tr>'
        )
    totals = "".join(f'<td class="num">{sum(t[s] for t in table.values())}</td>' for s in SEVERITIES)
    rows.append(
        f'<tr class="total"><th>all</th>{totals}<td class="num">{sum(t.total() for t in table.values())}</td></tr>'
    )
    by_category = (
        f'<table id="by-category"><thead><tr><th>Category</th>{head}<th class="num">total</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    documents = "".join(
        f'<tr><td><a href="#doc-{index}"><code>{esc(result.path)}</code></a></td>'
        f'<td class="num">{len(result.diagnostics)}</td>'
        + "".join(
            f'<td class="num">{sum(d.severity is s for d in result.diagnostics)}</td>' for s in SEVERITIES
        )
        + "</tr>"
        for index, result in enumerate(linted, 1)
    )
    parts = [
        '<section id="summary"><h2>Summary</h2>',
        "<h3>Findings by category</h3>",
        by_category,
        "<h3>Documents</h3>",
        f'<table id="documents"><thead><tr><th>Document</th><th class="num">findings</th>{head}</tr></thead>'
        f"<tbody>{documents}</tbody></table>"
        if linted
        else '<p class="none">No document was linted.</p>',
    ]
    errors = [r.error for r in results if r.error]
    if errors:
        items = "".join(f"<li>{esc(e)}</li>" for e in errors)
        parts.append(f'<h3>Could not lint</h3><ul id="errors">{items}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


def _document_section(index: int, result: FileResult) -> str:
    findings = [
        Finding(f"f{index}-{number}", d, *result.document.position(d.start))
        for number, d in enumerate(result.diagnostics, 1)
    ]
    count = len(findings)
    return "\n".join(
        [
            f'<section class="document" id="doc-{index}" data-path="{esc(result.path)}">',
            f"<h2><code>{esc(result.path)}</code></h2>",
            f'<p class="totals">{_problems(count)}</p>',
            "<h3>Figures without a source</h3>",
            _uncited_table(result, [f for f in findings if f.diagnostic.category == CITATIONS]),
            "<h3>Names spelled more than one way</h3>",
            _names_table(result, [f for f in findings if f.diagnostic.category == NAMES]),
            "<h3>The draft</h3>",
            _draft(index, result, findings),
            "</section>",
        ]
    )


def _no_rules_of(result: FileResult, category: str) -> bool:
    config = result.config
    return config is not None and not any(rule.info.category == category for rule in config.rules)


def _uncited_table(result: FileResult, findings: list[Finding]) -> str:
    if not findings:
        if _no_rules_of(result, CITATIONS):
            return '<p class="none uncited">None found: no citation rule is turned on.</p>'
        return '<p class="none uncited">None found.</p>'
    rows = "".join(
        f'<tr><td class="num"><a href="#{f.id}">{f.line}</a></td><td>{esc(f.diagnostic.text)}</td>'
        f'<td>{esc(f.diagnostic.message)}</td><td class="rule-id">{esc(f.diagnostic.rule)}</td></tr>'
        for f in findings
    )
    return (
        '<table class="uncited"><thead><tr><th class="num">Line</th><th>Figure</th><th>Problem</th>'
        f"<th>Rule</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _names_table(result: FileResult, findings: list[Finding]) -> str:
    """One row per name: the form to write (the suggestion) and every other form found, with lines."""
    if not findings:
        if _no_rules_of(result, NAMES):
            return '<p class="none names">None found: no names rule is turned on.</p>'
        return '<p class="none names">None found.</p>'
    clusters: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        diagnostic = finding.diagnostic
        canonical = diagnostic.suggestions[0] if diagnostic.suggestions else ""
        key = canonical or " ".join(diagnostic.text.split())
        clusters[(diagnostic.rule, key)].append(finding)
    rows = []
    for (rule, _), members in clusters.items():
        canonical = members[0].diagnostic.suggestions[0] if members[0].diagnostic.suggestions else ""
        forms: dict[str, list[Finding]] = defaultdict(list)
        for finding in members:
            forms[" ".join(finding.diagnostic.text.split())].append(finding)
        found = "; ".join(
            f"{esc(form)} (line{'s' if len(seen) > 1 else ''} "
            + ", ".join(f'<a href="#{f.id}">{f.line}</a>' for f in seen)
            + ")"
            for form, seen in forms.items()
        )
        write = f"<strong>{esc(canonical)}</strong>" if canonical else "—"
        rows.append(
            f"<tr><td>{write}</td><td>{found}</td><td>{esc(members[0].diagnostic.message)}</td>"
            f'<td class="rule-id">{esc(rule)}</td></tr>'
        )
    return (
        '<table class="names"><thead><tr><th>Write</th><th>Found</th><th>Problem</th><th>Rule</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _draft(index: int, result: FileResult, findings: list[Finding]) -> str:
    """The draft line by line: each line's text with its findings marked, and their notes beside it."""
    document = result.document
    text = document.text
    starts = document.line_starts
    notes_by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        notes_by_line[finding.line].append(finding)
    spans = sorted(
        ((f.diagnostic.start, _shown_end(f.diagnostic, len(text)), f) for f in findings), key=lambda s: s[0]
    )
    active: list[tuple[int, int, Finding]] = []
    next_span = 0
    lines = []
    shown_lines = len(starts) - 1 if len(starts) > 1 and starts[-1] == len(text) else len(starts)
    for number, line_start in enumerate(starts[:shown_lines], 1):
        line_end = line_start + len(document.line_text(number))
        while next_span < len(spans) and spans[next_span][0] < max(line_end, line_start + 1):
            active.append(spans[next_span])
            next_span += 1
        active = [span for span in active if span[1] > line_start]
        here = [span for span in active if span[0] < line_end]
        source = _marked_line(document, line_start, line_end, here)
        notes = "".join(_note(f) for f in notes_by_line.get(number, ()))
        anchor = f"doc-{index}-L{number}"
        has = " has-visible" if notes else ""
        lines.append(
            f'<div class="line{has}" id="{anchor}"><a class="ln" href="#{anchor}">{number}</a>'
            f'<div class="src">{source}</div><ul class="notes">{notes}</ul></div>'
        )
    return f'<div class="draft">{"".join(lines)}</div>'


def _shown_end(diagnostic: Diagnostic, length: int) -> int:
    """A finding at a point (nothing to underline) is shown on the character after it."""
    return max(diagnostic.end, min(diagnostic.start + 1, length))


def _marked_line(document: Document, start: int, end: int, spans: list[tuple[int, int, Finding]]) -> str:
    """A line's text, escaped, with findings in ``<mark>`` and markup (not prose, not checked) dimmed."""
    markup = _markup_runs(document.text, document.prose, start, end)
    cuts = {start, end, *(max(s, start) for s, _, _ in spans), *(min(e, end) for _, e, _ in spans)}
    cuts.update(edge for run in markup for edge in run)
    pieces = []
    for left, right in itertools.pairwise(sorted(cuts)):
        piece = esc(document.text[left:right])
        if any(a <= left and right <= b for a, b in markup):
            piece = f'<span class="markup">{piece}</span>'
        covering = [f for s, e, f in spans if s <= left and e >= right]
        pieces.append(_mark(piece, covering) if covering else piece)
    return "".join(pieces)


def _markup_runs(text: str, prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of characters the document model masked (markup, code, URLs): where prose differs from text."""
    if text[start:end] == prose[start:end]:
        return []
    runs = []
    run_start = None
    for offset in range(start, end):
        masked = text[offset] != prose[offset]
        if masked and run_start is None:
            run_start = offset
        elif not masked and run_start is not None:
            runs.append((run_start, offset))
            run_start = None
    if run_start is not None:
        runs.append((run_start, end))
    return runs


def _mark(piece: str, covering: list[Finding]) -> str:
    categories = sorted({f.diagnostic.category for f in covering})
    worst = max(f.diagnostic.severity for f in covering)
    classes = " ".join(["finding", f"sev-{worst.label}", *(f"cat-{c}" for c in categories)])
    ids = " ".join(f.id for f in covering)
    tip = "\n".join(_tip(f.diagnostic) for f in covering)
    colour = esc(covering[0].diagnostic.category)
    return f'<mark class="{esc(classes)}" data-ids="{ids}" data-colour="{colour}" data-tip="{esc(tip)}">{piece}</mark>'


def _tip(diagnostic: Diagnostic) -> str:
    tip = f"{diagnostic.rule}: {diagnostic.message}"
    if diagnostic.suggestions:
        tip += " → " + ", ".join(s or "(delete)" for s in diagnostic.suggestions[:3])
    return tip


def _note(finding: Finding) -> str:
    diagnostic = finding.diagnostic
    suggestion = ""
    if diagnostic.suggestions:
        shown = ", ".join(
            f"<ins>{esc(s)}</ins>" if s else "<ins>(delete)</ins>" for s in diagnostic.suggestions[:3]
        )
        suggestion = f'<span class="suggestion">→ {shown}</span>'
    return (
        f'<li class="note cat-{esc(diagnostic.category)} sev-{diagnostic.severity.label}" id="{finding.id}" '
        f'data-category="{esc(diagnostic.category)}" data-severity="{diagnostic.severity.label}">'
        f'<span class="where">{finding.line}:{finding.column}</span> '
        f'<span class="sev">{diagnostic.severity.label}</span> '
        f'<span class="rule-id">{esc(diagnostic.rule)}</span>'
        f'<span class="message">{esc(diagnostic.message)}</span>{suggestion}</li>'
    )
