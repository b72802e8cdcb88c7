"""Configuration fails closed: OK_ENV unset is production; production refuses to start without
real secrets; the passwordless development login and the /rpc stand-in exist only in
development and test. Each attack runs against the real app (and real gunicorn)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from tests.py import dbutil
from tests.py.conftest import PRODUCTION_JWT_SECRET, PRODUCTION_SECRET_KEY
from tests.py.live import Gunicorn, csrf_token
from web import create_app, settings
from web.settings import ROOT

ENV_EXAMPLE = (ROOT / ".env.example").read_text()


def _example(name: str) -> str:
    return re.search(rf"^{name}=(.*)$", ENV_EXAMPLE, re.MULTILINE).group(1)


def test_ok_env_unset_or_empty_means_production(monkeypatch):
    monkeypatch.delenv("OK_ENV")
    assert settings.environment() == "production"
    monkeypatch.setenv("OK_ENV", "")
    assert settings.environment() == "production"
    monkeypatch.setenv("OK_ENV", "staging")
    with pytest.raises(settings.ConfigurationError, match="development, test or production"):
        settings.environment()


def test_with_ok_env_unset_nobody_signs_in_without_a_password(db, admin_conn, monkeypatch, production_secrets):
    """The attack: a deployment that forgot OK_ENV, and someone posting an admin's email to
    the development login (or calling /rpc/login directly)."""
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    monkeypatch.delenv("OK_ENV")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0])})
    try:
        assert app.config["OK_ENV"] == "production"
        client = app.test_client()
        page = client.get("/login/")
        assert page.status_code == 503 and "Development sign-in" not in page.get_data(as_text=True)
        client.get("/")
        with client.session_transaction() as session:
            token = session.get("csrf_token") or "t"
            session["csrf_token"] = token
        attempt = client.post("/login/dev", data={"csrf_token": token, "email": "admin@x.edu"})
        assert attempt.status_code == 404
        with client.session_transaction() as session:
            assert "claims" not in session
        assert "admin@x.edu" not in client.get("/").get_data(as_text=True)
        # PostgREST's /rpc stand-in is not served either (PostgREST serves /rpc in production).
        assert client.get("/rpc/v3_info").status_code == 404
        assert client.post("/rpc/login", json={"email": "admin@x.edu"}).status_code == 404
        assert "Strict-Transport-Security" in client.get("/healthz").headers
    finally:
        app.extensions["okv3_database"].close()


def test_development_and_test_keep_the_development_login(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "development"})
    try:
        client = app.test_client()
        page = client.get("/login/")
        signed = client.post("/login/dev", data={"csrf_token": csrf_token(page.get_data(as_text=True)),
                                                 "email": "s1@a.edu"})
        assert signed.status_code == 302
        assert client.get("/rpc/v3_info").status_code == 200
        assert "Strict-Transport-Security" not in client.get("/healthz").headers
    finally:
        app.extensions["okv3_database"].close()


BAD_SECRETS = {
    "missing": (None, "is not set"),
    "short": ("0123456789abcdef0123456789abcde", "at least 32 characters"),  # 31
    "placeholder": ("<from .env.example>", "placeholder"),
}


@pytest.mark.parametrize("name", ["OK_JWT_SECRET", "OK_SECRET_KEY"])
@pytest.mark.parametrize("case", sorted(BAD_SECRETS))
def test_production_refuses_to_start_without_a_real_secret(monkeypatch, production_secrets, name, case):
    value, message = BAD_SECRETS[case]
    monkeypatch.delenv("OK_ENV")
    if value is None:
        monkeypatch.delenv(name)
    else:
        monkeypatch.setenv(name, _example(name) if case == "placeholder" else value)
    with pytest.raises(settings.ConfigurationError, match=f"refuses to start in production: {name} .*{message}"):
        create_app({"DATABASE_DSN": "postgresql://nobody@127.0.0.1:1/none"})


def test_the_env_example_placeholders_are_known_and_refused():
    for name in ("OK_JWT_SECRET", "OK_SECRET_KEY"):
        assert _example(name) in settings.PLACEHOLDER_SECRETS


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OK_")}
    env["OK_AUTHENTICATOR_URL"] = "postgresql://nobody@127.0.0.1:1/none"
    env.update(extra)
    return env


def test_gunicorn_refuses_to_start_with_a_clear_message():
    """The real server, started as make run, the Dockerfile and docker-compose start it, with
    OK_ENV unset and a short JWT secret: it exits before any worker starts and says why."""
    env = _production_env(OK_JWT_SECRET="too-short", OK_SECRET_KEY=PRODUCTION_SECRET_KEY)
    server = Gunicorn(env)
    run = subprocess.run(server.command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "Error: OK v3 refuses to start in production: OK_JWT_SECRET must be at least 32 characters" \
        in run.stderr


def test_okadmin_token_issue_needs_the_secret_when_ok_env_is_unset(db):
    env = _production_env(DATABASE_URL=db[1])
    env.pop("OK_AUTHENTICATOR_URL")
    run = subprocess.run([str(ROOT / ".venv/bin/okadmin"), "token", "issue", "s1@a.edu"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "OK_JWT_SECRET is not set" in run.stderr
    env["OK_JWT_SECRET"] = PRODUCTION_JWT_SECRET
    env["OK_SECRET_KEY"] = PRODUCTION_SECRET_KEY
    with_user = subprocess.run([str(ROOT / ".venv/bin/okadmin"), "user", "create", "s9@a.edu"], env=env,
                               capture_output=True, text=True, timeout=60)
    assert with_user.returncode == 0, with_user.stderr
    issued = subprocess.run([str(ROOT / ".venv/bin/okadmin"), "token", "issue", "s9@a.edu"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert issued.returncode == 0 and issued.stdout.count(".") == 2


def test_the_access_log_redacts_credentials_wherever_they_appear():
    from types import SimpleNamespace

    from gunicorn.config import Config

    from web.gunicorn_conf import RedactingLogger, redact

    assert redact("GET /api/v3/user/?access_token=abc.def.ghi&envelope=false HTTP/1.1") == \
        "GET /api/v3/user/?access_token=[redacted]&envelope=false HTTP/1.1"
    assert redact("export_token=x1&code=y2;client_secret=z3") == \
        "export_token=[redacted]&code=[redacted];client_secret=[redacted]"
    assert redact("https://ok.example/login/?next=%2Fapi%3Faccess_token%3Dsecret") == \
        "https://ok.example/login/?next=%2Fapi%3Faccess_token%3D[redacted]"
    assert redact("/x?zipcode=12345&decode=1") == "/x?zipcode=12345&decode=1"
    logger = RedactingLogger(Config())
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/a?ACCESS_TOKEN=t0k", "SERVER_PROTOCOL": "HTTP/1.1",
               "QUERY_STRING": "ACCESS_TOKEN=t0k", "HTTP_REFERER": "http://x/?refresh_token=r"}
    request = SimpleNamespace(headers=[("AUTHORIZATION", "Bearer t0k"), ("COOKIE", "session=s")])
    response = SimpleNamespace(status="200 OK", headers=[], sent=2)
    atoms = logger.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1))
    line = " ".join(str(value) for value in atoms.values())
    assert "t0k" not in line and "session=s" not in line and "refresh_token=r" not in line
    assert atoms["{authorization}i"] == "[redacted]" and atoms["r"] == "GET /a?ACCESS_TOKEN=[redacted] HTTP/1.1"
