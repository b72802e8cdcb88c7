"""CSRF protection for every form: a per-session token checked on unsafe methods.

Forms render ``{{ csrf_field() }}``; scripts may send the token as X-CSRF-Token.
Blueprints that serve non-browser clients (the /api/v3 shim, the OAuth token endpoint)
are exempted by name with ``exempt_blueprint``; they authenticate by bearer token, not
by cookie, so a forged cross-site request carries no credentials.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, abort, request, session
from markupsafe import Markup, escape

_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
_exempt: set[str] = set()


def exempt_blueprint(name: str) -> None:
    _exempt.add(name)


def token() -> str:
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


def field() -> Markup:
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(escape(token()))


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csrf_token"] = token
    app.jinja_env.globals["csrf_field"] = field

    @app.before_request
    def check_csrf():
        if request.method in _SAFE_METHODS or request.blueprint in _exempt:
            return None
        if request.routing_exception is not None:
            return None  # no view will run: let the 404 or 405 through (e.g. PUT on /api/v3)
        sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
        expected = session.get("csrf_token")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400, description="The form expired or did not come from this site; reload and try again.")
        return None
