"""okadmin import-okpy (issue #14, point 2) against a real MariaDB server the test starts (Debian's
mariadb-server), loaded with the okpy/ok schema and generated data with the original's known
data problems planted: the counts and contents arrive, the problems are mapped to v3's rules
and reported, nothing is mailed or audited, an interrupted import resumes without duplicates,
and the imported course works in v3 (its final submissions, through the api)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from ops import import_okpy
from tests.py import dbutil
from tests.py.okpy_v1 import MariaDB, generate
from web.settings import ROOT


@pytest.fixture(scope="module")
def v1(tmp_path_factory):
    with MariaDB(tmp_path_factory.mktemp("mariadb")) as server:
        conn = server.create("okpy")
        planted = generate(conn)
        yield server, conn, planted
        conn.close()


def _v1(conn, query: str, args=()):
    with conn.cursor() as cur:
        cur.execute(query, args)
        return cur.fetchall()


def _scalar(url: str, query: str, args=()):
    import psycopg2

    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(query, args)
        answer = cur.fetchone()[0]
    conn.close()
    return answer


def test_okadmin_imports_an_okpy_database_and_reports_its_problems(v1, db):
    server, conn, planted = v1
    env = {**os.environ, "DATABASE_URL": db[1]}
    done = subprocess.run([sys.executable, "-m", "ops.okadmin", "import-okpy", server.url("okpy"), "--batch", "25"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    summary = done.stdout
    url = db[1]
    good = _v1(conn, "select id from course where offering = 'cal/cs61a/fa19'")[0][0]
    # counts: what v1 holds for the course v3 can serve
    backups = _v1(conn, "select count(*) from backup b join assignment a on a.id = b.assignment_id "
                        "where a.course_id = %s", (good,))[0][0]
    messages = _v1(conn, "select count(*) from message m join backup b on b.id = m.backup_id "
                         "join assignment a on a.id = b.assignment_id where a.course_id = %s", (good,))[0][0]
    emails = _v1(conn, "select count(distinct lower(email)) from `user`")[0][0]
    assert _scalar(url, "select count(*) from app.users") == emails
    assert _scalar(url, "select count(*) from app.courses") == 1
    assert _scalar(url, "select count(*) from app.backups") == backups
    assert _scalar(url, "select count(*) from app.messages") == messages
    assert _scalar(url, "select count(*) from app.comments") == planted["comments"]
    assert _scalar(url, "select count(*) from app.group_members where status = 'active'") == 60
    assert _scalar(url, "select count(*) from app.extensions") == 1
    assert _scalar(url, "select string_agg(role::text, ',' order by role) from app.enrollments "
                        "where role <> 'student'") == "reader,ta,instructor"
    # contents: a backup's messages, ids kept, as JSON
    some = _v1(conn, "select b.id, m.kind, m.contents from backup b join message m on m.backup_id = b.id "
                     "where b.assignment_id = (select min(id) from assignment) order by b.id limit 3")
    for backup_id, kind, contents in some:
        assert _scalar(url, "select contents from app.messages where backup_id = %s and kind = %s",
                       (backup_id, kind)) == json.loads(contents)
    # the original's problems, mapped to v3's rules
    assert _scalar(url, "select lock_at = due_at from app.assignments where name = 'cal/cs61a/fa19/hw02'")
    assert _scalar(url, "select not submit and custom_submission_time is null from app.backups where id = %s",
                   (planted["forced"],)), "§8.2 #2/#3: the forced submission is a backup again, its stamp cleared"
    assert not _scalar(url, "select flagged from app.backups where id = %s", (planted["flagged_plain"],))
    first, second = planted["flags"]
    assert _scalar(url, "select array_agg(id order by id) from app.backups where flagged") == [second]
    doubled, newest = planted["doubled_score"]
    assert _scalar(url, "select array_agg(id) from app.scores where backup_id = %s and not archived",
                   (doubled,)) == [newest]
    assert _scalar(url, "select contents from app.messages where backup_id = %s and kind = 'email'",
                   (planted["odd_messages"],)) == "not json {"
    assert _scalar(url, "select contents ->> 'out' from app.messages where backup_id = %s and kind = 'tracing'",
                   (planted["odd_messages"],)) == "ab"
    for line in ("e-mails differing only in case merged into one user",
                 "lock dates before the due date moved to the due date",
                 "submissions an extension forced (§8.2 #2) kept as backups",
                 "flags on plain backups cleared", "a second flag of a student on an assignment: the newest kept",
                 "contents that were not JSON kept as a JSON string",
                 "refused by OK v3's rules (courses_offering_format)"):
        assert line in summary, summary
    # history is imported quietly: no mail, no audit rows, no autograding
    assert _scalar(url, "select count(*) from app.email_outbox") == 0
    assert _scalar(url, "select count(*) from app.audit_log") == 0
    assert _scalar(url, "select count(*) from app.jobs where name like 'autograde%%'") == 0
    # new rows get new ids after the kept ones
    assert _scalar(url, "select nextval(pg_get_serial_sequence('app.backups', 'id')) > max(id) from app.backups")


def test_an_interrupted_import_resumes_without_duplicates(v1, db):
    server, conn, _ = v1
    url = db[1]

    class Stop(Exception):
        pass

    class StopAfterTwoBatches(io.StringIO):
        def write(self, text: str) -> int:
            if text.startswith("import-okpy: backups:") and self.getvalue().count("import-okpy: backups:") >= 2:
                raise Stop()
            return super().write(text)

    with pytest.raises(Stop):
        import_okpy.Importer(server.url("okpy"), url, batch=20, progress=StopAfterTwoBatches()).run()
    partial = _scalar(url, "select count(*) from app.backups")
    assert 0 < partial <= 60
    import_okpy.Importer(server.url("okpy"), url, batch=20, progress=io.StringIO()).run()
    total = _scalar(url, "select count(*) from app.backups")
    assert total > partial
    again = import_okpy.Importer(server.url("okpy"), url, batch=20, progress=io.StringIO()).run()
    assert again.imported["backups"] == 0 and again.imported["users"] == 0, "a re-run adds nothing"
    assert _scalar(url, "select count(*) from app.backups") == total
    assert _scalar(url, "select count(*) from (select backup_id, kind from app.messages group by 1, 2 "
                        "having count(*) > 1) as d") == 0


def test_an_import_refuses_a_database_that_holds_other_data(v1, db, admin_conn):
    server, _, _ = v1
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    with pytest.raises(SystemExit, match="import into an empty database"):
        import_okpy.Importer(server.url("okpy"), db[1], progress=io.StringIO()).run()


def test_the_imported_course_works_in_v3(v1, db):
    server, _, _ = v1
    import_okpy.Importer(server.url("okpy"), db[1], progress=io.StringIO()).run()
    import psycopg2

    with psycopg2.connect(dbutil.url_for(db[0])) as conn, conn.cursor() as cur:
        cur.execute("select tests.act_as('ta@v1.edu')")
        cur.execute("select api.final_submissions('cal/cs61a/fa19/hw01')")
        finals = cur.fetchone()[0]
    conn.close()
    units = finals["units"] if isinstance(finals, dict) and "units" in finals else finals
    assert len(units) >= 10
