"""The walkthroughs that docs/grading.md and docs/staff.md show, in a real browser (Debian's
Chromium), on the demo course (sql/seed/demo.sql) with Homework 1's final submissions split
between the TA and the reader and a real worker running the exports. Each step is reached by
clicking as the person who uses it, is checked for what the docs say it shows, and is
photographed: the documentation's screenshots are these tests' (docs/img/*.png), not taken by
hand.

The screenshots go to $OKV3_SCREENSHOTS, by default .run/screenshots/; `make screenshots` runs
these tests with it set to docs/img/ to refresh the documentation's copies. A last test checks
that the docs show exactly the screenshots these tests take, and that each is in docs/img/.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import psycopg2
import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import sign_in
from tests.py.test_jobs import workers  # noqa: F401 (real worker processes)
from web import create_app

ROOT = Path(__file__).resolve().parents[2]
HW = "ok/demo101/fa26/hw01"
RUBRIC = [("2", "Clear names"), ("3", "Correct base case"), ("-1", "Repeats a computation: use a loop")]
GRADING = ["grading-course", "grading-queue", "grading-view", "grading-diff", "grading-rubrics",
           "grading-rubric-applied", "grading-scores", "grading-regrade"]
RUNNING = ["staff-course", "staff-course-settings", "staff-assignment", "staff-assignment-settings", "staff-stats",
           "staff-roster", "staff-roster-preview", "staff-student", "staff-admin-courses", "staff-admin-users",
           "staff-admin-clients", "staff-admin-analytics", "staff-student-course", "staff-student-assignment",
           "staff-job", "staff-jobs", "staff-live-board", "staff-mail-settings", "staff-phone"]


def screenshots_dir() -> Path:
    target = Path(os.environ.get("OKV3_SCREENSHOTS") or ROOT / ".run" / "screenshots")
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def shot():
    """shot(page or element, name): photograph it for the docs; shot.taken lists the names."""
    taken: list[str] = []

    def take(target, name: str, full_page: bool = True) -> None:
        path = str(screenshots_dir() / f"{name}.png")
        if hasattr(target, "goto"):  # a page
            target.screenshot(path=path, full_page=full_page)
        else:
            target.screenshot(path=path)
        taken.append(name)

    take.taken = taken
    return take


def _as(cur, email: str) -> None:
    cur.execute("select id from app.users where email = %s", (email,))
    claims = json.dumps({"role": "ok_user", "sub": str(cur.fetchone()[0]), "email": email})
    cur.execute("select set_config('request.jwt.claims', %s, false)", (claims,))


@pytest.fixture
def demo(db):
    """The demo course, Homework 1 split between the TA and the reader, and the last hour of a
    deadline night (uploads over 50 minutes) for the live board; snapshots refreshed."""
    with psycopg2.connect(db[1]) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"docs\"}', false)")
        cur.execute((ROOT / "sql" / "seed" / "demo.sql").read_text())
        _as(cur, "ta@example.edu")
        cur.execute("select api.assign_grading(%s, %s)", (HW, ["ta@example.edu", "reader@example.edu"]))
        cur.execute("reset role")
        cur.execute("""insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at, queued_ms)
                       select a.id, a.course_id, e.user_id, n % 5 = 0,
                              now() - make_interval(secs => (n * 487 + e.user_id * 61) % 3000), 4 + n % 9
                       from app.assignments as a
                       join app.enrollments as e on e.course_id = a.course_id and e.role = 'student'
                       cross join generate_series(1, 6) as n
                       where a.name = 'ok/demo101/fa26/proj01'""")
        cur.execute("select analytics.refresh_snapshots()")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def signed_in(chromium, base: str, email: str, width: int = 1400):
    page = chromium.new_context(viewport={"width": width, "height": 900}).new_page()
    sign_in(page, base, email)
    expect(page.locator(".app-sidebar")).to_be_visible()
    return page


def ask_for_regrade(url: str, key: str) -> None:
    """The submitter of the backup asks, as the student page would (api.request_regrade)."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select u.email from app.backups b join app.users u on u.id = b.submitter_id "
                    "where b.id = app.hashid_decode(%s)", (key,))
        _as(cur, cur.fetchone()[0])
        cur.execute("set role ok_api")
        cur.execute("select api.request_regrade(%s, %s, 'composition', %s)",
                    (HW, key, "I used a loop on line 4: the repeat is only in the docstring."))


