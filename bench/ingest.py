"""Backup intake benchmark: POST /api/v3/backups/ through the Flask shim under gunicorn, with
realistic ~20 KB ok-client payloads, at fixed rates and flat out; and the same SQL function
driven by pgbench as the ceiling. Prints throughput and p50/p99 latency, the ratio (median of
--repeat runs of each, with their spread), and whether every acknowledged backup is stored.

    .venv/bin/python bench/ingest.py [--rates 100,200,400] [--seconds 20] [--students 500] [--repeat 3]
    .venv/bin/python bench/ingest.py --rates 1000 --seconds 60     # ten times the design's 100/s

Latency at a fixed rate is measured from each request's scheduled start (open loop), so a
slow server cannot hide queueing delay ("coordinated omission").
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import psycopg2
import psycopg2.sql
from common import ROOT, dbutil, fresh_database, machine

from web import tokens

SECRET = "bench-secret-0123456789abcdefghijklmnopqrs"
COURSE = "cal/bench/fa26"
ASSIGNMENT = f"{COURSE}/hog"


def payload(seed: int) -> bytes:
    """An ok-client --submit body: ~18 KB of source, analytics, grading; ~20 KB in all."""
    source = "".join(
        f"def strategy_{seed}_{i}(score, opponent_score):\n"
        f'    """Roll {i % 10} dice unless the margin is over {i}."""\n'
        f"    return {i % 10} if score - opponent_score < {i} else 0\n\n"
        for i in range(150)
    )
    messages = {
        "file_contents": {"hog.py": source, "hog_gui.py": "# GUI\n" * 40, "submit": True},
        "analytics": {"time": "2026-11-27 12:00:00.000000", "time-utc": "2026-11-27 20:00:00.000000",
                      "unlock": False, "question": ["Question 1"],
                      "history": {"questions": {f"Question {q}": {"attempts": q, "solved": q % 2 == 0}
                                                for q in range(1, 12)}, "all_attempts": 66, "question": ["Question 1"]}},
        "grading": {f"Question {q}": {"passed": 3, "failed": 0, "locked": 0} for q in range(1, 12)},
    }
    return json.dumps({"assignment": ASSIGNMENT, "messages": messages, "submit": True}).encode()


def seed(url: str, students: int) -> list[str]:
    """A course with an open assignment and `students` enrolled students; their access tokens."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("set local role ok_owner")
        cur.execute("select set_config('request.jwt.claims', '{\"actor\": \"bench\"}', true)")
        cur.execute("insert into app.courses (offering, display_name) values (%s, 'Bench') returning id", (COURSE,))
        course_id = cur.fetchone()[0]
        cur.execute("insert into app.assignments (course_id, name, display_name, due_at, lock_at) "
                    "values (%s, %s, 'Hog', now() + interval '7 days', now() + interval '8 days')", (course_id, ASSIGNMENT))
        cur.execute("insert into app.users (email) select format('s%%s@bench.edu', n) from generate_series(1, %s) n",
                    (students,))
        cur.execute("insert into app.enrollments (user_id, course_id, role) select id, %s, 'student' from app.users",
                    (course_id,))
        # every student sends far more than ok-client would: the per-user allowance is still
        # taken (and costs what it costs) but never runs out
        cur.execute("reset role")
        cur.execute("select current_database()")
        cur.execute(psycopg2.sql.SQL("alter database {} set okv3.intake_burst = 1000000000").format(
            psycopg2.sql.Identifier(cur.fetchone()[0])))
        cur.execute("set local role ok_owner")
        cur.execute("select app.mint_token(u.id, 'ok-client', array['all'], 86400, 86400) from app.users u order by u.id")
        return [tokens.sign(row[0]["claims"], SECRET) for row in cur.fetchall()]


