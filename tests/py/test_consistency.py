"""One definition per rule: what different pages and exports show of the same fact agrees.

On the demo course (sql/seed/demo.sql) and on a generated course (bench/generate_course.sql at
a size a test can afford), as the instructor through the api exactly as the pages and the
/api/v3 export call it:

- the gradebook page (api.gradebook) and the grades CSV (GET /api/v3/course/<offering>/grades)
  have the same columns and, cell by cell, the same values;
- for every student and assignment, what the student's own page shows (effective due and
  lock dates, the final submission, why it counts and whether it is late, each backup's
  lateness) is what staff are shown (api.deadlines, api.final_submissions).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import psycopg2
import pytest

from web.settings import ROOT

DEMO = "ok/demo101/fa26"
GENERATED = "cal/scale/fa26"


def _load(url: str, script: str, params: dict | None = None) -> None:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set local role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"seed\"}', true)")
        for name, value in (params or {}).items():
            cur.execute("select set_config(%s, %s, true)", (name, str(value)))
        cur.execute((ROOT / script).read_text())


def _as_user(cur, user_id: int, email: str, offering: str = "") -> None:
    cur.execute("reset role")
    claims = json.dumps({"role": "ok_user", "sub": str(user_id), "email": email})
    cur.execute("select set_config('role', 'ok_user', true), set_config('request.jwt.claims', %s, true), "
                "set_config('request.headers', %s, true)", (claims, json.dumps({"x-ok-offering": offering})))


def _as_staff(cur, offering: str) -> None:
    """Claims of the course's first instructor (or TA), as PostgREST would set them."""
    cur.execute("reset role")
    cur.execute(
        "select u.id, u.email from app.users u join app.enrollments e on e.user_id = u.id "
        "join app.courses c on c.id = e.course_id where c.offering = %s and e.role in ('instructor', 'ta') "
        "order by e.role desc, u.id limit 1", (offering,))
    user_id, email = cur.fetchone()
    claims = json.dumps({"role": "ok_user", "sub": str(user_id), "email": email})
    cur.execute("select set_config('role', 'ok_user', true), set_config('request.jwt.claims', %s, true), "
                "set_config('request.headers', %s, true)", (claims, json.dumps({"x-ok-offering": offering})))


def _gradebook_and_csv(url: str, offering: str):
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        _as_staff(cur, offering)
        cur.execute("select api.gradebook(%s), api.v3_course_grades_get()", (offering,))
        book, reply = cur.fetchone()
    assert reply["code"] == 200, reply
    return book, list(csv.reader(io.StringIO(reply["data"]["grades"])))


def _assert_same(book, table) -> int:
    header, *lines = table
    assert header == ["Email", "SID"] + [c["title"] for c in book["columns"]]
    assert [line[0] for line in lines] == [s["email"] for s in book["students"]]
    cells = 0
    for student, line in zip(book["students"], lines, strict=True):
        assert (student["sid"] or "") == line[1], student["email"]
        for column, page_value, csv_value in zip(book["columns"], student["cells"], line[2:], strict=True):
            assert Decimal(str(page_value)) == Decimal(csv_value), (student["email"], column["title"])
            cells += 1
    return cells


@pytest.fixture
def demo(db):
    _load(db[1], "sql/seed/demo.sql")
    return db[1]


def test_the_demo_gradebook_and_the_grades_csv_agree_cell_by_cell(demo):
    book, table = _gradebook_and_csv(demo, DEMO)
    assert _assert_same(book, table) > 0
    titles = [c["title"] for c in book["columns"]]
    # Every published kind has a column (okpy/ok's export dropped kinds like correctness).
    assert any("(Correctness)" in t for t in titles), titles
    # And the numbers are not all zero: the demo has graded work.
    assert any(v for s in book["students"] for v in s["cells"])


def test_a_generated_course_gradebook_and_csv_agree_cell_by_cell(db):
    _load(db[1], "bench/generate_course.sql", {"bench.students": 200, "bench.backups_per_student": 5})
    book, table = _gradebook_and_csv(db[1], GENERATED)
    assert len(book["students"]) == 200
    assert _assert_same(book, table) == 200 * len(book["columns"]) > 0


def _students_and_staff_agree(url: str, offering: str) -> int:
    """Every student's page against the staff pages, assignment by assignment."""
    compared = 0
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "select a.name from app.assignments a join app.courses c on c.id = a.course_id "
            "where c.offering = %s and a.visible order by a.name", (offering,))
        assignments = [row[0] for row in cur.fetchall()]
        cur.execute(
            "select u.id, u.email from app.users u join app.enrollments e on e.user_id = u.id "
            "join app.courses c on c.id = e.course_id where c.offering = %s and e.role = 'student' order by u.email",
            (offering,))
        students = cur.fetchall()
        for name in assignments:
            _as_staff(cur, offering)
            cur.execute("select email, due_at, lock_at from api.deadlines(%s)", (name,))
            deadlines = {email: (due, lock) for email, due, lock in cur.fetchall()}
            cur.execute("select members, backup_key, is_submission, effective_due, late_by is not null, reason "
                        "from api.final_submissions(%s)", (name,))
            finals = {}
            for members, key, is_submission, due, late, reason in cur.fetchall():
                for email in members:
                    finals[email] = (key, is_submission, due, late, reason)
            for user_id, email in students:
                _as_user(cur, user_id, email, offering)
                cur.execute("select api.assignment_page(%s)", (name,))
                page = cur.fetchone()[0]
                assert page is not None, (email, name)
                due, lock = deadlines[email]
                assert (_ts(page["my_due"]), _ts(page["my_lock"])) == (due, lock), (email, name)
                key, is_submission, effective_due, late, reason = finals[email]
                assert effective_due == due, (email, name)
                if key is None:
                    assert page["final"] is None, (email, name)
                else:
                    final = page["final"]
                    assert (final["key"], final["is_submission"], final["reason"]) == (key, is_submission, reason), (
                        email, name)
                    assert (final["late_by"] is not None) == late, (email, name)
                    shown = {b["key"]: b["late"] for b in page["backups"]}
                    if key in shown:
                        assert shown[key] == late, (email, name, key)
                compared += 1
    return compared


def _ts(value: str):
    from datetime import datetime

    return datetime.fromisoformat(value)


def test_every_demo_student_sees_what_staff_see(demo):
    assert _students_and_staff_agree(demo, DEMO) >= 30


def test_every_generated_student_sees_what_staff_see(db):
    _load(db[1], "bench/generate_course.sql", {"bench.students": 100, "bench.backups_per_student": 9})
    # Make the rules bite: an extension with a custom submission time for a student who
    # submitted late, and a staff override of another student's final submission time.
    with psycopg2.connect(db[1]) as conn, conn.cursor() as cur:
        cur.execute("set local role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"test\"}', true)")
        cur.execute("""
            insert into app.extensions (assignment_id, course_id, user_id, staff_id, reason, expires_at,
                                        custom_submission_time)
            select a.id, a.course_id, u.id, null, 'test', a.due_at + interval '3 days', a.due_at - interval '1 hour'
            from app.assignments a cross join app.users u
            where a.name = 'cal/scale/fa26/a3' and u.email in ('student3@scale.edu', 'student8@scale.edu')
            on conflict do nothing""")
        cur.execute("""
            update app.backups b set custom_submission_time = a.due_at + interval '5 days'
            from app.assignments a, app.users u
            where b.assignment_id = a.id and a.name = 'cal/scale/fa26/a4' and b.submitter_id = u.id
              and u.email = 'student11@scale.edu' and b.submit""")
    assert _students_and_staff_agree(db[1], GENERATED) == 100 * 10
