"""The worker sends the email outbox through a real SMTP server (aiosmtpd), notifications
rendered from their templates with a working unsubscribe link, and highlights queued
submissions' code ahead of grading."""

from __future__ import annotations

import re
import select
import socket
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import parse_qsl

import psycopg2
import pytest
from aiosmtpd.controller import Controller

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import signed_in_client
from web import code_view, create_app
from web.db import Database
from worker.highlight import highlight_pass
from worker.outbox import SmtpSettings, send_outbox_once


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, SmtpSettings(host="127.0.0.1", port=controller.port, sender="OK <ok@example.edu>")
    controller.stop()


@pytest.fixture
def worker_db(db):
    database = Database(dbutil.authenticator_url_for(db[0]))
    yield database
    database.close()


def _queue(admin_conn, *rows):
    with admin_conn.cursor() as cur:
        for to, subject, text, html in rows:
            cur.execute(
                "insert into app.email_outbox (to_address, subject, body_text, body_html) values (%s, %s, %s, %s)",
                (to, subject, text, html),
            )


def test_queued_mail_is_delivered_and_marked_sent(smtp_server, worker_db, admin_conn):
    inbox, smtp = smtp_server
    _queue(admin_conn, ("ana@example.edu", "Your extension", "Granted until Friday.", "<p>Granted</p>"),
           ("bo@example.edu", "Scores published", "Hog: 25/25", None))
    assert send_outbox_once(worker_db, smtp) == 2
    assert [rcpt for rcpt, _ in inbox.messages] == [["ana@example.edu"], ["bo@example.edu"]]
    first = inbox.messages[0][1]
    assert first["Subject"] == "Your extension" and first["From"] == "OK <ok@example.edu>"
    assert first.is_multipart() and "Granted until Friday." in first.get_payload(0).get_payload()
    sent = "select count(*) from app.email_outbox where status = 'sent' and sent_at is not null"
    assert scalar(admin_conn, sent) == 2
    assert send_outbox_once(worker_db, smtp) == 0, "nothing is sent twice"


def test_unreachable_smtp_requeues_then_fails_after_five_attempts(worker_db, admin_conn):
    _queue(admin_conn, ("ana@example.edu", "Hello", "Hi", None))
    dead = SmtpSettings(host="127.0.0.1", port=_free_port())
    for attempt in range(1, 6):
        assert send_outbox_once(worker_db, dead) == 1
        status, attempts, error = (
            scalar(admin_conn, "select array[status::text, attempts::text, last_error] from app.email_outbox")
        )
        assert int(attempts) == attempt and "Connection" in error
        assert status == ("failed" if attempt == 5 else "queued")
    assert send_outbox_once(worker_db, dead) == 0


def test_only_the_worker_may_claim_mail(worker_db, admin_conn):
    import psycopg2

    _queue(admin_conn, ("ana@example.edu", "Hello", "Hi", None))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        with worker_db.request(dbutil.session_claims(admin_conn, "ana@example.edu"), method="POST") as ctx:
            ctx.call("select api.outbox_claim()")
    assert scalar(admin_conn, "select status::text from app.email_outbox") == "queued"


def test_the_worker_highlights_queued_code_before_the_grader_opens_it(worker_db, admin_conn, db):
    """Splitting submissions into queues wakes the worker (NOTIFY okv3_highlight); it
    highlights their files as the grading view would and keeps them; the grading view then
    serves the kept lines."""
    listener = psycopg2.connect(dbutil.authenticator_url_for(db[0]))
    listener.autocommit = True
    listener.cursor().execute("listen okv3_highlight")
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.messages set contents = %s where kind = 'file_contents'",
                    ('{"hw01.py": "def f(x):\\n    return x\\n", "notes.txt": "plain"}',))
        cur.execute("insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind) "
                    "select b.assignment_id, b.course_id, b.id, (select id from app.users where email = 'ta@a.edu'), "
                    "'composition' from app.backups b where b.submit and b.course_id = "
                    "(select id from app.courses where offering = 'cal/cs61a/fa26')")
    select.select([listener], [], [], 5)  # delivered at commit, to a socket: wait for it
    listener.poll()
    assert [n.channel for n in listener.notifies] == ["okv3_highlight"], "one wake-up for the statement"
    listener.close()

    assert highlight_pass(worker_db, batch_size=1) == 2, "two distinct files (both submissions hold the same two)"
    assert highlight_pass(worker_db) == 0, "then nothing is left"
    assert scalar(admin_conn, "select count(*) from app.highlighted_files where highlighter = %s",
                  (code_view.HIGHLIGHTER,)) == 2

    kept = scalar(admin_conn, "select h.lines from app.highlighted_files h where h.digest = "
                              "app.file_digest('hw01.py', E'def f(x):\\n    return x\\n')")
    assert kept == [str(line) for line in code_view.highlighted_lines("hw01.py", "def f(x):\n    return x\n")]
    # the page serves the kept lines: marked here, so that the page shows where they came from
    with admin_conn.cursor() as cur:
        cur.execute("update app.highlighted_files set lines[1] = '<span class=\"k\">def</span> kept(x):' "
                    "where digest = app.file_digest('hw01.py', E'def f(x):\\n    return x\\n')")
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    try:
        key = scalar(admin_conn, "select app.hashid_encode(min(backup_id)) from app.grading_tasks")
        html = signed_in_client(app, "ta@a.edu").get(f"/staff/cal/cs61a/fa26/hw01/grade/{key}/").get_data(as_text=True)
        assert '<span class="k">def</span> kept(x):' in html
        assert "notes.txt" in html
    finally:
        app.extensions["okv3_database"].close()


