"""The /api/v3 shim: serves ok-client's URLs by replaying PostgREST's /rpc call.

In production nginx maps these URLs onto PostgREST (deploy/nginx.conf). Here, one view
serves every route of web/api_v3/routes.py: it authenticates the token as PostgREST does
(an HS256 JWT, from ``Authorization: Bearer`` or ``?access_token=``), turns path parts and
query options into x-ok-* headers and the body into named arguments, and hands over to
web.postgrest.call. No endpoint has logic of its own here: answers, status codes and
envelopes come from the api functions.
"""

from __future__ import annotations

import difflib

import jwt
import psycopg2
from flask import Blueprint, Flask, abort, current_app, g, jsonify, request, session
from werkzeug.exceptions import HTTPException

from web import csrf, jsonbody, postgrest, tokens
from web.api_v3.routes import ROUTES, Route
from web.db import DATABASE_UNAVAILABLE, connection_lost, http_status_for
from web.request_db import database

blueprint = Blueprint("api_v3", __name__)
# PostgREST's /rpc, served by the app only in development and test (see rpc()).
rpc_blueprint = Blueprint("rpc", __name__)
_BY_ENDPOINT: dict[str, Route] = {}
_PASSED_HEADERS = ("user-agent", "content-type", "accept")


def envelope(status: int, message, data=None):
    """An error answered by the shim itself (before any api function runs)."""
    response = jsonify({"code": status, "message": message, "data": {} if data is None else data})
    response.status_code = status
    return response


def _claims() -> tuple[dict | None, str | None]:
    """Claims of the request's token, or of the signed-in browser for safe methods."""
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else request.args.get("access_token")
    if token:
        try:
            return tokens.verify(token), None
        except jwt.ExpiredSignatureError:
            return None, "Token expired"
        except jwt.InvalidTokenError:
            return None, "Invalid token"
    # A browser session may read the API (as in okpy/ok) but not write through it: the API
    # is CSRF-exempt, so cookie-authenticated writes would be forgeable.
    if request.method in ("GET", "HEAD") and session.get("claims"):
        return session["claims"], None
    return None, None


def _arguments() -> tuple[dict, bytes | None]:
    """A POST's named arguments, and the raw JSON body to bind as they are (None for forms).

    A JSON body is read once, as bytes, and never parsed here: jsonbody.inspect() finds its
    top-level keys and refuses deep nesting; PostgreSQL parses it (as PostgREST would)."""
    if request.method in ("GET", "HEAD"):
        return {}, None
    if request.is_json:
        body = request.get_data(cache=False)
        keys = jsonbody.inspect(body, current_app.config["OK_MAX_JSON_DEPTH"])
        return dict.fromkeys(keys), body
    return request.form.to_dict(), None


def dispatch(**path_parts):
    route = _BY_ENDPOINT[request.url_rule.endpoint]
    claims, token_error = _claims()
    if token_error:
        return envelope(401, token_error)
    headers = {name: request.headers[name] for name in _PASSED_HEADERS if name in request.headers}
    headers.update({f"x-ok-{part.replace('_', '-')}": value for part, value in path_parts.items()})
    # The front door says when it received the request, as nginx does ("t=${msec}"), never
    # the client: the deadline board's intake latency (app.queued_ms).
    headers["x-request-start"] = f"t={g.okv3_trace['received']:.3f}"
    for option in route.query + ("envelope",):
        if option in request.args:
            headers[f"x-ok-{option.replace('_', '-')}"] = request.args[option]
    try:
        arguments, raw_body = _arguments()
        result = postgrest.call(
            database(), current_app.extensions["okv3_schema_cache"], route.function, arguments,
            raw_body=raw_body, claims=claims, method=request.method, path=request.path, headers=headers,
        )
    except (ValueError, postgrest.UnexpectedArguments) as exc:
        return envelope(400, str(exc))
    except psycopg2.Error as exc:
        if connection_lost(exc):
            return envelope(503, DATABASE_UNAVAILABLE)
        status = http_status_for(exc.pgcode, claims is not None)
        return envelope(status, exc.diag.message_primary or "Database error")
    response = jsonify(result.body)
    status = result.status or 200
    response.status_code = status
    for header in result.headers:
        response.headers.extend(header)
    return response


