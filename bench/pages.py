"""Grading pages through HTTP: a signed-in TA on the generated 2,000-student course (the
database bench/course_scale.py leaves, okv3_bench_scale_<students>), the app under gunicorn
as `make run` serves it. Times, after a warm-up, the queue page, the scores page (every unit of
the assignment), the grading view of an
ordinary final submission and of 10-file, 2,000-line submissions in the TA's queue (each one
new: a first view that lexes them; a first view of ones the worker highlighted ahead of
grading, worker.highlight, whose throughput it prints; one seen before), with the weight in
KB, and grade-and-next (the POST that saves a score and answers the next task's address, then the
GET of that next view). Prints p50 / p95 / max in ms over the runs.

    .venv/bin/python bench/pages.py [--students 2000] [--runs 30]

It grades real tasks of cal/scale/fa26/a5 (one per run) and adds one large backup; run
bench/course_scale.py again to start from a fresh course.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time

import psycopg2
import requests
from common import ROOT, dbutil, machine

from web.db import Database
from worker.highlight import highlight_pass

ASSIGNMENT = "cal/scale/fa26/a5"
RUN = time.strftime("%Y%m%d%H%M%S")
GRADERS = ["grader1@scale.edu", "grader2@scale.edu", "grader3@scale.edu", "grader4@scale.edu"]
def large_files(seed: int) -> dict[str, str]:
    """10 files of 200 lines of Python, different for each seed and each run of this script (so
    that no page and no earlier run of the worker has highlighted them)."""
    return {
        f"part{n}.py": "\n".join([f"# run {RUN}"] + [
            line for i in range(100)
            for line in (f"def step_{n}_{i}(x, y):", f"    return (x * {i + seed} + y) % {n + 7}")][:199])
        for n in range(10)
    }


def prepare(url: str, count: int) -> list[str]:
    """Split a5 among the graders (once) and add count 2,000-line submissions, all different,
    to grader1's queue (a task each); their keys."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', false)")
        cur.execute("select count(*) from app.grading_tasks t join app.assignments a on a.id = t.assignment_id "
                    "where a.name = %s", (ASSIGNMENT,))
        if cur.fetchone()[0] == 0:
            cur.execute("select id from app.users where email = 'grader1@scale.edu'")
            claims = json.dumps({"role": "ok_user", "sub": str(cur.fetchone()[0]), "email": "grader1@scale.edu"})
            cur.execute("select set_config('request.jwt.claims', %s, true)", (claims,))
            cur.execute("select api.assign_grading(%s, %s)", (ASSIGNMENT, GRADERS))
        keys = []
        for seed in range(count):
            cur.execute(
                "insert into app.backups (assignment_id, course_id, submitter_id, submit) "
                "select a.id, a.course_id, (select id from app.users where email = 'student1@scale.edu'), true "
                "from app.assignments a where a.name = %s returning id, app.hashid_encode(id)", (ASSIGNMENT,))
            backup_id, key = cur.fetchone()
            cur.execute("insert into app.messages (backup_id, kind, contents) values (%s, 'file_contents', %s)",
                        (backup_id, json.dumps(large_files(seed))))
            cur.execute("insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind) "
                        "select b.assignment_id, b.course_id, b.id, (select id from app.users where email = %s), "
                        "'composition' from app.backups b where b.id = %s", (GRADERS[0], backup_id))
            keys.append(key)
    return keys


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(call, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - began) * 1000)
    return times, result


