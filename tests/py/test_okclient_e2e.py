"""The unmodified ok-client (okpy 1.18.1 from PyPI) against OK v3 on 127.0.0.1.

Every case runs the real `ok` command headless, in its own working directory and HOME,
under `timeout`, and asserts on what it printed and on what the API then returns.
"""

from __future__ import annotations

import json
import os
import re
import subprocess

import psycopg2.sql
import pytest
import requests

from tests.py import dbutil
from tests.py.live import (
    OK_CLIENT_SECRET,
    LiveServer,
    browser_sign_in,
    consent,
    make_assignment_dir,
    read_token_cache,
    run_ok,
    seed_token_cache,
)
from web import create_app
from web.settings import ROOT

SECRET = "end-to-end-secret-0123456789abcdefghijkl"
COURSE = "cal/cs61a/sp24"
OPEN = f"{COURSE}/hw01"        # due tomorrow
LOCKED = f"{COURSE}/hw00"      # closed yesterday
REVISABLE = f"{COURSE}/proj1"  # closed, revisions allowed
STUDENT = "student@example.com"


@pytest.fixture
def server(db, admin_conn, monkeypatch):
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    with admin_conn.cursor() as cur:
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"e2e\"}', false)")
        cur.execute("insert into app.users (email, name) values (%s, 'Stu'), ('ta@example.com', 'Tia')", (STUDENT,))
        cur.execute("insert into app.courses (offering, display_name) values (%s, 'CS 61A')", (COURSE,))
        cur.execute(
            """
            insert into app.enrollments (user_id, course_id, role)
            select u.id, c.id, case when u.email like 'ta@%%' then 'ta' else 'student' end::app.course_role
            from app.users u, app.courses c
            """
        )
        cur.execute(
            """
            insert into app.assignments (course_id, name, display_name, due_at, lock_at, revisions_allowed)
            select c.id, a.name, a.display, now() + a.due_in, now() + a.due_in + interval '1 hour', a.revisions
            from app.courses c cross join (values
              (%s, 'Homework 1', interval '1 day', false),
              (%s, 'Homework 0', interval '-2 days', false),
              (%s, 'Project 1', interval '-2 days', true)) as a (name, display, due_in, revisions)
            """,
            (OPEN, LOCKED, REVISABLE),
        )
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ACCESS_TOKEN_LIFETIME": 3600})
    with LiveServer(app) as live:
        live.db_url = db[1]
        yield live
    app.extensions["okv3_database"].close()


