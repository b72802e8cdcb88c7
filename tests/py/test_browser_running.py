"""Running a course from the web, in a real browser (Debian's Chromium): an instructor
changes the course's settings and issues an export token, a TA creates an assignment, sets
its dates and template files and copies last term's, and an instructor manages the roster
one person at a time and with a CSV previewed before it is applied. Every page is reached by
clicking from the sidebar; refusals show the database's reason and change nothing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import LiveServer
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
from web import create_app


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set display_name = 'Homework 1' where name like '%/hw01'")
        # last term's offering, which the TA also taught
        cur.execute("insert into app.courses (offering, display_name) values ('cal/cs61a/sp26', 'CS 61A')")
        cur.execute("insert into app.enrollments (user_id, course_id, role) select u.id, c.id, 'ta' "
                    "from app.users u, app.courses c where u.email = 'ta@a.edu' and c.offering = 'cal/cs61a/sp26'")
        cur.execute("insert into app.assignments (course_id, name, display_name, due_at, lock_at, template_files) "
                    "select id, 'cal/cs61a/sp26/lab05', 'Lab 5', '2026-03-01 23:59-08', '2026-03-02 23:59-08', "
                    "'{\"lab05.py\": \"def f():\\n    pass\\n\"}' from app.courses where offering = 'cal/cs61a/sp26'")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def open_staff_course(tab, email: str, base: str) -> None:
    sign_in(tab, base, email)
    tab.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
    expect(tab.locator(".app-content-header h3")).to_contain_text("CS 61A")


def flash(tab):
    return tab.locator(".alert")


def test_an_instructor_changes_the_course_settings(server, page, admin_conn):  # noqa: F811 (page is a fixture)
    open_staff_course(page, "instructor@a.edu", server.url)
    page.locator(".okv3-course-links a", has_text="settings").click()
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Settings", use_inner_text=True)
    page.fill("#f-term", "Autumn 2026")
    page.select_option("#f-timezone", "America/New_York")
    page.fill("#f-default_max_group_size", "2")
    page.fill("#f-default_published_kinds", "total, composition")
    page.click("text=Save settings")
    expect(flash(page)).to_have_text("Course settings saved.")
    expect(page.locator("#f-timezone")).to_have_value("America/New_York")
    expect(page.locator(".app-sidebar")).to_contain_text("Autumn 2026")  # the sidebar's term
    # a bad value is refused with the database's reason, and nothing changes
    page.fill("#f-default_max_group_size", "0")
    page.locator("#f-default_max_group_size").evaluate("e => e.removeAttribute('min')")
    page.click("text=Save settings")
    expect(flash(page)).to_have_text("The group size must be at least 1")
    expect(page.locator("#f-default_max_group_size")).to_have_value("2")
    # the export token: shown once, then only its state
    page.click("text=Issue a token")
    token = page.locator(".okv3-new-token").inner_text()
    assert re.fullmatch(r"[0-9a-f]{48}", token)
    expect(page.locator(".okv3-token-state")).to_have_text("on")
    page.click("text=Turn off")
    expect(page.locator(".okv3-token-state")).to_have_text("off")
    expect(page.locator(".okv3-new-token")).to_have_count(0)
    assert scalar(admin_conn, "select export_token_active from app.courses where offering = 'cal/cs61a/fa26'") is False


def test_a_ta_sets_up_assignments(server, page, admin_conn):  # noqa: F811
    open_staff_course(page, "ta@a.edu", server.url)
    expect(page.locator(".okv3-course-links a", has_text="settings")).to_have_count(0)  # instructors only
    form = page.locator(".okv3-new-assignment")
    form.locator("#f-word").fill("hw02")
    form.locator("#f-display_name").fill("Homework 2")
    form.locator("#f-due").fill("2026-12-10T23:59")
    form.locator("#f-lock").fill("2026-12-09T23:59")  # before the due date: refused in words
    form.locator("text=Create").click()
    expect(flash(page)).to_have_text("The lock date must not be before the due date")
    assert scalar(admin_conn, "select count(*) from app.assignments where name = 'cal/cs61a/fa26/hw02'") == 0
    form.locator("#f-word").fill("hw02")
    form.locator("#f-display_name").fill("Homework 2")
    form.locator("#f-due").fill("2026-12-10T23:59")
    form.locator("#f-lock").fill("2026-12-11T23:59")
    form.locator("text=Create").click()
    expect(flash(page)).to_contain_text("Created Homework 2")
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Homework 2 Settings", use_inner_text=True)
    expect(page.locator(".okv3-assignment-settings")).to_contain_text("Dec 10")  # shown in the course's zone
    expect(page.locator(".okv3-assignment-settings")).to_contain_text(re.compile(r"P[SD]T"))
    page.fill("#f-due", "2026-12-12T17:00")
    page.fill("#f-lock", "2026-12-13T17:00")
    page.click("text=Save settings")
    expect(flash(page)).to_have_text("Assignment settings saved.")
    assert scalar(admin_conn, "select due_at = '2026-12-12 17:00 America/Los_Angeles' from app.assignments "
                      "where name = 'cal/cs61a/fa26/hw02'") is True
    # template files: a file, then one removed
    page.set_input_files("#template-files", [{"name": "hw02.py", "mimeType": "text/x-python",
                                              "buffer": b"def square(x):\n    return ...\n"}])
    page.locator(".okv3-templates").locator("text=Upload").click()
    expect(flash(page)).to_contain_text("Template files saved")
    expect(page.locator(".okv3-templates")).to_contain_text("hw02.py")
    page.set_input_files("#template-files",
                         [{"name": "image.png", "mimeType": "image/png", "buffer": b"\x89PNG\x00\x01"}])
    page.locator(".okv3-templates").locator("text=Upload").click()
    expect(flash(page)).to_contain_text("Not a text file (UTF-8) or a readable zip: image.png")
    page.locator(".okv3-templates button", has_text="Remove").click()
    expect(flash(page)).to_have_text("Removed hw02.py.")
    # back to the course: it is hidden until shown
    page.locator(".breadcrumb a", has_text="CS 61A").click()
    row = page.locator(".okv3-assignments tr", has_text="Homework 2")
    expect(row).to_contain_text("hidden")
    row.locator("button", has_text="Show").click()
    expect(flash(page)).to_have_text("Students see it now.")
    expect(page.locator(".okv3-assignments tr", has_text="Homework 2")).not_to_contain_text("hidden")
    # copy last term's lab, a week later
    copy = page.locator(".okv3-copy")
    copy.locator("input[name=shift_days]").fill("280")
    copy.locator("text=Copy the ticked assignments").click()
    expect(flash(page)).to_contain_text("Copied 1 assignment(s), hidden until you show them: lab05.")
    page.locator(".okv3-assignments a", has_text="Lab 5").click()
    page.locator(".app-content-header a", has_text="settings").click()
    expect(page.locator(".okv3-templates")).to_contain_text("lab05.py")


def test_a_reader_reads_settings_but_changes_nothing(server, page):  # noqa: F811
    open_staff_course(page, "reader@a.edu", server.url)
    expect(page.locator(".okv3-new-assignment")).to_have_count(0)
    page.locator(".okv3-assignments a", has_text="Settings").first.click()
    expect(page.locator(".callout")).to_contain_text("TAs and instructors change an assignment's settings")
    expect(page.locator("#f-display_name")).to_be_disabled()
    page.locator(".breadcrumb a", has_text="CS 61A").click()
    page.locator(".okv3-course-links a", has_text="roster").click()
    expect(page.locator(".okv3-roster")).to_contain_text("s1@a.edu")
    expect(page.locator(".okv3-add-person")).to_have_count(0)
    expect(page.locator(".okv3-roster a", has_text="Edit")).to_have_count(0)


def test_an_instructor_manages_the_roster(server, page, admin_conn, tmp_path):  # noqa: F811
    open_staff_course(page, "instructor@a.edu", server.url)
    page.locator(".okv3-course-links a", has_text="roster").click()
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Roster", use_inner_text=True)
    # one person
    add = page.locator(".okv3-add-person")
    add.locator("#f-email").fill("new@a.edu")
    add.locator("#f-name").fill("Nia")
    add.locator("#f-section").fill("101")
    add.locator("text=Enroll").click()
    expect(flash(page)).to_have_text("new@a.edu is enrolled as student.")
    page.select_option("#filter-section", "101")
    page.click(".okv3-roster-filters >> text=Filter")
    expect(page.locator(".okv3-roster tbody tr")).to_have_count(1)
    page.locator(".okv3-roster a", has_text="Edit").click()
    page.select_option("#role-edit", "lab_assistant")
    page.locator("#edit-row button", has_text="Save").click()
    expect(flash(page)).to_have_text("new@a.edu is enrolled as lab assistant.")
    # the last instructor stays, with the database's reason
    page.select_option("#filter-section", "")
    page.select_option("#filter-role", "instructor")
    page.click(".okv3-roster-filters >> text=Filter")
    page.locator(".okv3-roster a", has_text="Edit").click()
    page.locator("#edit-row button", has_text="Unenroll").click()
    expect(flash(page)).to_have_text("That would leave cal/cs61a/fa26 without an instructor: enroll another first")
    # a CSV with a bad row: named by its row, nothing applied
    # (a quoted name spanning two lines: the bad row is the file's line 4, as an editor shows it)
    bad = 'email,name,section\nfresh@a.edu,"Fay\nF",102\nnot-an-email,X,1\n'
    csv_input = page.locator(".okv3-import input[type=file]")
    csv_input.set_input_files([{"name": "r.csv", "mimeType": "text/csv", "buffer": bad.encode()}])
    page.locator(".okv3-import button", has_text="Preview").click()
    expect(page.locator(".okv3-import-errors tbody tr td").first).to_have_text("4")
    expect(page.locator(".okv3-import-errors")).to_contain_text("Malformed email address 'not-an-email'")
    expect(page.locator("text=Apply these changes")).to_have_count(0)
    # a good one, in replace mode: the preview lists each change; Apply applies it
    page.locator(".breadcrumb a", has_text="Roster").click()
    good = ("email,name,section,role\nfresh@a.edu,Fay,102,\ns1@a.edu,Sam,101,student\n"
            "new@a.edu,Nia,101,Lab Assistant\n")
    csv_input.set_input_files([{"name": "r.csv", "mimeType": "text/csv", "buffer": good.encode()}])
    page.check("#import-replace")
    page.locator(".okv3-import button", has_text="Preview").click()
    expect(page.locator(".okv3-import-additions")).to_contain_text("fresh@a.edu")
    expect(page.locator(".okv3-import-changes")).to_contain_text("s1@a.edu")
    expect(page.locator(".okv3-import-removals")).to_contain_text("s2@a.edu")
    # a preview changes nothing
    assert scalar(admin_conn, "select count(*) from app.users where email = 'fresh@a.edu'") == 0
    page.click("text=Apply these changes")
    expect(flash(page)).to_have_text("Roster updated: 1 added, 1 changed, 1 removed.")
    expect(page.locator(".okv3-roster")).to_contain_text("fresh@a.edu")
    expect(page.locator(".okv3-roster")).not_to_contain_text("s2@a.edu")
    # the download
    with page.expect_download() as download:
        page.click("text=Download CSV")
    path = tmp_path / "roster.csv"
    download.value.save_as(path)
    assert download.value.suggested_filename.startswith("cal-cs61a-fa26-roster-")
    assert "fresh@a.edu,Fay,,,102,Student" in path.read_text()


def test_staff_follow_progress_to_a_student(server, page, admin_conn):  # noqa: F811
    with admin_conn.cursor() as cur:  # s2 has saved work but not submitted it
        cur.execute("update app.backups set submit = false where submitter_id = "
                    "(select id from app.users where email = 's2@a.edu')")
    open_staff_course(page, "reader@a.edu", server.url)
    page.locator(".okv3-assignments a", has_text="Homework 1").click()
    page.locator(".app-content-header a", has_text="stats").click()
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Homework 1 Stats", use_inner_text=True)
    counts = page.locator(".okv3-unit-counts")
    expect(counts).to_contain_text("Submitted on time")
    expect(counts.locator(".small-box", has_text="Backed up, not submitted").locator("h3")).to_have_text("1")
    expect(page.locator("canvas.okv3-hours")).to_be_visible()
    remind = page.locator(".okv3-to-remind")
    expect(remind.locator("a[href^='mailto:']")).to_have_attribute("href", re.compile(r"bcc=s2@a\.edu"))
    remind.locator("a", has_text="s2@a.edu").click()
    expect(page.locator(".app-content-header h3")).to_contain_text("s2@a.edu")
    row = page.locator(".okv3-student-assignments tr", has_text="Homework 1")
    expect(row).to_contain_text("backup only")
    expect(page.locator("canvas.okv3-activity")).to_be_visible()
    expect(page.locator(".okv3-timeline tbody tr")).to_have_count(
        scalar(admin_conn, "select count(*) from app.backups where submitter_id = "
                           "(select id from app.users where email = 's2@a.edu')"))
    # and from the roster, by clicking a student's email
    page.locator(".breadcrumb a", has_text="Roster").click()
    page.locator(".okv3-roster a", has_text="s1@a.edu").click()
    expect(page.locator(".okv3-student-assignments")).to_contain_text("on time")


def test_the_gradebook_downloads_as_a_file_and_students_are_refused(server, page, tmp_path):  # noqa: F811
    open_staff_course(page, "ta@a.edu", server.url)
    page.locator(".okv3-course-links a", has_text="gradebook").click()
    with page.expect_download() as download:
        page.click("text=Download CSV")
    assert re.fullmatch(r"cal-cs61a-fa26-grades-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)
    path = tmp_path / "grades.csv"
    download.value.save_as(path)
    assert path.read_text().startswith("Email,SID")
    # a student who types a staff address gets the database's reason, not the page
    student = page.context.browser.new_context().new_page()
    sign_in(student, server.url, "s1@a.edu")
    for path_ in ("/staff/cal/cs61a/fa26/hw01/stats", "/staff/cal/cs61a/fa26/students/s2@a.edu",
                  "/staff/cal/cs61a/fa26/roster", "/staff/cal/cs61a/fa26/settings"):
        student.goto(f"{server.url}{path_}")
        expect(student.locator("body")).to_contain_text(re.compile(r"for the staff of cal/cs61a/fa26|Only instructors"))
