"""Code as the grading view and the student's backup page show it: highlighted on the server
by Pygments (CSS classes, one stylesheet: `stylesheet()`), cut into lines so that the template
numbers them, anchors them (`#<file>-L<n>`) and puts comments between them; and line diffs
(difflib) whose lines carry the same highlighting. Presentation only: which files a backup
has, and how many lines each, is the database's answer (app.backup_files), and the lines here
are counted the same way (split on newlines; an empty file is one empty line)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup
from pygments import __version__ as pygments_version
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_for_filename
from pygments.util import ClassNotFound

CSS_SCOPE = ".okv3-code"
# The version of the highlighting below: lines the worker highlighted ahead of grading
# (app.highlighted_files) are used only by the same version. Bump the suffix when the HTML
# this module makes changes.
HIGHLIGHTER = f"pygments-{pygments_version}/okv3-1"
# nowrap: no <pre>/<div> around the output, so it can be cut into lines; HtmlFormatter closes
# and reopens its spans at every newline, so each line is well-formed on its own.
_FORMATTER = HtmlFormatter(nowrap=True)
# Files over this many characters are shown as plain text: highlighting a minified file of a
# few megabytes costs seconds and shows nothing a grader can read.
PLAIN_TEXT_OVER = 200_000
# Files over this many lines (on either side) are not diffed: difflib can take quadratic time.
DIFF_LINES_AT_MOST = 5_000
# Spans whose class the stylesheet does not colour (names, punctuation, whitespace...) change
# nothing on the page: they are dropped, which keeps a 2,000-line view light (Pygments'
# spans never nest, and their text holds no tag).
# (Whitespace, "w", is coloured, but a colour on blanks shows nothing.)
_STYLED = frozenset(re.findall(r"\.okv3-code \.([a-z0-9]+) \{", HtmlFormatter().get_style_defs(CSS_SCOPE))) - {"w"}
_PLAIN_SPAN = re.compile(r'<span class="([a-z0-9]+)">([^<]*)</span>')


def _unstyled_to_text(match: re.Match) -> str:
    return match.group(0) if match.group(1) in _STYLED else match.group(2)


def stylesheet() -> str:
    """The one stylesheet the highlighted code needs (Pygments' default style)."""
    return HtmlFormatter().get_style_defs(CSS_SCOPE) + "\n"


def _lexer(filename: str, text: str):
    options = {"stripnl": False, "stripall": False, "ensurenl": False}
    if len(text) > PLAIN_TEXT_OVER:
        return TextLexer(**options)
    try:
        return get_lexer_for_filename(filename, **options)
    except ClassNotFound:
        return TextLexer(**options)


@lru_cache(maxsize=256)
def highlighted_lines(filename: str, text: str) -> tuple[Markup, ...]:
    """One safe HTML fragment per line of text (as many as app.backup_files counts). Backups
    never change, so a file seen again (the next grader, a diff, a reload) is not lexed again:
    the last 256 files are kept per worker process."""
    count = len(text.split("\n"))
    html = _PLAIN_SPAN.sub(_unstyled_to_text, highlight(text, _lexer(filename, text), _FORMATTER))
    lines = html.split("\n")
    return tuple(Markup(line) for line in (lines + [""] * count)[:count])


@dataclass(frozen=True)
class DiffLine:
    """A line of a diff: kind is ' ' (both sides), '-' (only before), '+' (only now) or '@'
    (a hunk header); numbers are 1-based, None on the side the line is not on."""

    kind: str
    before: int | None
    now: int | None
    html: Markup


def diff_lines(filename: str, before: str | None, now: str | None, context: int = 3) -> list[DiffLine] | None:
    """The changed hunks of a file between two versions (either may be missing: a file added or
    removed), each line highlighted as in its own version. Empty when nothing changed; None
    when either side is too long to diff (DIFF_LINES_AT_MOST lines)."""
    if before == now:
        return []
    old = before.split("\n") if before is not None else []
    new = now.split("\n") if now is not None else []
    if max(len(old), len(new)) > DIFF_LINES_AT_MOST:
        return None
    old_html = highlighted_lines(filename, before) if before is not None else ()
    new_html = highlighted_lines(filename, now) if now is not None else ()
    lines: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        header = f"@@ -{first[1] + 1},{last[2] - first[1]} +{first[3] + 1},{last[4] - first[3]} @@"
        lines.append(DiffLine("@", None, None, Markup.escape(header)))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                pairs = zip(range(i1, i2), range(j1, j2), strict=True)
                lines += [DiffLine(" ", i + 1, j + 1, new_html[j]) for i, j in pairs]
                continue
            lines += [DiffLine("-", i + 1, None, old_html[i]) for i in range(i1, i2)]
            lines += [DiffLine("+", None, j + 1, new_html[j]) for j in range(j1, j2)]
    return lines


def diffs_against(compare: dict | None, files: dict[str, str]) -> dict[str, list[DiffLine] | None] | None:
    """Every file's diff between the files a page compares with (the database's "compare":
    {"files": {name: text}}, or None: no comparison) and the backup's files, by file name."""
    if compare is None:
        return None
    before = compare.get("files") or {}
    return {filename: diff_lines(filename, before.get(filename), files.get(filename))
            for filename in sorted(set(before) | set(files))}


def shown_files(files: dict[str, str],
                highlighted: dict[str, list[str]] | None = None) -> dict[str, tuple[Markup, ...]]:
    """Every file's highlighted lines, by name: the worker's (the database's "highlighted",
    HIGHLIGHTER's HTML for exactly this file) when it has them, else highlighted now."""
    highlighted = highlighted or {}
    return {filename: (tuple(Markup(line) for line in highlighted[filename]) if filename in highlighted
                       else highlighted_lines(filename, text))
            for filename, text in sorted(files.items())}