class Client(threading.Thread):
    """One keep-alive HTTP connection working through scheduled requests."""

    def __init__(self, port: int, work: queue.Queue, results: list, bodies: list[bytes], tokens_: list[str]):
        super().__init__(daemon=True)
        self.port, self.work, self.results, self.bodies, self.tokens = port, work, results, bodies, tokens_

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while True:
            item = self.work.get()
            if item is None:
                return
            n, scheduled = item
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            start = scheduled if scheduled else time.perf_counter()
            try:
                conn.request("POST", "/api/v3/backups/?client_name=ok-client&client_version=v1.18.1",
                             body=self.bodies[n % len(self.bodies)],
                             headers={"Authorization": "Bearer " + self.tokens[n % len(self.tokens)],
                                      "Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                ok = False
            self.results.append((time.perf_counter() - start, ok))


def run_http(port: int, rate: float | None, seconds: float, concurrency: int, bodies, tokens_) -> dict:
    work: queue.Queue = queue.Queue()
    results: list = []
    clients = [Client(port, work, results, bodies, tokens_) for _ in range(concurrency)]
    for client in clients:
        client.start()
    began = time.perf_counter()
    if rate:  # open loop: request n is due at began + n / rate
        total = int(rate * seconds)
        for n in range(total):
            work.put((n, began + 0.2 + n / rate))
    else:  # closed loop: each client sends as soon as its previous answer arrives
        total = 0
        deadline = began + seconds
        while time.perf_counter() < deadline:
            while work.qsize() < concurrency * 2:
                work.put((total, 0.0))
                total += 1
            time.sleep(0.005)
    for _ in clients:
        work.put(None)
    for client in clients:
        client.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(lat for lat, ok in results if ok)
    failures = sum(1 for _, ok in results if not ok)
    return {
        "requests": len(results), "failures": failures,
        "throughput": len(latencies) / elapsed,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))] if latencies else float("nan"),
    }


