"""An okpy/ok (v1) database to import, for tests/py/test_import_okpy.py and bench/import_okpy.py:
a real MariaDB server of the test's own (Debian's mariadb-server: mariadb-install-db and
mariadbd on a private socket, in a folder the test owns), the v1 schema
(tests/support/okpy_v1_schema.sql) and generated course data with the original's known data
problems (okpy-feature-reference §8.2) planted where a test can find them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pymysql

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "tests" / "support" / "okpy_v1_schema.sql"


class MariaDB:
    """mariadbd on a unix socket in `folder`, with a root login without a password."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.socket = folder / "mariadb.sock"
        self.process: subprocess.Popen | None = None

    def url(self, database: str) -> str:
        return f"mysql://root@localhost/{database}?unix_socket={self.socket}"

    def __enter__(self) -> MariaDB:
        as_root = ["--user=root"] if os.geteuid() == 0 else []
        install = shutil.which("mariadb-install-db") or "/usr/bin/mariadb-install-db"
        subprocess.run([install, "--no-defaults", f"--datadir={self.data}", "--auth-root-authentication-method=normal",
                        "--skip-test-db", *as_root], check=True, capture_output=True, timeout=120)
        server = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
        self.log = open(self.folder / "mariadb.log", "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(
            [server, "--no-defaults", f"--datadir={self.data}", f"--socket={self.socket}", "--skip-networking",
             f"--pid-file={self.folder / 'mariadb.pid'}", "--innodb-buffer-pool-size=256M",
             "--innodb-flush-log-at-trx-commit=2", "--max-allowed-packet=64M", *as_root],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                pymysql.connect(unix_socket=str(self.socket), user="root").close()
                return self
            except pymysql.err.OperationalError as exc:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.folder / "mariadb.log").read_text()[-2000:]
                    raise RuntimeError(f"mariadbd did not start: {log}") from exc
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def create(self, database: str) -> pymysql.Connection:
        conn = pymysql.connect(unix_socket=str(self.socket), user="root", charset="utf8mb4", autocommit=True)
        with conn.cursor() as cur:
            cur.execute(f"create database `{database}` character set utf8mb4")
            cur.execute(f"use `{database}`")
            for statement in SCHEMA.read_text().split(";"):
                body = "\n".join(line for line in statement.splitlines() if not line.startswith("--")).strip()
                if body:
                    cur.execute(body)
        return conn


