"""Real browser tests: Debian's Chromium driven by Playwright against the app on 127.0.0.1.
A student signs in, finds their submission and its line comment, and authorizes ok-client."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.py import dbutil
from tests.py.live import LiveServer
from web import create_app


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute(
            # a comment of the total grading, which hw01 publishes (students see published kinds' comments)
            "insert into app.comments (backup_id, course_id, author_id, filename, line, message, kind) "
            "select b.id, b.course_id, (select id from app.users where email = 'ta@a.edu'), 'hw01.py', 1, "
            "'Use a **descriptive** name', 'total' from app.backups b join app.users u on u.id = b.submitter_id "
            "where u.email = 's1@a.edu' and b.submit"
        )
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        yield live
    app.extensions["okv3_database"].close()


@pytest.fixture
def page(chromium):
    return chromium.new_context().new_page()


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#email", email)
    page.click("form >> text=Sign in")


def test_a_student_signs_in_and_reads_feedback(server, page):
    sign_in(page, server.url, "s1@a.edu")
    expect(page.locator("table")).to_contain_text("cal/cs61a/fa26")
    page.goto(f"{server.url}/cal/cs61a/fa26/hw01/")
    expect(page.locator(".app-content-header h3")).to_contain_text("hw01")
    page.locator("tr", has_text="submission").locator("a").first.click()
    expect(page.locator(".callout")).to_contain_text("Use a descriptive name")
    expect(page.locator(".callout strong")).to_have_text("descriptive")  # Markdown, rendered
    expect(page.locator('tr[id="hw01.py-L1"] td').nth(1)).to_have_text("print(1)")
    expect(page.locator('tr[id="hw01.py-L1"] span.nb')).to_have_text("print")  # highlighted on the server


def test_a_student_authorizes_ok_client_in_the_browser(server, page):
    sign_in(page, server.url, "s1@a.edu")
    page.goto(f"{server.url}/client/login/")
    expect(page.locator(".app-content-header h3")).to_contain_text("OK Client wants to access your OK account")
    page.click("text=Allow")
    expect(page.locator("#code")).to_have_text(re.compile(r"^[0-9a-f]{48}$"))


def test_signing_out_uses_the_csrf_protected_form(server, page):
    sign_in(page, server.url, "s2@a.edu")
    expect(page.locator("nav.app-header")).to_contain_text("s2@a.edu")
    page.click("nav.app-header >> text=Sign out")
    expect(page.locator("nav.app-header")).to_contain_text("Sign in")
    page.goto(f"{server.url}/settings/tokens")
    expect(page).to_have_url(re.compile(r"/login/"))


def test_the_content_security_policy_refuses_injected_script(server, page):
    """Our pages run with no policy violation; markup injected into one (as an XSS bug would
    inject it) does not run: no inline <script>, no on*= handler."""
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, server.url, "s1@a.edu")
    for path in ("/", "/cal/cs61a/fa26/hw01/", "/settings/tokens", "/client/login/"):
        page.goto(server.url + path)
        expect(page.locator("nav.app-header")).to_contain_text("s1@a.edu")
    assert violations == []

    def inject(route):
        response = route.fetch()
        body = response.text().replace(
            "</body>", '<script>window.pwned = 1</script><img src="/x" onerror="window.pwned = 2"></body>')
        route.fulfill(response=response, body=body)

    page.route(f"{server.url}/", inject)
    page.goto(server.url + "/")
    expect(page.locator("nav.app-header")).to_contain_text("s1@a.edu")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert any("Content Security Policy" in v for v in violations)
