"""Background jobs in a real browser (Debian's Chromium), run by a real worker process: a TA
reaches the jobs page from the course, runs a test job and watches it progress to finished
without reloading; exports the final submissions from the assignment page and downloads
the zip; cancels a running job and runs it again. A student is refused with the database's
reason."""

from __future__ import annotations

import io
import zipfile

import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
from tests.py.test_jobs import workers  # noqa: F401 (real worker processes)
from web import create_app


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set display_name = 'Homework 1' where name like '%/hw01'")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def _open_jobs(tab, base: str) -> None:
    sign_in(tab, base, "ta@a.edu")
    tab.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
    tab.locator(".okv3-course-links a", has_text="jobs").click()
    expect(tab.locator(".breadcrumb")).to_have_text("Teaching CS 61A Jobs", use_inner_text=True)


def test_a_ta_watches_a_job_run_live_and_downloads_an_export(server, page, workers):  # noqa: F811
    _open_jobs(page, server.url)
    page.locator("#f-seconds").fill("3")
    page.locator(".okv3-test-job button", has_text="Run a test job").click()
    expect(page.locator(".okv3-job-state")).to_have_text("queued")
    workers()  # the page polls: it changes by itself as the worker runs the job
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=30_000)
    expect(page.locator(".okv3-job-log")).to_contain_text("3 of 3 seconds")
    expect(page.locator(".okv3-job-result")).to_have_text("Counted 3 seconds")

    # an export from the assignment page, then its file
    page.locator(".breadcrumb a", has_text="CS 61A").click()
    page.locator(".okv3-assignments a", has_text="Homework 1").click()
    exports = page.locator(".okv3-assignment-exports")
    exports.locator("button", has_text="Export final submissions").click()
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=30_000)
    with page.expect_download() as download:
        page.locator(".okv3-job-download").click()
    assert download.value.suggested_filename.startswith("cal-cs61a-fa26-hw01-final-submissions-")
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    assert sorted(n.split("/")[1] for n in archive.namelist() if n.endswith("info.json")) == ["s1@a.edu", "s2@a.edu"]
    # the jobs page lists both, with the download
    page.locator(".breadcrumb a", has_text="Jobs").click()
    expect(page.locator(".okv3-jobs tbody tr")).to_have_count(2)
    expect(page.locator(".okv3-jobs a", has_text="Download")).to_have_count(1)


def test_a_ta_cancels_a_running_job_and_runs_it_again(server, page, workers):  # noqa: F811
    workers()
    _open_jobs(page, server.url)
    page.locator("#f-seconds").fill("60")
    page.locator(".okv3-test-job button", has_text="Run a test job").click()
    expect(page.locator(".okv3-job-state")).to_have_text("running", timeout=30_000)
    page.locator(".okv3-job button", has_text="Cancel").click()
    expect(page.locator(".alert[role=alert]")).to_contain_text("Asked the worker to stop")
    expect(page.locator(".okv3-job-state")).to_have_text("cancelled", timeout=30_000)
    page.locator(".okv3-job button", has_text="Run again").click()
    expect(page.locator(".alert[role=alert]")).to_contain_text("Started")
    expect(page.locator(".okv3-job-state")).to_have_text("running", timeout=30_000)


def test_a_student_is_refused_the_jobs_page(server, page):  # noqa: F811
    sign_in(page, server.url, "s1@a.edu")
    page.goto(server.url + "/staff/cal/cs61a/fa26/jobs")
    expect(page.locator("body")).to_contain_text("This page is for the staff of cal/cs61a/fa26")


def test_an_admin_sees_the_schedule_and_every_course_s_jobs(server, page, workers, admin_conn):  # noqa: F811
    with admin_conn.cursor() as cur:  # the prune task is due: a worker runs it
        cur.execute("update app.scheduled_tasks set next_run_at = now() where name = 'prune'")
    workers()
    sign_in(page, server.url, "admin@x.edu")
    page.locator(".app-sidebar a.okv3-nav-admin").click()
    page.locator(".okv3-admin-tabs a", has_text="Background work").click()
    prune = page.locator(".okv3-schedule tr", has_text="prune")
    expect(prune.locator("td").nth(1)).to_have_text("1 h")
    for _ in range(60):  # the worker may not have run it (or another task due) when the page was drawn
        if prune.locator(".okv3-job-state", has_text="finished").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(prune.locator(".okv3-job-state")).to_have_text("finished")
    prune.locator("a").first.click()
    expect(page.locator(".okv3-job-result")).to_contain_text("Deleted 0 expired export file(s)")