def test_a_group_invitation_is_rendered_sent_and_its_link_unsubscribes(smtp_server, worker_db, admin_conn, db):
    """The database decides and queues (an invitation's audit row); the worker renders the
    message from its templates and sends it; the message's unsubscribe link, followed without
    signing in, turns that kind of mail off, and the next invitation is not sent."""
    inbox, smtp = smtp_server
    smtp = SmtpSettings(host=smtp.host, port=smtp.port, sender=smtp.sender, base_url="http://ok.test")
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.assignments set max_group_size = 2, display_name = 'Homework 1' "
                    "where name = 'cal/cs61a/fa26/hw01'")
    with worker_db.request(dbutil.session_claims(admin_conn, "s1@a.edu"), method="POST") as ctx:
        ctx.call("select api.group_invite(%s, %s)", ("cal/cs61a/fa26/hw01", "s2@a.edu"))
    assert send_outbox_once(worker_db, smtp) == 1
    (rcpt, message), = inbox.messages
    assert rcpt == ["s2@a.edu"] and message["Subject"] == "Homework 1: Sam invited Sue to a group"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Hello Sue," in text and "http://ok.test/cal/cs61a/fa26/hw01/" in text
    assert "<strong>Homework 1</strong>" in html
    link = message["List-Unsubscribe"].strip("<>")
    assert link in text and link.startswith("http://ok.test/settings/unsubscribe?")

    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    try:
        client = app.test_client()
        path = link.removeprefix("http://ok.test")
        page = client.get(path).get_data(as_text=True)
        assert "Stop sending" in page and "s…@a.edu" in page
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        query = dict(parse_qsl(path.split("?", 1)[1]))
        done = client.post("/settings/unsubscribe", data={"csrf_token": token, "u": query["u"], "k": query["k"],
                                                      "t": query["t"]})
        assert done.status_code == 200 and "no longer gets" in done.get_data(as_text=True)
        forged = client.get(path.replace(query["t"], "0" * 32))
        assert forged.status_code == 404 and "This unsubscribe link is not valid" in forged.get_data(as_text=True)
    finally:
        app.extensions["okv3_database"].close()
    with worker_db.request(dbutil.session_claims(admin_conn, "s1@a.edu"), method="POST") as ctx:
        ctx.call("select api.group_remove(%s, %s)", ("cal/cs61a/fa26/hw01", "s2@a.edu"))
    assert send_outbox_once(worker_db, smtp) == 0, "s2 turned group mail off"


def test_the_development_mail_catcher_keeps_each_message_as_a_file(tmp_path):
    """`make run` without OK_SMTP_HOST sends mail to worker.mailcatcher, a real SMTP server
    that keeps every message in a folder instead of delivering it."""
    import smtplib
    import subprocess
    import sys
    import time

    port = _free_port()
    catcher = subprocess.Popen([sys.executable, "-m", "worker.mailcatcher", "--port", str(port), "--dir",
                                str(tmp_path / "mail")], cwd=Path(__file__).resolve().parents[2])
    try:
        for _ in range(100):
            try:
                server = smtplib.SMTP("127.0.0.1", port, timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        with server:
            server.sendmail("ok@example.edu", ["ana@example.edu"], b"Subject: Caught\r\n\r\nHello\r\n")
        (kept,) = (tmp_path / "mail").glob("*.eml")
        assert b"Subject: Caught" in kept.read_bytes()
    finally:
        catcher.terminate()
        assert catcher.wait(10) == 0
