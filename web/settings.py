"""Where settings come from: the environment, else the private development cluster.

DATABASE_URL           the migration/admin connection (a superuser on the private cluster)
OK_AUTHENTICATOR_URL   the connection PostgREST and the web app use; defaults to
                       DATABASE_URL with the user switched to "authenticator" and the
                       password taken from AUTHENTICATOR_PASSWORD
OK_JWT_SECRET          HS256 secret shared with PostgREST (>= 32 characters); in
                       development and test a random one is kept in .run/jwt_secret
OK_SECRET_KEY          Flask session secret (>= 32 characters); likewise .run/flask_secret
OK_ENV                 development | test | production. Unset (or empty) means production:
                       configuration fails closed. `make run` sets development, `make test`
                       test. In production both secrets must be set, at least 32 characters,
                       and not a placeholder from .env.example (check_production()).
OK_MAX_BODY_BYTES      the largest request body read (a backup upload), default 10 MiB
OK_MAX_JSON_DEPTH      the deepest JSON body accepted on /api/v3 and /rpc, default 64
OK_SESSION_LIFETIME    seconds a browser session lasts from sign-in (default 14 days;
                       api.login accepts 5 minutes .. 90 days)
OK_LIVE_STREAMS        live deadline-board streams one web process serves at once (each
                       holds a gunicorn thread), default 4 (web/live.py)
"""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RUN_DIR = ROOT / ".run"


ENVIRONMENTS = ("development", "test", "production")
MIN_SECRET_LENGTH = 32
# Values that must never be a production secret: the placeholders of .env.example and the
# Dockerfile's build-time value (tests/py/test_settings.py checks .env.example against this).
PLACEHOLDER_SECRETS = frozenset({
    "replace-with-at-least-32-random-characters",
    "replace-with-a-long-random-string",
    "build-time-secret-not-used-at-runtime-000",
})
DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_JSON_DEPTH = 64


class ConfigurationError(RuntimeError):
    pass


def database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    script = ROOT / "scripts" / "pgcluster.sh"
    return subprocess.run([str(script), "url"], check=True, capture_output=True, text=True).stdout.strip()


def with_user(url: str, user: str, password: str | None) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = quote(user, safe="")
    if password:
        netloc += ":" + quote(password, safe="")
    netloc += "@" + host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def authenticator_url() -> str:
    url = os.environ.get("OK_AUTHENTICATOR_URL")
    if url:
        return url
    return with_user(database_url(), "authenticator", os.environ.get("AUTHENTICATOR_PASSWORD"))


def environment() -> str:
    """OK_ENV; unset or empty means production, so a forgotten setting fails closed."""
    env = os.environ.get("OK_ENV") or "production"
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"OK_ENV must be development, test or production, not {env!r}")
    return env


def _secret_problem(name: str) -> str | None:
    value = os.environ.get(name)
    if not value:
        return f"{name} is not set"
    if len(value) < MIN_SECRET_LENGTH:
        return f"{name} must be at least {MIN_SECRET_LENGTH} characters (it has {len(value)})"
    if value in PLACEHOLDER_SECRETS or value.lower().startswith(("replace-with", "change-me")):
        return f"{name} is still the placeholder from .env.example"
    return None


def check_production() -> None:
    """Refuse to run in production with a missing, short or placeholder secret."""
    problems = [p for p in (_secret_problem("OK_JWT_SECRET"), _secret_problem("OK_SECRET_KEY")) if p]
    if problems:
        raise ConfigurationError(
            "OK v3 refuses to start in production: " + "; ".join(problems) + ". Generate each with "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`. (OK_ENV is production "
            "when unset; for local development use `make run`, which sets OK_ENV=development.)"
        )


def _secret(name: str, file: str, env: str | None, min_length: int = 0) -> str:
    env = env or environment()
    if env == "production":
        if _secret_problem(name):
            check_production()  # raises, naming every problem
        return os.environ[name]
    secret = os.environ.get(name)
    if secret:
        if len(secret) < min_length:
            raise ConfigurationError(f"{name} must be at least {min_length} characters (PostgREST)")
        return secret
    path = RUN_DIR / file
    if not path.exists():
        RUN_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def jwt_secret(env: str | None = None) -> str:
    """The HS256 secret (PostgREST's too); in development and test a generated one."""
    return _secret("OK_JWT_SECRET", "jwt_secret", env, MIN_SECRET_LENGTH)


def flask_secret(env: str | None = None) -> str:
    """The session-signing secret; in development and test a generated one."""
    return _secret("OK_SECRET_KEY", "flask_secret", env)


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name) or str(default)
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ConfigurationError(f"{name} must be positive")
    return value


def max_body_bytes() -> int:
    return _positive_int("OK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)


def max_json_depth() -> int:
    return _positive_int("OK_MAX_JSON_DEPTH", DEFAULT_MAX_JSON_DEPTH)


def live_streams() -> int:
    return _positive_int("OK_LIVE_STREAMS", 4)


def session_lifetime() -> int:
    return _positive_int("OK_SESSION_LIFETIME", 14 * 24 * 3600)


def access_token_lifetime(env: str) -> int:
    """Seconds an OAuth access token lives (8 hours in production, 1 hour otherwise)."""
    return _positive_int("OK_ACCESS_TOKEN_LIFETIME", 28800 if env == "production" else 3600)


def refresh_token_lifetime() -> int:
    return _positive_int("OK_REFRESH_TOKEN_LIFETIME", 180 * 24 * 3600)


def oidc_provider() -> dict | None:
    """The sign-in provider: Google (OK_GOOGLE_CLIENT_ID/SECRET) or any OpenID Connect issuer
    (OK_OIDC_ISSUER, OK_OIDC_CLIENT_ID, OK_OIDC_CLIENT_SECRET); None when neither is set."""
    if os.environ.get("OK_GOOGLE_CLIENT_ID"):
        return {"issuer": "https://accounts.google.com", "client_id": os.environ["OK_GOOGLE_CLIENT_ID"],
                "client_secret": os.environ.get("OK_GOOGLE_CLIENT_SECRET")}
    issuer, client_id = os.environ.get("OK_OIDC_ISSUER"), os.environ.get("OK_OIDC_CLIENT_ID")
    if not (issuer and client_id):
        return None
    return {"issuer": issuer, "client_id": client_id, "client_secret": os.environ.get("OK_OIDC_CLIENT_SECRET")}


def smtp() -> dict:
    """Where the worker sends mail."""
    return {
        "host": os.environ.get("OK_SMTP_HOST", "localhost"),
        "port": _positive_int("OK_SMTP_PORT", 25),
        "user": os.environ.get("OK_SMTP_USER") or None,
        "password": os.environ.get("OK_SMTP_PASSWORD") or None,
        "starttls": os.environ.get("OK_SMTP_STARTTLS", "0") == "1",
        "sender": os.environ.get("OK_MAIL_FROM", "OK <no-reply@localhost>"),
        "base_url": os.environ.get("OK_BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
    }


def worker_poll_seconds() -> float:
    raw = os.environ.get("OK_WORKER_POLL_SECONDS", "30")
    try:
        return float(raw)
    except ValueError:
        raise ConfigurationError(f"OK_WORKER_POLL_SECONDS must be a number, not {raw!r}") from None


def login_role_passwords(roles: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The passwords of the database LOGIN roles ({role: environment variable}), and the
    variables that are missing."""
    found = {role: os.environ[var] for role, var in roles.items() if os.environ.get(var)}
    return found, [var for role, var in roles.items() if role not in found]
