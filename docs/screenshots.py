"""The screenshots of docs/grading.md and docs/staff.md, taken from the real pages: a throwaway
database with the demo course (sql/seed/demo.sql), Homework 1's final submissions split
between the TA and the reader, the app on a local port, and Debian's Chromium through
Playwright: the grading pages as the TA; the course, assignment, roster, progress and admin
pages as the instructor and the admin (analytics too); the jobs pages, with a real worker running
the exports; the live deadline board;
a student's course and assignment pages and mail settings; a phone.

    .venv/bin/python docs/screenshots.py      # writes docs/img/grading-*.png and staff-*.png
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.py import dbutil  # noqa: E402
from tests.py.live import LiveServer  # noqa: E402
from web import create_app  # noqa: E402

NAME = "okv3_docs_screenshots"
HW = "ok/demo101/fa26/hw01"
OUT = ROOT / "docs" / "img"


def prepare(url: str) -> None:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"docs\"}', false)")
        cur.execute((ROOT / "sql" / "seed" / "demo.sql").read_text())
        cur.execute("select id from app.users where email = 'ta@example.edu'")
        claims = json.dumps({"role": "ok_user", "sub": str(cur.fetchone()[0]), "email": "ta@example.edu"})
        cur.execute("select set_config('request.jwt.claims', %s, false)", (claims,))
        cur.execute("select api.assign_grading(%s, %s)", (HW, ["ta@example.edu", "reader@example.edu"]))
        # the last hour of a deadline night, for the live board: uploads spread over 50 minutes
        cur.execute("reset role")
        cur.execute("""insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at, queued_ms)
                       select a.id, a.course_id, e.user_id, n % 5 = 0,
                              now() - make_interval(secs => (n * 487 + e.user_id * 61) % 3000), 4 + n % 9
                       from app.assignments as a
                       join app.enrollments as e on e.course_id = a.course_id and e.role = 'student'
                       cross join generate_series(1, 6) as n
                       where a.name = 'ok/demo101/fa26/proj01'""")
        cur.execute("select analytics.refresh_snapshots()")


RUBRIC = [("2", "Clear names"), ("3", "Correct base case"), ("-1", "Repeats a computation: use a loop")]


def ask_for_regrade(url: str, key: str) -> None:
    """The submitter of the backup asks, as the student page would (api.request_regrade)."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select u.id, u.email from app.backups b join app.users u on u.id = b.submitter_id "
                    "where b.id = app.hashid_decode(%s)", (key,))
        user_id, email = cur.fetchone()
        cur.execute("select set_config('request.jwt.claims', %s, false)",
                    (json.dumps({"role": "ok_user", "sub": str(user_id), "email": email}),))
        cur.execute("set role ok_api")
        cur.execute("select api.request_regrade(%s, %s, 'composition', %s)",
                    (HW, key, "I used a loop on line 4: the repeat is only in the docstring."))


def signed_in(browser, base: str, email: str, width: int = 1400):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{base}/login/")
    page.fill("#email", email)
    page.click("form >> text=Sign in")
    return page


def running_a_course(browser, base: str) -> None:
    """docs/staff.md's pages, each reached by clicking as the person who uses it."""
    shot = lambda page, name: page.screenshot(path=str(OUT / f"staff-{name}.png"), full_page=True)  # noqa: E731
    page = signed_in(browser, base, "instructor@example.edu")
    page.click(".app-sidebar a.okv3-nav-course:has-text('OK Demo 101')")
    shot(page, "course")
    page.click(".okv3-course-links >> text=settings")
    shot(page, "course-settings")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-assignments >> text=Homework 1")
    shot(page, "assignment")
    page.click(".app-content-header >> text=settings")
    shot(page, "assignment-settings")
    page.click(".breadcrumb >> text=Homework 1")
    page.click(".app-content-header >> text=stats")
    shot(page, "stats")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=roster")
    shot(page, "roster")
    roster = "email,name,sid,section,role\nnew1@example.edu,Noor New,3099001,Section 1,\n" \
             "student01@example.edu,,,Section 2,student\nnot-an-email,X,,,\n"
    page.locator(".okv3-import input[type=file]").set_input_files(
        [{"name": "roster.csv", "mimeType": "text/csv", "buffer": roster.encode()}])
    page.click(".okv3-import >> text=Preview")
    shot(page, "roster-preview")
    page.click(".breadcrumb >> text=Roster")
    page.click(".okv3-roster >> text=student01@example.edu")
    shot(page, "student")
    admin = signed_in(browser, base, "admin@example.edu")
    admin.click(".app-sidebar a.okv3-nav-admin")
    shot(admin, "admin-courses")
    admin.click(".okv3-admin-tabs >> text=Users")
    admin.fill("input[name=q]", "example.edu")
    admin.click("form[role=search] button")
    shot(admin, "admin-users")
    admin.click(".okv3-admin-tabs >> text=OAuth clients")
    shot(admin, "admin-clients")
    admin.click(".okv3-admin-tabs >> text=Analytics")
    shot(admin, "admin-analytics")
    student = signed_in(browser, base, "student13@example.edu")
    student.click(".app-sidebar a.okv3-nav-course:has-text('OK Demo 101')")
    shot(student, "student-course")
    student.click(".app-main >> text=Project 1: Hog")
    shot(student, "student-assignment")
    # background jobs (a real worker runs them) and a student's mail settings
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=jobs")
    page.click(".okv3-course-exports >> text=Export grades")
    page.wait_for_selector(".okv3-job-state:has-text('finished')", timeout=60_000)
    shot(page, "job")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-assignments >> text=Homework 1")
    page.click(".okv3-assignment-exports >> text=Export final submissions")
    page.wait_for_selector(".okv3-job-state:has-text('finished')", timeout=60_000)
    page.click(".breadcrumb >> text=Jobs")
    shot(page, "jobs")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=live board")
    page.wait_for_selector(".okv3-live-status:has-text('Live')", timeout=30_000)
    shot(page, "live-board")
    student.click(".app-sidebar a.okv3-nav-mail")
    shot(student, "mail-settings")
    phone = signed_in(browser, base, "ta@example.edu", width=390)
    phone.goto(f"{base}/staff/ok/demo101/fa26/")
    phone.screenshot(path=str(OUT / "staff-phone.png"))


