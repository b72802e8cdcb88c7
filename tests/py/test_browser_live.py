"""The live deadline board in a real browser (Debian's Chromium): a TA reaches it from the
course page and watches it update by itself while students' backups arrive through the real
intake endpoint, in batches (far fewer updates than uploads), with the intake latency the
front door measured. A student is refused with the database's reason; a process at its limit
of streams answers 503 and the page falls back to reloading the board."""

from __future__ import annotations

import json
import re
import select
import threading
import time
import urllib.request

import psycopg2
import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
from web import create_app, tokens

SECRET = "live-board-test-secret-0123456789abcdefghij"
BACKUPS = "/api/v3/backups/?client_name=ok-client&client_version=v1.18.1"


@pytest.fixture
def server(db, admin_conn, monkeypatch):
    monkeypatch.setenv("OK_JWT_SECRET", SECRET)
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        live.app = app
        yield live
    app.extensions["okv3_database"].close()


def _bearer(admin_conn, email: str) -> str:
    with admin_conn.cursor() as cur:
        cur.execute("select app.mint_token(id, 'ok-client', array['all'], 3600, 3600) from app.users "
                    "where email = %s", (email,))
        return "Bearer " + tokens.sign(cur.fetchone()[0]["claims"], SECRET)


def _upload(base: str, bearer: str, submit: bool) -> int:
    body = json.dumps({"assignment": "cal/cs61a/fa26/hw01", "submit": submit,
                       "messages": {"file_contents": {"hw01.py": "print(2)\n"}}}).encode()
    request = urllib.request.Request(base + BACKUPS, data=body, method="POST",
                                     headers={"Authorization": bearer, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.status


def _open_board(tab, base: str) -> None:
    sign_in(tab, base, "ta@a.edu")
    tab.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
    tab.locator(".okv3-course-links a", has_text="live board").click()
    expect(tab.locator(".breadcrumb")).to_have_text("Teaching CS 61A Live board", use_inner_text=True)


def test_a_ta_watches_the_board_update_while_backups_arrive(server, page, admin_conn):  # noqa: F811
    _open_board(page, server.url)
    board = page.locator(".okv3-live")
    expect(page.locator(".okv3-live-status")).to_contain_text("Live", timeout=15_000)
    expect(page.locator(".okv3-live-backups")).to_have_text("4")  # the fixture's, in the last 5 minutes
    expect(page.locator(".okv3-live-latency")).to_have_text("–")
    updates_before = int(board.get_attribute("data-updates"))

    students = [_bearer(admin_conn, "s1@a.edu"), _bearer(admin_conn, "s2@a.edu")]
    statuses: list[int] = []

    def burst() -> None:  # 60 uploads over about 3 seconds, from two students
        for n in range(60):
            statuses.append(_upload(server.url, students[n % 2], submit=n % 10 == 9))
            time.sleep(0.05)

    sender = threading.Thread(target=burst)
    sender.start()
    # the page changes by itself, without a reload
    expect(page.locator(".okv3-live-backups")).not_to_have_text("4", timeout=15_000)
    sender.join()
    expect(page.locator(".okv3-live-backups")).to_have_text("64", timeout=15_000)
    expect(page.locator(".okv3-live-submissions")).to_have_text("8")  # 2 in the fixture, 6 now
    expect(page.locator(".okv3-live-latency")).to_have_text(re.compile(r"^\d+ ms$"))  # the front door timed them
    assert statuses == [200] * 60
    updates = int(board.get_attribute("data-updates")) - updates_before
    assert 1 <= updates <= 10, f"{updates} updates for 60 uploads: batched, never one per backup"
    # the assignment due around now: both students have submitted
    expect(page.locator(".okv3-live-assignments tbody tr").first.locator("td").nth(3)).to_have_text("2")


def test_a_student_is_refused_with_the_reason(server, page):  # noqa: F811
    sign_in(page, server.url, "s1@a.edu")
    page.goto(server.url + "/staff/cal/cs61a/fa26/live")
    expect(page.locator("body")).to_contain_text("This page is for the staff of cal/cs61a/fa26")


def test_beyond_its_streams_a_process_answers_503_and_the_page_reloads_instead(server, page):  # noqa: F811
    server.app.config["OK_LIVE_STREAMS"] = 0
    _open_board(page, server.url)
    expect(page.locator(".okv3-live-status")).to_contain_text("reloading every 10 seconds", timeout=15_000)
    expect(page.locator(".okv3-live-status")).to_contain_text("Reloaded every 10 seconds", timeout=25_000)


def _announcements(listener, course_id: int, seconds: float = 1.5) -> int:
    """The course's announcements that arrive within ``seconds`` (then the others are dropped)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if select.select([listener], [], [], left)[0]:
            listener.poll()
    count = sum(1 for n in listener.notifies if n.channel == "okv3_intake" and n.payload == str(course_id))
    listener.notifies.clear()
    return count


def test_a_course_is_announced_at_most_once_a_second_and_no_upload_waits_for_it(db, admin_conn):
    """The trigger behind the board (app.tg_backups__notify_intake): each commit that notifies
    is serialized by PostgreSQL, so a course is announced once per second at most, by the first
    transaction of the second; a transaction in flight that holds the claim makes no other wait."""
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("select id, course_id from app.assignments "
                    "where name in ('cal/cs61a/fa26/hw01', 'cal/cs61b/fa26/hw01') order by name")
        (a_assignment, a_course), (b_assignment, b_course) = cur.fetchall()
        cur.execute("select id from app.users where email in ('s1@a.edu', 's2@a.edu') order by email")
        (student,), (classmate,) = cur.fetchall()
    listener = psycopg2.connect(db[1])
    listener.autocommit = True
    listener.cursor().execute("listen okv3_intake")
    insert = "insert into app.backups (assignment_id, course_id, submitter_id) values (%s, %s, %s)"

    def store(n: int, assignment: int, course: int) -> tuple[int, int]:
        """n backups, each its own transaction; the seconds (Unix time) they began in."""
        first = int(time.time())
        with admin_conn.cursor() as cur:
            for _ in range(n):
                cur.execute(insert, (assignment, course, student))
        return first, int(time.time())

    time.sleep(1.05 - time.time() % 1)  # early in a second
    began, ended = store(20, a_assignment, a_course)
    store(3, b_assignment, b_course)
    assert 1 <= _announcements(listener, a_course) <= ended - began + 1, "20 backups: one announcement a second"
    time.sleep(1.05 - time.time() % 1)
    store(1, b_assignment, b_course)
    assert _announcements(listener, b_course) >= 1, "another course, another second: announced again"

    # a transaction that holds the claim (a slow upload) makes no other one (a classmate's) wait
    time.sleep(1.05 - time.time() % 1)
    slow = psycopg2.connect(db[1])
    with slow.cursor() as cur:
        cur.execute(insert, (a_assignment, a_course, student))  # claims CS 61A's row, uncommitted
        with admin_conn.cursor() as other:
            other.execute("set statement_timeout = '2s'")
            other.execute(insert, (a_assignment, a_course, classmate))  # does not wait for the claim
            other.execute("reset statement_timeout")
        assert _announcements(listener, a_course) == 0, "the claim is not committed yet"
    slow.commit()
    assert _announcements(listener, a_course) == 1, "the claiming transaction announces at its commit"
    # nor does the first announcement of a course that has no row yet (a course created since 0043)
    with admin_conn.cursor() as cur:
        cur.execute("delete from app.intake_announcements where course_id = %s", (b_course,))
    with slow.cursor() as cur:
        cur.execute(insert, (b_assignment, b_course, student))  # inserts CS 61B's row, uncommitted
        with admin_conn.cursor() as other:
            other.execute("set statement_timeout = '2s'")
            other.execute(insert, (b_assignment, b_course, classmate))
            other.execute("reset statement_timeout")
    slow.commit()
    assert _announcements(listener, b_course) == 1, "the first row's inserter announces; the other did not wait"
    slow.close()
    listener.close()
