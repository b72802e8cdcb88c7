"""`make run` serves the app (healthz 200, demo data loaded) and `make stop` stops it.

Runs against a clone (DATABASE_URL), on a free port, with its own pid directory, so it
neither needs nor disturbs a developer's running server or the private cluster. It runs
with no OK_ENV, as a fresh checkout would: the Makefile must set development itself (the
app alone would be production and refuse to start without secrets). The access log gunicorn
writes under make run never holds a token from a query string.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

from tests.py.conftest import scalar
from web.settings import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_make_run_then_healthz_then_make_stop(db, admin_conn, tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OK_")}  # no settings at all
    env.update(DATABASE_URL=db[1], PORT=str(port), RUN=str(tmp_path), MAIL_PORT=str(_free_port()))
    started = subprocess.run(["make", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        assert f"serving http://127.0.0.1:{port}" in started.stdout
        assert _get(f"http://127.0.0.1:{port}/healthz") == (200, b"OK\n")
        status, body = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b"app-wrapper" in body
        # gunicorn got OK_ENV=development from the Makefile: the development sign-in is there.
        status, body = _get(f"http://127.0.0.1:{port}/login/")
        assert status == 200 and b"Development sign-in" in body
        # Credentials in query strings never reach the access log.
        secret = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWluLXRoZS11cmw.c2lnbmF0dXJl"
        _get(f"http://127.0.0.1:{port}/api/v3/user/?access_token={secret}&envelope=true")
        _get(f"http://127.0.0.1:{port}/api/v3/course/ok/demo101/fa26/export/roster?export_token=export-{secret}")
        log = ""
        for _ in range(50):  # the line is written just after the response
            log = (tmp_path / "access.log").read_text()
            if "/export/roster" in log:
                break
            time.sleep(0.1)
        assert "/api/v3/user/?access_token=[redacted]&envelope=true" in log, log
        assert "export_token=[redacted]" in log and secret not in log
        # The demo course is seeded: roles, 30 students, three assignments, work to grade.
        assert scalar(admin_conn, "select count(*) from app.enrollments e join app.courses c on c.id = e.course_id "
                                  "where c.offering = 'ok/demo101/fa26' and e.role = 'student'") == 30
        assert scalar(admin_conn, "select array_agg(distinct e.role::text order by e.role::text) "
                                  "from app.enrollments e join app.courses c on c.id = e.course_id "
                                  "where c.offering = 'ok/demo101/fa26'") == [
            "instructor", "lab_assistant", "reader", "student", "ta"]
        past_and_upcoming = scalar(
            admin_conn,
            "select count(*) filter (where due_at < now()) || '/' || count(*) filter (where due_at > now()) "
            "from app.assignments a join app.courses c on c.id = a.course_id where c.offering = 'ok/demo101/fa26'",
        )
        assert past_and_upcoming == "1/2"
        assert scalar(
            admin_conn,
            "select (select count(*) from app.backups) > 0 and (select count(*) from app.scores) > 0 "
            "and (select count(*) from app.comments) > 0 and (select count(*) from app.group_members) > 0",
        )
        # The background worker runs beside the app, listening for mail to send.
        worker_pid = int((tmp_path / "worker.pid").read_text())
        os.kill(worker_pid, 0)
        for _ in range(100):
            if "worker started" in (tmp_path / "worker.log").read_text():
                break
            time.sleep(0.1)
        assert "worker started" in (tmp_path / "worker.log").read_text()
        # No OK_SMTP_HOST: mail goes to the local catcher, a file per message in $RUN/mail.
        assert f"mail is caught in {tmp_path}/mail/" in started.stdout
        with admin_conn.cursor() as cur:
            cur.execute("insert into app.email_outbox (to_address, subject, body_text) "
                        "values ('ana@example.edu', 'Caught locally', 'Hello')")
        for _ in range(100):
            caught = list((tmp_path / "mail").glob("*.eml"))
            if caught:
                break
            time.sleep(0.1)
        assert caught and b"Subject: Caught locally" in caught[0].read_bytes()
        again = subprocess.run(["make", "run"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0 and "already running" in again.stdout
    finally:
        stopped = subprocess.run(["make", "stop"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert stopped.returncode == 0, stopped.stderr
    assert not (tmp_path / "gunicorn.pid").exists() and not (tmp_path / "worker.pid").exists()
    assert not (tmp_path / "mailcatcher.pid").exists()
    for _ in range(50):
        try:
            os.kill(worker_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the worker still runs after make stop")
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}/healthz")
        except (urllib.error.URLError, ConnectionError):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the app still answers after make stop")