WRK_SCRIPT = """
local tokens = {%(tokens)s}
local bodies = {%(bodies)s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v3/backups/?client_name=ok-client&client_version=v1.18.1",
    {["Authorization"] = "Bearer " .. tokens[n %% #tokens + 1], ["Content-Type"] = "application/json"},
    bodies[n %% #bodies + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("WRK %%d %%d %%d %%f %%f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def run_wrk(port: int, seconds: int, connections: int, bodies, tokens_) -> dict:
    """Flat out with wrk (C, so the load generator takes little of the two cores)."""
    def lua(text: str) -> str:
        return "[==[" + text + "]==]"

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(WRK_SCRIPT % {"tokens": ",".join(lua(t) for t in tokens_[:200]),
                              "bodies": ",".join(lua(b.decode()) for b in bodies)})
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-s", f.name,
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True)
    os.unlink(f.name)
    match = re.search(r"WRK (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)", out.stdout)
    if not match:
        raise SystemExit("wrk failed:\n" + out.stdout + out.stderr)
    requests, errors, micros, p50, p99 = match.groups()
    return {"requests": int(requests), "failures": int(errors), "throughput": int(requests) / (int(micros) / 1e6),
            "p50_ms": float(p50), "p99_ms": float(p99)}


# A student's access-token claims, with the jti the pre-request check looks up (pgbench
# substitutes :uid, a student's user id; seed() minted one token per student).
PGBENCH_CLAIMS = (
    "select set_config('request.jwt.claims', (select jsonb_build_object('role', 'ok_user', "
    "'sub', t.user_id::text, 'email', 's' || :uid || '@bench.edu', 'scope', 'all', 'jti', t.jti)::text "
    "from auth.oauth_tokens as t where t.user_id = :uid limit 1), true);\n"
)


def run_pgbench(url: str, seconds: int, clients: int, students: int) -> float:
    """The ceiling: the same api function, same payload, same role and claims, no HTTP."""
    body = json.loads(payload(0))
    messages = json.dumps(body["messages"]).replace("'", "''")
    script = (
        f"\\set uid random(1, {students})\n"
        "begin;\n"
    ) + PGBENCH_CLAIMS + (
        "select set_config('search_path', 'api', true), set_config('role', 'ok_user', true), "
        "set_config('request.headers', '{\"x-ok-client-name\": \"ok-client\", \"x-ok-client-version\": \"v1.18.1\"}', true);\n"
        "select auth.check_request();\n"
        f"select api.v3_backups_post(assignment => '{ASSIGNMENT}', messages => '{messages}'::jsonb, submit => true);\n"
        "commit;\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
    out = subprocess.run(
        [str(dbutil.PG_BIN / "pgbench"), "-n", "-f", f.name, "-c", str(clients), "-j", str(min(clients, 2)),
         "-T", str(seconds), url], capture_output=True, text=True,
    )
    os.unlink(f.name)
    match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", out.stdout)
    if not match:
        raise SystemExit("pgbench failed:\n" + out.stdout + out.stderr)
    return float(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="100,200,400")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (gthread when > 1)")
    parser.add_argument("--concurrency", type=int, default=16, help="client connections")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the flat-out and pgbench measurements")
    args = parser.parse_args()

    name = "okv3_bench_ingest"
    url = fresh_database(name)
    tokens_ = seed(url, args.students)
    bodies = [payload(i) for i in range(8)]
    print(f"machine: {machine()}")
    print(f"payload: {len(bodies[0]) / 1024:.1f} KB JSON; {args.students} students; gunicorn {args.workers} workers")

    port = dbutil_free_port()
    env = dict(os.environ, OK_ENV="production", OK_JWT_SECRET=SECRET, OK_SECRET_KEY="bench-session-secret-0123456789abcdefghij",
               DATABASE_URL=url, OK_AUTHENTICATOR_URL=dbutil.authenticator_url_for(name))
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--threads", str(args.threads), "--log-level", "warning", "web.wsgi:app"], cwd=ROOT, env=env,
        # the per-request JSON log (on, as in production) goes to a file, not this terminal
        stderr=open(os.path.join(tempfile.gettempdir(), "okv3-bench-ingest.log"), "w"),  # noqa: SIM115
    )
    acknowledged = 0
    flats: list[dict] = []
    try:
        wait_for(port)
        warm = run_http(port, None, 3, args.concurrency, bodies, tokens_)  # warm-up
        acknowledged += warm["requests"] - warm["failures"]
        print(f"{'load':>14} {'sent':>7} {'failed':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        for rate in [float(r) for r in args.rates.split(",") if r]:
            r = run_http(port, rate, args.seconds, args.concurrency, bodies, tokens_)
            acknowledged += r["requests"] - r["failures"]
            print(f"{rate:>10.0f}/s  {r['requests']:>7} {r['failures']:>6} {r['throughput']:>8.1f} "
                  f"{r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f}")
        for _ in range(args.repeat):
            if shutil.which("wrk"):
                flat = run_wrk(port, int(args.seconds), args.concurrency, bodies, tokens_)
                label = "flat out (wrk)"
            else:
                flat = run_http(port, None, args.seconds, args.concurrency, bodies, tokens_)
                label = "flat out"
            acknowledged += flat["requests"] - flat["failures"]
            flats.append(flat)
            print(f"{label:>14} {flat['requests']:>7} {flat['failures']:>6} {flat['throughput']:>8.1f} "
                  f"{flat['p50_ms']:>8.1f} {flat['p99_ms']:>8.1f}")
    finally:
        server.terminate()
        server.wait(10)
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("select count(*) from app.backups")
        stored = cur.fetchone()[0]
    print(f"acknowledged (200) {acknowledged}, stored {stored}: "
          + ("none missing" if stored >= acknowledged else f"{acknowledged - stored} MISSING"))
    ceilings = [run_pgbench(url, int(args.seconds), args.concurrency, args.students) for _ in range(args.repeat)]
    flat_out = statistics.median(f["throughput"] for f in flats)
    ceiling = statistics.median(ceilings)
    print(f"flat out, {args.repeat} runs: median {flat_out:.1f} req/s "
          f"({min(f['throughput'] for f in flats):.1f} to {max(f['throughput'] for f in flats):.1f})")
    print(f"pgbench ceiling (same function, same payload, {args.concurrency} clients), {args.repeat} runs: "
          f"median {ceiling:.1f} tx/s ({min(ceilings):.1f} to {max(ceilings):.1f})")
    print(f"HTTP flat out / pgbench ceiling: {flat_out / ceiling:.2f} (medians; runs give "
          f"{min(f['throughput'] for f in flats) / max(ceilings):.2f} to {max(f['throughput'] for f in flats) / min(ceilings):.2f})")
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("select count(*), count(*) filter (where submit), pg_size_pretty(pg_total_relation_size('app.messages')) "
                    "from app.backups")
        print("stored: {} backups ({} submissions), messages {}".format(*cur.fetchone()))
    dbutil.drop(name)
    return 0


def dbutil_free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


if __name__ == "__main__":
    sys.exit(main())
