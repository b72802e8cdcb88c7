"""Upload memory benchmark: how far the web server grows while it takes maximum-size backups.

Serves the app exactly as `make run` does (it runs `make run` with DATABASE_URL pointing at a
throwaway database, on a free port, with its own .run directory), then sends N parallel
POST /api/v3/backups/ of SIZE bytes each (an ok-client --submit body whose file_contents are
large source files), sampling the resident set size (VmRSS) of the gunicorn master and all its
workers every 10 ms. Prints the idle RSS, the peak and the growth, and how the uploads were
answered. `make stop` stops the server.

    .venv/bin/python bench/upload_memory.py [--parallel 8] [--size-mb 10] [--rounds 2] [--shape source|objects]

--size-mb defaults to just under the server's body limit (OK_MAX_BODY_BYTES, 10 MiB).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, dbutil, fresh_database, machine
from ingest import ASSIGNMENT, SECRET, seed


def objects_body(size: int) -> bytes:
    """A body of at most `size` bytes that is mostly tiny JSON objects ({}, 3 bytes each): the
    shape that costs a JSON parser the most memory per byte."""
    head = json.dumps({"assignment": ASSIGNMENT, "messages": {"analytics": []}, "submit": True}).encode()
    count = (size - len(head)) // 3
    return head.replace(b"[]", b"[" + b"{}," * (count - 1) + b"{}]")


def body(size: int, seed_: int) -> bytes:
    """An ok-client --submit body of at most `size` bytes: large source files, analytics, grading."""
    line = f"    total = total + helper_{seed_}(x, y)  # accumulate the partial result\n"
    files, remaining, n = {}, size, 0
    while remaining > 0:
        chunk = min(remaining, 1 << 20)
        files[f"part{n:02d}.py"] = (line * (chunk // len(line) + 1))[:chunk]
        remaining -= chunk
        n += 1
    last = f"part{n - 1:02d}.py"
    while True:
        messages = {
            "file_contents": {**files, "submit": True},
            "analytics": {"time": "2026-11-27 12:00:00.000000", "unlock": False, "question": ["Question 1"]},
            "grading": {"Question 1": {"passed": 3, "failed": 0, "locked": 0}},
        }
        encoded = json.dumps({"assignment": ASSIGNMENT, "messages": messages, "submit": True}).encode()
        if len(encoded) <= size:
            return encoded
        files[last] = files[last][: len(files[last]) - (len(encoded) - size)]  # escapes make JSON longer


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def tree_rss_kb(master: int) -> int:
    return rss_kb(master) + sum(rss_kb(child) for child in children(master))


class Sampler(threading.Thread):
    def __init__(self, master: int):
        super().__init__(daemon=True)
        self.master, self.peak, self.stop = master, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_rss_kb(self.master))
            time.sleep(0.01)


def upload(port: int, token: str, payload: bytes, results: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        conn.request("POST", "/api/v3/backups/?client_name=ok-client&client_version=v1.18.1", body=payload,
                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        response = conn.getresponse()
        reply = response.read()
        try:
            message = json.loads(reply).get("message")
        except ValueError:
            message = reply[:60]
        results.append((response.status, message))
    except (OSError, http.client.HTTPException) as exc:
        results.append(("error", type(exc).__name__))
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--size-mb", type=float, default=None, help="body size in MiB (default: the limit less 4 KiB)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of N parallel uploads")
    parser.add_argument("--shape", choices=("source", "objects"), default="source",
                        help="source: large source files (what ok-client sends); objects: millions of {}")
    args = parser.parse_args()
    limit = int(os.environ.get("OK_MAX_BODY_BYTES", 10 * 1024 * 1024))
    size = int(args.size_mb * 1024 * 1024) if args.size_mb else limit - 4096

    name = "okv3_bench_upload"
    url = fresh_database(name)
    tokens_ = seed(url, args.parallel)
    payloads = [body(size, i) if args.shape == "source" else objects_body(size) for i in range(args.parallel)]
    print(f"machine: {machine()}")
    port = dbutil_free_port()
    run_dir = tempfile.mkdtemp(prefix="okv3-bench-run-")
    env = dict(os.environ, DATABASE_URL=url, PORT=str(port), RUN=run_dir, OK_JWT_SECRET=SECRET)
    env.pop("OK_AUTHENTICATOR_URL", None)
    env.pop("OK_ENV", None)  # as `make run` with no settings
    started = subprocess.run(["make", "run"], cwd=ROOT, env=env, capture_output=True, text=True)
    if started.returncode != 0:
        raise SystemExit("make run failed:\n" + started.stdout + started.stderr)
    try:
        master = int(Path(run_dir, "gunicorn.pid").read_text())
        workers = children(master)
        time.sleep(1)
        idle = tree_rss_kb(master)
        print(f"gunicorn as make run starts it: master + {len(workers)} workers; idle RSS {idle / 1024:.0f} MiB")
        print(f"{args.parallel} parallel uploads of {len(payloads[0]) / 2**20:.1f} MiB ({args.shape}), "
              f"{args.rounds} rounds")
        sampler = Sampler(master)
        sampler.start()
        for round_ in range(args.rounds):
            results: list = []
            threads = [threading.Thread(target=upload, args=(port, tokens_[i % len(tokens_)], payloads[i], results))
                       for i in range(args.parallel)]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            answers = {}
            for result in results:
                answers[result] = answers.get(result, 0) + 1
            print(f"round {round_ + 1}: {time.perf_counter() - began:.1f} s; answers: "
                  + ", ".join(f"{n} x {status} {message!r}" for (status, message), n in answers.items()))
        sampler.stop.set()
        sampler.join()
        after = tree_rss_kb(master)
        print(f"peak RSS {sampler.peak / 1024:.0f} MiB (growth {(sampler.peak - idle) / 1024:.0f} MiB over idle); "
              f"after the uploads {after / 1024:.0f} MiB")
    finally:
        subprocess.run(["make", "stop"], cwd=ROOT, env=env, capture_output=True, text=True)
        dbutil.drop(name)
    return 0


def dbutil_free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
