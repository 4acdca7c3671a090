"""``check --fix``: apply the replacements rules are sure of, in place and safely.

Only fixes marked ``Applicability.SAFE`` are applied (``--unsafe-fixes`` adds
``UNSAFE``; display-only suggestions never are). Two fixes that touch the same
characters cannot both be right: the later one is skipped and reported, and a
second ``--fix`` run applies it if it still holds.

Writing never loses a draft: the fixed bytes go to a temporary file in the
same folder, are flushed to disk, take the file's permissions, and replace the
file by a rename, and only if the file on disk still holds exactly the bytes
that were read (an editor may have saved it meanwhile). The file keeps its
encoding, byte-order mark and line ends.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from prose_lint.diagnostic import Applicability, Diagnostic, Edit
from prose_lint.source import Source

if TYPE_CHECKING:
    from prose_lint.api import FileResult

# The byte-order marks `source.decode` accepts, longest first (UTF-32 LE's starts with UTF-16 LE's).
_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FixError(Exception):
    """A fix that could not be written; str() is one line naming the file."""


@dataclass(frozen=True)
class Skipped:
    """A fix left out because it overlaps ``blocker``, a fix applied before it."""

    diagnostic: Diagnostic
    blocker: Diagnostic


@dataclass
class FixPlan:
    """The fixes chosen for one draft and the text they produce."""

    result: FileResult
    new_text: str
    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied) and self.new_text != self.result.source.text


def plan_fixes(result: FileResult, unsafe: bool = False) -> FixPlan:
    """Choose the fixes to apply to one linted draft, in order, skipping any that overlap."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    text = result.source.text
    plan = FixPlan(result, text)
    taken: list[tuple[int, int, Diagnostic]] = []  # disjoint edits, sorted by start
    edits: list[Edit] = []
    for diagnostic in result.diagnostics:
        fix = diagnostic.fix
        if fix is None or fix.applicability not in allowed or not fix.edits:
            continue
        blocker = _first_overlap(taken, fix.edits)
        if blocker is not None:
            plan.skipped.append(Skipped(diagnostic, blocker))
            continue
        for edit in fix.edits:
            bisect.insort(taken, (edit.start, edit.end, diagnostic), key=lambda item: item[0])
        edits.extend(fix.edits)
        plan.applied.append(diagnostic)
    plan.new_text = apply_edits(text, edits, result.source.newline)
    return plan


def _first_overlap(taken: list[tuple[int, int, Diagnostic]], edits: tuple[Edit, ...]) -> Diagnostic | None:
    """The diagnostic whose accepted edit shares characters (or a start) with one of ``edits``."""
    for edit in edits:
        index = bisect.bisect_left(taken, edit.start, key=lambda item: item[0])
        for start, end, owner in taken[max(0, index - 1) : index + 1]:
            if start == edit.start or (start < edit.end and edit.start < end):
                return owner
    return None


