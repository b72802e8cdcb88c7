"""`python -m worker`: the background worker, until SIGTERM or SIGINT.

Two threads, each with its own LISTEN connection: mail and highlighting
(worker.outbox.mail_loop), and jobs (worker.jobs.job_loop), so a long export never holds up
a group invitation's mail. Several workers may run at once, on one machine or many: the
database hands each job and each message to one of them (for update skip locked).

Shutting down is graceful: on the first SIGTERM or SIGINT both loops stop taking work; a
running job stops at its handler's next check and goes back to the queue (api.job_release),
mail in flight is sent and recorded. The process exits when both loops have stopped.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading

import psycopg2
from psycopg2 import sql

from web import settings
from web.db import Database
from web.settings import authenticator_url
from worker.jobs import job_loop, worker_name
from worker.outbox import SmtpSettings, mail_loop

log = logging.getLogger("okv3.worker")


def _listener(dsn: str, *channels: str):
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    for channel in channels:
        conn.cursor().execute(sql.SQL("listen {}").format(sql.Identifier(channel)))
    return conn


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(threadName)s %(message)s")
    dsn = authenticator_url()
    db = Database(dsn, max_connections=6, min_connections=1)  # mail; a job, its heartbeat, writer and fetcher
    smtp = SmtpSettings.from_environment()
    poll = settings.worker_poll_seconds()
    worker = worker_name()
    stop = threading.Event()

    def shut_down(signum, _frame):
        log.info("worker %s: %s received; finishing up", worker, signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, shut_down)
    signal.signal(signal.SIGINT, shut_down)
    crashed = threading.Event()

    def guarded(loop):
        """A loop that dies stops the whole worker (exit 1), rather than leaving a worker that
        looks alive but no longer sends mail or runs jobs; its supervisor restarts it."""
        def run(*args):
            try:
                loop(*args)
            except BaseException:
                log.exception("worker %s: the %s loop crashed; stopping", worker, threading.current_thread().name)
                crashed.set()
                stop.set()
        return run

    threads = [
        threading.Thread(target=guarded(mail_loop), name="mail",
                         args=(db, _listener(dsn, "okv3_outbox", "okv3_highlight"), smtp, poll, stop)),
        threading.Thread(target=guarded(job_loop), name="jobs",
                         args=(db, _listener(dsn, "okv3_jobs"), worker, stop, poll)),
    ]
    for thread in threads:
        thread.start()
    log.info("worker started as %s; sending mail through %s:%s", worker, smtp.host, smtp.port)
    for thread in threads:
        while thread.is_alive():
            thread.join(0.5)  # short joins: the main thread stays free to take signals
    db.close()
    log.info("worker %s stopped", worker)
    return 1 if crashed.is_set() else 0


if __name__ == "__main__":
    sys.exit(main())
