"""The admin's Analytics page in a real browser (Debian's Chromium), with a real worker
process: a site admin reaches it from the admin tabs, refreshes the snapshots now (the job
page shows it finish), changes the minimum cell size (a bad one is refused with the
database's reason), and exports a course for research: a zip of JSON Lines files with the
data dictionary, pseudonymous, with the same keys as the views."""

from __future__ import annotations

import io
import json
import zipfile

import psycopg2
import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import page  # noqa: F401 (the page fixture)
from tests.py.test_browser_admin import open_admin
from tests.py.test_jobs import workers  # noqa: F401 (real worker processes)
from web import create_app
from web.settings import with_user


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("insert into app.messages (backup_id, kind, contents) select id, 'grading', "
                    """'{"q1": {"passed": 1, "failed": 0, "locked": 0}}' from app.backups""")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def test_an_admin_refreshes_the_snapshots_and_exports_a_course(server, page, workers, db):  # noqa: F811
    workers()
    open_admin(page, server.url)
    page.locator(".okv3-admin-tabs a", has_text="Analytics").click()
    expect(page.locator(".okv3-min-cell")).to_have_text("5")
    page.locator("button", has_text="Refresh now").click()
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=60_000)
    expect(page.locator(".okv3-job-result")).to_contain_text("Analytics snapshots refreshed in")

    page.go_back()
    page.reload()
    page.locator("#min-cell-size").fill("0")
    page.locator("button", has_text="Save").click()  # the browser's own check stops 0 ...
    page.locator("#min-cell-size").evaluate("input => input.removeAttribute('min')")
    page.locator("button", has_text="Save").click()  # ... and the database refuses it with its reason
    expect(page.locator(".alert[role=alert]")).to_contain_text("The minimum cell size is a whole number from 1 to 1000")
    page.locator("#min-cell-size").fill("3")
    page.locator("button", has_text="Save").click()
    expect(page.locator(".alert[role=alert]")).to_contain_text("It applies from the next refresh")

    page.locator("#export-offering").select_option("cal/cs61a/fa26")
    page.locator("button", has_text="Export").click()
    expect(page.locator(".okv3-job-state")).to_have_text("finished", timeout=60_000)
    with page.expect_download() as download:
        page.locator(".okv3-job-download").click()
    assert download.value.suggested_filename.startswith("cal-cs61a-fa26-research-")
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    names = sorted(n.split("/", 1)[1] for n in archive.namelist())
    assert "README.md" in names and "backup_runs.jsonl" in names and "final_submissions.jsonl" in names
    readme = archive.read("cal-cs61a-fa26-research/README.md").decode()
    assert "| `student_key` |" in readme and "pseudonym" in readme
    runs = [json.loads(line) for line in archive.read("cal-cs61a-fa26-research/backup_runs.jsonl").splitlines()]
    assert len(runs) == 4 and all(r["questions_run"] == 1 for r in runs)  # CS 61A's only, not CS 61B's
    text = b"".join(archive.read(n) for n in archive.namelist()).decode()
    assert "@a.edu" not in text and "Sam" not in text
    # the same pseudonyms as the views the analytics login reads
    with psycopg2.connect(with_user(dbutil.url_for(db[0]), "ok_analytics", None)) as conn, conn.cursor() as cur:
        cur.execute("select array_agg(distinct student_key order by student_key) from analytics.backup_runs "
                    "where course_id = (select min(course_id) from analytics.backup_runs)")
        assert sorted({r["student_key"] for r in runs}) == cur.fetchone()[0]
