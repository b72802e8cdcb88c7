"""Exports as background jobs on the generated 2,000-student course (the database
bench/course_scale.py leaves, okv3_bench_scale_<students>; generated if missing; plus an
assignment where every student submitted about 40 KB of code), run by a
real worker process (`python -m worker`) as production runs it. After a warm-up, each export
is started as an instructor (api.start_export) and timed from the request to the job's end
(queue, claim, the work, the file stored); the grades CSV is compared with the same CSV made
inline (api.grades_csv, the gradebook's download) in the same run. The final-submissions zip
reports its size and rate; the worker's memory is read from /proc: resident size when idle,
after each export, and its peak (VmHWM) at the end, to show that streaming keeps it flat
however many students. Finally the zip is downloaded through the web app, chunk by chunk.

    .venv/bin/python bench/exports.py [--students 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
from common import ROOT, dbutil, machine
from course_pages import INSTRUCTOR, OFFERING, prepare
from course_scale import ASSIGNMENT, course

from tests.py.live import signed_in_client
from web import create_app
from web.db import Database

BIG = f"{OFFERING}/big"


def big_assignment(url: str, kilobytes: int) -> None:
    """An assignment where every student submitted files of realistic size (the generated
    course's files are one line each): hw.py of about `kilobytes` KB, different per student,
    and a small notes.txt. Made once; kept in the bench database."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', false)")
        cur.execute("select count(*) from app.assignments where name = %s", (BIG,))
        if cur.fetchone()[0]:
            return
        cur.execute("insert into app.assignments (course_id, name, display_name, due_at, lock_at, visible) "
                    "select id, %s, 'Big project', now() + interval '1 day', now() + interval '2 days', true "
                    "from app.courses where offering = %s", (BIG, OFFERING))
        cur.execute("""
            with made as (
              insert into app.backups (assignment_id, course_id, submitter_id, submit)
              select a.id, a.course_id, e.user_id, true
              from app.assignments a join app.enrollments e on e.course_id = a.course_id and e.role = 'student'
              where a.name = %s
              returning id
            )
            insert into app.messages (backup_id, kind, contents)
            select m.id, 'file_contents', jsonb_build_object(
              'hw.py', (select string_agg(format('def step_%%s(x):  # %%s%%s    return x * %%s + %%s%%s', i,
                                                  md5(m.id::text || ':' || i), chr(10), i, m.id, chr(10)), '')
                        from generate_series(1, %s) as i),
              'notes.txt', 'Worked alone. ' || m.id)
            from made as m""", (BIG, kilobytes * 1024 // 75))
        cur.execute("analyze")


def memory(pid: int) -> dict[str, int]:
    """Resident and peak resident size of a process, in MB (from /proc/<pid>/status)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) // 1024
    return fields


def start(db: Database, claims: dict, what: str, target: str, anonymized: bool = False) -> int:
    with db.request(claims, method="POST") as ctx:
        return ctx.call("select api.start_export(%s, %s, %s)", (target, what, anonymized)).fetchone()[0]["job_id"]


def wait(conn, job: int, timeout: float = 600) -> tuple[float, int]:
    """Seconds from now until the job finished, and its file's size."""
    began = time.perf_counter()
    with conn.cursor() as cur:
        while time.perf_counter() - began < timeout:
            cur.execute("select status::text, file_bytes, error from app.jobs where id = %s", (job,))
            status, size, error = cur.fetchone()
            if status == "finished":
                return time.perf_counter() - began, size
            if status == "failed":
                raise RuntimeError(f"job {job} failed: {error}")
            time.sleep(0.02)
    raise TimeoutError(f"job {job} did not finish in {timeout} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kilobytes", type=int, default=40, help="size of each student's hw.py in the big assignment")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    url = course(args.students, reuse=True)
    prepare(url)
    big_assignment(url, args.kilobytes)
    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url)
    admin.autocommit = True
    claims = dbutil.session_claims(admin, INSTRUCTOR)
    db = Database(dbutil.authenticator_url_for(name), max_connections=4)

    env = {**os.environ, "OK_AUTHENTICATOR_URL": dbutil.authenticator_url_for(name), "OK_ENV": "test",
           "OK_WORKER_POLL_SECONDS": "1", "OK_SMTP_HOST": "127.0.0.1", "OK_SMTP_PORT": "9"}
    with admin.cursor() as cur:  # the schedule's jobs would share the worker with the exports
        cur.execute("update app.scheduled_tasks set next_run_at = now() + interval '1 day'")
    worker = subprocess.Popen([sys.executable, "-m", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        idle = memory(worker.pid)
        print(f"\nworker idle: {idle['VmRSS']} MB resident")

        # warm-up: each export once
        for what, target in (("grades", OFFERING), ("final_submissions", BIG)):
            wait(admin, start(db, claims, what, target))

        inline = []
        for _ in range(args.runs):
            began = time.perf_counter()
            with db.request(claims) as ctx:
                csv_text = ctx.call("select api.grades_csv(%s)", (OFFERING,)).fetchone()[0]
            inline.append(time.perf_counter() - began)
        as_job = [wait(admin, start(db, claims, "grades", OFFERING))[0] for _ in range(args.runs)]
        rows = csv_text.count("\n") - 1
        print(f"grades CSV ({rows} students, {len(csv_text):,} bytes): inline (the gradebook's download) "
              f"median {statistics.median(inline) * 1000:.0f} ms; as a job (queue, worker, file stored) "
              f"median {statistics.median(as_job) * 1000:.0f} ms, x{statistics.median(as_job) / statistics.median(inline):.1f} "
              f"the inline time (aim: under 2 s)")
        roster = [wait(admin, start(db, claims, "roster", OFFERING))[0] for _ in range(args.runs)]
        print(f"roster CSV as a job: median {statistics.median(roster) * 1000:.0f} ms")

        zips = []
        for target, anonymized in [(ASSIGNMENT, False)] + [(BIG, False)] * args.runs + [(BIG, True)]:
            seconds, size = wait(admin, start(db, claims, "final_submissions", target, anonymized))
            zips.append((target, seconds, size, anonymized, memory(worker.pid)["VmRSS"]))
        for target, seconds, size, anonymized, rss in zips:
            print(f"final submissions zip of {target}{' (anonymized)' if anonymized else ''}: {size / 2**20:.1f} MB "
                  f"in {seconds:.2f} s = {size / 2**20 / seconds:.1f} MB/s; worker resident after: {rss} MB")
        backups_s, backups_size = wait(admin, start(db, claims, "backups", ASSIGNMENT))
        print(f"all backups as JSON Lines: {backups_size / 2**20:.1f} MB in {backups_s:.2f} s = "
              f"{backups_size / 2**20 / backups_s:.1f} MB/s")
        peak = memory(worker.pid)
        print(f"worker memory: idle {idle['VmRSS']} MB, now {peak['VmRSS']} MB, peak {peak['VmHWM']} MB "
              f"(the largest file written: {max(z[2] for z in zips) / 2**20:.1f} MB)")

        # the download through the web app, chunk by chunk
        with admin.cursor() as cur:
            cur.execute("select max(id) from app.jobs where name = 'export_final_submissions' and status = 'finished' "
                        "and params ->> 'target' = %s and not (params ->> 'anonymized')::boolean", (BIG,))
            job = cur.fetchone()[0]
        app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(name), "OK_ENV": "test"})
        client = signed_in_client(app, INSTRUCTOR)
        began = time.perf_counter()
        response = client.get(f"/staff/jobs/{job}/download")
        body = response.get_data()
        took = time.perf_counter() - began
        print(f"download of the zip through the web app: {len(body) / 2**20:.1f} MB in {took:.2f} s = "
              f"{len(body) / 2**20 / took:.1f} MB/s (status {response.status_code})")
        app.extensions["okv3_database"].close()
    finally:
        worker.terminate()
        worker.wait(30)
        db.close()
        admin.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
