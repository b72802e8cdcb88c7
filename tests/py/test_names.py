"""Course and assignment names: the format is the database's (the check on app.courses, the
trigger on app.assignments); the URL converters accept every name it accepts, and a name it
does not know is answered by the database, with its reason."""

from __future__ import annotations

import psycopg2
import pytest

from tests.py import dbutil
from tests.py.live import signed_in_client
from web import create_app

# Names at the edges of what the database accepts: dashes, underscores, digits, capitals, and
# (assignments' last part is a \w word in PostgreSQL) letters beyond ASCII.
OFFERINGS = ["uc-b/CS_61A-x/su99", "a/b/yr00", "9/9/wi10"]
ASSIGNMENT_WORDS = ["hw_1", "Proj01", "ü_lab"]


@pytest.fixture
def app(db):
    return create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "TESTING": True})


def test_every_name_the_database_accepts_has_its_urls(app, admin_conn):
    urls = app.url_map.bind("localhost")
    with admin_conn.cursor() as cur:
        for offering in OFFERINGS:
            cur.execute("insert into app.courses (offering, display_name) values (%s, 'Edge') returning id",
                        (offering,))
            course_id = cur.fetchone()[0]
            assert urls.match(f"/staff/{offering}/") == ("staff.course", {"offering": offering})
            assert urls.match(f"/staff/{offering}/gradebook") == ("staff.gradebook", {"offering": offering})
            assert urls.match(f"/api/v3/course/{offering}/roster")[1] == {"offering": offering}
            for word in ASSIGNMENT_WORDS:
                name = f"{offering}/{word}"
                cur.execute(
                    "insert into app.assignments (course_id, name, display_name, due_at, lock_at) "
                    "values (%s, %s, 'Edge', now(), now())", (course_id, name))
                assert urls.match(f"/{name}/") == ("student.assignment", {"name": name})
                assert urls.match(f"/staff/{name}/") == ("staff.assignment", {"name": name})
                assert urls.match(f"/api/v3/assignment/{name}")[1] == {"name": name}


@pytest.mark.parametrize("offering", ["a/b/fa2026", "api/x/fa26", "a/b", "a b/c/fa26", "a/b/c/fa26"])
def test_the_database_is_the_one_judge_of_an_offering(admin_conn, offering):
    with admin_conn.cursor() as cur, pytest.raises(psycopg2.errors.CheckViolation):
        cur.execute("insert into app.courses (offering, display_name) values (%s, 'Bad')", (offering,))


def test_an_unknown_name_is_answered_by_the_database_with_its_reason(app, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    page = signed_in_client(app, "ta@a.edu").get("/staff/no/such/fa26/")
    assert page.status_code == 404
    assert b"No course or assignment is named no/such/fa26" in page.data
