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

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_for_filename
from pygments.util import ClassNotFound

CSS_SCOPE = ".okv3-code"
# nowrap: no <pre>/<div> around the output, so it can be cut into lines; HtmlFormatter closes
# and reopens its spans at every newline, so each line is well-formed on its own.
_FORMATTER = HtmlFormatter(nowrap=True)
# Lines over this many characters are shown as plain text: highlighting a minified file of a
# few megabytes costs seconds and shows nothing a grader can read.
PLAIN_TEXT_OVER = 200_000
# Whitespace needs no colour: its spans are dropped, which keeps a 2,000-line view light.
_WHITESPACE_SPAN = re.compile(r'<span class="w">(\s*)</span>')


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


def highlighted_lines(filename: str, text: str) -> list[Markup]:
    """One safe HTML fragment per line of text (as many as app.backup_files counts)."""
    count = len(text.split("\n"))
    lines = _WHITESPACE_SPAN.sub(r"\1", highlight(text, _lexer(filename, text), _FORMATTER)).split("\n")
    return [Markup(line) for line in (lines + [""] * count)[:count]]


@dataclass(frozen=True)
class DiffLine:
    """A line of a diff: kind is ' ' (both sides), '-' (only before), '+' (only now) or '@'
    (a hunk header); numbers are 1-based, None on the side the line is not on."""

    kind: str
    before: int | None
    now: int | None
    html: Markup


def diff_lines(filename: str, before: str | None, now: str | None, context: int = 3) -> list[DiffLine]:
    """The changed hunks of a file between two versions (either may be missing), each line
    highlighted as in its own version. Empty when nothing changed."""
    before_text, now_text = before or "", now or ""
    if before_text == now_text:
        return []
    old = before_text.split("\n") if before is not None else []
    new = now_text.split("\n") if now is not None else []
    old_html = highlighted_lines(filename, before_text) if before is not None else []
    new_html = highlighted_lines(filename, now_text) if now is not None else []
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
