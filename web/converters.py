"""URL converters for names that contain slashes: offerings and assignment names."""

from __future__ import annotations

from werkzeug.routing import BaseConverter

OFFERING_PATTERN = r"[\w\-]+/[\w\-]+/(?:fa|sp|su|wi|au|yr)\d\d"


class OfferingConverter(BaseConverter):
    regex = OFFERING_PATTERN
    part_isolating = False


class AssignmentConverter(BaseConverter):
    regex = OFFERING_PATTERN + r"/\w+"
    part_isolating = False


def register(app) -> None:
    app.url_map.converters["offering"] = OfferingConverter
    app.url_map.converters["assignment"] = AssignmentConverter
