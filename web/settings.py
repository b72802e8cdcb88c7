"""Where settings come from: the environment, else the private development cluster.

DATABASE_URL           the migration/admin connection (a superuser on the private cluster)
OK_AUTHENTICATOR_URL   the connection PostgREST and the web app use; defaults to
                       DATABASE_URL with the user switched to "authenticator" and the
                       password taken from AUTHENTICATOR_PASSWORD
OK_JWT_SECRET          HS256 secret shared with PostgREST (>= 32 characters); in
                       development a random one is kept in .run/jwt_secret
OK_ENV                 development | test | production
OK_SESSION_LIFETIME    seconds a browser session lasts from sign-in (default 14 days;
                       api.login accepts 5 minutes .. 90 days)
"""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RUN_DIR = ROOT / ".run"


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
    env = os.environ.get("OK_ENV", "development")
    if env not in {"development", "test", "production"}:
        raise ConfigurationError(f"OK_ENV must be development, test or production, not {env!r}")
    return env


def jwt_secret() -> str:
    secret = os.environ.get("OK_JWT_SECRET")
    if secret:
        if len(secret) < 32:
            raise ConfigurationError("OK_JWT_SECRET must be at least 32 characters (PostgREST)")
        return secret
    if environment() == "production":
        raise ConfigurationError("OK_JWT_SECRET must be set in production")
    path = RUN_DIR / "jwt_secret"
    if not path.exists():
        RUN_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def flask_secret() -> str:
    secret = os.environ.get("OK_SECRET_KEY")
    if secret:
        return secret
    if environment() == "production":
        raise ConfigurationError("OK_SECRET_KEY must be set in production")
    path = RUN_DIR / "flask_secret"
    if not path.exists():
        RUN_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def session_lifetime() -> int:
    value = os.environ.get("OK_SESSION_LIFETIME", str(14 * 24 * 3600))
    try:
        return int(value)
    except ValueError:
        raise ConfigurationError(f"OK_SESSION_LIFETIME must be a number of seconds, not {value!r}") from None
