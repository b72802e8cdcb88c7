"""Course-scale benchmark: generated courses of several sizes (10 assignments, pairs, 25
backups per student per assignment: 500,000 backups at 2,000 students), then, through the api
exactly as a page calls it: as a TA, the final submissions of one assignment, the course
gradebook and a grading-queue split (rolled back); as a student, their assignment page. Prints
median and best times over several runs at each size, how each grew against the assignment's
backups, and the plans PostgreSQL chose (auto_explain on the nested statements), summarised.

    .venv/bin/python bench/course_scale.py [--students 2000 10000] [--runs 5] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time

import psycopg2
from common import ROOT, dbutil, fresh_database, machine

NAME = "okv3_bench_scale"  # one database per size: okv3_bench_scale_<students>
ASSIGNMENT = "cal/scale/fa26/a5"
OFFERING = "cal/scale/fa26"
GRADERS = ["grader1@scale.edu", "grader2@scale.edu", "grader3@scale.edu", "grader4@scale.edu"]


def generate(url: str, students: int) -> float:
    began = time.perf_counter()
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', false)")
        cur.execute("select set_config('bench.students', %s, false)", (str(students),))
        cur.execute((ROOT / "bench" / "generate_course.sql").read_text())
    return time.perf_counter() - began


def as_ta(cur, email: str = "grader1@scale.edu") -> None:
    cur.execute("reset role")
    cur.execute("select id from app.users where email = %s", (email,))
    claims = json.dumps({"role": "ok_user", "sub": str(cur.fetchone()[0]), "email": email})
    # The role's own settings (statement_timeout, jit = off), as PostgREST and the shim apply them.
    cur.execute("select set_config(split_part(c, '=', 1), substr(c, strpos(c, '=') + 1), false) "
                "from pg_db_role_setting as s cross join unnest(s.setconfig) as c "
                "where s.setrole = 'ok_user'::regrole and s.setdatabase = 0")
    cur.execute("select set_config('search_path', 'api', false), set_config('role', 'ok_user', false), "
                "set_config('request.jwt.claims', %s, false)", (claims,))


def timed(cur, sql: str, params, runs: int, rollback: bool = False) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        cur.execute(sql, params)
        result = cur.fetchone()[0]
        times.append((time.perf_counter() - began) * 1000)
        if rollback:
            cur.connection.rollback()
            as_ta(cur)
    return times, result


def plan_summary(url: str, sql: str, params, who: str) -> list[str]:
    """The nested statements' plans (auto_explain), reduced to their main nodes and timings."""
    conn = psycopg2.connect(url)
    with conn.cursor() as cur:
        cur.execute("load 'auto_explain'")
        cur.execute("set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; "
                    "set auto_explain.log_nested_statements = on; set auto_explain.log_timing = on; "
                    "set client_min_messages = log")
        as_ta(cur, who)
        cur.execute(sql, params)
    conn.rollback()
    conn.close()
    lines = []
    for notice in conn.notices:
        for line in notice.splitlines():
            m = re.search(r"(->\s+)?((?:Parallel )?[A-Z][A-Za-z ]+(?:Scan|Join|Aggregate|Sort|Unique|HashAggregate|"
                          r"Hash|Append|CTE Scan|Materialize|Nested Loop|Gather|WindowAgg|Result|Limit))"
                          r"(?: using (\S+))?(?: on (\S+))?.*actual time=[\d.]+\.\.([\d.]+) rows=(\d+) loops=(\d+)", line)
            if m and float(m.group(5)) * int(m.group(7)) >= 5:
                what = m.group(2) + (f" on {m.group(4)}" if m.group(4) else "") + (f" using {m.group(3)}" if m.group(3) else "")
                lines.append(f"{what}: {float(m.group(5)) * int(m.group(7)):.0f} ms, {m.group(6)} rows x{m.group(7)}")
            elif "Execution Time" in line or "Duration" in line:
                pass
    return lines[:12]


CASES = [
    ("final submissions of one assignment", "grader1@scale.edu",
     "select count(*) from api.final_submissions(%s)", (ASSIGNMENT,), 50, False),
    ("course gradebook", "grader1@scale.edu",
     "select jsonb_array_length(api.gradebook(%s) -> 'students')", (OFFERING,), 100, False),
    ("grading-queue split (4 graders)", "grader1@scale.edu",
     "select api.assign_grading(%s, %s)", (ASSIGNMENT, GRADERS), None, True),
    ("a student's assignment page", "student11@scale.edu",
     "select length(api.assignment_page(%s)::text)", (ASSIGNMENT,), None, False),
]


def course(students: int, reuse: bool) -> str:
    name = f"{NAME}_{students}"
    url = dbutil.url_for(name)
    exists = False
    if reuse:
        try:
            with psycopg2.connect(url) as conn, conn.cursor() as cur:
                cur.execute("select exists (select 1 from app.courses where offering = %s)", (OFFERING,))
                exists = cur.fetchone()[0]
        except psycopg2.Error:
            exists = False
    if not exists:
        url = fresh_database(name)
        print(f"generated the {students}-student course in {generate(url, students):.0f} s")
    else:
        dbutil.migrate(url)  # the functions and views under test are this checkout's
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("analyze")
    return url


def measure(url: str, runs: int) -> tuple[int, dict[str, float]]:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("select (select count(*) from app.enrollments e join app.courses c on c.id = e.course_id "
                    "where c.offering = %s and e.role = 'student'), (select count(*) from app.assignments), "
                    "(select count(*) from app.groups), (select count(*) from app.backups), "
                    "(select count(*) from app.backups b join app.assignments a on a.id = b.assignment_id "
                    " where a.name = %s), (select count(*) from app.scores), "
                    "pg_size_pretty(pg_database_size(current_database()))", (OFFERING, ASSIGNMENT))
        students, assignments, groups, backups, in_assignment, scores, size = cur.fetchone()
    print(f"\ncourse: {students} students, {assignments} assignments, {groups} groups, {backups} backups "
          f"({in_assignment} in {ASSIGNMENT}), {scores} scores; database {size}")
    conn = psycopg2.connect(url)
    cur = conn.cursor()
    medians = {}
    print(f"{'query':<40} {'rows/result':>14} {'median ms':>10} {'best ms':>8} {'aim ms':>7}")
    for label, who, sql, params, aim, rollback in CASES:
        as_ta(cur, who)
        timed(cur, sql, params, 2, rollback)  # warm the cache and the session's plans
        times, result = timed(cur, sql, params, runs, rollback)
        shown = result if not isinstance(result, dict) else sum(result.values())
        medians[label] = statistics.median(times)
        print(f"{label:<40} {shown!s:>14} {medians[label]:>10.1f} {min(times):>8.1f} {aim or '':>7}")
    conn.close()
    return in_assignment, medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="reuse the courses generated by an earlier run")
    args = parser.parse_args()

    print(f"machine: {machine()}")
    results = []
    url = None
    for students in args.students:
        url = course(students, args.reuse)
        results.append(measure(url, args.runs))
    if len(results) > 1:
        (base_backups, base), (top_backups, top) = results[0], results[-1]
        print(f"\ngrowth from {args.students[0]} to {args.students[-1]} students "
              f"(the assignment's backups grew x{top_backups / base_backups:.1f}):")
        for label in base:
            print(f"  {label:<40} x{top[label] / base[label]:.1f}")
    for label, who, sql, params, _aim, _rb in CASES:
        print(f"\nplan at {args.students[-1]} students: {label}")
        for line in plan_summary(url, sql, params, who):
            print(f"  {line}")
    print(f"\n(the courses stay in databases {NAME}_<students>; --reuse runs again without regenerating them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
