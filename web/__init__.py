"""OK v3 web application: thin Flask pages over the api schema."""

from __future__ import annotations

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from web import assets, csrf, navigation, observability, request_db, settings, times

# Scripts, styles, fonts and images come only from this site (the Flask-Assets bundles under
# /static): no inline <script>, no on*= handlers, no style= attributes, no plugins, no framing.
# img-src and font-src allow data: URIs, which Bootstrap's CSS uses for its icons.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HSTS = "max-age=63072000; includeSubDomains"  # production only: development serves plain HTTP


def _discard_body(at_most: int) -> None:
    """Read and drop the rest of a refused body (in 64 KiB chunks), so the client, still
    sending, reads our 413 instead of a reset connection. Bodies declared larger than
    `at_most` are not read: the connection is closed on them."""
    stream = request.environ.get("wsgi.input")
    if stream is None or (request.content_length or 0) > at_most:
        return
    try:
        while at_most > 0:
            chunk = stream.read(min(65536, at_most))
            if not chunk:
                return
            at_most -= len(chunk)
    except (OSError, ValueError):
        return


def create_app(overrides: dict | None = None) -> Flask:
    """The app. OK_ENV unset means production, which refuses to start without real secrets
    (settings.check_production); development-only routes exist only in development and test."""
    overrides = dict(overrides or {})
    env = overrides.get("OK_ENV") or settings.environment()
    if env not in settings.ENVIRONMENTS:
        raise settings.ConfigurationError(f"OK_ENV must be development, test or production, not {env!r}")
    if env == "production":
        settings.check_production()
    app = Flask(__name__)
    app.config.update(
        OK_ENV=env,
        SECRET_KEY=settings.flask_secret(env),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # The largest body any route reads (a backup upload); larger ones get 413 unread.
        MAX_CONTENT_LENGTH=settings.max_body_bytes(),
        OK_MAX_JSON_DEPTH=settings.max_json_depth(),
        DATABASE_DSN=None,
        OK_SESSION_LIFETIME=settings.session_lifetime(),
        OK_LIVE_STREAMS=settings.live_streams(),
    )
    app.config.update(overrides)
    # The cookie lasts as long as the session row it names (auth.sessions.expires_at).
    app.permanent_session_lifetime = app.config["OK_SESSION_LIFETIME"]
    app.config["SESSION_COOKIE_SECURE"] = app.config["OK_ENV"] == "production"

    request_db.init_app(app, app.config["DATABASE_DSN"] or settings.authenticator_url())
    observability.init_app(app)
    csrf.init_app(app)
    assets.init_app(app)
    times.init_app(app)
    navigation.init_app(app)

    from web import api_v3, docs_site, oauth
    from web.admin import blueprint as admin
    from web.staff import blueprint as staff
    from web.student import blueprint as student

    api_v3.init_app(app)
    oauth.init_app(app)
    app.register_blueprint(staff)
    app.register_blueprint(admin)
    app.register_blueprint(student)
    docs_site.init_app(app)

    @app.context_processor
    def signed_in_user():
        return {"claims": request_db.current_claims()}

    @app.errorhandler(request_db.SessionEnded)
    def session_ended(error: request_db.SessionEnded):
        return error.response

    @app.errorhandler(HTTPException)
    def error_page(error: HTTPException):
        if error.code == 413:
            _discard_body(4 * app.config["MAX_CONTENT_LENGTH"])
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

    production = app.config["OK_ENV"] == "production"

    @app.after_request
    def htmx_leaves_the_fragment(response: Response) -> Response:
        """htmx swaps an answer into a part of the page. A redirect (sign in again) would be
        followed inside the request and the sign-in page put into a table row, and an error
        page (a refused CSRF token, say) would not be swapped at all: the person would see
        nothing. So for htmx, a redirect becomes HX-Redirect (the whole page goes there), and
        an error page replaces the page's body, with its reason."""
        if request.headers.get("HX-Request") != "true":
            return response
        if 300 <= response.status_code < 400 and response.location:
            # changed in place: the response keeps its security headers and cookies
            response.headers["HX-Redirect"] = response.location
            del response.headers["Location"]
            response.status_code = 200
            response.set_data(b"")
        if response.status_code >= 400 and response.mimetype == "text/html":
            response.status_code = 200  # htmx swaps only 2xx answers
            response.headers["HX-Retarget"] = "body"
            response.headers["HX-Reswap"] = "innerHTML"
        return response

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if production:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response

    return app
