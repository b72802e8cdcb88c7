"""Import benchmark (issue #14): a generated okpy/ok (v1) database at the scale of a large course
(2,000 students, 10 assignments, 25 backups per student per assignment: 500,000 backups with
1,500,000 messages, groups of two, a score per submission, comments) in a real MariaDB server
the script starts (tests/py/okpy_v1.py), generated set-based in SQL, then `okadmin
import-okpy`'s importer into a fresh OK v3 database. Prints the rows imported per second,
overall and for the backups with their messages, and then re-runs the import to show that a
second run finds nothing to do (and how long it takes to say so).

    .venv/bin/python bench/import_okpy.py [--students 2000] [--batch 5000]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from common import dbutil, fresh_database, machine

from ops.import_okpy import Importer
from tests.py.okpy_v1 import MariaDB


def generate(conn, students: int) -> float:
    """The v1 course, set-based in MariaDB (its seq_1_to_N tables)."""
    began = time.perf_counter()
    n, ta, half = students, students + 1, students // 2
    # (seq_1_to_1000000 is MariaDB's sequence engine, limited by a parameter: no SQL is built)
    statements = [
        ("insert into `user` (id, email, name) select seq, concat('student', seq, '@v1.edu'), concat('Student ', seq) "
         "from seq_1_to_1000000 where seq <= %s", (n,)),
        ("insert into `user` (id, email, name) values (%s, 'ta@v1.edu', 'Tia')", (ta,)),
        ("insert into course (id, offering, display_name, institution) values (1, 'cal/cs61a/fa19', 'CS 61A', 'UCB')", ()),
        ("insert into assignment (id, name, course_id, display_name, due_date, lock_date, max_group_size, "
         "published_scores) select seq, concat('cal/cs61a/fa19/hw', lpad(seq, 2, '0')), 1, concat('Homework ', seq), "
         "utc_timestamp() - interval (80 - seq * 7) day, utc_timestamp() - interval (79 - seq * 7) day, 2, 'total' "
         "from seq_1_to_10", ()),
        ("insert into enrollment (user_id, course_id, role, sid, section) select seq, 1, 'student', concat('S', seq), "
         "concat('Section ', seq %% 20) from seq_1_to_1000000 where seq <= %s", (n,)),
        ("insert into enrollment (user_id, course_id, role) values (%s, 1, 'staff')", (ta,)),
        ("insert into backup (id, created, submitter_id, assignment_id, submit) "
         "select (a.id - 1) * %s * 25 + (u.seq - 1) * 25 + r.seq, a.due_date - interval (26 - r.seq) hour, u.seq, a.id, "
         "r.seq = 25 from assignment as a cross join seq_1_to_1000000 as u cross join seq_1_to_25 as r "
         "where u.seq <= %s", (n, n)),
        ("insert into message (backup_id, kind, contents, created) "
         "select b.id, k.kind, case k.kind "
         "  when 'file_contents' then concat('{\"hw.py\": \"def f(x):\\\\n    return x * ', b.id, '\\\\n\"', "
         "                                   if(b.submit, ', \"submit\": true', ''), '}') "
         "  when 'analytics' then concat('{\"unlock\": false, \"history\": {\"all_attempts\": ', b.id %% 40, '}}') "
         "  else '{\"q1\": {\"passed\": 1, \"failed\": 0, \"locked\": 0}}' end, b.created "
         "from backup as b cross join (select 'file_contents' as kind union all select 'analytics' "
         "union all select 'grading') as k", ()),
        ("insert into `group` (id, assignment_id) select (a.id - 1) * %s + g.seq, a.id "
         "from assignment as a cross join seq_1_to_1000000 as g where g.seq <= %s", (half, half)),
        ("insert into group_member (user_id, assignment_id, group_id, status) "
         "select 2 * (g.id - (g.assignment_id - 1) * %s) - m.seq, g.assignment_id, g.id, 'active' "
         "from `group` as g cross join seq_0_to_1 as m", (half,)),
        ("insert into score (grader_id, assignment_id, backup_id, user_id, kind, score, message, archived) "
         "select %s, b.assignment_id, b.id, b.submitter_id, 'total', b.id %% 10, '', 0 from backup as b where b.submit",
         (ta,)),
        ("insert into comment (backup_id, author_id, filename, line, message, updated) "
         "select b.id, %s, 'hw.py', 1, 'Nice', now() from backup as b where b.submit and b.submitter_id %% 10 = 0", (ta,)),
    ]
    with conn.cursor() as cur:
        for statement, values in statements:
            cur.execute(statement, values)
    conn.commit()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="okv3-bench-mariadb-") as folder, MariaDB(Path(folder)) as server:
        conn = server.create("okpy")
        print(f"generated the v1 course of {args.students} students in {generate(conn, args.students):.0f} s")
        with conn.cursor() as cur:
            cur.execute("select (select count(*) from `user`), (select count(*) from backup), "
                        "(select count(*) from message), (select count(*) from group_member), "
                        "(select count(*) from score), (select count(*) from comment)")
            counts = dict(zip(("user", "backup", "message", "group_member", "score", "comment"), cur.fetchone(),
                              strict=True))
        print("v1 rows: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))
        name = "okv3_bench_import"
        url = fresh_database(name)
        progress = io.StringIO()
        began = time.perf_counter()
        report = Importer(server.url("okpy"), url, args.batch, progress=progress).run()
        took = time.perf_counter() - began
        rows = sum(report.imported.values())
        print(f"imported {rows:,} rows in {took:.1f} s: {rows / took:,.0f} rows/s overall "
              f"(backups {report.imported['backups']:,} and messages {report.imported['messages']:,}; "
              f"batches of {args.batch:,})")
        print(report.summary())
        began = time.perf_counter()
        again = Importer(server.url("okpy"), url, args.batch, progress=io.StringIO()).run()
        print(f"a second run imported {sum(again.imported.values()):,} rows in {time.perf_counter() - began:.1f} s")
        conn.close()
        dbutil.drop(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
