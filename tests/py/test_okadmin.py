"""okadmin, the console script in .venv/bin, against a real migrated database."""

from __future__ import annotations

import json
import os
import subprocess

import jwt
import pytest

from ops.okadmin import main as okadmin_main
from tests.py.conftest import scalar
from web.settings import ROOT

OKADMIN = ROOT / ".venv" / "bin" / "okadmin"
SECRET = "test-secret-for-okadmin-0123456789abcdef"


@pytest.fixture
def okadmin(db):
    env = dict(os.environ, DATABASE_URL=db[1], OK_JWT_SECRET=SECRET)
    env.pop("OK_AUTHENTICATOR_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(OKADMIN), *args], env=env, capture_output=True, text=True, timeout=60)

    return run


def _counts(conn) -> tuple:
    return scalar(
        conn,
        "select array[(select count(*) from app.users), (select count(*) from app.courses), "
        "(select count(*) from app.assignments), (select count(*) from app.enrollments), "
        "(select count(*) from auth.oauth_tokens), (select count(*) from app.client_versions)]",
    )


def test_sets_up_a_course_end_to_end(okadmin, admin_conn):
    assert okadmin("user", "create", "prof@berkeley.edu", "--name", "Prof", "--admin").returncode == 0
    assert scalar(admin_conn, "select is_admin from app.users where email = 'prof@berkeley.edu'") is True

    made = okadmin("course", "create", "cal/cs61a/sp27", "--name", "CS 61A", "--timezone", "America/Los_Angeles")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["offering"] == "cal/cs61a/sp27"

    made = okadmin(
        "assignment", "create", "cal/cs61a/sp27/hog", "--display-name", "Hog",
        "--due", "2027-02-10T23:59", "--lock", "2027-02-11T23:59", "--group-size", "2", "--revisions",
    )
    assert made.returncode == 0, made.stderr
    assert scalar(
        admin_conn,
        "select due_at = '2027-02-11 07:59:00+00' and max_group_size = 2 and revisions_allowed "
        "from app.assignments where name = 'cal/cs61a/sp27/hog'",
    )

    made = okadmin(
        "enroll", "cal/cs61a/sp27", "oski@berkeley.edu", "--role", "student", "--sid", "3031", "--section", "7"
    )
    assert made.returncode == 0, made.stderr
    assert scalar(
        admin_conn,
        "select e.role::text || '/' || e.sid || '/' || e.section from app.enrollments as e "
        "join app.users as u on u.id = e.user_id where u.email = 'oski@berkeley.edu'",
    ) == "student/3031/7"

    made = okadmin("token", "issue", "oski@berkeley.edu", "--json", "--expires-in", "600")
    assert made.returncode == 0, made.stderr
    pair = json.loads(made.stdout)
    assert set(pair) >= {"access_token", "refresh_token", "expires_in"}
    assert pair["expires_in"] == 600
    claims = jwt.decode(pair["access_token"], SECRET, algorithms=["HS256"])
    assert claims["email"] == "oski@berkeley.edu" and claims["role"] == "ok_user" and claims["scope"] == "all"
    stored = scalar(admin_conn, "select refresh_token_hash from auth.oauth_tokens where jti = %s", (claims["jti"],))
    assert stored != pair["refresh_token"] and len(stored) == 64

    plain = okadmin("token", "issue", "oski@berkeley.edu")
    assert plain.returncode == 0 and plain.stdout.count(".") == 2  # just the JWT

    made = okadmin("version", "set", "ok-client", "v1.18.1", "--download-link", "https://example.org/ok")
    assert made.returncode == 0, made.stderr
    assert scalar(admin_conn, "select current_version from app.client_versions where name = 'ok-client'") == "v1.18.1"

    assert scalar(
        admin_conn, "select count(*) from app.audit_log where actor = 'okadmin' and table_name = 'enrollments'"
    ) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (("course", "create", "cs61a-spring", "--name", "X"), "Malformed offering"),
        (("course", "create", "api/cs61a/sp27", "--name", "X"), "not allowed"),
        (("course", "create", "cal/cs61a/sp27", "--name", "X", "--timezone", "Moon/Base"), "Unknown timezone"),
        (("enroll", "cal/cs61a/sp27", "a@b.edu", "--role", "wizard"), "Unknown role"),
        (("enroll", "cal/nope/sp27", "a@b.edu", "--role", "student"), "No course"),
        (("assignment", "create", "cal/cs61a/sp27/hw1", "--display-name", "X",
          "--due", "2027-02-10T23:59", "--lock", "2027-02-09T23:59"), "lock date must not be before"),
        (("assignment", "create", "cal/cs61a/sp27/hw1", "--display-name", "X",
          "--due", "not-a-date", "--lock", "2027-02-09T23:59"), "Invalid date-time"),
        (("token", "issue", "nobody@b.edu"), "No user"),
        (("token", "issue", "oski@berkeley.edu", "--scope", "root"), "Unknown scope"),
        (("user", "create", "not-an-email"), "Malformed email"),
        (("version", "set", "ok-client", "latest"), "Malformed version"),
    ],
)
def test_rejects_bad_input_with_exit_2_and_changes_nothing(db, admin_conn, monkeypatch, capsys, args, message):
    # In-process, so that coverage sees okadmin; the console script itself is run above.
    monkeypatch.setenv("DATABASE_URL", db[1])
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    monkeypatch.delenv("OK_AUTHENTICATOR_URL", raising=False)
    assert okadmin_main(["course", "create", "cal/cs61a/sp27", "--name", "CS 61A"]) == 0
    assert okadmin_main(["enroll", "cal/cs61a/sp27", "oski@berkeley.edu", "--role", "student"]) == 0
    capsys.readouterr()
    before = _counts(admin_conn)
    assert okadmin_main(list(args)) == 2
    stderr = capsys.readouterr().err
    assert message in stderr
    assert stderr.startswith("okadmin: ")
    assert _counts(admin_conn) == before


def test_a_duplicate_is_refused_without_change(okadmin, admin_conn):
    assert okadmin("course", "create", "cal/cs61a/sp27", "--name", "CS 61A").returncode == 0
    again = okadmin("course", "create", "cal/cs61a/sp27", "--name", "Other")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert scalar(admin_conn, "select display_name from app.courses where offering = 'cal/cs61a/sp27'") == "CS 61A"


def test_unreachable_database_exits_1(tmp_path):
    env = dict(os.environ, DATABASE_URL="postgresql://nobody@127.0.0.1:1/none")
    result = subprocess.run([str(OKADMIN), "user", "create", "a@b.edu"], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "cannot reach the database" in result.stderr