def main() -> int:
    url = dbutil.create_empty(NAME)
    try:
        dbutil.migrate(url)
        prepare(url)
        app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(NAME), "OK_ENV": "development"})
        OUT.mkdir(exist_ok=True)
        worker = subprocess.Popen([sys.executable, "-m", "worker"], cwd=ROOT, env={
            **os.environ, "OK_AUTHENTICATOR_URL": dbutil.authenticator_url_for(NAME), "OK_ENV": "development",
            "OK_WORKER_POLL_SECONDS": "1", "OK_SMTP_HOST": "127.0.0.1", "OK_SMTP_PORT": "9"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with LiveServer(app) as live, sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{live.url}/login/")
            page.fill("#email", "ta@example.edu")
            page.click("form >> text=Sign in")
            page.click(".app-sidebar >> text=Teaching")
            page.click(".app-main >> text=OK Demo 101")
            page.screenshot(path=str(OUT / "grading-course.png"))
            page.click(f"a:text-is('{HW}')")  # "My grading": the queue
            page.screenshot(path=str(OUT / "grading-queue.png"))
            page.click("text=Grade next")
            page.locator("tr[id$='-L3'] a").first.click()
            page.locator("tr.okv3-comment-form textarea").fill("Try a **loop** here instead of repeating the call.")
            page.locator("tr.okv3-comment-form input[name=save_to_bank]").check()
            page.locator("tr.okv3-comment-form button:text-is('Comment')").click()
            page.locator("tr.okv3-comment").first.wait_for()
            page.locator("tr[id$='-L1'] a").first.click()
            page.locator("tr.okv3-comment-form").wait_for()
            page.screenshot(path=str(OUT / "grading-view.png"), full_page=True)
            page.click("text=the template")
            page.screenshot(path=str(OUT / "grading-diff.png"), full_page=True)
            view = page.url.split("?")[0]
            # A rubric, from the rubrics page (the queue's heading links it), applied in the view.
            page.goto(f"{live.url}/staff/{HW}/queue")
            page.click(".app-content-header >> text=rubrics")
            for points, description in RUBRIC:
                page.fill("#new-kind", "composition")
                page.fill("#new-points", points)
                page.fill("#new-description", description)
                page.click("text=Add item")
            page.screenshot(path=str(OUT / "grading-rubrics.png"), full_page=True)
            page.goto(view)
            rubric = page.locator("#rubric-composition")
            rubric.locator("label", has_text="Clear names").click()
            rubric.locator("label", has_text="Repeats").click()
            rubric.locator("input[aria-label^='Note on item']").nth(2).fill("lines 3 to 5")
            rubric.locator("button:text-is('Save')").click()
            rubric.locator("label", has_text="Repeats").wait_for()
            page.screenshot(path=str(OUT / "grading-rubric-applied.png"), full_page=True)
            page.goto(f"{live.url}/staff/{HW}/scores")  # composition is published in the demo course
            page.screenshot(path=str(OUT / "grading-scores.png"), full_page=True)
            # The student whose submission it was asks for a regrade; it is on the TA's queue.
            ask_for_regrade(url, view.rstrip("/").rsplit("/", 1)[1])
            page.goto(f"{live.url}/staff/{HW}/queue")
            page.locator("#regrades").screenshot(path=str(OUT / "grading-regrade.png"))
            try:
                running_a_course(browser, live.url)
            finally:
                worker.terminate()
                worker.wait(30)
            browser.close()
        app.extensions["okv3_database"].close()
    finally:
        dbutil.drop(NAME)
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