def error_envelope(error: HTTPException):
    """HTTP errors under /api/ in the OK envelope (unknown paths get a "did you mean",
    unsupported methods 405 with Allow, bodies over the limit 413)."""
    if error.code == 404:
        message = f"The requested URL {request.path} was not found on this server."
        return envelope(404, message + _suggest(request.path))
    if error.code == 413:
        limit = current_app.config["MAX_CONTENT_LENGTH"]
        return envelope(413, f"The request body is larger than the limit of {limit} bytes ({limit / 1048576:g} MiB)")
    response = envelope(error.code or 500, error.description or error.name)
    if error.code == 405:
        response.headers["Allow"] = ", ".join(sorted(getattr(error, "valid_methods", None) or ()))
    return response


for _route in ROUTES:
    _endpoint = f"{_route.function}:{_route.method}:{_route.rule}"
    _BY_ENDPOINT[f"api_v3.{_endpoint}"] = _route
    blueprint.add_url_rule(_route.rule, _endpoint, dispatch, methods=[_route.method])


@rpc_blueprint.route("/rpc/<function>", methods=["GET", "POST"])
def rpc(function: str):
    """PostgREST's /rpc/<function>, for development and tests where PostgREST is not installed
    (deploy/nginx.conf is tested against it). The route exists only when OK_ENV is development
    or test (init_app); in production PostgREST serves /rpc behind nginx."""
    if current_app.config["OK_ENV"] not in ("development", "test"):
        abort(404)
    header = request.headers.get("Authorization", "")
    claims = None
    if header.lower().startswith("bearer "):
        try:
            claims = tokens.verify(header[7:].strip())
        except jwt.InvalidTokenError as exc:
            return jsonify({"code": "PGRST301", "message": str(exc), "details": None, "hint": None}), 401
    try:
        arguments, raw_body = (request.args.to_dict(), None) if request.method == "GET" else _arguments()
    except ValueError as exc:
        return jsonify({"code": "PGRST102", "message": str(exc), "details": None, "hint": None}), 400
    try:
        result = postgrest.call(
            database(), current_app.extensions["okv3_schema_cache"], function, arguments, raw_body=raw_body,
            claims=claims, method=request.method, path=request.path,
            headers={name.lower(): value for name, value in request.headers.items()},
        )
    except postgrest.UnknownFunction:
        return jsonify({"code": "PGRST202", "message": f"Could not find the function api.{function}"}), 404
    except postgrest.UnexpectedArguments as exc:
        return jsonify({"code": "PGRST202", "message": str(exc)}), 404
    except psycopg2.Error as exc:
        if connection_lost(exc):  # PostgREST's own answer when it cannot reach the database
            return jsonify({"code": "PGRST001", "message": DATABASE_UNAVAILABLE, "details": None, "hint": None}), 503
        status = http_status_for(exc.pgcode, claims is not None)
        return jsonify({"code": exc.pgcode, "message": exc.diag.message_primary, "details": exc.diag.message_detail,
                        "hint": exc.diag.message_hint}), status
    response = jsonify(result.body)
    response.status_code = result.status or 200
    return response


def _suggest(path: str) -> str:
    rules = sorted({route.rule for route in ROUTES})
    close = difflib.get_close_matches(path, rules, n=1, cutoff=0.5)
    return f" Did you mean {close[0]}?" if close else ""


def init_app(app: Flask) -> None:
    from web.converters import register

    register(app)
    app.extensions["okv3_schema_cache"] = postgrest.SchemaCache(app.extensions["okv3_database"])
    csrf.exempt_blueprint("api_v3")
    app.register_blueprint(blueprint)
    if app.config["OK_ENV"] in ("development", "test"):
        csrf.exempt_blueprint("rpc")
        app.register_blueprint(rpc_blueprint)