def summary(label: str, times: list[float], extra: str = "") -> None:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{label:<46} {statistics.median(ordered):>8.1f} {p95:>8.1f} {ordered[-1]:>8.1f}  {extra}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    name = f"okv3_bench_scale_{args.students}"
    url = dbutil.url_for(name)
    dbutil.migrate(url)  # the course may predate this checkout's revisions
    large_keys = prepare(url, 2 * args.runs + 3)
    print(f"machine: {machine()}")

    port = free_port()
    env = dict(os.environ, OK_ENV="development", DATABASE_URL=url, OK_AUTHENTICATOR_URL=dbutil.authenticator_url_for(name))
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning",
         "web.wsgi:app"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/healthz", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        ta = requests.Session()
        page = ta.get(f"{base}/login/").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        ta.post(f"{base}/login/dev", data={"csrf_token": token, "email": "grader1@scale.edu"})
        queue_url = f"{base}/staff/{ASSIGNMENT}/queue"
        first = re.search(r'href="(/staff/[^"]+/grade/[^"]+/)" accesskey="n">Grade next', ta.get(queue_url).text)
        ordinary_url = base + first.group(1)
        large_urls = [f"{base}/staff/{ASSIGNMENT}/grade/{key}/" for key in large_keys]
        scores_url = f"{base}/staff/{ASSIGNMENT}/scores"
        for url_ in (queue_url, scores_url, ordinary_url, *large_urls[:3]):  # warm-up
            for _ in range(3):
                assert ta.get(url_).status_code == 200
        print(f"{'through HTTP, as grader1 (ms)':<46} {'p50':>8} {'p95':>8} {'max':>8}")
        times, response = timed(lambda: ta.get(queue_url), args.runs)
        summary("queue page (250 tasks)", times, f"{len(response.content) / 1024:.0f} KB")
        times, response = timed(lambda: ta.get(scores_url), args.runs)
        summary("scores page (every unit, charts, requests)", times, f"{len(response.content) / 1024:.0f} KB")
        times, response = timed(lambda: ta.get(ordinary_url), args.runs)
        summary("grading view, a final submission", times, f"{len(response.content) / 1024:.0f} KB")
        fresh = iter(large_urls[3:3 + args.runs])
        times, response = timed(lambda: ta.get(next(fresh)), args.runs)
        summary("grading view, 2,000 lines, first view, lexed now", times, f"{len(response.content) / 1024:.0f} KB")
        assert response.content.count(b'<tr id="part') == 2000
        # The worker highlights what is queued (every open task of the course: the ordinary
        # submissions too), as `make run`'s worker does when tasks are made.
        worker_db = Database(dbutil.authenticator_url_for(name), max_connections=2, min_connections=1)
        began = time.perf_counter()
        files = highlight_pass(worker_db)
        spent = time.perf_counter() - began
        worker_db.close()
        print(f"{'worker: queued files highlighted':<46} {files:>8} in {spent:.1f} s ({files / spent:.0f} files/s)")
        ahead = iter(large_urls[3 + args.runs:3 + 2 * args.runs])
        times, response = timed(lambda: ta.get(next(ahead)), args.runs)
        summary("grading view, 2,000 lines, first view, worker-lit", times, f"{len(response.content) / 1024:.0f} KB")
        assert response.content.count(b'<tr id="part') == 2000
        times, response = timed(lambda: ta.get(large_urls[-1]), args.runs)
        summary("grading view, 2,000 lines, seen before", times, f"{len(response.content) / 1024:.0f} KB")

        # Grade and next: each run saves a score on the current task and follows to the next.
        current = ordinary_url
        posts, gets = [], []
        for n in range(args.runs):
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', ta.get(current).text).group(1)
            began = time.perf_counter()
            saved = ta.post(current + "score", data={"csrf_token": csrf, "kind": "composition", "score": str(n % 5),
                                                     "message": "bench", "then": "next"}, allow_redirects=False)
            posts.append((time.perf_counter() - began) * 1000)
            assert saved.status_code == 302, saved.status_code
            current = base + saved.headers["Location"]
            began = time.perf_counter()
            assert ta.get(current).status_code == 200
            gets.append((time.perf_counter() - began) * 1000)
        summary("grade and next: POST (save, answer the next)", posts)
        summary("grade and next: GET the next view", gets)
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
