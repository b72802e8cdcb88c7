"""Staff pages: course, assignment (final submissions, queues, extensions) and gradebook, for
the course's staff only; actions are api calls whose refusals are shown."""

from __future__ import annotations

import re

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import csrf_token, signed_in_client
from web import create_app

COURSE = "/staff/cal/cs61a/fa26/"
HW = "/staff/cal/cs61a/fa26/hw01/"


@pytest.fixture
def app(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value) "
                    "select b.id, b.assignment_id, b.course_id, b.submitter_id, 'total', 7 from app.backups b "
                    "join app.users u on u.id = b.submitter_id where u.email = 's1@a.edu' and b.submit")
        cur.execute("insert into app.extension_requests (assignment_id, course_id, user_id, reason) "
                    "select a.id, a.course_id, u.id, 'Sick' from app.assignments a, app.users u "
                    "where a.name = 'cal/cs61a/fa26/hw01' and u.email = 's2@a.edu'")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def post(client, path, page, **fields):
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **fields}, follow_redirects=True).get_data(as_text=True)


def test_staff_see_the_course_and_its_requests(app):
    html = signed_in_client(app, "reader@a.edu").get(COURSE).get_data(as_text=True)
    assert "hw01" in html and "secret" in html and ">hidden</span>" in html
    assert "Sick" in html and "s2@a.edu" in html


def test_the_assignment_page_explains_each_final_submission(app):
    html = signed_in_client(app, "reader@a.edu").get(HW).get_data(as_text=True)
    assert html.count("latest submission, on time") == 2
    assert "2 final submissions in no queue" in html


def test_students_and_other_courses_are_refused(app):
    refused = signed_in_client(app, "s1@a.edu").get(COURSE)
    assert refused.status_code == 403
    assert "This page is for the staff of cal/cs61a/fa26" in refused.get_data(as_text=True)  # the database's reason
    assert signed_in_client(app, "ta@b.edu").get(HW).status_code == 403
    assert signed_in_client(app, "lab@a.edu").get("/staff/cal/cs61a/fa26/gradebook").status_code == 403
    assert app.test_client().get(COURSE).status_code == 302  # sign in first


def test_gradebook(app):
    html = signed_in_client(app, "instructor@a.edu").get("/staff/cal/cs61a/fa26/gradebook").get_data(as_text=True)
    assert "s1@a.edu" in html and "<strong>7</strong>" in html


def test_the_gradebook_downloads_as_a_csv_file(app):
    """The gradebook's "Download CSV": a text/csv attachment named after the offering and the
    date, with the same lines as the v3 export; refused to a lab assistant in words."""
    instructor = signed_in_client(app, "instructor@a.edu")
    page = instructor.get("/staff/cal/cs61a/fa26/gradebook").get_data(as_text=True)
    assert 'href="/staff/cal/cs61a/fa26/grades.csv">Download CSV' in page
    response = instructor.get("/staff/cal/cs61a/fa26/grades.csv")
    assert response.mimetype == "text/csv"
    assert re.fullmatch(r'attachment; filename="cal-cs61a-fa26-grades-\d{4}-\d{2}-\d{2}\.csv"',
                        response.headers["Content-Disposition"])
    lines = response.get_data(as_text=True).split("\r\n")
    assert lines[0].startswith("Email,SID,hw01 (Total)") and any(line.startswith("s1@a.edu,,7")
                                                      for line in lines)
    refused = signed_in_client(app, "lab@a.edu").get("/staff/cal/cs61a/fa26/grades.csv")
    assert refused.status_code == 403
    assert "This page is for the staff of cal/cs61a/fa26" in refused.get_data(as_text=True)


def test_granting_a_request_and_splitting_the_queue(app, admin_conn):
    ta = signed_in_client(app, "ta@a.edu")
    html = post(ta, "/staff/cal/cs61a/fa26/hw01/grant_extension", COURSE, email="s2@a.edu",
                expires="2099-01-01T23:59", reason="Sick", back=COURSE)
    assert "Extension granted to s2@a.edu" in html
    assert scalar(admin_conn, "select status::text from app.extension_requests") == "granted"
    html = post(ta, "/staff/cal/cs61a/fa26/hw01/assign_grading", HW, graders="ta@a.edu, reader@a.edu")
    assert "Grading queues updated" in html and "0 final submissions in no queue" in html
    assert scalar(admin_conn, "select count(*) from app.grading_tasks") == 2
    html = post(ta, "/staff/cal/cs61a/fa26/hw01/revoke_extension", HW, email="s2@a.edu")
    assert "Extension of s2@a.edu revoked" in html


def test_a_reader_is_refused_by_the_database(app, admin_conn):
    html = post(signed_in_client(app, "reader@a.edu"), "/staff/cal/cs61a/fa26/hw01/grant_extension", HW,
                email="s2@a.edu", expires="2099-01-01T23:59")
    assert "Only TAs and instructors can grant extensions" in html
    assert scalar(admin_conn, "select count(*) from app.extensions") == 0


PUBLISHED = "select published_score_kinds from app.assignments where name = 'cal/cs61a/fa26/hw01'"


def test_publishing_a_kind_of_score_from_the_assignment_page(app, admin_conn):
    """A TA publishes a kind from the assignment page and sees it listed; a reader is refused
    with the database's reason; hiding it again takes it off the list."""
    html = post(signed_in_client(app, "reader@a.edu"), "/staff/cal/cs61a/fa26/hw01/publish_scores", HW, kind="effort")
    assert "Only TAs and instructors can publish scores" in html
    ta = signed_in_client(app, "ta@a.edu")
    html = post(ta, "/staff/cal/cs61a/fa26/hw01/publish_scores", HW, kind="Effort")
    assert "Students now see their Effort scores." in html
    assert scalar(admin_conn, PUBLISHED) == ["effort", "total"]
    html = post(ta, "/staff/cal/cs61a/fa26/hw01/unpublish_scores", HW, kind="effort")
    assert "effort scores are hidden from students again." in html
    assert scalar(admin_conn, PUBLISHED) == ["total"]
