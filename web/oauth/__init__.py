"""OK as an OAuth2 provider for ok-client and other tools (RFC 6749 authorization code and
refresh token grants, RFC 7009 revocation), plus the sign-in pages (web/oauth/login.py).

Every decision (client and secret, redirect URI, scope, code validity, token lifetime
bookkeeping, revocation) is made by api functions; this module renders pages, moves
parameters, and signs the claims the database returns into JWTs (web/tokens.py).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import jwt
import psycopg2
from flask import Blueprint, Flask, current_app, jsonify, redirect, render_template, request, session, url_for

from web import csrf, settings, tokens
from web.request_db import api_request, current_claims

blueprint = Blueprint("oauth", __name__, template_folder="templates")
token_endpoint = Blueprint("oauth_token", __name__)  # non-browser endpoints: no CSRF, no cookies

OOB = "urn:ietf:wg:oauth:2.0:oob"
AUTH_CLAIMS = {"role": "ok_auth", "actor": "oauth"}
SCOPE_TEXT = {
    "all": "View your OK account and everything in it, and create backups and submissions on your behalf"
           " (for staff: also view your students' data).",
    "email": "View your email address and your course enrollments.",
}


def _with_query(uri: str, params: dict) -> str:
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True) + [(k, v) for k, v in params.items() if v is not None]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _error_page(error: str, description: str, status: int = 400):
    return render_template("oauth/error.html", error=error, description=description), status


def _client_info(client_id: str | None, redirect_uri: str | None):
    with api_request(AUTH_CLAIMS) as ctx:
        return ctx.call(
            "select api.oauth_client_info(client_id => %s, redirect_uri => %s)", (client_id, redirect_uri)
        ).fetchone()[0]


@blueprint.route("/oauth/authorize", methods=["GET", "POST"])
def authorize():
    args = request.args
    client_id, redirect_uri = args.get("client_id"), args.get("redirect_uri")
    scope, state = args.get("scope") or "all", args.get("state")
    client = _client_info(client_id, redirect_uri)
    # Errors about the client or redirect URI are shown here: redirecting would trust them.
    if client is None:
        return _error_page("invalid_client", f"There is no active OAuth client {client_id!r}.")
    if not client["redirect_ok"]:
        return _error_page("invalid_request", "That redirect URI is not registered for this client.")
    if args.get("response_type", "code") != "code":
        return redirect(_with_query(redirect_uri, {"error": "unsupported_response_type", "state": state}))
    if not current_claims():
        return redirect(url_for("login.login", login_hint=args.get("login_hint"), next=request.full_path))
    if request.method == "GET":
        return render_template(
            "oauth/consent.html", client=client, scopes=[(s, SCOPE_TEXT.get(s, s)) for s in scope.split()],
            claims=current_claims(), login_hint=args.get("login_hint"),
        )
    if request.form.get("confirm") != "yes":
        return redirect(_with_query(redirect_uri, {"error": "access_denied", "state": state}))
    try:
        with api_request() as ctx:
            code = ctx.call(
                "select api.oauth_authorize(client_id => %s, redirect_uri => %s, scope => %s, "
                "code_challenge => %s, code_challenge_method => %s)",
                (client_id, redirect_uri, scope, args.get("code_challenge") or None,
                 args.get("code_challenge_method") or None),
            ).fetchone()[0]
    except psycopg2.Error as exc:
        error = exc.diag.message_primary or "invalid_request"
        if redirect_uri == OOB:
            return _error_page(error, exc.diag.message_detail or "")
        return redirect(_with_query(redirect_uri, {"error": error, "error_description": exc.diag.message_detail,
                                                   "state": state}))
    if redirect_uri == OOB:
        # The code goes to /oauth/code through the session, never in a URL (which would reach
        # browser history, logs and Referer headers).
        session["oauth_code"] = code
        return redirect(url_for("oauth.show_code"))
    return redirect(_with_query(redirect_uri, {"code": code, "state": state}))


@blueprint.get("/oauth/code")
def show_code():
    """The out-of-band code, shown only to the user it was issued to while it is unused and
    unexpired (api.oauth_code_pending); a ?code= in the URL is ignored."""
    if not current_claims():
        return redirect(url_for("login.login", next=url_for("oauth.show_code")))
    code = session.get("oauth_code")
    pending = False
    if code:
        with api_request() as ctx:
            pending = ctx.call("select api.oauth_code_pending(code => %s)", (code,)).fetchone()[0]
    if not pending:
        session.pop("oauth_code", None)
    page = render_template("oauth/code.html", code=code if pending else None, claims=current_claims())
    response = current_app.make_response((page, 200 if pending else 404))
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.get("/client/login/")
def client_login():
    """ok-client's terminal flow: it prints this URL and asks for the code shown at the end."""
    return redirect(url_for(
        "oauth.authorize", client_id="ok-client", redirect_uri=OOB, response_type="code", scope="all",
    ))


