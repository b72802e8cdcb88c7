"""The autograder in a real browser (Debian's Chromium), with a real worker and a fake
autograder (tests/py/test_autograder.py's, an HTTP server that fetches each backup from this
server and posts a score): an instructor, from the navigation only, is refused autograding
with the database's reason, sets the course's autograder URL and the assignment's key,
autograds every final submission, watches the job finish, sees the scores on the assignment
and grading pages, and revokes the autograder's access."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.py.test_autograder import FakeAutograder
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
from tests.py.test_browser_jobs import server  # noqa: F401 (the live server)
from tests.py.test_jobs import workers  # noqa: F401 (real worker processes)


def test_an_instructor_sets_up_the_autograder_and_autogrades_everything(server, page, workers, admin_conn):  # noqa: F811
    fake = FakeAutograder(server.url)
    try:
        with admin_conn.cursor() as cur:  # only the supervision runs from the schedule, when the test says
            cur.execute("update app.scheduled_tasks set next_run_at = now() + interval '1 hour'")
        workers()
        sign_in(page, server.url, "instructor@a.edu")
        page.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
        page.locator(".okv3-assignments a", has_text="Homework 1").click()
        card = page.locator(".okv3-autograder")
        expect(card).to_contain_text("Not set up: the course needs an autograder URL")
        card.locator("button", has_text="Autograde all final submissions").click()
        expect(page.locator(".alert[role=alert]")).to_contain_text(
            "This course has no autograder: an instructor sets its URL in the course settings first")

        # the course's URL, then the assignment's key
        page.locator(".breadcrumb a", has_text="CS 61A").click()
        page.locator(".okv3-course-links a", has_text="settings").click()
        page.locator("#f-autograder_url").fill("ftp://nowhere")
        page.locator(".okv3-course-settings button", has_text="Save settings").click()
        expect(page.locator(".alert[role=alert]")).to_contain_text("The autograder URL must be an http:// or https://")
        page.locator("#f-autograder_url").fill(fake.url)
        page.locator(".okv3-course-settings button", has_text="Save settings").click()
        expect(page.locator(".alert[role=alert]")).to_contain_text("Course settings saved")
        expect(page.locator(".okv3-no-autograder-tokens")).to_be_visible()
        page.locator(".breadcrumb a", has_text="CS 61A").click()
        page.locator(".okv3-assignments a", has_text="Homework 1").click()
        page.locator("h3 a", has_text="settings").click()
        page.locator("#f-autograder_key").fill("hw01-ag")
        page.locator("button", has_text="Save settings").click()
        expect(page.locator(".alert[role=alert]")).to_contain_text("saved")

        # autograde everything: the job's page shows what was sent and what came back
        page.locator(".breadcrumb a", has_text="Homework 1").click()
        expect(page.locator(".okv3-autograder")).to_contain_text("Key hw01-ag at " + fake.url)
        page.locator(".okv3-autograder button", has_text="Autograde all final submissions").click()
        expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=30_000)
        expect(page.locator(".okv3-job-log")).to_contain_text("2 backup(s)")
        expect(page.locator(".okv3-job-log")).to_contain_text("answered 200: 2 job id(s)")
        for _ in range(50):
            if len([s for s in fake.seen if s[0] == "score"]) == 2:
                break
            page.wait_for_timeout(200)
        with admin_conn.cursor() as cur:
            cur.execute("update app.scheduled_tasks set next_run_at = now() where name = 'autograder_supervise'")
        page.goto(server.url + "/staff/cal/cs61a/fa26/hw01/")  # the same page, drawn again
        for _ in range(30):
            if "2 scored" in page.locator(".okv3-autograder").inner_text():
                break
            page.wait_for_timeout(500)
            page.reload()
        expect(page.locator(".okv3-autograder-tasks")).to_contain_text("2 scored")

        # the score is on the grading page
        page.locator("table a[title='Open in the grading view']").first.click()
        expect(page.locator("body")).to_contain_text("Autograded: 1 file(s) ran")

        # the instructor revokes the autograder's access
        page.locator(".breadcrumb a", has_text="CS 61A").click()
        page.locator(".okv3-course-links a", has_text="settings").click()
        expect(page.locator(".okv3-autograder-tokens")).to_contain_text("instructor@a.edu")
        page.locator(".okv3-autograder-tokens button", has_text="Revoke the autograder's access").click()
        expect(page.locator(".alert[role=alert]")).to_contain_text("Revoked 1 autograder token")
        expect(page.locator(".okv3-no-autograder-tokens")).to_be_visible()
    finally:
        fake.close()
