"""Course and assignment names: the format is the database's (the check on app.courses, the
trigger on app.assignments); the URL converters accept every name it accepts, and a name it
does not know is answered by the database, with its reason."""

from __future__ import annotations

import psycopg2
import pytest
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from tests.py import dbutil
from tests.py.live import signed_in_client
from web import create_app
from web.converters import site_words

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
    assert b"No course no/such/fa26" in page.data


def test_the_database_reserves_every_word_the_site_uses_for_its_own_paths(app, admin_conn):
    """A course whose offering starts with "staff" would have its pages shadowed by the staff
    pages: the database must refuse every first word the app's own routes use."""
    words = site_words(app.url_map)
    assert {"api", "staff", "oauth", "static", "settings", "login"} <= words
    for word in sorted(words):
        with admin_conn.cursor() as cur, pytest.raises(psycopg2.errors.CheckViolation):
            cur.execute("insert into app.courses (offering, display_name) values (%s, 'Shadowed')",
                        (f"{word}/x/fa26",))


def test_the_site_s_own_paths_never_reach_a_course_page(app):
    urls = app.url_map.bind("localhost")
    for word in sorted(site_words(app.url_map)):
        for path in (f"/{word}/a/b/fa26/", f"/{word}/a/b/fa26/hw1/"):
            try:
                endpoint, args = urls.match(path)
            except (NotFound, RequestRedirect, MethodNotAllowed):
                continue
            assert not str(args.get("name", "")).startswith(f"{word}/"), (path, endpoint)
            assert not str(args.get("offering", "")).startswith(f"{word}/"), (path, endpoint)


def test_odd_api_paths_get_the_api_s_404_and_refusals_answer_head_too(app, admin_conn):
    anonymous = app.test_client().get("/api/v3/user/x/")
    assert anonymous.status_code == 404 and anonymous.is_json and anonymous.get_json()["code"] == 404
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    student = signed_in_client(app, "s1@a.edu")
    assert student.head("/staff/cal/cs61a/fa26/").status_code == 403
    # a hidden assignment's staff page looks exactly like one that does not exist
    hidden, missing = student.get("/staff/cal/cs61a/fa26/secret/"), student.get("/staff/cal/cs61a/fa26/nothing/")
    assert hidden.status_code == missing.status_code == 404
    assert b"No assignment cal/cs61a/fa26/secret" in hidden.data
