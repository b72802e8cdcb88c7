"""The pages of running a course, through HTTP, on the generated 2,000-student course (the
database bench/course_scale.py leaves, okv3_bench_scale_<students>), the app under gunicorn as
`make run` serves it. After a warm-up, times as a student their course page; as a TA the
staff course page, the roster, an assignment's stats and a student's page; as an instructor a
2,000-row roster CSV, previewed and then applied (every row a change: each student moves to
another section, and back on the next run). Prints p50 / p95 / max in ms and each page's
weight, and the per-request database time from pg_stat_statements where it is loaded.

    .venv/bin/python bench/course_pages.py [--students 2000] [--runs 30]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import time

import psycopg2
import requests
from common import ROOT, dbutil, machine
from pages import free_port, summary, timed

OFFERING = "cal/scale/fa26"
ASSIGNMENT = f"{OFFERING}/a5"
INSTRUCTOR = "prof@scale.edu"


def prepare(url: str) -> None:
    """An instructor for the course (the generator makes TAs and students only)."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', false)")
        cur.execute("insert into app.users (email, name) values (%s, 'Prof') on conflict do nothing", (INSTRUCTOR,))
        cur.execute("insert into app.enrollments (user_id, course_id, role) "
                    "select u.id, c.id, 'instructor' from app.users u, app.courses c "
                    "where u.email = %s and c.offering = %s on conflict do nothing", (INSTRUCTOR, OFFERING))


def signed_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(f"{base}/login/").text).group(1)
    session.post(f"{base}/login/dev", data={"csrf_token": token, "email": email})
    return session


def csrf(session: requests.Session, url: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', session.get(url).text).group(1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    name = f"okv3_bench_scale_{args.students}"
    url = dbutil.url_for(name)
    dbutil.migrate(url)  # the course may predate this checkout's revisions
    prepare(url)
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
        student = signed_in(base, "student1@scale.edu")
        ta = signed_in(base, "grader1@scale.edu")
        prof = signed_in(base, INSTRUCTOR)
        pages = [
            ("student: course page", student, f"{base}/{OFFERING}/"),
            ("TA: staff course page", ta, f"{base}/staff/{OFFERING}/"),
            ("TA: roster (2,000+ people)", ta, f"{base}/staff/{OFFERING}/roster"),
            ("TA: assignment stats", ta, f"{base}/staff/{ASSIGNMENT}/stats"),
            ("TA: a student's page", ta, f"{base}/staff/{OFFERING}/students/student1@scale.edu"),
        ]
        for _, session, page_url in pages:  # warm-up
            for _ in range(3):
                assert session.get(page_url).status_code == 200, page_url
        print(f"{'through HTTP (ms)':<46} {'p50':>8} {'p95':>8} {'max':>8}")
        for label, session, page_url in pages:
            times, response = timed(lambda s=session, u=page_url: s.get(u), args.runs)
            summary(label, times, f"{len(response.content) / 1024:.0f} KB")

        # The roster as CSV, every student moved to another section: 2,000 changes.
        roster = prof.get(f"{base}/staff/{OFFERING}/roster.csv").text
        rows = list(csv.DictReader(io.StringIO(roster)))
        students = [r for r in rows if r["role"] == "Student"]
        import_url = f"{base}/staff/{OFFERING}/roster/import"
        previews, applies = [], []
        for n in range(max(3, args.runs // 5)):
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(["email", "name", "sid", "section", "role"])
            for r in students:
                writer.writerow([r["email"], r["name"], r["sid"], f"s{n % 2}-{r['email'][-12:-10]}", "student"])
            text = out.getvalue()
            token = csrf(prof, f"{base}/staff/{OFFERING}/roster")
            began = time.perf_counter()
            preview = prof.post(import_url, data={"csrf_token": token},
                                files={"file": ("roster.csv", text, "text/csv")})
            previews.append((time.perf_counter() - began) * 1000)
            assert preview.status_code == 200 and "Apply these changes" in preview.text, preview.status_code
            began = time.perf_counter()
            applied = prof.post(import_url, data={"csrf_token": token, "csv": text, "apply": "on"}, allow_redirects=False)
            applies.append((time.perf_counter() - began) * 1000)
            assert applied.status_code == 302, applied.status_code
        summary(f"instructor: {len(students):,}-row CSV, preview", previews)
        summary(f"instructor: {len(students):,}-row CSV, apply", applies)
        check = prof.get(f"{base}/staff/{OFFERING}/roster").text
        assert "Roster updated" in check, "the last apply did not report its changes"
        print(json.dumps({"students": len(students), "runs": args.runs}))
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