def apply_edits(text: str, edits: list[Edit], newline: str = "\n") -> str:
    """``text`` with disjoint edits applied; a line end inside a replacement takes the file's own."""
    pieces = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        replacement = edit.replacement
        if newline != "\n" and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        pieces.append(replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def encode_like(source: Source, text: str) -> bytes:
    """``text`` in the encoding the draft was read in, with the same byte-order mark."""
    if source.encoding == "utf-8":
        return (codecs.BOM_UTF8 if source.bom else b"") + text.encode("utf-8")
    for bom, codec in _BOM_CODECS:
        if source.raw.startswith(bom):
            return bom + text.encode(codec)
    raise FixError(f"{source.path}: cannot tell how to write {source.encoding} back; not fixed")


def fixed_bytes(plan: FixPlan) -> bytes:
    """The bytes of the fixed draft; refuses a file whose bytes would not survive a round trip."""
    source = plan.result.source
    if encode_like(source, source.text) != source.raw:
        raise FixError(f"{source.path}: its bytes do not survive re-encoding as {source.encoding}; not fixed")
    return encode_like(source, plan.new_text)


def write_fixed(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file at ``path`` by ``data`` atomically, if it still holds ``expected``."""
    target = Path(os.path.realpath(path))  # through a symlink: fix the file, keep the link
    try:
        mode = target.stat()
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".prose-lint", dir=target.parent
        )
    except OSError as err:
        raise FixError(f"{path}: cannot write the fixed file: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(mode.st_mode))
        _keep_owner(temporary, mode)
        if target.read_bytes() != expected:
            raise FixError(f"{path}: changed since it was read; not fixed (run prose-lint again)")
        os.replace(temporary, target)
    except OSError as err:
        _remove(temporary)
        raise FixError(f"{path}: cannot write the fixed file: {err.strerror or err}") from None
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(target.parent)


def _keep_owner(temporary: str, mode: os.stat_result) -> None:
    if hasattr(os, "chown") and (mode.st_uid, mode.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only the owner's group, or root, may give a file away
            os.chown(temporary, mode.st_uid, mode.st_gid)


def _remove(temporary: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders cannot be opened, there is nothing to do."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def unified_diff(plan: FixPlan) -> str:
    """The change ``--fix`` would make, as a unified diff with ``a/`` and ``b/`` paths."""
    path = plan.result.path.replace(os.sep, "/")
    lines = difflib.unified_diff(
        plan.result.source.text.splitlines(keepends=True),
        plan.new_text.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass
class FixRun:
    """What ``--fix`` or ``--diff`` did over all drafts."""

    fixed: int = 0  # problems fixed (or that would be, with --diff)
    files: int = 0
    failed: bool = False


def fix_results(
    results: list[FileResult],
    *,
    unsafe: bool,
    diff_only: bool,
    relint: Callable[[FileResult, Source], FileResult],
    is_stdin: Callable[[FileResult], bool],
    out: TextIO,
    err: TextIO,
) -> FixRun:
    """Fix (or, with ``diff_only``, print the diff of) each draft; replace fixed drafts' results by a fresh lint.

    A draft read from standard input is written, fixed or not, to ``out`` as
    bytes in its own encoding; the others are rewritten in place. Every
    skipped fix and every file that could not be written is one line on ``err``.
    """
    run = FixRun()
    for index, result in enumerate(results):
        if result.source is None or result.document is None:
            continue
        plan, last = converge(result, unsafe, relint)
        for skipped in plan.skipped:
            err.write(_skipped_line(last, skipped) + "\n")
        stdin = is_stdin(result)
        if not plan.changed and not (stdin and not diff_only):
            continue
        if diff_only:
            out.write(unified_diff(plan))
        else:
            try:
                data = fixed_bytes(plan)
                if stdin:
                    _write_source(out, data, plan.new_text)
                else:
                    write_fixed(result.path, data, result.source.raw)
            except FixError as error:
                err.write(f"prose-lint: {error}\n")
                run.failed = True
                continue
            if not plan.changed:
                continue
            err.write(f"{result.path}: fixed {_count(len(plan.applied))} ({_rules(plan.applied)})\n")
            source = result.source
            fixed = Source(source.path, plan.new_text, source.format, source.encoding, source.bom, data)
            results[index] = relint(result, fixed)
        run.fixed += len(plan.applied)
        run.files += 1
    return run


# Fixes are applied in turns, each on the text the last one left (fixes that
# overlapped, or a fix that revealed another: "the the the" -> "the the"), so
# that one --fix leaves nothing a second --fix would change.
MAX_FIX_PASSES = 10


def converge(
    result: FileResult, unsafe: bool, relint: Callable[[FileResult, Source], FileResult]
) -> tuple[FixPlan, FileResult]:
    """Plan, apply in memory and re-lint until a turn changes nothing.

    Returns the plan from the original text to the final one (``applied``
    holds every fix of every turn), and the lint of the last intermediate text,
    against which any fix still left out after ``MAX_FIX_PASSES`` is reported.
    """
    original = result.source
    plan = plan_fixes(result, unsafe)
    applied = list(plan.applied)
    current = result
    for _ in range(MAX_FIX_PASSES - 1):
        if not plan.changed:
            break
        raw = encode_like(original, plan.new_text)
        source = Source(original.path, plan.new_text, original.format, original.encoding, original.bom, raw)
        current = relint(current, source)
        plan = plan_fixes(current, unsafe)
        applied.extend(plan.applied)
    return FixPlan(result, plan.new_text, applied, plan.skipped), current


def fix_summary(run: FixRun, diff_only: bool) -> str:
    files = f"{run.files} {'file' if run.files == 1 else 'files'}"
    if diff_only:
        return f"Would fix {_count(run.fixed)} in {files}." if run.fixed else "No fixes to apply."
    return f"Fixed {_count(run.fixed)} in {files}." if run.fixed else "No fixes applied."


def _count(number: int) -> str:
    return f"{number} {'problem' if number == 1 else 'problems'}"


def _rules(applied: list[Diagnostic]) -> str:
    counts = Counter(d.rule for d in applied)
    return ", ".join(f"{rule} ×{n}" if n > 1 else rule for rule, n in sorted(counts.items()))


def _skipped_line(result: FileResult, skipped: Skipped) -> str:
    line, column = result.document.position(skipped.diagnostic.start)
    other_line, other_column = result.document.position(skipped.blocker.start)
    return (
        f"{result.path}:{line}:{column}: fix for {skipped.diagnostic.rule} not applied: it overlaps the fix "
        f"for {skipped.blocker.rule} at {other_line}:{other_column} (they still overlap after every turn; fix it by hand)"
    )


def _write_source(out: TextIO, data: bytes, text: str) -> None:
    """The fixed draft on a stream: its own bytes where the stream has a binary side, else the text."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # an in-memory stream (tests, a program embedding prose-lint)
        out.write(text)
        return
    out.flush()
    buffer.write(data)
    buffer.flush()
