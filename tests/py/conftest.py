"""Fixtures: real PostgreSQL databases cloned from one migrated template per run."""

from __future__ import annotations

import os

import psycopg2
import pytest
from playwright.sync_api import sync_playwright

# The app treats an unset OK_ENV as production; a bare `pytest` is a test run (make test sets
# OK_ENV=test itself). Set before anything reads it.
os.environ.setdefault("OK_ENV", "test")

from tests.py import dbutil  # noqa: E402

PRODUCTION_JWT_SECRET = "production-jwt-secret-for-tests-0123456789abcdef"
PRODUCTION_SECRET_KEY = "production-session-secret-for-tests-0123456789ab"


# Debian's Chromium (Playwright cannot download browsers here), as every browser test runs it.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def chromium():
    """A headless Debian Chromium for one test; closed afterwards."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def production_secrets(monkeypatch):
    """Real-looking secrets in the environment, as production requires to start."""
    monkeypatch.setenv("OK_JWT_SECRET", PRODUCTION_JWT_SECRET)
    monkeypatch.setenv("OK_SECRET_KEY", PRODUCTION_SECRET_KEY)


@pytest.fixture(scope="session")
def template_db():
    """The migrated template (scripts/run-tests.sh builds it; a bare pytest run builds one)."""
    name = os.environ.get("OKV3_TEST_TEMPLATE")
    if name:
        yield name
        return
    name = f"okv3_tpl_{os.getpid()}"
    dbutil.build_template(name)
    yield name
    dbutil.drop(name)


@pytest.fixture
def db(template_db):
    """A fresh clone of the template: (name, superuser URL). Dropped afterwards."""
    name, url = dbutil.clone(template_db)
    yield name, url
    dbutil.drop(name)


@pytest.fixture
def admin_conn(db):
    conn = psycopg2.connect(db[1])
    conn.autocommit = True
    yield conn
    conn.close()


def scalar(conn, sql: str, params=None):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()[0]
