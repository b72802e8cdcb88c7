"""The sidebar and the course switcher of every page: the signed-in user's courses, from one
api call (api.my_navigation), made only when the layout asks for it (fragments and redirects
never pay for it) and at most once per request."""

from __future__ import annotations

import psycopg2
from flask import Flask, g

from web import request_db


def navigation() -> dict | None:
    """{"is_admin", "courses": [...]} for the signed-in user, or None (signed out, or the
    database refused: a page still renders, without the course list)."""
    if "okv3_navigation" not in g:
        found = None
        if request_db.current_claims():
            try:
                with request_db.api_request(read_only=True) as ctx:
                    found = ctx.call("select api.my_navigation()").fetchone()[0]
            except (psycopg2.Error, request_db.SessionEnded):
                found = None
        g.okv3_navigation = found
    return g.okv3_navigation


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"navigation": navigation})
