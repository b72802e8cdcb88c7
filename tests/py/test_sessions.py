"""Browser sessions are database rows, re-checked on every request, and sudo is audited as the
admin who acted (issue 7, points 4 and 6). Each test performs the attack through the real
Flask app against a real database."""

from __future__ import annotations

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import client_sign_in, csrf_token
from web import create_app, tokens

COURSE = "/staff/cal/cs61a/fa26/"
ADMIN_ONLY_COURSE = "/staff/cal/cs61b/fa26/"  # admin@x.edu does not teach it; admins see every course


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def _signed_in(app, email: str, agent: str = "Test browser"):
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    client_sign_in(client, email)
    return client


def _copy(app, client):
    """Another browser with a copy of `client`'s session cookie (stolen, or kept from before)."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _post(client, path: str, page: str = "/", **fields):
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **fields})


def _signed_out(response) -> bool:
    return response.status_code == 302 and response.location.startswith("/login/")


def _issue_token(admin_conn, email: str) -> str:
    with admin_conn.cursor() as cur:
        cur.execute("select set_config('request.jwt.claims', '{\"role\": \"ok_admin\", \"actor\": \"tests\"}', true); "
                    "select api.issue_token(%s)", (email,))
        return tokens.sign(cur.fetchone()[0]["claims"])


def _api_user(app, token: str):
    return app.test_client().get("/api/v3/user/", headers={"Authorization": f"Bearer {token}"})


def test_a_copied_cookie_is_refused_after_sign_out(app):
    browser = _signed_in(app, "s1@a.edu")
    copy, api_copy = _copy(app, browser), _copy(app, browser)
    assert copy.get("/settings/tokens").status_code == 200, "before sign-out the copy works (it is the same cookie)"
    assert _post(browser, "/logout/").status_code == 302
    assert _signed_out(copy.get("/settings/tokens")), "the copy is refused: the session row was revoked"
    assert "Sign in" in copy.get("/").get_data(as_text=True), "and the refused cookie was cleared"
    assert api_copy.get("/api/v3/user/").status_code == 401, "the API refuses it too"


def test_a_demoted_admin_loses_admin_on_the_next_request(app, admin_conn):
    admin = _signed_in(app, "admin@x.edu")
    copy = _copy(app, admin)  # kept by the admin, to use after the demotion
    token = csrf_token(copy.get("/").get_data(as_text=True))
    assert admin.get(ADMIN_ONLY_COURSE).status_code == 200
    with admin_conn.cursor() as cur:
        cur.execute("update app.users set is_admin = false where email = 'admin@x.edu'")
    assert _signed_out(admin.get(ADMIN_ONLY_COURSE)), "the same cookie no longer reads what only admins may"
    assert copy.get("/api/v3/user/").status_code == 401, "nor does a copy of it, through the API"
    acted = copy.post("/sudo/s1@a.edu", data={"csrf_token": token})
    assert _signed_out(acted), "nor can it act as anyone"
    assert _signed_out(_copy(app, admin).get("/sudo/s1@a.edu")), "or even ask to"
    assert scalar(admin_conn, "select count(*) from app.audit_log where action = 'sudo'") == 0
    assert scalar(admin_conn, "select count(*) from auth.sessions where sudo_by is not null") == 0
    again = _signed_in(app, "admin@x.edu")
    assert again.get(ADMIN_ONLY_COURSE).status_code == 403, "signing in again gives the role the user has now"


def test_unenrollment_takes_effect_on_the_next_request(app, admin_conn):
    ta = _signed_in(app, "ta@a.edu")
    assert ta.get(COURSE).status_code == 200
    with admin_conn.cursor() as cur:
        cur.execute("delete from app.enrollments where user_id = (select id from app.users where email = 'ta@a.edu')")
    assert ta.get(COURSE).status_code == 403


def test_a_token_without_a_jti_is_refused(app, admin_conn):
    user_id = scalar(admin_conn, "select id from app.users where email = 's1@a.edu'")
    forged = tokens.sign({"role": "ok_user", "sub": str(user_id), "email": "s1@a.edu"})
    refused = _api_user(app, forged)
    assert refused.status_code == 401 and refused.json["message"] == "Token has no jti"
    admin_id = scalar(admin_conn, "select id from app.users where email = 'admin@x.edu'")
    assert _api_user(app, tokens.sign({"role": "ok_admin", "sub": str(admin_id)})).status_code == 401
    assert _api_user(app, _issue_token(admin_conn, "s1@a.edu")).status_code == 200, "issued tokens carry a jti"


def test_the_devices_page_lists_browsers_and_signs_one_out(app):
    laptop = _signed_in(app, "s1@a.edu", agent="Laptop browser")
    phone = _signed_in(app, "s1@a.edu", agent="Phone browser")
    page = laptop.get("/settings/tokens").get_data(as_text=True)
    assert "Laptop browser" in page and "Phone browser" in page and page.count('name="session_id"') == 2
    assert page.count("this browser") == 1
    phone_id = _session_id(page, "Phone browser")
    revoked = _post(laptop, "/settings/tokens", "/settings/tokens", revoke="session", session_id=phone_id)
    assert revoked.status_code == 302
    assert _signed_out(phone.get("/settings/tokens")), "the phone is signed out at once"
    assert laptop.get("/settings/tokens").status_code == 200, "the laptop is not"


def _session_id(page: str, agent: str) -> str:
    row = page[page.index(agent):]
    return row[row.index('name="session_id" value="') + len('name="session_id" value="'):].split('"', 1)[0]


def test_sign_out_everywhere_revokes_other_sessions_and_oauth_tokens(app, admin_conn):
    laptop = _signed_in(app, "s1@a.edu")
    phone = _signed_in(app, "s1@a.edu")
    token = _issue_token(admin_conn, "s1@a.edu")
    other = _signed_in(app, "s2@a.edu")
    assert _api_user(app, token).status_code == 200
    done = _post(laptop, "/settings/tokens", "/settings/tokens", revoke="everywhere")
    assert done.status_code == 302
    assert "Sign in" in laptop.get("/").get_data(as_text=True), "this browser is signed out"
    assert _signed_out(phone.get("/settings/tokens")), "so is every other browser"
    assert _api_user(app, token).status_code == 401, "and every OAuth token"
    assert other.get("/settings/tokens").status_code == 200, "other users are not"


def test_sudo_actions_are_audited_as_the_admin_who_acted(app, admin_conn):
    admin = _signed_in(app, "admin@x.edu")
    assert _post(admin, "/sudo/ta@a.edu", "/sudo/ta@a.edu").status_code == 302
    granted = _post(admin, "/staff/cal/cs61a/fa26/hw01/grant_extension", COURSE, email="s2@a.edu",
                    expires="2099-01-01T23:59", reason="Sick")
    assert granted.status_code == 302
    row = _one(admin_conn, "select u.email, l.actor, r.email from app.audit_log as l "
                           "join app.users as u on u.id = l.actor_id join app.users as r on r.id = l.real_actor_id "
                           "where l.table_name = 'extensions'")
    assert row == ("ta@a.edu", "ta@a.edu", "admin@x.edu"), "the impersonated TA and the admin who really acted"
    assert "Stop acting as ta@a.edu" in admin.get("/").get_data(as_text=True)
    authorize = "/oauth/authorize?client_id=ok-client&redirect_uri=http://127.0.0.1:6165/&scope=all&state=s"
    consent = _post(admin, authorize, authorize, confirm="yes")
    assert "error=access_denied" in consent.location, "no OAuth token for the TA while the admin acts as them"
    assert scalar(admin_conn, "select count(*) from auth.oauth_grants") == 0


def _one(conn, sql: str):
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()


def test_leaving_sudo_restores_the_admin(app, admin_conn):
    admin = _signed_in(app, "admin@x.edu")
    own_cookie = admin.get_cookie("session").value
    _post(admin, "/sudo/s1@a.edu", "/sudo/s1@a.edu")
    acting = _copy(app, admin)
    assert admin.get(ADMIN_ONLY_COURSE).status_code == 403, "acting as a student: a student's view"
    left = _post(admin, "/unsudo/")
    assert left.status_code == 302 and left.location == "/"
    html = admin.get("/").get_data(as_text=True)
    assert "admin@x.edu" in html and "Stop acting as" not in html and "You are no longer acting as s1@a.edu" in html
    assert admin.get(ADMIN_ONLY_COURSE).status_code == 200, "the admin's own session, without signing in again"
    assert _signed_out(acting.get("/settings/tokens")), "the impersonation session has ended"
    mine = app.test_client()
    mine.set_cookie("session", own_cookie)
    assert mine.get(ADMIN_ONLY_COURSE).status_code == 200, "it is the same session the admin started from"
    assert scalar(admin_conn, "select count(*) from app.audit_log where action = 'sudo_end' "
                              "and actor = 'admin@x.edu'") == 1


def test_an_admin_demoted_while_acting_is_signed_out_when_leaving(app, admin_conn):
    admin = _signed_in(app, "admin@x.edu")
    _post(admin, "/sudo/s1@a.edu", "/sudo/s1@a.edu")
    page = admin.get("/").get_data(as_text=True)
    with admin_conn.cursor() as cur:
        cur.execute("update app.users set is_admin = false where email = 'admin@x.edu'")
    left = admin.post("/unsudo/", data={"csrf_token": csrf_token(page)})
    assert _signed_out(left)
    assert "Sign in" in admin.get("/").get_data(as_text=True)
