"""Mail settings in a real browser (Debian's Chromium): a student reaches them from the
sidebar and turns a kind of notification off; a message's unsubscribe link works without
signing in and a forged one is refused with the database's reason; a TA sets an assignment's
deadline reminder and an instructor turns the course's mail off."""

from __future__ import annotations

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
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def test_a_student_turns_group_mail_off(server, page, admin_conn):  # noqa: F811
    sign_in(page, server.url, "s1@a.edu")
    page.locator(".app-sidebar a.okv3-nav-mail").click()
    expect(page.locator(".app-content-header h3")).to_contain_text("Mail settings")
    expect(page.locator("#mail-receipt")).not_to_be_checked()  # receipts are opt-in
    page.uncheck("#mail-group")
    page.check("#mail-receipt")
    page.locator(".okv3-mail-settings button", has_text="Save").click()
    expect(page.locator(".alert[role=alert]")).to_have_text("Mail settings saved.")
    expect(page.locator("#mail-group")).not_to_be_checked()
    expect(page.locator("#mail-receipt")).to_be_checked()
    assert scalar(admin_conn, "select mail_muted from app.users where email = 's1@a.edu'") == ["group"]


def test_an_unsubscribe_link_works_without_signing_in(server, page, admin_conn):  # noqa: F811
    user, token = scalar(admin_conn, "select array[app.hashid_encode(id), app.unsubscribe_token(id, 'scores')] "
                                     "from app.users where email = 's2@a.edu'")
    page.goto(f"{server.url}/settings/unsubscribe?u={user}&k=scores&t={'0' * 32}")
    expect(page.locator("body")).to_contain_text("This unsubscribe link is not valid")
    page.goto(f"{server.url}/settings/unsubscribe?u={user}&k=scores&t={token}")
    expect(page.locator(".okv3-unsubscribe")).to_contain_text("Stop sending scores published to me to s…@a.edu?")
    page.locator(".okv3-unsubscribe button", has_text="Unsubscribe").click()
    expect(page.locator(".okv3-unsubscribed")).to_contain_text("no longer gets: Scores published to me")
    assert scalar(admin_conn, "select mail_muted from app.users where email = 's2@a.edu'") == ["receipt", "scores"]


def test_staff_set_a_reminder_and_turn_the_course_s_mail_off(server, page, admin_conn):  # noqa: F811
    sign_in(page, server.url, "ta@a.edu")
    page.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
    page.locator(".okv3-assignments a", has_text="Settings").first.click()
    # the browser itself stops 400 (max=336); without that check, the database says why
    page.locator("#f-reminder_hours").evaluate("field => field.removeAttribute('max')")
    page.locator("#f-reminder_hours").fill("400")
    page.locator("button", has_text="Save settings").click()
    expect(page.locator(".alert[role=alert]")).to_contain_text("A reminder is sent 1 to 336 hours")
    page.locator("#f-reminder_hours").fill("24")
    page.locator("button", has_text="Save settings").click()
    expect(page.locator(".alert[role=alert]")).to_have_text("Assignment settings saved.")
    expect(page.locator("#f-reminder_hours")).to_have_value("24")

    page.context.clear_cookies()  # the instructor, in the same browser
    sign_in(page, server.url, "instructor@a.edu")
    page.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").filter(has_text="Fall 2026").click()
    page.locator(".okv3-course-links a", has_text="settings").click()
    page.uncheck("#f-mail_enabled")
    page.locator("button", has_text="Save settings").click()
    expect(page.locator(".alert[role=alert]")).to_have_text("Course settings saved.")
    assert scalar(admin_conn, "select mail_enabled from app.courses where offering = 'cal/cs61a/fa26'") is False
