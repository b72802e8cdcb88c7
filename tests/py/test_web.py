"""The Flask base: app factory, healthz, the AdminLTE layout, CSRF, request transactions."""

from __future__ import annotations

import re

import pytest

from tests.py import dbutil
from web import create_app
from web.settings import ROOT


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "TESTING": True})
    yield app
    app.extensions["okv3_database"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def sign_in(client, admin_conn, email: str) -> None:
    claims = dbutil.session_claims(admin_conn, email)
    with client.session_transaction() as session:
        session["claims"] = claims


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.data == b"OK\n"


def test_healthz_answers_503_when_the_database_does_not():
    app = create_app({"DATABASE_DSN": "postgresql://nobody@127.0.0.1:1/none"})
    assert app.test_client().get("/healthz").status_code == 503


def test_pages_extend_the_adminlte_layout_and_its_bundles_are_served(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'class="app-wrapper"' in html and "app-sidebar" in html
    css = re.search(r'href="(/static/gen/okv3\.[0-9a-f]+\.css)"', html).group(1)
    js = re.search(r'src="(/static/gen/okv3\.[0-9a-f]+\.js)"', html).group(1)
    css_body = client.get(css).get_data(as_text=True)
    assert "AdminLTE" in css_body and ".okv3-brand" in css_body
    assert "bootstrap" in client.get(js).get_data(as_text=True).lower()
    assert page.headers["X-Frame-Options"] == "DENY"


def test_dashboard_lists_the_signed_in_users_courses_through_rls(client, admin_conn):
    sign_in(client, admin_conn, "s1@a.edu")
    html = client.get("/").get_data(as_text=True)
    assert "cal/cs61a/fa26" in html and "cal/cs61b/fa26" not in html
    assert "s1@a.edu" in html


def test_course_names_are_escaped(client, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("update app.courses set display_name = '<script>alert(1)</script>' "
                    "where offering = 'cal/cs61a/fa26'")
    sign_in(client, admin_conn, "s1@a.edu")
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_unsafe_methods_need_the_csrf_token(client):
    refused = client.post("/logout/", data={})
    assert refused.status_code == 400
    assert b"did not come from this site" in refused.data
    client.get("/")
    with client.session_transaction() as session:
        token = session["csrf_token"]
    assert client.post("/logout/", data={"csrf_token": "forged"}).status_code == 400
    assert client.post("/logout/", data={"csrf_token": token}).status_code == 302  # past CSRF
    client.get("/")
    with client.session_transaction() as session:
        token = session["csrf_token"]
    assert client.post("/logout/", headers={"X-CSRF-Token": token}).status_code == 302
    # A method no view takes runs no view: 405, not a CSRF refusal.
    assert client.post("/", data={}).status_code == 405


def test_responses_carry_a_content_security_policy_without_inline_script(client):
    for path in ("/", "/login/", "/api/v3/", "/healthz"):
        response = client.get(path)
        policy = dict(d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";"))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", path
        assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in response.headers  # HSTS only in production


def test_templates_have_no_inline_script_event_handlers_or_styles():
    """What the policy would refuse: every script and style comes from the Flask-Assets bundles."""
    templates = list((ROOT / "web").rglob("*.html"))
    assert len(templates) > 10
    for template in templates:
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", text, re.IGNORECASE), template
        assert not re.search(r"<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", text, re.IGNORECASE), template