@blueprint.get("/oauth/errors")
def errors():
    return _error_page(request.args.get("error", "error"), request.args.get("error_description", ""))


@blueprint.post("/oauth/reauthenticate")
def reauthenticate():
    """"Use a different account": sign out, then start the same authorization again. A POST
    with the CSRF token (checked by web/csrf.py), so no link or image can sign anyone out."""
    from web.oauth.login import end_browser_session

    end_browser_session()
    return redirect(url_for("oauth.authorize", **request.args))


def _token_error(error: str, description: str):
    status = 401 if error == "invalid_client" else 400
    response = jsonify({"error": error, "error_description": description})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _token_reply(issued: dict):
    body = {
        "access_token": tokens.sign(issued["claims"]),
        "token_type": "Bearer",
        "expires_in": issued["expires_in"],
        "refresh_token": issued["refresh_token"],
        "scope": issued["scope"],
    }
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    return response


def _client_credentials() -> tuple[str | None, str | None]:
    if request.authorization and request.authorization.type == "basic":
        return request.authorization.username, request.authorization.password
    return request.form.get("client_id"), request.form.get("client_secret")


@token_endpoint.post("/oauth/token")
def token():
    form = request.form
    client_id, client_secret = _client_credentials()
    config = current_app.config
    grant_type = form.get("grant_type")
    with api_request(AUTH_CLAIMS, read_only=False) as ctx:
        if grant_type == "authorization_code":
            issued = ctx.call(
                "select api.oauth_exchange_code(client_id => %s, client_secret => %s, code => %s, "
                "redirect_uri => %s, access_ttl => %s, refresh_ttl => %s, code_verifier => %s)",
                (client_id, client_secret, form.get("code"), form.get("redirect_uri"),
                 config["OK_ACCESS_TOKEN_LIFETIME"], config["OK_REFRESH_TOKEN_LIFETIME"],
                 form.get("code_verifier") or None),
            ).fetchone()[0]
        elif grant_type == "refresh_token":
            issued = ctx.call(
                "select api.oauth_refresh(client_id => %s, client_secret => %s, refresh_token => %s, "
                "access_ttl => %s)",
                (client_id, client_secret, form.get("refresh_token"), config["OK_ACCESS_TOKEN_LIFETIME"]),
            ).fetchone()[0]
        elif not grant_type:
            return _token_error("invalid_request", "grant_type is required")
        else:
            return _token_error("unsupported_grant_type", f"grant_type {grant_type!r} is not supported")
    if "error" in issued:
        return _token_error(issued["error"], issued["error_description"])
    return _token_reply(issued)


@token_endpoint.post("/oauth/revoke")
def revoke():
    client_id, client_secret = _client_credentials()
    value = request.form.get("token", "")
    jti = None
    if value.count(".") == 2:
        try:  # an access token: revoke its pair by jti, even if it has expired
            jti = tokens.verify(value, verify_exp=False).get("jti")
        except jwt.InvalidTokenError:
            jti = None
    with api_request(AUTH_CLAIMS, read_only=False) as ctx:
        ok = ctx.call(
            "select api.oauth_revoke(client_id => %s, client_secret => %s, refresh_token => %s, jti => %s)",
            (client_id, client_secret, None if jti else value, jti),
        ).fetchone()[0]
    if not ok:
        return _token_error("invalid_client", "Unknown client or wrong secret")
    return ("", 200)


def init_app(app: Flask) -> None:
    from web.oauth import login

    app.config.setdefault("OK_ACCESS_TOKEN_LIFETIME", settings.access_token_lifetime(app.config["OK_ENV"]))
    app.config.setdefault("OK_REFRESH_TOKEN_LIFETIME", settings.refresh_token_lifetime())
    csrf.exempt_blueprint("oauth_token")
    app.register_blueprint(blueprint)
    app.register_blueprint(token_endpoint)
    login.init_app(app)

