"""A web request's transaction: the caller's role and claims, as PostgREST would set them.

Routes never open connections or choose roles themselves; they write

    with api_request() as ctx:
        rows = ctx.call("select * from api.my_enrollments").fetchall()

and get the signed-in user's claims (or the anonymous role), the request's method, path
and headers, the pre-request check, and one transaction that commits or rolls back.
"""

from __future__ import annotations

from contextlib import contextmanager

from flask import Flask, current_app, request, session

from web.db import Database

_EXTENSION_KEY = "okv3_database"
_FORWARDED_HEADERS = ("user-agent", "accept", "content-type", "x-forwarded-for")


def init_app(app: Flask, dsn: str) -> None:
    app.extensions[_EXTENSION_KEY] = Database(dsn)


def database() -> Database:
    return current_app.extensions[_EXTENSION_KEY]


def current_claims() -> dict | None:
    """Claims of the signed-in browser user (set at login), or None when anonymous."""
    return session.get("claims")


@contextmanager
def api_request(claims: dict | None = None, *, read_only: bool | None = None):
    headers = {name: request.headers[name] for name in _FORWARDED_HEADERS if name in request.headers}
    with database().request(
        claims if claims is not None else current_claims(),
        method=request.method,
        path=request.path,
        headers=headers,
        cookies={},
        read_only=read_only,
    ) as ctx:
        yield ctx
