"""Analytics benchmark (issue #13): on the generated 2,000-student course (bench/course_scale.py's,
500,000 backups with file, analytics and grading messages), how long the worker's refresh of
every analytics snapshot takes (analytics.refresh_snapshots, with each snapshot's share), how
long each starter question (sql/questions/) takes as the analytics login, and the live
deadline board's call (api.deadline_board) as a TA. Warms up first, then prints the median and
best of several runs. Then what announcing each backup to the boards costs the intake: the
pgbench ceiling of bench/ingest.py (the intake function, 16 clients, no HTTP) with the trigger
(NOTIFY okv3_intake, a board's listener connected) and without it, alternating, in one run.

    .venv/bin/python bench/analytics.py [--students 2000] [--runs 3] [--reuse] [--intake-seconds 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import psycopg2
from common import ROOT, dbutil, fresh_database, machine
from course_scale import OFFERING, as_ta, course
from ingest import run_pgbench, seed

from web.settings import with_user

QUESTIONS = sorted((ROOT / "sql" / "questions").glob("*.sql"))
# Each student's latest backup again, now, with copies of its messages (fixed text).
NEW_BACKUP_PER_STUDENT = """
with latest as (
  select distinct on (b.submitter_id) b.id, b.assignment_id, b.course_id, b.submitter_id, b.client_version
  from app.backups as b order by b.submitter_id, b.id desc
),
added as (
  insert into app.backups (assignment_id, course_id, submitter_id, submit, client_version)
  select l.assignment_id, l.course_id, l.submitter_id, false, l.client_version from latest as l
  returning id, assignment_id, submitter_id
)
insert into app.messages (backup_id, kind, contents)
select a.id, m.kind, m.contents
from added as a
join latest as l on l.assignment_id = a.assignment_id and l.submitter_id = a.submitter_id
join app.messages as m on m.backup_id = l.id
"""


def timed(run, runs: int) -> list[float]:
    run()  # warm-up
    took = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        took.append((time.perf_counter() - began) * 1000)
    return took


def line(label: str, took: list[float]) -> str:
    return f"| {label} | {statistics.median(took):,.0f} | {min(took):,.0f} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="reuse the course an earlier run generated")
    parser.add_argument("--intake-seconds", type=int, default=15, help="each pgbench run of the intake comparison")
    args = parser.parse_args()
    url = course(args.students, args.reuse)
    print(machine())
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("select count(*), (select count(*) from app.messages) from app.backups")
        backups, messages = cur.fetchone()
    print(f"{args.students} students, {backups:,} backups, {messages:,} messages; {args.runs} runs after a warm-up")

    admin = psycopg2.connect(url)
    admin.autocommit = True
    shares: list[dict] = []

    def refresh() -> None:
        with admin.cursor() as cur:
            cur.execute("select analytics.refresh_snapshots()")
            shares.append(cur.fetchone()[0])

    rows = [line("refresh every snapshot, steady state (no new backups)", timed(refresh, args.runs))]
    first = shares[0]  # the warm-up: on a fresh course, every backup is new to the analytics
    last = shares[-1]

    # A refresh 15 minutes into a deadline night: every student sent one more backup (stored
    # first, untimed; the figure is the refresh's own, as it reports it).
    for _ in range(args.runs + 1):
        with admin.cursor() as cur:
            cur.execute(NEW_BACKUP_PER_STUDENT)
        refresh()
    interval = shares[-1]
    rows.append(line("refresh after one new backup per student (with its messages)",
                     [s["total"] for s in shares[-args.runs:]]))
    parts = ", ".join(f"{k} {v / 1000:.1f} s" for k, v in sorted(last.items(), key=lambda kv: -kv[1]) if k != "total")
    with admin.cursor() as cur:
        cur.execute("select count(*) from analytics.backup_runs")
        snapshot_rows = cur.fetchone()[0]

    analytics = psycopg2.connect(with_user(dbutil.url_for(url.rsplit("/", 1)[1]), "ok_analytics", None))
    analytics.autocommit = True
    for question in QUESTIONS:
        text = question.read_text()

        def ask(text: str = text) -> None:
            with analytics.cursor() as cur:
                cur.execute(text)
                cur.fetchall()

        rows.append(line(f"question {question.stem}", timed(ask, args.runs)))

    board = psycopg2.connect(url)

    def deadline_board() -> None:
        with board.cursor() as cur:
            as_ta(cur)
            cur.execute("select api.deadline_board(%s)", (OFFERING,))
            json.dumps(cur.fetchone()[0])
        board.rollback()

    rows.append(line("deadline board (api.deadline_board, as a TA)", timed(deadline_board, args.runs)))
    print(f"the first refresh of this run (the warm-up; on a new course every backup is new to the "
          f"analytics): {first['total'] / 1000:.1f} s ({first['new_backups']:,} backups read)")
    print(f"analytics.backup_runs holds {snapshot_rows:,} rows; a steady-state refresh: {last['total'] / 1000:.1f} s ({parts})")
    print(f"a refresh after one new backup per student: {interval['total'] / 1000:.1f} s "
          f"({interval['new_backups']:,} backups read in {interval['collect'] / 1000:.1f} s)")
    print("| What | Median (ms) | Best (ms) |\n|---|---|---|")
    print("\n".join(rows))
    for conn in (admin, analytics, board):
        conn.close()
    intake(args.runs, args.intake_seconds)
    return 0


def intake(runs: int, seconds: int) -> None:
    name = "okv3_bench_intake_notify"
    url = fresh_database(name)
    seed(url, 500)
    listening = psycopg2.connect(url)  # a deadline board's listener (web/staff/live.py)
    listening.autocommit = True
    listening.cursor().execute("listen okv3_intake")
    admin = psycopg2.connect(url)
    admin.autocommit = True
    figures: dict[str, list[float]] = {"with": [], "without": []}
    run_pgbench(url, 3, 16, 500)  # warm-up
    for _ in range(runs):
        for state in ("without", "with"):
            admin.cursor().execute(f"alter table app.backups {'enable' if state == 'with' else 'disable'} "
                                   "trigger _950_notify_intake")
            figures[state].append(run_pgbench(url, seconds, 16, 500))
            listening.poll()
            listening.notifies.clear()
    admin.cursor().execute("alter table app.backups enable trigger _950_notify_intake")
    with_, without = statistics.median(figures["with"]), statistics.median(figures["without"])
    print(f"intake ceiling (pgbench, 16 clients, {seconds} s runs, alternating): with the board's NOTIFY "
          f"{with_:,.0f} tx/s (runs {', '.join(f'{v:,.0f}' for v in figures['with'])}), without "
          f"{without:,.0f} tx/s (runs {', '.join(f'{v:,.0f}' for v in figures['without'])}): ratio {with_ / without:.2f}")
    listening.close()
    admin.close()
    dbutil.drop(name)


if __name__ == "__main__":
    sys.exit(main())
