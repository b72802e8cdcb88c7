"""Before/after on the same data, interleaved: the course-scale cases (bench/course_scale.py)
timed with the function and view bodies of an earlier commit and of this checkout applied in
turn to the courses course_scale.py generated, so that a shared machine's drift hits both
alike; and the intake ceiling (bench/ingest.py's pgbench) with the backups' summary trigger
enabled and disabled in turn. Prints the median and best per case. Leaves every database as
this checkout's migration makes it.

    .venv/bin/python bench/before_after.py --before 7a03409 [--students 2000 10000] [--rounds 2] [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

import course_scale
import ingest
import psycopg2
from common import ROOT, dbutil, fresh_database, machine

# What revision 0017 changed in place (file names, whatever their domain folder, in an order
# they can be applied in).
CHANGED = [
    "app.hashid_encode.sql", "app.human_interval.sql", "app.current_groups.sql",
    "app.unit_dates.sql", "app.assignment_units.sql", "app.unit_finals.sql",
]
TRIGGER = "_100_submitter_finals"


def bodies(commit: str | None) -> list[str]:
    """The files' texts now, or at a commit (where the layout may have been flat)."""
    if commit is None:
        here = {p.name: p for p in (ROOT / "sql").glob("*/**/*.sql")}
        return [here[name].read_text() for name in CHANGED]
    listed = subprocess.run(["git", "ls-tree", "-r", "--name-only", commit, "sql/functions", "sql/views"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    there = {path.rsplit("/", 1)[-1]: path for path in listed}
    there.setdefault("app.unit_finals.sql", there.get("app.final_submissions.sql"))  # its name before
    texts = [subprocess.run(["git", "show", f"{commit}:{there[name]}"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout for name in CHANGED]
    # under its current name, so that its callers (api.final_submissions, ...) run the old code
    return [text.replace("app.final_submissions(", "app.unit_finals(").replace("final_submissions.", "unit_finals.")
            for text in texts]


def apply(url: str, texts: list[str]) -> None:
    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("set role ok_owner")
        for text in texts:
            cur.execute(text)
    conn.close()


def scale(before: str, students: list[int], rounds: int, runs: int) -> None:
    versions = {"before": bodies(before), "after": bodies(None)}
    for size in students:
        url = dbutil.url_for(f"{course_scale.NAME}_{size}")
        times: dict[tuple[str, str], list[float]] = {}
        try:
            for _ in range(rounds):
                for which, texts in versions.items():
                    apply(url, texts)
                    conn = psycopg2.connect(url)
                    cur = conn.cursor()
                    for label, who, sql, params, _aim, rollback in course_scale.CASES:
                        course_scale.as_ta(cur, who)
                        course_scale.timed(cur, sql, params, 2, rollback)
                        taken, _ = course_scale.timed(cur, sql, params, runs, rollback)
                        times.setdefault((label, which), []).extend(taken)
                    conn.close()
        finally:
            dbutil.migrate(url)
        print(f"\n{size} students: median (best) ms of {rounds * runs} calls")
        for label, *_ in course_scale.CASES:
            cells = [f"{statistics.median(times[label, w]):8.1f} ({min(times[label, w]):.1f})" for w in versions]
            print(f"  {label:<40} before {cells[0]:>18}  after {cells[1]:>18}")


def intake(rounds: int, seconds: int) -> None:
    name = "okv3_bench_before_after"
    url = fresh_database(name)
    try:
        ingest.seed(url, 500)
        print(f"\nintake ceiling (pgbench, api.v3_backups_post, 16 clients, {seconds} s each), tx/s:")
        for _ in range(rounds):
            for enabled in (True, False):
                conn = psycopg2.connect(url)
                conn.autocommit = True
                with conn.cursor() as cur:
                    cur.execute(f"alter table app.backups {'enable' if enabled else 'disable'} trigger {TRIGGER}")
                conn.close()
                tps = ingest.run_pgbench(url, seconds, 16, 500)
                print(f"  summary trigger {'enabled ' if enabled else 'disabled'}: {tps:8.1f}", flush=True)
    finally:
        dbutil.drop(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the commit whose function bodies are 'before'")
    parser.add_argument("--students", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--intake-seconds", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    scale(args.before, args.students, args.rounds, args.runs)
    intake(args.rounds + 1, args.intake_seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
