"""Times read the same everywhere: every page shows a course's times in the course's time zone
with that zone's abbreviation at that instant (one filter, web/times.py; SQL-made text through
app.course_time_text), each time inside <time datetime> carrying the exact instant; date inputs
say which zone they are read in; the signed-in devices page, tied to no course, says UTC."""

from __future__ import annotations

import re

import pytest

from tests.py import dbutil
from tests.py.live import csrf_token, signed_in_client
from web import create_app

HW = "cal/cs61a/fa26/hw01"
# Instants chosen on both sides of daylight saving time (UTC).
DUE, LOCK = "2026-12-01 07:59+00", "2027-07-01 06:59+00"
BACKUP, FLAG = "2026-11-20 11:00+00", "2026-07-01 10:05+00"
EXTENDED, ASKED = "2027-01-15 12:00+00", "2026-06-15 12:00+00"

# What each instant reads as, per course zone: winter and summer abbreviations differ.
ZONES = {
    "America/Los_Angeles": {
        "due": "Mon Nov 30, 11:59 PM PST", "lock": "Wed Jun 30, 11:59 PM PDT", "backup": "Fri Nov 20, 3:00 AM PST",
        "flag": "Wed Jul 1, 3:05 AM PDT", "extended": "Fri Jan 15, 4:00 AM PST", "asked": "Mon Jun 15, 5:00 AM PDT",
    },
    "Europe/Berlin": {
        "due": "Tue Dec 1, 8:59 AM CET", "lock": "Thu Jul 1, 8:59 AM CEST", "backup": "Fri Nov 20, 12:00 PM CET",
        "flag": "Wed Jul 1, 12:05 PM CEST", "extended": "Fri Jan 15, 1:00 PM CET", "asked": "Mon Jun 15, 2:00 PM CEST",
    },
    "Asia/Kolkata": {
        "due": "Tue Dec 1, 1:29 PM IST", "lock": "Thu Jul 1, 12:29 PM IST", "backup": "Fri Nov 20, 4:30 PM IST",
        "flag": "Wed Jul 1, 3:35 PM IST", "extended": "Fri Jan 15, 5:30 PM IST", "asked": "Mon Jun 15, 5:30 PM IST",
    },
}
ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@pytest.fixture(params=sorted(ZONES))
def course(request, db, admin_conn):
    zone = request.param
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.courses set timezone = %s where offering = 'cal/cs61a/fa26'", (zone,))
        cur.execute("update app.assignments set due_at = %s, lock_at = %s where name = %s", (DUE, LOCK, HW))
        cur.execute("set session_replication_role = replica")  # a backup's history never changes otherwise
        cur.execute("update app.backups set created_at = %s", (BACKUP,))
        cur.execute("update app.backups set flagged = true, flagged_by = submitter_id, flagged_at = %s "
                    "where submit and submitter_id = (select id from app.users where email = 's1@a.edu')", (FLAG,))
        cur.execute("set session_replication_role = origin")
        cur.execute("insert into app.extensions (assignment_id, course_id, user_id, expires_at) "
                    "select a.id, a.course_id, u.id, %s from app.assignments a, app.users u "
                    "where a.name = %s and u.email = 's2@a.edu'", (EXTENDED, HW))
        cur.execute("insert into app.extension_requests (assignment_id, course_id, user_id, reason, created_at) "
                    "select a.id, a.course_id, u.id, 'Sick', %s from app.assignments a, app.users u "
                    "where a.name = %s and u.email = 's1@a.edu'", (ASKED, HW))
        cur.execute("select app.hashid_encode(b.id) from app.backups b join app.users u on u.id = b.submitter_id "
                    "where u.email = 's1@a.edu' and b.submit")
        key = cur.fetchone()[0]
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app, zone, ZONES[zone], key
    app.extensions["okv3_database"].close()


def page(app, email: str, path: str) -> tuple[str, str]:
    """The page's HTML and the text a person reads (tags, and so attributes, removed)."""
    response = signed_in_client(app, email).get(path)
    assert response.status_code == 200, path
    html = response.get_data(as_text=True)
    return html, re.sub(r"<[^>]+>", "", html)


def reads_only_course_times(text: str) -> None:
    assert not ISO.search(text), ISO.search(text)
    assert "UTC" not in text


def test_the_students_assignment_page(course):
    app, _, reads, _ = course
    html, text = page(app, "s1@a.edu", f"/{HW}/")
    assert reads["due"] in text and reads["lock"] in text and reads["backup"] in text
    assert f"flagged by s1@a.edu on {reads['flag']}" in text  # SQL-made text, same shape
    assert '<time datetime="2026-12-01T07:59:00Z">' in html  # the exact instant
    reads_only_course_times(text)


def test_the_backup_page(course):
    app, _, reads, key = course
    html, text = page(app, "s1@a.edu", f"/{HW}/submissions/{key}/")
    assert reads["backup"] in text and '<time datetime="2026-11-20T11:00:00Z">' in html
    reads_only_course_times(text)


def test_the_staff_course_page(course):
    app, zone, reads, _ = course
    html, text = page(app, "ta@a.edu", "/staff/cal/cs61a/fa26/")
    assert reads["due"] in text and reads["lock"] in text and reads["asked"] in text
    assert f"{zone} time (" in text  # the grant form says where its date is read
    reads_only_course_times(text)


def test_the_staff_assignment_page(course):
    app, zone, reads, _ = course
    html, text = page(app, "ta@a.edu", f"/staff/{HW}/")
    assert f"s2@a.edu: until {reads['extended']}" in text
    assert f"flagged by s1@a.edu on {reads['flag']}" in text
    assert f"New deadline, in {zone} time (" in text
    reads_only_course_times(text)


def test_a_granted_deadline_is_read_in_the_course_zone(course, admin_conn):
    """What the label promises: a typed date is local time in the course's zone."""
    app, zone, _, _ = course
    ta = signed_in_client(app, "ta@a.edu")
    token = csrf_token(ta.get(f"/staff/{HW}/").get_data(as_text=True))
    html = ta.post(f"/staff/{HW}/grant_extension", data={"csrf_token": token, "email": "s1@a.edu",
                   "expires": "2027-01-15T09:00"}, follow_redirects=True).get_data(as_text=True)
    assert "Extension granted to s1@a.edu" in html
    with admin_conn.cursor() as cur:
        cur.execute("select e.expires_at = timestamp '2027-01-15 09:00' at time zone %s from app.extensions e "
                    "join app.users u on u.id = e.user_id where u.email = 's1@a.edu'", (zone,))
        assert cur.fetchone()[0]


def test_the_devices_page_says_utc(course):
    app, _, _, _ = course
    html, text = page(app, "s1@a.edu", "/settings/tokens")
    assert "Times on this page are in UTC" in text
    assert re.search(r"<time datetime=\"[0-9T:-]+Z\">\w{3} \w{3} \d+, \d+:\d\d [AP]M UTC</time>", html)