def okadmin_token(server, email: str, *extra: str) -> dict:
    env = dict(os.environ, DATABASE_URL=server.db_url, OK_JWT_SECRET=SECRET)
    env.pop("OK_AUTHENTICATOR_URL", None)
    out = subprocess.run([str(ROOT / ".venv/bin/okadmin"), "token", "issue", email, "--json", *extra],
                         env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def api(server, path: str, email: str = "ta@example.com") -> dict:
    token = okadmin_token(server, email)["access_token"]
    return requests.get(server.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=10).json()


@pytest.fixture
def student_home(tmp_path, server):
    home = tmp_path / "home"
    seed_token_cache(home, okadmin_token(server, STUDENT)["access_token"])
    return home


def _server(server) -> str:
    return f"127.0.0.1:{server.port}"


def _key(output: str, kind: str, assignment: str, server) -> str:
    match = re.search(rf"URL: http://127\.0\.0\.1:{server.port}/{re.escape(assignment)}/{kind}/(\w+)", output)
    assert match, output
    return match.group(1)


def test_submit(server, student_home, tmp_path):
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    run = run_ok(work, student_home, _server(server), "--submit", "--nointeract")
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Submission successful for user: {STUDENT}" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr and "Could not submit" not in run.stdout
    key = _key(run.stdout, "submissions", OPEN, server)
    backup = api(server, f"/api/v3/backups/{key}/")["data"]
    assert backup["submit"] is True and backup["submitter"]["email"] == STUDENT
    messages = {m["kind"]: m["contents"] for m in backup["messages"]}
    assert messages["file_contents"]["hw.py"] == (work / "hw.py").read_text()
    assert messages["file_contents"]["submit"] is True
    assert messages["grading"]["square"] == {"passed": 1, "failed": 0, "locked": 0}
    assert "analytics" in messages
    # The landing URL the client printed resolves for the student (after signing in).
    browser = requests.Session()
    browser_sign_in(browser, server.url, STUDENT)
    assert browser.get(f"{server.url}/{OPEN}/submissions/{key}/").status_code == 200


def test_backup_and_plain_run(server, student_home, tmp_path):
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    run = run_ok(work, student_home, _server(server), "--backup", "--nointeract")
    assert f"Backup successful for user: {STUDENT}" in run.stdout and "NOTE: this is only a backup" in run.stdout
    key = _key(run.stdout, "backups", OPEN, server)
    assert api(server, f"/api/v3/backups/{key}/")["data"]["submit"] is False

    plain = run_ok(work, student_home, _server(server), "--nointeract")
    assert plain.returncode == 0 and f"Backup successful for user: {STUDENT}" in plain.stdout
    assert "URL:" not in plain.stdout
    export = api(server, f"/api/v3/assignment/{OPEN}/export/{STUDENT}")["data"]
    assert export["count"] == 2 and [b["submit"] for b in export["backups"]] == [False, False]
    clients = {m["kind"] for m in export["backups"][0]["messages"]}
    assert {"file_contents", "analytics", "grading"} <= clients


def test_submit_after_the_lock_date_is_refused_and_kept_as_a_backup(server, student_home, tmp_path):
    work = make_assignment_dir(tmp_path / "hw00", LOCKED)
    run = run_ok(work, student_home, _server(server), "--submit", "--nointeract")
    assert run.returncode == 0
    assert f"Could not submit: Late Submission of {LOCKED}" in run.stdout
    export = api(server, f"/api/v3/assignment/{LOCKED}/export/{STUDENT}")["data"]
    assert export["count"] >= 1 and not any(b["submit"] for b in export["backups"])


def test_revise_allowed_and_refused(server, student_home, tmp_path, admin_conn):
    with admin_conn.cursor() as cur:  # a submission made before the deadline
        cur.execute(
            "insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at) "
            "select a.id, a.course_id, u.id, true, a.due_at - interval '1 hour' from app.assignments a, app.users u "
            "where a.name = %s and u.email = %s", (REVISABLE, STUDENT),
        )
    work = make_assignment_dir(tmp_path / "proj1", REVISABLE)
    run = run_ok(work, student_home, _server(server), "--revise", "--nointeract")
    assert f"Revision successful for user: {STUDENT}" in run.stdout, run.stdout
    with admin_conn.cursor() as cur:
        cur.execute("select value, archived from app.scores where kind = 'revision'")
        assert cur.fetchall() == [(2, False)]

    refused_dir = make_assignment_dir(tmp_path / "hw00", LOCKED)
    refused = run_ok(refused_dir, student_home, _server(server), "--revise", "--nointeract")
    assert f"Could not revise: Revisions are not enabled for {LOCKED}" in refused.stdout


def test_an_expired_access_token_is_refreshed(server, tmp_path):
    pair = okadmin_token(server, STUDENT)
    home = tmp_path / "home"
    seed_token_cache(home, "expired-access-token", pair["refresh_token"], expires_in=-100)
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    run = run_ok(work, home, _server(server), "--backup", "--nointeract")
    assert f"Backup successful for user: {STUDENT}" in run.stdout, run.stdout + run.stderr
    cache = read_token_cache(home)
    assert cache["access_token"] != "expired-access-token"
    assert cache["refresh_token"] == pair["refresh_token"]  # 1.18.1 keeps the old one...
    again = run_ok(work, home, _server(server), "--backup", "--nointeract")  # ...which must still work
    assert f"Backup successful for user: {STUDENT}" in again.stdout


def test_a_wrong_token_stores_nothing(server, tmp_path, admin_conn):
    home = tmp_path / "home"
    seed_token_cache(home, "not-a-token")
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    run = run_ok(work, home, _server(server), "--submit", "--nointeract")
    assert run.returncode == 1
    assert "Cannot pass in --authenticate and --nointeract" in run.stdout + run.stderr
    with admin_conn.cursor() as cur:
        cur.execute("select count(*) from app.backups")
        assert cur.fetchone()[0] == 0


def test_get_token_with_a_pasted_code(server, tmp_path):
    browser = requests.Session()
    browser_sign_in(browser, server.url, STUDENT)
    to_code_page = consent(browser, f"{server.url}/client/login/")
    page = browser.get(server.url + to_code_page.headers["Location"]).text
    code = re.search(r'<pre class="okv3-code fs-4" id="code">(\w+)</pre>', page).group(1)
    home = tmp_path / "home"
    home.mkdir()
    run = run_ok(tmp_path, home, _server(server), "--get-token", "--no-browser", stdin=code + "\n")
    assert run.returncode == 0, run.stdout + run.stderr
    token = re.search(r"Token: (\S+)", run.stdout).group(1)
    me = requests.get(f"{server.url}/api/v3/user/", headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    assert me["data"]["email"] == STUDENT


def test_browser_flow_through_the_loopback_redirect(server, tmp_path):
    wrapper = tmp_path / "browser.sh"
    wrapper.write_text(
        "#!/bin/sh\n"
        f'(cd {ROOT} && PYTHONPATH={ROOT} {ROOT}/.venv/bin/python -m tests.py.browser_login "$1" {STUDENT} '
        f"> {tmp_path}/browser.log 2>&1 &)\nexit 0\n"
    )
    wrapper.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    run = run_ok(work, home, _server(server), "--authenticate", "--backup", stdin=STUDENT + "\n",
                 browser=f"{wrapper} %s")
    assert f"Backup successful for user: {STUDENT}" in run.stdout, run.stdout + run.stderr
    assert read_token_cache(home)["refresh_token"]


def test_queued_messages_are_replayed(server, student_home, tmp_path):
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    nowhere = f"127.0.0.1:{dbutil.os.getpid() % 1000 + 1}"  # a port nothing listens on
    offline = run_ok(work, student_home, nowhere, "--nointeract")
    assert offline.returncode == 0 and (work / ".ok_messages").exists()
    online = run_ok(work, student_home, _server(server), "--backup", "--nointeract")
    assert f"Backup successful for user: {STUDENT}" in online.stdout
    export = api(server, f"/api/v3/assignment/{OPEN}/export/{STUDENT}")["data"]
    assert export["count"] == 2, "the current backup and the one queued while offline"


def test_the_token_endpoint_refuses_a_wrong_secret(server):
    reply = requests.post(f"{server.url}/oauth/token", data={
        "grant_type": "refresh_token", "client_id": "ok-client", "client_secret": OK_CLIENT_SECRET + "x",
        "refresh_token": "whatever"}, timeout=10)
    assert reply.status_code == 401 and reply.json()["error"] == "invalid_client"


def test_a_student_over_the_allowance_is_refused_and_ok_client_sends_it_later(server, student_home, tmp_path,
                                                                                admin_conn):
    """Per-user rate limiting (issue #12, point 5): past the allowance the real client gets the
    429 envelope, keeps the backup in .ok_messages, and its next run, once the allowance has
    refilled, stores it."""
    database = psycopg2.sql.Identifier(admin_conn.info.dbname)
    with admin_conn.cursor() as cur:  # an allowance of one backup and almost no refill, for this test
        cur.execute(psycopg2.sql.SQL("alter database {} set okv3.intake_burst = 1").format(database))
        cur.execute(psycopg2.sql.SQL("alter database {} set okv3.intake_per_second = 0.0001").format(database))
    server.server.app.extensions["okv3_database"].close()  # new connections take the settings
    work = make_assignment_dir(tmp_path / "hw01", OPEN)
    first = run_ok(work, student_home, _server(server), "--backup", "--nointeract")
    assert f"Backup successful for user: {STUDENT}" in first.stdout
    refused = run_ok(work, student_home, _server(server), "--backup", "--nointeract")
    assert "Backup successful" not in refused.stdout and "Traceback" not in refused.stdout + refused.stderr
    assert (work / ".ok_messages").exists(), "the client keeps the refused backup"
    with admin_conn.cursor() as cur:  # a while later, with the usual burst: the allowance has refilled
        cur.execute(psycopg2.sql.SQL("alter database {} set okv3.intake_burst = 120").format(database))
        cur.execute("update app.intake_allowances set refreshed_at = refreshed_at - interval '1 day'")
    server.server.app.extensions["okv3_database"].close()
    later = run_ok(work, student_home, _server(server), "--backup", "--nointeract")
    assert f"Backup successful for user: {STUDENT}" in later.stdout
    export = api(server, f"/api/v3/assignment/{OPEN}/export/{STUDENT}")["data"]
    assert export["count"] == 3, "the first, the refused one sent again, and the last"
