"""Signing in to the web pages.

- OpenID Connect through Authlib: a Google preset (OK_GOOGLE_CLIENT_ID/SECRET) or any issuer
  (OK_OIDC_ISSUER, OK_OIDC_CLIENT_ID, OK_OIDC_CLIENT_SECRET). Users are matched by verified
  email and created on first login (api.login).
- A development login (only when OK_ENV is development or test; OK_ENV unset is production,
  where the route does not exist): one-click demo users and a free email box.
- POST /logout/ (CSRF-checked) revokes the browser session (api.logout).
- /sudo/<email> for site admins starts an audited impersonation session (api.sudo);
  POST /unsudo/ ends it and returns to the admin's own session (api.stop_sudo).

Every sign-in is a session row in the database (api.login); the signed cookie holds its
claims, which the database re-checks on every request (web/request_db.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import psycopg2
from authlib.integrations.flask_client import OAuth
from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, session, url_for

from web import settings
from web.request_db import SessionEnded, api_request, current_claims

blueprint = Blueprint("login", __name__, template_folder="templates")
# Passwordless sign-in as anyone: registered only in development and test (init_app).
dev_blueprint = Blueprint("dev_login", __name__)
AUTH_CLAIMS = {"role": "ok_auth", "actor": "login"}
DEMO_USERS = (
    "admin@example.edu", "instructor@example.edu", "ta@example.edu", "reader@example.edu",
    "lab@example.edu", "student01@example.edu", "student02@example.edu",
)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect would make our login page a phishing tool."""
    if not target:
        return url_for("student.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("student.index")
    return target


def end_browser_session() -> None:
    """Revoke the browser's session in the database (a copied cookie stops working), then
    forget it here. A session the database already refuses is simply forgotten."""
    if current_claims():
        try:
            with api_request(read_only=False) as ctx:
                ctx.call("select api.logout()")
        except SessionEnded:
            pass
    session.clear()


def _start_session(claims: dict) -> None:
    session.clear()
    session.permanent = True  # the cookie expires with the session row
    session["claims"] = claims


def _sign_in(email: str, name: str | None) -> None:
    with api_request(AUTH_CLAIMS, read_only=False) as ctx:
        claims = ctx.call(
            "select api.login(email => %s, name => %s, lifetime => %s)",
            (email, name, current_app.config["OK_SESSION_LIFETIME"]),
        ).fetchone()[0]
    end_browser_session()  # a browser that signs in again leaves no live session behind
    _start_session(claims)


def _dev_login_enabled() -> bool:
    return current_app.config["OK_ENV"] in ("development", "test")


@blueprint.get("/login/")
def login():
    next_url = _safe_next(request.args.get("next"))
    session["after_login"] = next_url
    provider = current_app.config.get("OK_OIDC_PROVIDER")
    if provider and not _dev_login_enabled():
        return redirect(url_for("login.oidc_start", login_hint=request.args.get("login_hint")))
    if not _dev_login_enabled():
        abort(503, description="No sign-in provider is configured (set OK_OIDC_ISSUER or OK_GOOGLE_CLIENT_ID).")
    return render_template(
        "oauth/login.html", demo_users=DEMO_USERS, login_hint=request.args.get("login_hint") or "",
        provider=provider, claims=current_claims(),
    )


@dev_blueprint.post("/login/dev")
def sign_in():
    if not _dev_login_enabled():
        abort(404)
    email = (request.form.get("email") or "").strip()
    after_login = session.get("after_login")
    try:
        _sign_in(email, None)
    except psycopg2.Error as exc:
        flash(exc.diag.message_primary or "Could not sign in", "error")
        return redirect(url_for("login.login", next=after_login))
    return redirect(_safe_next(after_login))


@blueprint.get("/login/oidc")
def oidc_start():
    client = _oidc_client()
    if client is None:
        abort(404)
    extra = {"login_hint": request.args["login_hint"]} if request.args.get("login_hint") else {}
    return client.authorize_redirect(url_for("login.oidc_callback", _external=True), **extra)


@blueprint.get("/login/authorized/")
def oidc_callback():
    client = _oidc_client()
    if client is None:
        abort(404)
    after_login = session.get("after_login")
    try:
        token = client.authorize_access_token()
    except Exception as exc:  # Authlib raises several types for a refused or forged callback
        flash(f"Sign-in failed: {exc}", "error")
        return redirect(url_for("student.index"))
    info = token.get("userinfo") or client.userinfo()
    if not info.get("email") or info.get("email_verified") is False:
        flash("Your identity provider did not give a verified email address.", "error")
        return redirect(url_for("student.index"))
    _sign_in(info["email"], info.get("name"))
    return redirect(_safe_next(after_login))


@blueprint.post("/logout/")
def logout():
    end_browser_session()
    return redirect(url_for("student.index"))


@blueprint.route("/sudo/<email>", methods=["GET", "POST"])
@blueprint.route("/sudo/<email>/", methods=["GET", "POST"])
def sudo(email: str):
    claims = current_claims()
    if not claims:
        return redirect(url_for("login.login", next=request.path))
    if request.method == "GET":
        # The database says whether the caller may, and who the user is.
        try:
            with api_request() as ctx:
                person = ctx.call("select api.sudo_preview(email => %s)", (email,)).fetchone()[0]
        except psycopg2.Error as exc:
            abort(404 if exc.pgcode == "PT404" else 403, description=exc.diag.message_primary)
        return render_template("oauth/sudo.html", email=email, person=person, claims=claims)
    try:
        with api_request(read_only=False) as ctx:
            target = ctx.call("select api.sudo(email => %s)", (email,)).fetchone()[0]
    except psycopg2.Error as exc:
        abort(404 if exc.pgcode == "PT404" else 403, description=exc.diag.message_primary)
    _start_session(target)
    return redirect(url_for("student.index"))


@blueprint.post("/unsudo/")
def unsudo():
    """"Stop acting as ...": back to the admin's own session, as the database re-checks it."""
    claims = current_claims()
    if not claims or not claims.get("sudo_by"):
        return redirect(url_for("student.index"))
    with api_request(read_only=False) as ctx:
        admin = ctx.call("select api.stop_sudo()").fetchone()[0]
    if admin is None:
        session.clear()
        flash("Your own session has ended; sign in again.", "error")
        return redirect(url_for("login.login"))
    _start_session(admin)
    flash(f"You are no longer acting as {claims.get('email')}.", "success")
    return redirect(url_for("student.index"))


def _oidc_client():
    return current_app.extensions["okv3_oidc"].create_client("oidc")


def _configure_provider(app: Flask, oauth: OAuth) -> None:
    provider = settings.oidc_provider() or {}
    # Tests pass a provider through the app's config instead of the environment.
    issuer = provider.get("issuer") or app.config.get("OK_OIDC_ISSUER")
    client_id = provider.get("client_id") or app.config.get("OK_OIDC_CLIENT_ID")
    secret = provider.get("client_secret") or app.config.get("OK_OIDC_CLIENT_SECRET")
    if not (issuer and client_id):
        app.config["OK_OIDC_PROVIDER"] = None
        return
    oauth.register(
        "oidc",
        client_id=client_id,
        client_secret=secret,
        server_metadata_url=issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile"},
        overwrite=True,
    )
    app.config["OK_OIDC_PROVIDER"] = "Google" if "accounts.google.com" in issuer else urlsplit(issuer).hostname


def init_app(app: Flask) -> None:
    oauth = OAuth(app)  # one registry per app: tests build apps with different providers
    app.extensions["okv3_oidc"] = oauth
    _configure_provider(app, oauth)
    app.register_blueprint(blueprint)
    if app.config["OK_ENV"] in ("development", "test"):
        app.register_blueprint(dev_blueprint)
