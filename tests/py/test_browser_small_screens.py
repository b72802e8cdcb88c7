"""Every page at 390 px wide (a phone), in a real browser (Debian's Chromium): the page itself
never scrolls sideways; wide tables scroll inside their card. Each page of the student,
staff and admin areas is opened as the person who uses it, and measured."""

from __future__ import annotations

import pytest

from tests.py import dbutil
from tests.py.live import LiveServer
from tests.py.test_browser import sign_in
from web import create_app

COURSE = "cal/cs61a/fa26"
HW = f"{COURSE}/hw01"


@pytest.fixture
def server(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set display_name = 'Homework 1', uploads_enabled = true "
                    "where name like '%/hw01'")
        cur.execute("select tests.hashid(b.id) from app.backups b join app.users u on u.id = b.submitter_id "
                    "where u.email = 's1@a.edu' and b.submit")
        key = cur.fetchone()[0]
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    with LiveServer(app) as live:
        live.key = key
        yield live
    app.extensions["okv3_database"].close()


@pytest.fixture
def phone(chromium):
    return chromium


def overflow(tab, base: str, path: str) -> tuple[str, int] | None:
    """(path, page width) when the page is wider than the screen, else None."""
    response = tab.goto(f"{base}{path}")
    assert response.ok, f"{path} answered {response.status}"
    width = tab.evaluate("document.documentElement.scrollWidth")
    return (path, width) if width > 390 else None


def pages_of(phone, base: str, email: str, paths: list[str]) -> list:
    tab = phone.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1).new_page()
    sign_in(tab, base, email)
    return [o for path in paths if (o := overflow(tab, base, path))]


def test_no_page_is_wider_than_a_phone(server, phone):
    key = server.key
    wide = pages_of(phone, server.url, "s1@a.edu", [
        "/", f"/{COURSE}/", f"/{HW}/", f"/{HW}/submissions/{key}/", f"/{HW}/submissions/{key}/?compare=template",
        "/settings/tokens"])
    wide += pages_of(phone, server.url, "instructor@a.edu", [
        "/staff/", f"/staff/{COURSE}/", f"/staff/{COURSE}/gradebook", f"/staff/{COURSE}/roster",
        f"/staff/{COURSE}/settings", f"/staff/{HW}/", f"/staff/{HW}/settings", f"/staff/{HW}/stats",
        f"/staff/{HW}/scores", f"/staff/{HW}/rubrics", f"/staff/{HW}/queue", f"/staff/{HW}/grade/{key}/",
        f"/staff/{COURSE}/students/s1@a.edu"])
    wide += pages_of(phone, server.url, "admin@x.edu", ["/admin/", "/admin/users", "/admin/clients", "/admin/versions"])
    assert wide == []
