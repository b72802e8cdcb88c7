"""The background worker: sends the email outbox over SMTP, and highlights the code of
queued submissions ahead of grading (worker.highlight).

Mail is queued by SQL (rows in app.email_outbox, inside the transaction that decided to
send it, so a rolled-back change sends nothing). The worker claims a batch through
api.outbox_claim, sends each message, and records the outcome through api.outbox_finish;
a failed message is retried up to five times. It sleeps on LISTEN okv3_outbox (a trigger
notifies on insert) with a poll interval as a safety net. worker.main runs this loop in a
thread of its own beside the job loop (worker.jobs).

Notifications are queued with a template and parameters (app.queue_mail) and rendered here,
text and HTML, with the site's address for links (OK_BASE_URL) and the message's own
unsubscribe link (also as a List-Unsubscribe header).

Settings: OK_SMTP_HOST (localhost), OK_SMTP_PORT (25), OK_SMTP_USER, OK_SMTP_PASSWORD,
OK_SMTP_STARTTLS (0/1), OK_MAIL_FROM (OK <no-reply@localhost>), OK_BASE_URL
(http://127.0.0.1:5000), OK_WORKER_POLL_SECONDS (30).
"""

from __future__ import annotations

import logging
import select
import smtplib
import threading
import time
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import urlencode

import psycopg2
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from web import settings
from web.db import Database
from web.settings import ROOT
from worker.highlight import highlight_pass

WORKER_CLAIMS = {"role": "ok_worker", "actor": "worker"}
log = logging.getLogger("okv3.worker")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    sender: str = "OK <no-reply@localhost>"
    base_url: str = "http://127.0.0.1:5000"  # links in notifications

    @classmethod
    def from_environment(cls) -> SmtpSettings:
        return cls(**settings.smtp())


MAIL_TEMPLATES = Environment(
    loader=FileSystemLoader(str(ROOT / "web" / "templates" / "mail")),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=StrictUndefined, keep_trailing_newline=True,
)


def render(row: dict, base_url: str) -> tuple[str, str | None, str | None]:
    """A queued message's text and HTML bodies and its unsubscribe link: a notification is
    rendered from its template (web/templates/mail/<template>.txt and .html) with the params
    the database gave it; other mail was queued with its bodies."""
    if not row.get("template"):
        return row["body_text"], row.get("body_html"), None
    params = dict(row["params"] or {})
    link = params.pop("unsubscribe", None)
    unsubscribe_url = f"{base_url}/settings/mail"
    if link:
        query = urlencode({"u": link["user"], "k": link["kind"], "t": link["token"]})
        unsubscribe_url = f"{base_url}/settings/unsubscribe?{query}"
    context = {"path": None, "course": None, **params, "base_url": base_url, "unsubscribe_url": unsubscribe_url}
    text = MAIL_TEMPLATES.get_template(f"{row['template']}.txt").render(context)
    html = MAIL_TEMPLATES.get_template(f"{row['template']}.html").render(context)
    return text, html, unsubscribe_url if link else None


def _message(row: dict, sender: str, base_url: str = "") -> EmailMessage:
    text, html, unsubscribe_url = render(row, base_url)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = row["to_address"]
    message["Subject"] = row["subject"]
    if unsubscribe_url:  # mail clients offer it as "unsubscribe": it opens the confirmation page
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def send_outbox_once(db: Database, smtp: SmtpSettings, batch_size: int = 20) -> int:
    """Claim one batch, send it, record outcomes. Returns how many were claimed."""
    with db.request(WORKER_CLAIMS, method="POST", path="/worker/outbox") as ctx:
        claimed = ctx.call("select api.outbox_claim(batch_size => %s)", (batch_size,)).fetchone()[0]
    if not claimed:
        return 0
    outcomes: list[tuple[int, str | None]] = []
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as server:
            if smtp.starttls:
                server.starttls()
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
            for row in claimed:
                try:
                    message = _message(row, smtp.sender, smtp.base_url)
                except Exception as exc:  # noqa: BLE001 - one bad message (a template error) fails alone
                    log.exception("outbox: message %s could not be rendered", row["id"])
                    outcomes.append((row["id"], f"{type(exc).__name__}: {exc}"))
                    continue
                try:
                    server.send_message(message)
                    outcomes.append((row["id"], None))
                except (smtplib.SMTPException, ValueError) as exc:  # a refused recipient, a bad header
                    outcomes.append((row["id"], f"{type(exc).__name__}: {exc}"))
    except (OSError, smtplib.SMTPException) as exc:
        sent = {outbox_id for outbox_id, _ in outcomes}
        outcomes += [(row["id"], f"{type(exc).__name__}: {exc}") for row in claimed if row["id"] not in sent]
    for outbox_id, error in outcomes:
        # each outcome in its own transaction: one that cannot be recorded (the message was
        # taken back meanwhile) must not undo the record of the others that were sent
        try:
            with db.request(WORKER_CLAIMS, method="POST", path="/worker/outbox") as ctx:
                ctx.call("select api.outbox_finish(outbox_id => %s, error => %s)", (outbox_id, error))
        except psycopg2.Error:
            log.exception("outbox: the outcome of message %s was not recorded", outbox_id)
    failures = sum(1 for _, error in outcomes if error)
    log.info("outbox: %d sent, %d failed", len(outcomes) - failures, failures)
    return len(claimed)


def mail_loop(db: Database, listener, smtp: SmtpSettings, poll: float, stop: threading.Event) -> None:
    """Send mail and highlight code until stop is set: woken by NOTIFY okv3_outbox and
    okv3_highlight, or every poll seconds (a message waiting to be retried)."""
    highlight_due = True  # a pass at start: tasks made while the worker was down
    next_look = 0.0
    while not stop.is_set():
        sent = 0
        if time.monotonic() >= next_look:
            try:
                sent = send_outbox_once(db, smtp)  # mail first: people wait for it
            except psycopg2.Error:
                log.exception("outbox: the database did not answer; trying again")
            if sent == 0:
                next_look = time.monotonic() + poll
        if highlight_due:
            highlight_due = False
            try:
                highlight_pass(db)
            except psycopg2.Error:  # the database's trouble: mail goes on; the next wake-up retries
                log.exception("highlight pass failed")
        if sent:
            continue
        ready, _, _ = select.select([listener], [], [], min(1.0, max(0.0, next_look - time.monotonic())))
        if ready:
            listener.poll()
            channels = {n.channel for n in listener.notifies}
            listener.notifies.clear()
            highlight_due = "okv3_highlight" in channels
            if "okv3_outbox" in channels:
                next_look = 0.0
