"""A student's group, extension and upload controls in a real browser (Debian's Chromium):
each control appears only when it can succeed, invitations say who invited whom, extension
requests show the staff's answer, a TA grants several requests at once, and a student
uploads files from the browser. Each person reaches the page by clicking."""

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
        cur.execute("update app.assignments set display_name = 'Homework 1', max_group_size = 2, "
                    "uploads_enabled = true, upload_info = 'Upload hw01.py' where name like '%/hw01'")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


def as_user(tab, base: str, email: str):
    """A fresh browser context signed in as email, on the student's Homework 1 page."""
    other = tab.context.browser.new_context().new_page()
    sign_in(other, base, email)
    other.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").first.click()
    other.locator(".app-main a", has_text="Homework 1").first.click()
    expect(other.locator(".app-content-header h3")).to_contain_text("Homework 1")
    return other


def test_invitations_say_who_invited_whom(server, page):  # noqa: F811 (page is a fixture)
    s1 = as_user(page, server.url, "s1@a.edu")
    group = s1.locator(".okv3-group")
    expect(group.locator("text=Accept")).to_have_count(0)  # no invitation, no accept
    group.locator("input[name=email]").fill("s2@a.edu")
    group.locator("text=Invite").click()
    expect(s1.locator(".alert")).to_have_text("Invited s2@a.edu.")
    expect(group.locator(".okv3-pending")).to_contain_text("s2@a.edu invited by s1@a.edu")
    expect(group.locator(".okv3-invite")).to_have_count(0)  # full, invitations included
    expect(group.locator(".okv3-group-full")).to_have_text("Your group is full.")
    s2 = as_user(page, server.url, "s2@a.edu")
    invitation = s2.locator(".okv3-invitation")
    expect(invitation).to_contain_text("s1@a.edu invited you to work with s1@a.edu")
    expect(s2.locator(".okv3-invite")).to_have_count(0)  # an invitee does not invite
    invitation.locator("text=Accept").click()
    expect(s2.locator(".alert")).to_have_text("You joined the group.")
    expect(s2.locator(".okv3-group li")).to_have_count(2)
    # the inviter could have revoked instead: s1 now sees a partner, not an invitation
    s1.reload()
    expect(group.locator(".okv3-pending")).to_have_count(0)
    expect(group).to_contain_text("s2@a.edu")


def test_extension_requests_show_the_staff_answer(server, page, admin_conn):  # noqa: F811
    s1 = as_user(page, server.url, "s1@a.edu")
    card = s1.locator(".okv3-extension")
    card.locator("textarea").fill("I was ill")
    card.locator("text=Ask the course staff").click()
    expect(card).to_contain_text("waiting for the staff")
    expect(card.locator("textarea")).to_have_count(0)  # no second pending request
    s2 = as_user(page, server.url, "s2@a.edu")
    s2.locator(".okv3-extension textarea").fill("Travel")
    s2.locator(".okv3-extension >> text=Ask the course staff").click()
    # the TA sees both on the course page, denies one with a reply, grants the other
    ta = page
    sign_in(ta, server.url, "ta@a.edu")
    ta.locator(".app-sidebar a.okv3-nav-course", has_text="CS 61A").click()
    requests = ta.locator(".okv3-requests")
    requests.locator("tr", has_text="s2@a.edu").locator("input[name=reply]").fill("Travel is not a reason")
    requests.locator("tr", has_text="s2@a.edu").locator("text=Deny").click()
    expect(ta.locator(".alert")).to_have_text("Request of s2@a.edu denied.")
    requests.locator("tr", has_text="s1@a.edu").locator("input[type=checkbox]").check()
    ta.fill("#bulk-expires", "2030-01-15T23:59")
    ta.locator("#bulk-grant input[name=reply]").fill("Get well soon")
    ta.locator("#bulk-grant button").click()
    expect(ta.locator(".alert")).to_have_text("Granted 1 request(s).")
    assert scalar(admin_conn, "select count(*) from app.extensions") == 1
    s1.reload()
    expect(card.locator(".okv3-extension-request")).to_contain_text(re.compile(r"granted\s+until .*Jan 15.*P[SD]T"))
    expect(card).to_contain_text("Staff: Get well soon")
    expect(s1.locator(".badge", has_text="extended")).to_have_count(1)
    s2.reload()
    expect(s2.locator(".okv3-extension")).to_contain_text("denied")
    expect(s2.locator(".okv3-extension")).to_contain_text("Staff: Travel is not a reason")
    expect(s2.locator(".okv3-extension >> text=Ask again")).to_have_count(1)


def test_a_student_uploads_from_the_browser(server, page, admin_conn):  # noqa: F811
    s1 = as_user(page, server.url, "s1@a.edu")
    card = s1.locator(".okv3-web-upload")
    expect(card).to_contain_text("Upload hw01.py")
    card.locator("input[type=file]").set_input_files([{"name": "bad.bin", "mimeType": "application/octet-stream",
                                                        "buffer": b"\xff\xfe\x00"}])
    card.locator("button", has_text="Upload").click()
    expect(s1.locator(".alert")).to_have_text("Not a text file (UTF-8): bad.bin. Nothing was uploaded.")
    card.locator("input[type=file]").set_input_files([{"name": "hw01.py", "mimeType": "text/x-python",
                                                        "buffer": b"def square(x):\n    return x * x\n"}])
    card.locator("button", has_text="Upload").click()
    expect(s1.locator(".alert")).to_have_text("Uploaded 1 file(s) as a submission.")
    expect(s1.locator('tr[id="hw01.py-L2"] td').nth(1)).to_have_text("    return x * x")
    assert scalar(admin_conn, "select count(*) from app.backups where client_name = 'okv3-web' and submit") == 1
    # after the lock date: the page offers backups only, and the database refuses a submission
    with admin_conn.cursor() as cur:
        cur.execute("update app.assignments set due_at = now() - interval '2 days', "
                    "lock_at = now() - interval '1 day' where name like '%/hw01'")
    s1.locator(".breadcrumb a", has_text="Homework 1").click()
    expect(card.locator("#upload-submit")).to_be_disabled()
    late = [{"name": "hw01.py", "mimeType": "text/x-python", "buffer": b"x\n"}]
    card.locator("input[type=file]").set_input_files(late)
    card.locator("button", has_text="Upload").click()
    expect(s1.locator(".alert")).to_have_text("Uploaded 1 file(s) as a backup.")
