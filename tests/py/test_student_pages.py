"""The assignment page's actions: each form is one api call; refusals show the database's
message and change nothing."""

from __future__ import annotations

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import csrf_token, signed_in_client
from web import create_app

HW = "/cal/cs61a/fa26/hw01"
KEY_OF = (
    "select app.hashid_encode(b.id) from app.backups b join app.users u on u.id = b.submitter_id "
    "where u.email = %s and b.submit = %s"
)


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set max_group_size = 2, published_score_kinds = '{total}' "
                    "where name = 'cal/cs61a/fa26/hw01'")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def act(client, action, **fields):
    page = client.get(f"{HW}/")
    token = csrf_token(page.get_data(as_text=True))
    done = client.post(f"{HW}/{action}", data={"csrf_token": token, **fields}, follow_redirects=True)
    assert done.status_code == 200
    return done.get_data(as_text=True)


def test_flag_and_unflag(app, admin_conn):
    client = signed_in_client(app, "s1@a.edu")
    key = scalar(admin_conn, KEY_OF, ("s1@a.edu", False))
    assert f"Flagged {key}" in act(client, "flag", key=key)
    assert scalar(admin_conn, "select submit and flagged from app.backups where id = app.hashid_decode(%s)", (key,))
    assert "Flag cleared" in act(client, "unflag")
    assert scalar(admin_conn, "select count(*) from app.backups where flagged") == 0


def test_a_foreign_key_is_refused_with_the_databases_message(app, admin_conn):
    other = scalar(admin_conn, KEY_OF, ("s2@a.edu", True))
    html = act(signed_in_client(app, "s1@a.edu"), "flag", key=other)
    assert "You can only flag a backup of your own group" in html
    assert scalar(admin_conn, "select count(*) from app.backups where flagged") == 0


def test_invite_accept_and_leave(app, admin_conn):
    s1, s2 = signed_in_client(app, "s1@a.edu"), signed_in_client(app, "s2@a.edu")
    assert "Invited s2@a.edu" in act(s1, "invite", email="s2@a.edu")
    assert "You joined the group" in act(s2, "accept")
    page = s1.get(f"{HW}/").get_data(as_text=True)
    assert "s2@a.edu" in page and "leave" in page
    assert "is not a student of this course" in act(s1, "invite", email="s1@b.edu")
    assert "s2@a.edu is out of the group" in act(s2, "remove", email="s2@a.edu")
    assert scalar(admin_conn, "select count(*) from app.groups") == 0


def test_decline_and_request_an_extension(app, admin_conn):
    s1, s2 = signed_in_client(app, "s1@a.edu"), signed_in_client(app, "s2@a.edu")
    act(s1, "invite", email="s2@a.edu")
    assert "Invitation declined" in act(s2, "decline")
    assert "sent to the course staff" in act(s2, "request_extension", reason="Family emergency")
    assert "already have a pending request" in act(s2, "request_extension", reason="Again")
    assert scalar(admin_conn, "select count(*) from app.extension_requests where status = 'pending'") == 1


def test_scores_and_extended_deadline_show_on_the_page(app, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value, message) "
                    "select b.id, b.assignment_id, b.course_id, b.submitter_id, k, 9, 'well done' "
                    "from app.backups b join app.users u on u.id = b.submitter_id, unnest(array['total', 'private']) k "
                    "where u.email = 's1@a.edu' and b.submit")
        cur.execute("insert into app.extensions (assignment_id, course_id, user_id, expires_at) "
                    "select a.id, a.course_id, u.id, a.lock_at + interval '5 days' from app.assignments a, app.users u "
                    "where a.name = 'cal/cs61a/fa26/hw01' and u.email = 's1@a.edu'")
    html = signed_in_client(app, "s1@a.edu").get(f"{HW}/").get_data(as_text=True)
    assert "well done" in html and "private" not in html
    assert "extended" in html


def test_actions_need_the_csrf_token(app, admin_conn):
    client = signed_in_client(app, "s1@a.edu")
    assert client.post(f"{HW}/unflag").status_code == 400
    assert client.post(f"{HW}/not-an-action").status_code in (400, 404, 405)
