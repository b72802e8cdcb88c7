"""OK v3 web application: thin Flask pages over the api schema."""

from __future__ import annotations

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from web import assets, csrf, request_db
from web.settings import authenticator_url, environment, flask_secret, session_lifetime


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(
        OK_ENV=environment(),
        SECRET_KEY=flask_secret(),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=30 * 1024 * 1024,
        DATABASE_DSN=None,
        OK_SESSION_LIFETIME=session_lifetime(),
    )
    app.config.update(overrides or {})
    # The cookie lasts as long as the session row it names (auth.sessions.expires_at).
    app.permanent_session_lifetime = app.config["OK_SESSION_LIFETIME"]
    app.config["SESSION_COOKIE_SECURE"] = app.config["OK_ENV"] == "production"

    request_db.init_app(app, app.config["DATABASE_DSN"] or authenticator_url())
    csrf.init_app(app)
    assets.init_app(app)

    from web import api_v3, oauth
    from web.staff import blueprint as staff
    from web.student import blueprint as student

    api_v3.init_app(app)
    oauth.init_app(app)
    app.register_blueprint(staff)
    app.register_blueprint(student)

    @app.context_processor
    def signed_in_user():
        return {"claims": request_db.current_claims()}

    @app.errorhandler(request_db.SessionEnded)
    def session_ended(error: request_db.SessionEnded):
        return error.response

    @app.errorhandler(HTTPException)
    def error_page(error: HTTPException):
        if request.path.startswith("/api/"):
            return api_v3.error_envelope(error)
        page = render_template("error.html", code=error.code, name=error.name, description=error.description)
        return page, error.code

    @app.get("/healthz")
    def healthz() -> Response:
        # 200 only when the database answers a query made the way every request is made.
        if request_db.database().healthy():
            return Response("OK\n", 200, mimetype="text/plain")
        return Response("database unavailable\n", 503, mimetype="text/plain")

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