def test_a_ta_grades_as_docs_grading_shows(demo, db, chromium, shot):
    """docs/grading.md: the queue, a line comment saved to the bank, the diff, a rubric built
    and applied, the published scores, and a regrade request on the queue."""
    page = signed_in(chromium, demo.url, "ta@example.edu")
    page.click(".app-sidebar >> text=Teaching")
    page.click(".app-main >> text=OK Demo 101")
    expect(page.locator(f"a:text-is('{HW}')")).to_be_visible()
    shot(page, "grading-course", full_page=False)
    page.click(f"a:text-is('{HW}')")  # "My grading": the queue
    expect(page.locator("text=Grade next")).to_be_visible()
    shot(page, "grading-queue", full_page=False)
    page.click("text=Grade next")
    page.locator("tr[id$='-L3'] a").first.click()
    page.locator("tr.okv3-comment-form textarea").fill("Try a **loop** here instead of repeating the call.")
    page.locator("tr.okv3-comment-form input[name=save_to_bank]").check()
    page.locator("tr.okv3-comment-form button:text-is('Comment')").click()
    # the comment is shown rendered (Markdown, sanitised), on its line
    expect(page.locator("tr.okv3-comment").first).to_contain_text("Try a loop here")
    expect(page.locator("tr.okv3-comment strong", has_text="loop").first).to_be_visible()
    page.locator("tr[id$='-L1'] a").first.click()
    expect(page.locator("tr.okv3-comment-form")).to_be_visible()
    shot(page, "grading-view")
    view = page.url.split("?")[0]
    page.click("text=the template")
    shot(page, "grading-diff")
    # a rubric, from the rubrics page (the queue's heading links it), applied in the view
    page.goto(f"{demo.url}/staff/{HW}/queue")
    page.click(".app-content-header >> text=rubrics")
    for points, description in RUBRIC:
        page.fill("#new-kind", "composition")
        page.fill("#new-points", points)
        page.fill("#new-description", description)
        page.click("text=Add item")
        expect(page.locator(f"input[name=description][value='{description}']")).to_have_count(1)
    shot(page, "grading-rubrics")
    page.goto(view)
    rubric = page.locator("#rubric-composition")
    rubric.locator("label", has_text="Clear names").click()
    rubric.locator("label", has_text="Repeats").click()
    rubric.locator("input[aria-label^='Note on item']").nth(2).fill("lines 3 to 5")
    rubric.locator("button:text-is('Save')").click()
    expect(page.locator(".alert[role=alert]").first).to_be_visible()
    rubric = page.locator("#rubric-composition")
    expect(rubric.locator("input[type=checkbox]:checked")).to_have_count(2)
    shot(page, "grading-rubric-applied")
    page.goto(f"{demo.url}/staff/{HW}/scores")  # composition is published in the demo course
    expect(page.locator("table").first).to_contain_text("composition")
    shot(page, "grading-scores")
    # the student whose submission it was asks for a regrade; it is on the TA's queue
    ask_for_regrade(db[1], view.rstrip("/").rsplit("/", 1)[1])
    page.goto(f"{demo.url}/staff/{HW}/queue")
    expect(page.locator("#regrades")).to_contain_text("I used a loop on line 4")
    shot(page.locator("#regrades"), "grading-regrade")
    assert shot.taken == GRADING  # what the docs show (test_the_docs_show_exactly_these_screenshots)


