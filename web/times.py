"""The one way pages show a time: in the course's IANA time zone (which every page gets from
its api call, never a default here), with that zone's abbreviation at that instant, e.g.
``Fri Nov 27, 2:17 PM PST``, inside ``<time datetime="...Z">`` carrying the exact instant.
SQL-made text (reasons) uses the same shape through app.course_time_text. Pages not tied to a
course (the signed-in devices page) pass ``"UTC"`` and say so."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import Flask
from markupsafe import Markup, escape

FORMAT = "%a %b %-d, %-I:%M %p %Z"


def localtime(value: datetime | str | None, timezone: str) -> Markup:
    """``{{ ts | localtime(course.timezone) }}``: the time in that zone, with its abbreviation."""
    if value is None or value == "":
        return Markup("")
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    shown = value.astimezone(ZoneInfo(timezone)).strftime(FORMAT)
    exact = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Markup('<time datetime="{}">{}</time>').format(exact, shown)


def clocktime(value: datetime | str, timezone: str) -> str:
    """``{{ ts | clocktime(course.timezone) }}``: the time of day alone in that zone, e.g.
    ``11:58 PM`` (a chart's axis, under a heading that names the zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(ZoneInfo(timezone)).strftime("%-I:%M %p")


def zone_label(timezone: str) -> Markup:
    """``{{ timezone | zone_label }}``: what a date input says it is read in: the zone's name and
    its abbreviation today, e.g. ``America/Los_Angeles time (PST)``."""
    abbreviation = datetime.now(ZoneInfo(timezone)).strftime("%Z")
    return Markup("{} time ({})").format(escape(timezone), abbreviation)


def init_app(app: Flask) -> None:
    app.add_template_filter(localtime, "localtime")
    app.add_template_filter(zone_label, "zone_label")
    app.add_template_filter(clocktime, "clocktime")
