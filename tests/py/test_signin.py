"""Sign-in and the pages around it: the development login, OpenID Connect against a real
provider on 127.0.0.1 (oidc-provider-mock), logout, sudo, the OAuth consent and error pages,
the signed-in devices page and the student landing pages."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from oidc_provider_mock import User, run_server_in_thread

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import client_sign_in, csrf_token
from web import create_app

OOB = "urn:ietf:wg:oauth:2.0:oob"
SECRET = "EWKtcCp5nICeYgVyCPypjs3aLORqQ3H"  # the secret ok-client ships
S1_SUBMISSION_KEY = (
    "select app.hashid_encode(b.id) from app.backups b join app.users u on u.id = b.submitter_id "
    "where u.email = 's1@a.edu' and b.submit"
)


def _csrf(response) -> str:
    return csrf_token(response.get_data(as_text=True))


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


sign_in = client_sign_in


def test_development_login_creates_users_and_returns_to_next(app, admin_conn):
    client = app.test_client()
    page = client.get("/login/?next=/settings/tokens")
    assert page.status_code == 200 and "Development sign-in" in page.get_data(as_text=True)
    signed = client.post("/login/dev", data={"csrf_token": _csrf(page), "email": "Brand.New@a.edu"})
    assert signed.status_code == 302 and signed.location == "/settings/tokens"
    assert scalar(admin_conn, "select count(*) from app.users where lower(email) = 'brand.new@a.edu'") == 1
    assert "Brand.New@a.edu" in client.get("/").get_data(as_text=True)


def test_next_cannot_leave_the_site(app):
    client = app.test_client()
    page = client.get("/login/?next=https://evil.example/")
    signed = client.post("/login/dev", data={"csrf_token": _csrf(page), "email": "s1@a.edu"})
    assert signed.location == "/"


def test_development_login_does_not_exist_in_production(db, production_secrets):
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "production"})
    client = app.test_client()
    assert client.get("/login/").status_code == 503  # no provider configured
    with client.session_transaction() as session:
        session["csrf_token"] = "t"
    assert client.post("/login/dev", data={"csrf_token": "t", "email": "s1@a.edu"}).status_code == 404
    app.extensions["okv3_database"].close()


def test_logout_is_a_csrf_checked_post(app):
    client = app.test_client()
    sign_in(client, "s1@a.edu")
    assert client.post("/logout/").status_code == 400
    page = client.get("/")
    assert client.post("/logout/", data={"csrf_token": _csrf(page)}).status_code == 302
    assert "Sign in" in client.get("/").get_data(as_text=True)


def test_sudo_is_for_admins_and_audited(app, admin_conn):
    client = app.test_client()
    sign_in(client, "ta@a.edu")
    assert client.get("/sudo/s1@a.edu").status_code == 403
    sign_in(client, "admin@x.edu")
    confirm = client.get("/sudo/s1@a.edu")
    # The confirmation names who the admin is about to become, from the database.
    assert confirm.status_code == 200 and "student in" in confirm.get_data(as_text=True)
    acted = client.post("/sudo/s1@a.edu", data={"csrf_token": _csrf(confirm)})
    assert acted.status_code == 302
    html = client.get("/").get_data(as_text=True)
    assert "s1@a.edu" in html and "acting as" in html
    assert scalar(admin_conn, "select count(*) from app.audit_log where action = 'sudo' and actor = 'admin@x.edu'") == 1
    sign_in(client, "admin@x.edu")
    assert client.get("/sudo/ghost@a.edu").status_code == 404
    confirm = client.get("/sudo/s2@a.edu")
    assert client.post("/sudo/ghost@a.edu", data={"csrf_token": _csrf(confirm)}).status_code == 404


def test_consent_page_deny_and_errors(app):
    client = app.test_client()
    query = "client_id=ok-client&redirect_uri=http://127.0.0.1:6165/&response_type=code&scope=all&state=s1"
    to_login = client.get(f"/oauth/authorize?{query}&login_hint=s1@a.edu")
    assert to_login.status_code == 302 and "/login/" in to_login.location and "login_hint=s1" in to_login.location
    sign_in(client, "s1@a.edu")
    consent = client.get(f"/oauth/authorize?{query}")
    html = consent.get_data(as_text=True)
    assert "OK Client wants to access your OK account" in html and "create backups" in html
    denied = client.post(f"/oauth/authorize?{query}", data={"csrf_token": _csrf(consent), "confirm": "no"})
    assert parse_qs(urlsplit(denied.location).query) == {"error": ["access_denied"], "state": ["s1"]}
    unknown = client.get("/oauth/authorize?client_id=nope&redirect_uri=http://127.0.0.1:1/")
    assert unknown.status_code == 400 and "invalid_client" in unknown.get_data(as_text=True)
    foreign = client.get("/oauth/authorize?client_id=ok-client&redirect_uri=https://evil.example/")
    assert foreign.status_code == 400 and "not registered" in foreign.get_data(as_text=True)
    errors = client.get("/oauth/errors?error=invalid_grant&error_description=Code+expired")
    assert errors.status_code == 400 and "Code expired" in errors.get_data(as_text=True)
    consent = client.get(f"/oauth/authorize?{query}")
    again = client.post(f"/oauth/reauthenticate?{query}", data={"csrf_token": _csrf(consent)})
    assert again.status_code == 302 and again.location.startswith("/oauth/authorize?")
    assert "/login/" in client.get(again.location).location, "reauthenticate signs out first"


def test_out_of_band_code_and_token_exchange(app):
    client = app.test_client()
    sign_in(client, "s1@a.edu")
    consent = client.get(client.get("/client/login/").location)
    shown = client.post(consent.request.full_path, data={"csrf_token": _csrf(consent), "confirm": "yes"})
    page = client.get(shown.location).get_data(as_text=True)
    code = re.search(r'id="code">(\w+)<', page).group(1)
    token = client.post("/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": OOB,
    }, headers={"Authorization": "Basic " + base64.b64encode(f"ok-client:{SECRET}".encode()).decode()})
    assert token.status_code == 200 and token.headers["Cache-Control"] == "no-store"
    assert set(token.json) == {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
    assert client.post("/oauth/token", data={"grant_type": "password"}).json["error"] == "unsupported_grant_type"
    assert client.post("/oauth/token", data={}).json["error"] == "invalid_request"
    # Revoking the access token revokes its pair: the API refuses it at once.
    access = token.json["access_token"]
    assert client.get("/api/v3/user/", headers={"Authorization": f"Bearer {access}"}).status_code == 200
    revoked = client.post("/oauth/revoke", data={"token": access, "client_id": "ok-client",
                                                  "client_secret": SECRET})
    assert revoked.status_code == 200
    after = client.get("/api/v3/user/", headers={"Authorization": f"Bearer {access}"})
    assert after.status_code == 401 and after.json["message"] == "Token revoked"


def _device_token(client) -> str:
    """One more device signs in through the out-of-band flow; its access token."""
    consent = client.get(f"/oauth/authorize?client_id=ok-client&redirect_uri={OOB}&scope=all")
    shown = client.post(consent.request.full_path, data={"csrf_token": _csrf(consent), "confirm": "yes"})
    code = re.search(r'id="code">(\w+)<', client.get(shown.location).get_data(as_text=True)).group(1)
    return client.post("/oauth/token", data={"grant_type": "authorization_code", "code": code, "redirect_uri": OOB,
                                            "client_id": "ok-client", "client_secret": SECRET}).json["access_token"]


def test_signed_in_devices_page_revokes_one_device(app):
    client = app.test_client()
    sign_in(client, "s1@a.edu")
    laptop, desktop = _device_token(client), _device_token(client)
    page = client.get("/settings/tokens")
    assert page.get_data(as_text=True).count('name="token_id"') == 2
    first_id = re.search(r'name="token_id" value="(\d+)"', page.get_data(as_text=True)).group(1)
    revoked = client.post("/settings/tokens", data={"csrf_token": _csrf(page), "token_id": first_id})
    assert revoked.status_code == 302
    assert client.get("/settings/tokens").get_data(as_text=True).count('name="token_id"') == 1
    statuses = sorted(client.get("/api/v3/user/", headers={"Authorization": f"Bearer {t}"}).status_code
                      for t in (laptop, desktop))
    assert statuses == [200, 401], "the other device stays signed in"
    forged = client.post("/settings/tokens", data={"csrf_token": _csrf(page), "token_id": "999999"})
    assert forged.status_code == 302
    assert "No such live token" in client.get("/settings/tokens").get_data(as_text=True)


def test_landing_pages_for_owner_staff_and_strangers(app, admin_conn):
    key = scalar(admin_conn, S1_SUBMISSION_KEY)
    client = app.test_client()
    assert client.get("/cal/cs61a/fa26/hw01/").status_code == 302  # sign in first
    for email, status in (("s1@a.edu", 200), ("reader@a.edu", 200), ("s2@a.edu", 404), ("s1@b.edu", 404)):
        sign_in(client, email)
        assert client.get(f"/cal/cs61a/fa26/hw01/submissions/{key}/").status_code == status, email
        assert client.get(f"/cal/cs61a/fa26/hw01/backups/{key}/").status_code == status, email
    sign_in(client, "s1@a.edu")
    assert client.get("/cal/cs61a/fa26/hw01/").status_code == 200
    assert client.get("/cal/cs61a/fa26/secret/").status_code == 404
    assert client.get("/cal/cs61a/fa26/hw01/backups/zzzzzz/").status_code == 404


def test_comments_render_sanitised_markdown(app, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute(
            # of the total grading, which hw01 publishes, so the student sees it
            "insert into app.comments (backup_id, course_id, author_id, filename, line, message, kind) "
            "select b.id, b.course_id, (select id from app.users where email = 'ta@a.edu'), 'hw01.py', 1, "
            "'**Good** <script>alert(1)</script> [x](javascript:alert(2))', 'total' "
            "from app.backups b join app.users u on u.id = b.submitter_id where u.email = 's1@a.edu' and b.submit"
        )
    key = scalar(admin_conn, S1_SUBMISSION_KEY)
    client = app.test_client()
    sign_in(client, "s1@a.edu")
    html = client.get(f"/cal/cs61a/fa26/hw01/submissions/{key}/").get_data(as_text=True)
    assert "<strong>Good</strong>" in html
    assert "<script>alert(1)" not in html and "javascript:" not in html
    assert '<span class="nb">print</span>(<span class="mi">1</span>)' in html  # the file, highlighted


def test_openid_connect_sign_in_with_a_verified_email(db, admin_conn, monkeypatch, production_secrets):
    user = User(sub="oidc-user", claims={"email": "oidc.person@a.edu", "email_verified": True, "name": "Oi Dee"})
    with run_server_in_thread(user_claims=[user]) as provider:
        issuer = f"http://localhost:{provider.server_port}"
        monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")
        app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "production",
                          "OK_OIDC_ISSUER": issuer, "OK_OIDC_CLIENT_ID": "okv3", "OK_OIDC_CLIENT_SECRET": "s",
                          "SESSION_COOKIE_SECURE": False})
        app.config["SESSION_COOKIE_SECURE"] = False
        client = app.test_client()
        start = client.get("/login/?next=/settings/tokens")
        assert start.status_code == 302 and start.location.startswith("/login/oidc")
        to_provider = client.get(start.location)
        assert to_provider.location.startswith(issuer)
        # The person signs in at the provider (its own form), which sends them back to us.
        back = requests.post(to_provider.location, data={"sub": "oidc-user"}, allow_redirects=False, timeout=10)
        callback = urlsplit(back.headers["Location"])
        done = client.get(f"{callback.path}?{callback.query}")
        assert done.status_code == 302 and done.location == "/settings/tokens"
        assert scalar(admin_conn, "select name from app.users where email = 'oidc.person@a.edu'") == "Oi Dee"
        assert "oidc.person@a.edu" in client.get("/").get_data(as_text=True)
        app.extensions["okv3_database"].close()
