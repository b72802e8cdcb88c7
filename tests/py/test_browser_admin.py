"""The admin pages in a real browser (Debian's Chromium): a site admin reaches them from the
sidebar, creates a course, finds and corrects a user, acts as a user from their row (with a
banner and a "Stop acting" button), registers an OAuth client whose secret is shown once,
rotates and turns it off, and publishes a client version. Others never see the pages."""

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
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def flash(tab):
    return tab.locator(".alert[role=alert]")


def open_admin(tab, base: str) -> None:
    sign_in(tab, base, "admin@x.edu")
    tab.locator(".app-sidebar a.okv3-nav-admin").click()
    expect(tab.locator(".app-content-header h3")).to_have_text("Admin")


def test_a_site_admin_runs_courses_and_users(server, page, admin_conn):  # noqa: F811 (page is a fixture)
    open_admin(page, server.url)
    expect(page.locator(".okv3-admin-courses")).to_contain_text("cal/cs61b/fa26")
    form = page.locator(".okv3-create-course")
    form.locator("#f-offering").fill("cs61a-spring")  # not institution/course/term
    form.locator("#f-display_name").fill("CS 61A")
    form.locator("button").click()
    expect(flash(page)).to_contain_text("offering")
    form.locator("#f-offering").fill("cal/cs61a/sp27")
    form.locator("#f-display_name").fill("CS 61A")
    form.locator("button").click()
    expect(flash(page)).to_contain_text("Created cal/cs61a/sp27")
    expect(page.locator(".breadcrumb")).to_contain_text("Roster")  # enroll its instructors next
    # users: find, correct, make admin
    page.locator(".app-sidebar a.okv3-nav-admin").click()
    page.locator(".okv3-admin-tabs a", has_text="Users").click()
    page.fill("input[name=q]", "s1@")
    page.click("form[role=search] button")
    rows = page.locator(".okv3-admin-users tbody tr")
    expect(rows).to_have_count(2)
    row = rows.filter(has_text="s1@b.edu")
    row.locator("summary").click()
    row.locator("input[name=name]").fill("Sasha")
    row.locator("input[name=new_email]").fill("s2@a.edu")  # someone else's address: refused
    row.locator("button", has_text="Save").click()
    expect(flash(page)).to_have_text("s2@a.edu is already the address of another user")
    assert scalar(admin_conn, "select name from app.users where email = 's1@b.edu'") != "Sasha"
    row = page.locator(".okv3-admin-users tbody tr", has_text="s1@b.edu")
    row.locator("summary").click()
    row.locator("input[name=name]").fill("Sasha")
    row.locator("input[name=is_admin]").check()
    row.locator("button", has_text="Save").click()
    expect(flash(page)).to_contain_text("Saved s1@b.edu")
    assert scalar(admin_conn, "select is_admin and name = 'Sasha' from app.users where email = 's1@b.edu'") is True
    # act as a student from their row: a banner, and a way back
    page.fill("input[name=q]", "s2@a.edu")
    page.click("form[role=search] button")
    page.locator(".okv3-admin-users tr", has_text="s2@a.edu").locator("a", has_text="Act as").click()
    page.locator(".app-main button", has_text="Act as s2@a.edu").click()
    banner = page.locator(".okv3-sudo-banner")
    expect(banner).to_contain_text("You are acting as s2@a.edu")
    expect(page.locator(".app-sidebar a.okv3-nav-admin")).to_have_count(0)  # a student's view
    banner.locator("button", has_text="Stop acting").click()
    expect(page.locator(".okv3-sudo-banner")).to_have_count(0)
    expect(page.locator(".app-sidebar a.okv3-nav-admin")).to_have_count(1)


def test_a_site_admin_manages_clients_and_versions(server, page, admin_conn):  # noqa: F811
    open_admin(page, server.url)
    page.locator(".okv3-admin-tabs a", has_text="OAuth clients").click()
    expect(page.locator("#client-ok-client")).to_contain_text("urn:ietf:wg:oauth:2.0:oob")
    form = page.locator(".okv3-register-client")
    form.locator("#f-client_id").fill("autograder")
    form.locator("#f-name").fill("Autograder")
    form.locator("#f-redirect_uris").fill("javascript:alert(1)")
    form.locator("button").click()
    expect(flash(page)).to_contain_text("Each redirect URI is an http(s) address")
    form.locator("#f-client_id").fill("autograder")
    form.locator("#f-name").fill("Autograder")
    form.locator("#f-redirect_uris").fill("https://ag.example.edu/cb")
    form.locator("button").click()
    secret = page.locator(".okv3-new-secret code").inner_text()
    assert re.fullmatch(r"[0-9a-f]{48}", secret)
    card = page.locator("#client-autograder")
    card.locator("button", has_text="Rotate the secret").click()
    rotated = page.locator(".okv3-new-secret code").inner_text()
    assert rotated != secret
    page.locator("#client-autograder button", has_text="Turn off").click()
    expect(page.locator("#client-autograder .badge", has_text="off")).to_have_count(1)
    expect(page.locator(".okv3-new-secret")).to_have_count(0)
    assert scalar(admin_conn, "select active from auth.oauth_clients where client_id = 'autograder'") is False
    page.locator(".okv3-admin-tabs a", has_text="Client versions").click()
    form = page.locator(".okv3-set-version")
    form.locator("#f-version").fill("v1.18.2")
    form.locator("#f-download_link").fill("https://example.edu/ok")
    form.locator("button").click()
    expect(flash(page)).to_have_text("ok-client is now at version v1.18.2.")
    expect(page.locator(".okv3-versions")).to_contain_text("v1.18.2")


def test_others_never_see_the_admin_pages(server, page):  # noqa: F811
    sign_in(page, server.url, "instructor@a.edu")
    expect(page.locator(".app-sidebar a.okv3-nav-admin")).to_have_count(0)
    page.goto(f"{server.url}/admin/users")  # typed: the database's reason, not the page
    expect(page.locator("body")).to_contain_text("Site administrators only")
