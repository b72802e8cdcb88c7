"""The worker sends the email outbox through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from tests.py import dbutil
from tests.py.conftest import scalar
from web.db import Database
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
