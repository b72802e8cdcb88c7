"""One definition per rule: what different pages and exports show of the same fact agrees.

On the demo course (sql/seed/demo.sql) and on a generated course (bench/generate_course.sql at
a size a test can afford), as the instructor through the api exactly as the pages and the
/api/v3 export call it:

- the gradebook page (api.gradebook) and the grades CSV (GET /api/v3/course/<offering>/grades)
  have the same columns and, cell by cell, the same values.
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
