"""A web request's transaction: the caller's role and claims, as PostgREST would set them.

Routes never open connections or choose roles themselves; they write

    with api_request() as ctx:
        rows = ctx.call("select * from api.my_enrollments").fetchall()

and get the signed-in user's claims (or the anonymous role), the request's method, path
and headers, the pre-request check, and one transaction that commits or rolls back.

The signed-in user's claims are those of a browser session row (api.login, api.sudo),
kept in Flask's signed cookie. The database decides on every request whether they still
hold (auth.check_request: signed out, revoked, expired, no longer an admin). When it
refuses them (PT401), the cookie is cleared and the browser is sent to sign in again.
"""

from __future__ import annotations

from contextlib import contextmanager

import psycopg2
from flask import Flask, abort, current_app, flash, redirect, request, session, url_for
from werkzeug.exceptions import HTTPException

from web.db import DATABASE_UNAVAILABLE, Database, connection_lost

_EXTENSION_KEY = "okv3_database"
_FORWARDED_HEADERS = ("user-agent", "accept", "content-type", "x-forwarded-for")


def init_app(app: Flask, dsn: str) -> None:
    app.extensions[_EXTENSION_KEY] = Database(dsn)


def database() -> Database:
    return current_app.extensions[_EXTENSION_KEY]


def current_claims() -> dict | None:
    """Claims of the signed-in browser user (set at login), or None when anonymous."""
    return session.get("claims")


class SessionEnded(HTTPException):
    """The database refused the browser session's claims: the cookie is cleared and the
    browser sent to sign in again (a redirect, not an error page)."""

    code = 302

    def __init__(self, message: str | None = None):
        super().__init__(description=message)
        session.clear()
        flash(message or "Your session has ended; sign in again.", "error")
        target = request.full_path if request.method == "GET" else None
        self.response = redirect(url_for("login.login", next=target))


@contextmanager
def api_request(claims: dict | None = None, *, read_only: bool | None = None):
    """One request transaction as ``claims`` (service claims), or else as the signed-in
    browser session; raises SessionEnded when the session's claims are refused."""
    headers = {name: request.headers[name] for name in _FORWARDED_HEADERS if name in request.headers}
    browser = claims is None and current_claims() is not None
    try:
        with database().request(
            claims if claims is not None else current_claims(),
            method=request.method,
            path=request.path,
            headers=headers,
            cookies={},
            read_only=read_only,
        ) as ctx:
            yield ctx
    except psycopg2.Error as exc:
        if connection_lost(exc):
            # every page and action alike: 503 with the reason, not an action's flash of a
            # socket error (an HTTPException, which the routes' except clauses let through)
            abort(503, description=DATABASE_UNAVAILABLE)
        if browser and exc.pgcode == "PT401":
            detail = exc.diag.message_detail or exc.diag.message_primary
            raise SessionEnded(detail) from exc
        if request.method in ("GET", "HEAD") and exc.pgcode in ("PT403", "PT404"):
            # A page the database refuses: the error page, with the database's reason
            # (actions, which are POSTs, catch their refusals and flash them instead).
            abort(int(exc.pgcode[2:]), description=exc.diag.message_primary)
        raise
