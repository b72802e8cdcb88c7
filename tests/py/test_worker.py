"""The worker sends the email outbox through a real SMTP server (aiosmtpd), and highlights
queued submissions' code ahead of grading."""

from __future__ import annotations

import select
import socket
from email import message_from_bytes

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
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
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
