"""Markdown for comments and instructions, sanitised: staff and students write Markdown, the
page shows only a fixed set of harmless tags (no scripts, styles, event handlers or
javascript: links), as okpy/ok did with bleach."""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "hr", "i", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}


def render(text: str | None) -> Markup:
    html = markdown.markdown(text or "", extensions=["fenced_code", "tables"])
    return Markup(nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                            url_schemes={"http", "https", "mailto"}))