def test_staff_run_a_course_as_docs_staff_shows(demo, db, chromium, workers, shot):  # noqa: F811
    """docs/staff.md: the course, assignment, roster (an import previewed), a student, the
    admin's tabs, a student's own pages and mail settings, jobs run by a real worker, the live
    deadline board, and a phone's view."""
    page = signed_in(chromium, demo.url, "instructor@example.edu")
    page.click(".app-sidebar a.okv3-nav-course:has-text('OK Demo 101')")
    expect(page.locator(".okv3-assignments")).to_contain_text("Homework 1")
    shot(page, "staff-course")
    page.click(".okv3-course-links >> text=settings")
    expect(page.locator("form").first).to_be_visible()
    shot(page, "staff-course-settings")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-assignments >> text=Homework 1")
    expect(page.locator(".app-content-header")).to_contain_text("Homework 1")
    shot(page, "staff-assignment")
    page.click(".app-content-header >> text=settings")
    expect(page.locator("form").first).to_be_visible()
    shot(page, "staff-assignment-settings")
    page.click(".breadcrumb >> text=Homework 1")
    page.click(".app-content-header >> text=stats")
    expect(page.locator(".app-main")).to_contain_text("Backups per hour")
    shot(page, "staff-stats")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=roster")
    expect(page.locator(".okv3-roster")).to_contain_text("student01@example.edu")
    shot(page, "staff-roster")
    roster = "email,name,sid,section,role\nnew1@example.edu,Noor New,3099001,Section 1,\n" \
             "student01@example.edu,,,Section 2,student\nnot-an-email,X,,,\n"
    page.locator(".okv3-import input[type=file]").set_input_files(
        [{"name": "roster.csv", "mimeType": "text/csv", "buffer": roster.encode()}])
    page.click(".okv3-import >> text=Preview")
    # the preview says what the import would do, and refuses the bad row with the reason
    expect(page.locator(".app-main")).to_contain_text("new1@example.edu")
    expect(page.locator(".app-main")).to_contain_text("not-an-email")
    shot(page, "staff-roster-preview")
    page.click(".breadcrumb >> text=Roster")
    page.click(".okv3-roster >> text=student01@example.edu")
    expect(page.locator(".app-main")).to_contain_text("student01@example.edu")
    shot(page, "staff-student")

    admin = signed_in(chromium, demo.url, "admin@example.edu")
    admin.click(".app-sidebar a.okv3-nav-admin")
    expect(admin.locator(".app-main")).to_contain_text("ok/demo101/fa26")
    shot(admin, "staff-admin-courses")
    admin.click(".okv3-admin-tabs >> text=Users")
    admin.fill("input[name=q]", "example.edu")
    admin.click("form[role=search] button")
    expect(admin.locator(".app-main")).to_contain_text("student01@example.edu")
    shot(admin, "staff-admin-users")
    admin.click(".okv3-admin-tabs >> text=OAuth clients")
    expect(admin.locator(".app-main")).to_contain_text("ok-client")
    shot(admin, "staff-admin-clients")
    admin.click(".okv3-admin-tabs >> text=Analytics")
    expect(admin.locator(".app-main")).to_contain_text("backup_runs")
    shot(admin, "staff-admin-analytics")

    student = signed_in(chromium, demo.url, "student13@example.edu")
    student.click(".app-sidebar a.okv3-nav-course:has-text('OK Demo 101')")
    expect(student.locator(".app-main")).to_contain_text("Project 1: Hog")
    shot(student, "staff-student-course")
    student.click(".app-main >> text=Project 1: Hog")
    expect(student.locator(".app-content-header")).to_contain_text("Project 1: Hog")
    shot(student, "staff-student-assignment")

    # background jobs, run by a real worker
    workers()
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=jobs")
    page.click(".okv3-course-exports >> text=Export grades")
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=60_000)
    shot(page, "staff-job")
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-assignments >> text=Homework 1")
    page.click(".okv3-assignment-exports >> text=Export final submissions")
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=60_000)
    page.click(".breadcrumb >> text=Jobs")
    expect(page.locator(".okv3-jobs tbody tr")).to_have_count(2)
    shot(page, "staff-jobs")
    # the live deadline board: the last hour's uploads of Project 1
    page.click(".breadcrumb >> text=OK Demo 101")
    page.click(".okv3-course-links >> text=live board")
    expect(page.locator(".okv3-live-status")).to_contain_text("Live", timeout=30_000)
    shot(page, "staff-live-board")
    student.click(".app-sidebar a.okv3-nav-mail")
    expect(student.locator("form").first).to_be_visible()
    shot(student, "staff-mail-settings")
    phone = signed_in(chromium, demo.url, "ta@example.edu", width=390)
    phone.goto(f"{demo.url}/staff/ok/demo101/fa26/")
    expect(phone.locator(".okv3-assignments")).to_contain_text("Homework 1")
    shot(phone, "staff-phone", full_page=False)
    assert shot.taken == RUNNING


def test_the_docs_show_exactly_these_screenshots():
    """Every image docs/*.md shows is one the walkthroughs above take (each checks that it took
    exactly its list) and is in docs/img/; every one they take is shown: a screenshot the
    walkthroughs no longer take cannot linger in the docs."""
    shown = set()
    for page in (ROOT / "docs").glob("*.md"):
        shown |= set(re.findall(r"img/([\w-]+)\.png", page.read_text()))
    taken = set(GRADING) | set(RUNNING)
    assert shown == taken
    assert {p.stem for p in (ROOT / "docs" / "img").glob("*.png")} == taken