def generate(conn, students: int = 20, assignments: int = 3, backups_per_student: int = 4) -> dict:
    """A v1 course of `students` (pairs share groups), its staff, `assignments` past
    assignments, backups with file, analytics and grading messages, scores, comments and
    extensions; plus a course v3 cannot serve and every planted data problem. Answers what
    was planted, for the test to check."""
    now = datetime(2026, 11, 1, 12, 0, 0)
    cur = conn.cursor()
    users = [(f"student{n}@v1.edu", f"Student {n}") for n in range(1, students + 1)]
    users += [("ta@v1.edu", "Tia"), ("prof@v1.edu", "Pro"), ("reader@v1.edu", "Rea"), ("Student1@v1.edu", "Dup")]
    cur.executemany("insert into `user` (email, name, created) values (%s, %s, %s)", [(*u, now) for u in users])
    cur.execute("select id, email from `user`")
    uid = {email: i for i, email in cur.fetchall()}
    cur.execute("insert into course (offering, display_name, institution, timezone, created) values "
                "('cal/cs61a/fa19', 'CS 61A', 'UC Berkeley', 'America/Los_Angeles', %s), "
                "('not an offering', 'Broken', '', 'Mars/Olympus', %s)", (now, now))
    cur.execute("select id, offering from course")
    cid = {o: i for i, o in cur.fetchall()}
    course = cid["cal/cs61a/fa19"]
    rows = []
    for n in range(1, assignments + 1):
        due = now - timedelta(days=30 - n * 7)
        lock = due - timedelta(hours=1) if n == 2 else due + timedelta(days=1)  # hw02: lock before due (a v1 bug)
        rows.append((f"cal/cs61a/fa19/hw{n:02d}", course, f"Homework {n}", due, lock, 2,
                     '"checkpoint 1" total' if n == 1 else "total", now))
    rows.append(("not an offering/hw01", cid["not an offering"], "Lost", now, now, 1, "", now))
    cur.executemany("insert into assignment (name, course_id, display_name, due_date, lock_date, max_group_size, "
                    "published_scores, created) values (%s, %s, %s, %s, %s, %s, %s, %s)", rows)
    cur.execute("select id, name, due_date from assignment order by id")
    assigned = cur.fetchall()
    aid = {name: i for i, name, _ in assigned}
    due_of = {i: due for i, _, due in assigned}
    roles = [(uid[e], course, "student", f"S{n:05d}", f"Section {1 + n % 3}")
             for n, (e, _) in enumerate(users[:students])]
    roles += [(uid["ta@v1.edu"], course, "staff", None, None), (uid["prof@v1.edu"], course, "instructor", None, None),
              (uid["reader@v1.edu"], course, "grader", None, None),
              (uid["Student1@v1.edu"], course, "student", None, None)]
    cur.executemany("insert into enrollment (user_id, course_id, role, sid, section, created) values "
                    "(%s, %s, %s, %s, %s, now())", roles)
    # groups of two on every assignment
    group_members = []
    for a in [aid[f"cal/cs61a/fa19/hw{n:02d}"] for n in range(1, assignments + 1)]:
        for k in range(1, students, 2):
            cur.execute("insert into `group` (assignment_id, created) values (%s, %s)", (a, now))
            gid = cur.lastrowid
            for s in (k, k + 1):
                group_members.append((uid[f"student{s}@v1.edu"], a, gid, "active", now))
    cur.executemany("insert into group_member values (%s, %s, %s, %s, %s)", group_members)
    # backups: the last of each student's is a submission (ok-client's "submit" marker in its files)
    backups, messages = 0, 0
    for a in aid.values():
        for email, _ in users[:students] + [("Student1@v1.edu", "")]:
            for k in range(backups_per_student):
                submit = k == backups_per_student - 1
                created = due_of[a] - timedelta(hours=backups_per_student - k)
                cur.execute("insert into backup (submitter_id, assignment_id, submit, created) values (%s, %s, %s, %s)",
                            (uid[email], a, int(submit), created))
                bid = cur.lastrowid
                files = {"hw.py": f"def f(x):\n    return x * {bid}\n" + "    # more\n" * k}
                if submit:
                    files["submit"] = True
                body = [("file_contents", json.dumps(files)),
                        ("analytics", json.dumps({"time": str(created), "unlock": False,
                                                  "history": {"all_attempts": k + 1}, "question": ["q1"]})),
                        ("grading", json.dumps({"q1": {"passed": 1, "failed": k % 2, "locked": 0}}))]
                cur.executemany("insert into message (backup_id, kind, contents, created) values (%s, %s, %s, %s)",
                                [(bid, kind, contents.encode(), created) for kind, contents in body])
                backups += 1
                messages += 3
    hw01, hw03 = aid["cal/cs61a/fa19/hw01"], aid["cal/cs61a/fa19/hw03"]
    planted = {"users": len(users), "backups": backups, "messages": messages}
    # §8.2 #2 and #3: an extension for student3 on hw01; a backup after the due date that v1
    # forced into a submission (no "submit" marker) and stamped with the extension's time
    ext_time = due_of[hw01] - timedelta(seconds=1)
    cur.execute("insert into extension (staff_id, assignment_id, user_id, message, expires, custom_submission_time, "
                "created) values (%s, %s, %s, 'sick', %s, %s, %s)",
                (uid["ta@v1.edu"], hw01, uid["student3@v1.edu"], due_of[hw01] + timedelta(days=3), ext_time, now))
    cur.execute("insert into backup (submitter_id, assignment_id, submit, custom_submission_time, created) "
                "values (%s, %s, 1, %s, %s)",
                (uid["student3@v1.edu"], hw01, ext_time, due_of[hw01] + timedelta(hours=5)))
    planted["forced"] = cur.lastrowid
    cur.execute("insert into message (backup_id, kind, contents, created) values (%s, 'file_contents', %s, %s)",
                (planted["forced"], json.dumps({"hw.py": "autosaved"}).encode(), now))
    # a flag on a plain backup, and two flagged submissions of one student
    cur.execute("select id from backup where submitter_id = %s and assignment_id = %s order by id",
                (uid["student5@v1.edu"], hw01))
    mine = [r[0] for r in cur.fetchall()]
    cur.execute("update backup set flagged = 1 where id = %s", (mine[0],))
    planted["flagged_plain"] = mine[0]
    cur.execute("insert into backup (submitter_id, assignment_id, submit, flagged, created) values (%s, %s, 1, 1, %s)",
                (uid["student6@v1.edu"], hw03, due_of[hw03] - timedelta(hours=20)))
    first_flag = cur.lastrowid
    cur.execute("insert into backup (submitter_id, assignment_id, submit, flagged, created) values (%s, %s, 1, 1, %s)",
                (uid["student6@v1.edu"], hw03, due_of[hw03] - timedelta(hours=10)))
    planted["flags"] = (first_flag, cur.lastrowid)
    # messages that are not JSON, or hold NUL characters
    cur.execute("insert into message (backup_id, kind, contents, created) values (%s, 'email', %s, %s), "
                "(%s, 'tracing', %s, %s)",
                (mine[1], b"not json {", now, mine[1], json.dumps({"out": "a\u0000b"}).encode(), now))
    planted["odd_messages"] = mine[1]
    # scores: every final submission's total; one backup with two active totals; comments
    cur.execute("select id, assignment_id, submitter_id from backup where submit = 1 and flagged = 0")
    submissions = cur.fetchall()
    score = "insert into score (grader_id, assignment_id, backup_id, user_id, kind, score, message, archived, created) "
    cur.executemany(score + "values (%s, %s, %s, %s, %s, %s, '', 0, %s)",
                    [(uid["ta@v1.edu"], a, b, s, " Total ", 8.0, now) for b, a, s in submissions])
    doubled = submissions[0][0]
    cur.execute(score + "values (%s, %s, %s, %s, 'total', 9.5, 'regraded', 0, %s)",
                (uid["ta@v1.edu"], submissions[0][1], doubled, submissions[0][2], now + timedelta(days=1)))
    planted["doubled_score"] = (doubled, cur.lastrowid)
    planted["scores"] = len(submissions) + 1
    cur.executemany("insert into comment (backup_id, author_id, filename, line, message, created, updated) "
                    "values (%s, %s, 'hw.py', 1, %s, %s, %s)",
                    [(b, uid["ta@v1.edu"], "Good **work**", now, now) for b, _, _ in submissions[:5]]
                    + [(999999, uid["ta@v1.edu"], "on nothing", now, now)])
    planted["comments"] = 5
    conn.commit()
    return planted
