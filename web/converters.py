"""URL converters for names that contain slashes: course offerings and assignment names.

The name format is defined once, in the database: the check `courses_offering_format` on
app.courses ("<institution>/<course>/<term><yy>", with words reserved for the site's own
paths) and the trigger app.tg_assignments__check_name ("<offering>/<word>"). The URL layer
does not judge names: it only counts path segments (three for an offering, four for an
assignment), so every name the database accepts has its URL, and a name it does not know is
answered by the database (404 with its reason).
"""

from __future__ import annotations

from werkzeug.routing import BaseConverter

SEGMENT = r"[^/]+"
OFFERING_PATTERN = "/".join([SEGMENT] * 3)
ASSIGNMENT_PATTERN = "/".join([SEGMENT] * 4)


class OfferingConverter(BaseConverter):
    regex = OFFERING_PATTERN
    part_isolating = False


class AssignmentConverter(BaseConverter):
    regex = ASSIGNMENT_PATTERN
    part_isolating = False


def register(app) -> None:
    app.url_map.converters["offering"] = OfferingConverter
    app.url_map.converters["assignment"] = AssignmentConverter
