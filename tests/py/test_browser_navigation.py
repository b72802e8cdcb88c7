"""Navigation in a real browser (Debian's Chromium): the sidebar lists the user's courses by
term, "Teaching" only for staff (every course for a site admin), a course switcher in the
header, breadcrumbs above each heading, and headings with display names; a student reaches an
assignment and a TA the grading queue by clicking, never by typing an address."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import page, sign_in  # noqa: F401 (the page fixture)
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


def test_a_student_finds_an_assignment_from_the_sidebar(server, page):  # noqa: F811 (page is a fixture)
    sign_in(page, server.url, "s1@a.edu")
    sidebar = page.locator(".app-sidebar")
    expect(sidebar.locator(".nav-header").first).to_have_text("Fall 2026")
    expect(sidebar.locator("a", has_text="Teaching")).to_have_count(0)  # only staff teach
    sidebar.locator("a", has_text="CS 61A").click()
    expect(page.locator(".app-content-header h3")).to_contain_text("CS 61A")
    expect(page.locator(".breadcrumb")).to_have_text("Dashboard CS 61A", use_inner_text=True)
    # the course page: each assignment with the student's status and the backup that counts
    row = page.locator("tr", has_text="Homework 1")
    expect(row.locator(".okv3-status")).to_have_text("submitted")
    expect(row.locator("td").nth(1)).to_contain_text(re.compile(r"P[SD]T"))  # the course's zone, abbreviated
    page.locator(".app-main a", has_text="Homework 1").first.click()
    expect(page.locator(".app-content-header h3")).to_contain_text("Homework 1")
    page.locator(".breadcrumb a", has_text="CS 61A").click()  # back up, by the breadcrumb
    expect(page.locator(".app-content-header h3")).to_contain_text("CS 61A")


def test_a_ta_switches_course_and_reaches_the_queue(server, page):  # noqa: F811
    sign_in(page, server.url, "ta@a.edu")
    sidebar = page.locator(".app-sidebar")
    expect(sidebar.locator("a", has_text="Teaching")).to_have_count(1)
    page.locator(".okv3-switcher .dropdown-toggle").click()  # the course switcher
    page.locator(".okv3-switcher .dropdown-item", has_text="CS 61A").click()
    expect(page.locator(".app-content-header h3")).to_contain_text("CS 61A")
    expect(page.locator(".breadcrumb")).to_contain_text("Teaching")
    page.locator(".app-main a", has_text="Homework 1").first.click()
    heading = page.locator(".app-content-header h3")
    expect(heading).to_contain_text("Homework 1")  # the display name, not the path
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Homework 1", use_inner_text=True)
    heading.locator("a", has_text="grading queue").click()
    expect(page.locator(".breadcrumb")).to_have_text("Teaching CS 61A Homework 1 Grading queue", use_inner_text=True)


def test_a_site_admin_sees_every_course(server, page):  # noqa: F811
    sign_in(page, server.url, "admin@x.edu")
    sidebar = page.locator(".app-sidebar")
    expect(sidebar.locator("a", has_text="Teaching")).to_contain_text("every course")
    expect(sidebar.locator("a.okv3-nav-course")).to_have_count(2)
    sidebar.locator("a.okv3-nav-course", has_text="CS 61B").click()
    expect(page.locator(".app-content-header h3")).to_contain_text("CS 61B")
