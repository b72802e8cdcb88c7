"""Background jobs on real worker processes (`python -m worker`), against a real database:
exports made by a worker and downloaded through the web; a worker killed mid-job (SIGKILL)
whose job another worker completes once its lease expires; a worker stopped with SIGTERM
handing its job back at once; cancelling a running job; the schedule starting a periodic
job once while two workers run; several workers sharing a queue without running a job twice."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import signed_in_client
from web import create_app
from web.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def course(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
        cur.execute("update app.messages set contents = %s where kind = 'file_contents'",
                    ('{"hw01.py": "def square(x):\\n    return x * x\\n", "notes.txt": "done"}',))
        # the backups were made an hour ago: before the due date, so on time
        cur.execute("set session_replication_role = replica; "
                    "update app.backups set created_at = created_at - interval '1 hour'; "
                    "set session_replication_role = origin")
    database = Database(dbutil.authenticator_url_for(db[0]), max_connections=4)
    yield database
    database.close()


@pytest.fixture
def workers(db, tmp_path):
    """Start real worker processes; all are stopped (SIGKILL if need be) afterwards."""
    started: list[subprocess.Popen] = []

    def start(lease: int = 4, name: str = "w") -> subprocess.Popen:
        env = {**os.environ, "OK_AUTHENTICATOR_URL": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test",
               "OK_JOB_LEASE_SECONDS": str(lease), "OK_WORKER_POLL_SECONDS": "1",
               "OK_SMTP_HOST": "127.0.0.1", "OK_SMTP_PORT": "9"}
        log = open(tmp_path / f"{name}-{len(started)}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen([sys.executable, "-m", "worker"], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def _start(database: Database, admin_conn, email: str, query: str, args: tuple) -> int:
    with database.request(dbutil.session_claims(admin_conn, email), method="POST") as ctx:
        return ctx.call(query, args).fetchone()[0]["job_id"]


def _wait_for(admin_conn, job_id: int, condition: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if scalar(admin_conn, f"select {condition} from app.jobs where id = %s", (job_id,)):  # noqa: S608 (test's own SQL)
            return
        time.sleep(0.2)
    row = scalar(admin_conn, "select row_to_json(j)::text from app.jobs j where id = %s", (job_id,))
    raise AssertionError(f"job {job_id} never met {condition}: {row}")


@pytest.fixture
def web_client(db):
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield app
    app.extensions["okv3_database"].close()


def test_exports_are_made_by_a_worker_and_downloaded_through_the_web(course, admin_conn, workers, web_client):
    grades = _start(course, admin_conn, "ta@a.edu", "select api.start_export(%s, %s)", ("cal/cs61a/fa26", "grades"))
    roster = _start(course, admin_conn, "ta@a.edu", "select api.start_export(%s, %s)", ("cal/cs61a/fa26", "roster"))
    finals = _start(course, admin_conn, "ta@a.edu", "select api.start_export(%s, %s)",
                    ("cal/cs61a/fa26/hw01", "final_submissions"))
    anonymous = _start(course, admin_conn, "ta@a.edu", "select api.start_export(%s, %s, %s)",
                       ("cal/cs61a/fa26/hw01", "final_submissions", True))
    backups = _start(course, admin_conn, "ta@a.edu", "select api.start_export(%s, %s)",
                     ("cal/cs61a/fa26/hw01", "backups"))
    hostile = {"../../evil.py": "up", "/abs.py": "root", "a\\..\\b.py": "back", "info.json": "mine",
               "INFO.json": "shout", "ok\x01.py": "control",
               "hw01.py": "def square(x):\n    return x * x\n", "notes.txt": "done"}
    with admin_conn.cursor() as cur:  # students name their files: s2's final backup tries to escape
        cur.execute("update app.messages m set contents = %s from app.backups b, app.users u "
                    "where m.backup_id = b.id and b.submitter_id = u.id and u.email = 's2@a.edu' "
                    "and m.kind = 'file_contents'", (json.dumps(hostile),))
    workers()
    for job in (grades, roster, finals, anonymous, backups):
        _wait_for(admin_conn, job, "status = 'finished'")

    client = signed_in_client(web_client, "instructor@a.edu")
    answer = client.get(f"/staff/jobs/{grades}/download")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert "cal-cs61a-fa26-grades-" in answer.headers["Content-Disposition"]
    expected = scalar(admin_conn, "select app.grades_csv(id) from app.courses where offering = 'cal/cs61a/fa26'")
    assert answer.get_data(as_text=True) == expected, "the job's file is the gradebook's CSV, byte for byte"

    rows = list(csv.DictReader(io.StringIO(client.get(f"/staff/jobs/{roster}/download").get_data(as_text=True))))
    assert {r["email"] for r in rows} >= {"s1@a.edu", "s2@a.edu", "ta@a.edu", "instructor@a.edu"}

    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/staff/jobs/{finals}/download").get_data()))
    names = archive.namelist()
    s1 = next(n for n in names if n.startswith("cal-cs61a-fa26-hw01/s1@a.edu/") and n.endswith("/hw01.py"))
    assert archive.read(s1).decode() == "def square(x):\n    return x * x\n"
    info = json.loads(archive.read(s1.replace("hw01.py", "info.json")))
    assert info["members"][0]["email"] == "s1@a.edu" and info["is_submission"] and info["late_by"] is None
    assert len([n for n in names if n.endswith("/info.json")]) == 2, "one folder per student"
    assert all(n.startswith("cal-cs61a-fa26-hw01/s") and ".." not in n.split("/") and "\\" not in n for n in names)
    s2 = next(n for n in names if n.startswith("cal-cs61a-fa26-hw01/s2@a.edu/") and n.endswith("/info.json"))[:-9]
    assert {n[len(s2):]: archive.read(n).decode() for n in names if n.startswith(s2) and n != s2 + "info.json"} == {
        "evil.py": "up", "abs.py": "root", "a/b.py": "back", "INFO (2).json": "shout", "info (3).json": "mine",
        "ok.py": "control", "hw01.py": hostile["hw01.py"], "notes.txt": "done",
    }, "every file stays in its folder under a unique name; info.json stays the export's"

    hidden = zipfile.ZipFile(io.BytesIO(client.get(f"/staff/jobs/{anonymous}/download").get_data()))
    assert len([n for n in hidden.namelist() if n.endswith("hw01.py")]) == 2
    assert not any("@" in name or b"a.edu" in hidden.read(name) for name in hidden.namelist()), "no one is named"

    lines = client.get(f"/staff/jobs/{backups}/download").get_data(as_text=True).splitlines()
    assert len(lines) == 4 and all("@" not in line for line in lines)
    assert {json.loads(line)["messages"]["file_contents"]["notes.txt"] for line in lines} == {"done"}

    # a student gets the database's refusal, not the file
    refused = signed_in_client(web_client, "s1@a.edu").get(f"/staff/jobs/{grades}/download")
    assert refused.status_code == 404


def test_a_killed_worker_s_job_is_completed_once_by_another(course, admin_conn, workers):
    job = _start(course, admin_conn, "ta@a.edu", "select api.start_test_job(%s, %s)", ("cal/cs61a/fa26", 6))
    first = workers(lease=3, name="first")
    _wait_for(admin_conn, job, "status = 'running' and progress > 0")
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    workers(lease=3, name="second")
    _wait_for(admin_conn, job, "status = 'finished'", timeout=60)
    log = scalar(admin_conn, "select log from app.jobs where id = %s", (job,))
    assert scalar(admin_conn, "select attempts from app.jobs where id = %s", (job,)) == 2
    assert "stopped responding" in log
    assert log.count(": finished") == 1, "finished once"


def test_sigterm_hands_the_running_job_back_and_stops(course, admin_conn, workers):
    job = _start(course, admin_conn, "ta@a.edu", "select api.start_test_job(%s, %s)", ("cal/cs61a/fa26", 60))
    worker = workers(lease=30)
    _wait_for(admin_conn, job, "status = 'running' and progress > 0")
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(15) == 0, "a graceful stop"
    assert scalar(admin_conn, "select array[status::text, attempts::text] from app.jobs where id = %s",
                  (job,)) == ["queued", "0"], "back in the queue at once, the attempt not counted"
    assert "back in the queue" in scalar(admin_conn, "select log from app.jobs where id = %s", (job,))


def test_staff_cancel_a_running_job(course, admin_conn, workers):
    job = _start(course, admin_conn, "ta@a.edu", "select api.start_test_job(%s, %s)", ("cal/cs61a/fa26", 60))
    workers()
    _wait_for(admin_conn, job, "status = 'running' and progress > 0")
    with course.request(dbutil.session_claims(admin_conn, "instructor@a.edu"), method="POST") as ctx:
        assert ctx.call("select api.cancel_job(%s)", (job,)).fetchone()[0] == {"state": "cancelling"}
    _wait_for(admin_conn, job, "cancelled_at is not null", timeout=20)
    assert scalar(admin_conn, "select progress < 1 from app.jobs where id = %s", (job,))


def test_a_failing_job_is_retried_after_a_backoff(course, admin_conn, workers):
    job = _start(course, admin_conn, "ta@a.edu", "select api.start_test_job(%s, %s, %s)", ("cal/cs61a/fa26", 1, True))
    workers()
    _wait_for(admin_conn, job, "status = 'queued' and attempts = 1")
    assert "RuntimeError: The test job failed, as asked" in scalar(admin_conn, "select log from app.jobs where id = %s",
                                                                  (job,))
    with admin_conn.cursor() as cur:  # skip the rest of the backoff
        cur.execute("update app.jobs set run_after = now() where id = %s", (job,))
    _wait_for(admin_conn, job, "attempts = 2 and status = 'queued'")


def test_two_workers_share_the_queue_and_the_schedule_runs_once(course, admin_conn, workers):
    jobs = [_start(course, admin_conn, "ta@a.edu", "select api.start_test_job(%s, %s)", ("cal/cs61a/fa26", 1))
            for _ in range(6)]
    with admin_conn.cursor() as cur:
        cur.execute("update app.scheduled_tasks set next_run_at = now() where name = 'prune'")
    workers(name="a")
    workers(name="b")
    for job in jobs:
        _wait_for(admin_conn, job, "status = 'finished'")
    assert scalar(admin_conn, "select array_agg(distinct attempts) from app.jobs where id = any(%s)", (jobs,)) == [1], \
        "no job ran twice"
    prune = "select count(*) from app.jobs where name = 'prune'"
    deadline = time.monotonic() + 20
    while scalar(admin_conn, "select count(*) from app.jobs where name = 'prune' and status = 'finished'") < 1:
        assert time.monotonic() < deadline, "the prune job never finished"
        time.sleep(0.2)
    assert scalar(admin_conn, prune) == 1, "the schedule started one prune, not one per worker"
