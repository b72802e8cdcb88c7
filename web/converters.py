"""URL converters for names that contain slashes: course offerings and assignment names.

The name format is defined once, in the database: the check `courses_offering_format` on
app.courses ("<institution>/<course>/<term><yy>", whose first word may not be one of the
site's own top-level paths) and the trigger app.tg_assignments__check_name
("<offering>/<word>"). The URL layer does not judge names: it counts path segments (three
for an offering, four for an assignment; no whitespace, so no header can be smuggled through
nginx's X-Ok-* headers), and leaves to the site's own routes the paths that start with one
of their words (read from the URL map itself, not from a list of its own), so every name the
database accepts has its URL, and a name it does not know is answered by the database (404,
with its reason). tests/py/test_names.py checks that the database reserves every such word.
"""

from __future__ import annotations

from werkzeug.routing import BaseConverter, Map, ValidationError

SEGMENT = r"[^/\s]+"
OFFERING_PATTERN = "/".join([SEGMENT] * 3)
ASSIGNMENT_PATTERN = "/".join([SEGMENT] * 4)


def site_words(url_map: Map) -> frozenset[str]:
    """The first path segments of the site's own routes (api, staff, oauth, static, ...)."""
    words = getattr(url_map, "_okv3_site_words", None)
    if words is None:
        firsts = (rule.rule.lstrip("/").split("/", 1)[0] for rule in url_map.iter_rules())
        words = frozenset(word for word in firsts if word and not word.startswith("<"))
        url_map._okv3_site_words = words
    return words


class _NameConverter(BaseConverter):
    part_isolating = False

    def to_python(self, value: str) -> str:
        if value.split("/", 1)[0] in site_words(self.map):
            raise ValidationError()  # the site's own path: let its routes answer
        return value


class OfferingConverter(_NameConverter):
    regex = OFFERING_PATTERN


class AssignmentConverter(_NameConverter):
    regex = ASSIGNMENT_PATTERN


def register(app) -> None:
    app.url_map.converters["offering"] = OfferingConverter
    app.url_map.converters["assignment"] = AssignmentConverter
