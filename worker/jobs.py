"""The worker runs background jobs from the queue in app.jobs.

Jobs are queued by SQL (app.enqueue_job, inside the api function that decides the work),
so nothing here decides what to run or who may. A job thread claims one job at a time
(api.job_claim: `for update skip locked`, highest priority first) and runs its kind's
handler below. While it runs, a heartbeat thread reports every few seconds
(api.job_report): that renews the job's lease, records its progress and log lines, and
answers whether staff asked to cancel it. A worker that dies stops renewing; once the lease
has expired another worker claims the job again. After the attempt the worker records how it
ended (api.job_finish), and the database decides what follows (finished, re-queued after a
backoff, failed, cancelled). On SIGTERM the job thread stops at the handler's next check
and hands its job back to the queue at once (api.job_release), without using an attempt.

Every call about a job names the job and this worker (app.held_job): it acts as the job's
creator, so an export sees what they may see now. Result files are streamed into the
database in chunks (api.job_file_chunk), so any web process can serve them and no process
holds a whole file: the final-submissions zip is built with zipstream-ng a batch of
backups at a time.

Settings: OK_JOB_LEASE_SECONDS (60), OK_WORKER_POLL_SECONDS (30).
"""

from __future__ import annotations

import json
import logging
import os
import queue
import select
import socket
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import psycopg2
import zipstream
import zipstream.ng
from zlib_ng import zlib_ng

from ops.analytics_docs import column_tables
from web.db import Database
from worker import autograder

WORKER_CLAIMS = {"role": "ok_worker", "actor": "worker"}
CHUNK_BYTES = 4 * 1024 * 1024  # one row of app.job_files: big enough to be few, small to hold
FILES_PER_BATCH = 100  # backups whose files one call fetches for the zip
BACKUPS_PER_PAGE = 500  # backups per page of the JSON Lines export
log = logging.getLogger("okv3.worker")


class JobCancelled(Exception):
    """Staff asked to cancel the job: the handler stops at its next check."""


class WorkerStopping(Exception):
    """The worker is shutting down: the job goes back to the queue."""


class LeaseLost(Exception):
    """Another worker took the job over (this one was too slow to renew): stop, write nothing."""


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease_seconds() -> int:
    return int(os.environ.get("OK_JOB_LEASE_SECONDS", "60"))


@dataclass
class JobContext:
    """What a handler gets: the job, a way to call the database about it, and its reports."""

    db: Database
    job: dict
    worker: str
    stop: threading.Event
    lease: int = field(default_factory=lease_seconds)
    counted: int = 0  # what a handler has written so far (backups, folders), for its result
    _lines: list[str] = field(default_factory=list)
    _progress: float | None = None
    _cancelled: bool = False
    _lost: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def id(self) -> int:
        return self.job["id"]

    @property
    def params(self) -> dict:
        return self.job["params"]

    def call(self, query: str, args: tuple = ()):
        """One call about this job: the job and the worker first, then args."""
        with self.db.request(WORKER_CLAIMS, method="POST", path=f"/worker/jobs/{self.id}") as ctx:
            return ctx.call(query, (self.id, self.worker, *args)).fetchone()[0]

    def log(self, line: str) -> None:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        with self._lock:
            self._lines.append(f"{stamp}: {line}\n")

    def progress(self, fraction: float) -> None:
        with self._lock:
            self._progress = fraction

    def report(self) -> None:
        """Send the log lines and progress, renewing the lease; note a cancel or a lost lease."""
        with self._lock:
            lines, self._lines = "".join(self._lines), []
            progress = self._progress
        try:
            cancel = self.call("select api.job_report(job_id => %s, worker => %s, progress => %s, log => %s, "
                               "lease_seconds => %s)", (progress, lines, self.lease))
        except psycopg2.Error as exc:
            if exc.pgcode == "PT409":
                self._lost = True
                return
            with self._lock:  # the database is away for a moment: keep the lines for the next report
                self._lines.insert(0, lines)
            raise
        self._cancelled = self._cancelled or bool(cancel)

    def check(self) -> None:
        """Handlers call this between steps: stop when cancelled, shutting down, or taken over."""
        if self._lost:
            raise LeaseLost
        if self._cancelled:
            raise JobCancelled
        if self.stop.is_set():
            raise WorkerStopping

    def write_file(self, pieces: Iterable[bytes]) -> int:
        """Stream bytes into the job's file in CHUNK_BYTES rows; returns the size. A writer
        thread stores each full chunk while the next is being made (the database's time and
        the compression overlap); at most two chunks wait, so memory stays flat."""
        chunks: queue.Queue[tuple[int, bytes] | None] = queue.Queue(maxsize=2)
        failure: list[BaseException] = []

        def store() -> None:
            while (item := chunks.get()) is not None:
                if not failure:
                    try:
                        self._store_chunk(*item)
                    except BaseException as exc:  # handed to the producer, which raises it
                        failure.append(exc)

        writer = threading.Thread(target=store, name=f"job-{self.id}-writer", daemon=True)
        writer.start()
        buffer, seq, size = bytearray(), 0, 0
        try:
            for piece in pieces:
                if failure:
                    break
                buffer += piece
                size += len(piece)
                while len(buffer) >= CHUNK_BYTES:
                    chunks.put((seq, bytes(buffer[:CHUNK_BYTES])))
                    del buffer[:CHUNK_BYTES]
                    seq += 1
            if not failure and (buffer or seq == 0):
                chunks.put((seq, bytes(buffer) or b"\n"))
        finally:
            chunks.put(None)
            writer.join()
        if failure:
            raise failure[0]
        return size

    def _store_chunk(self, seq: int, data: bytes) -> None:
        self.check()
        self.call("select api.job_file_chunk(job_id => %s, worker => %s, seq => %s, data => %s)",
                  (seq, psycopg2.Binary(data)))


# The handlers: one per kind of job. Each returns the job's result, a sentence.

def run_test(ctx: JobContext) -> str:
    seconds = int(ctx.params.get("seconds", 5))
    for second in range(1, seconds + 1):
        time.sleep(1)
        ctx.check()
        ctx.progress(second / seconds)
        ctx.log(f"{second} of {seconds} seconds")
    if ctx.params.get("fail"):
        raise RuntimeError("The test job failed, as asked")
    return f"Counted {seconds} seconds"


def export_text(ctx: JobContext) -> str:
    text = ctx.call("select api.job_export_text(job_id => %s, worker => %s)")
    size = ctx.write_file([text.encode()])
    ctx.progress(1)
    return f"{max(text.count(chr(10)) - 1, 0)} rows, {size:,} bytes"


ZIP_LEVEL = 2  # zlib-ng's level 2: faster than zlib's level 1 and smaller (bench/exports.py)


def _zlib_ng_compressor(compress_type: int, compresslevel: int | None = None):
    """The compressor zipstream-ng asks zipfile for, from zlib-ng instead of zlib: the same
    raw deflate stream (any unzip reads it), made about 1.5 times as fast on code at a
    better ratio. Stored entries stay stored."""
    if compress_type != zipstream.ZIP_DEFLATED:
        return _zipfile_compressor(compress_type, compresslevel)
    return zlib_ng.compressobj(ZIP_LEVEL if compresslevel is None else compresslevel, zlib_ng.DEFLATED, -15)


# zipstream-ng (pinned, 1.8.0) takes its compressor from zipfile's private helper, imported
# into its module: the one place to swap the deflate implementation for the whole worker.
_zipfile_compressor = zipstream.ng._get_compressor
zipstream.ng._get_compressor = _zlib_ng_compressor


def zip_path(path: str) -> str:
    """A path that stays inside its folder when the zip is unpacked: backslashes read as
    slashes, and empty, '.' and '..' parts, control characters and a leading slash dropped.
    Students name their files (any key of a backup's file_contents), so none is trusted."""
    parts = []
    for part in path.replace("\\", "/").split("/"):
        part = "".join(ch for ch in part if ch >= " " and ch != "\x7f").strip()
        if part and part not in (".", ".."):
            parts.append(part)
    return "/".join(parts) or "unnamed"


def _unit_entries(files: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name in the zip, name in the backup, contents) of a unit's files, each name made
    safe and unique within the folder; info.json is kept for the export's own metadata."""
    taken = {"info.json"}
    entries = []
    for name, contents in sorted(files.items()):
        safe = candidate = zip_path(name)
        stem, dot, extension = safe.rpartition(".")
        copy = 2
        while candidate.casefold() in taken:
            candidate = f"{stem} ({copy}).{extension}" if dot and stem else f"{safe} ({copy})"
            copy += 1
        taken.add(candidate.casefold())
        entries.append((candidate, name, contents))
    return entries


def _zip_pieces(ctx: JobContext, plan: dict, units: list[dict]) -> Iterator[bytes]:
    """The zip, as it is made: a batch of backups' files is fetched, added and streamed, so
    only one batch (and the next, fetched meanwhile) is ever in memory, however many students."""
    # Deflate fast (ZIP_LEVEL, zlib-ng): an export is read once, and on code the fast levels
    # lose little (bench/exports.py).
    stream = zipstream.ZipStream(compress_type=zipstream.ZIP_DEFLATED, compress_level=ZIP_LEVEL, sized=False)
    root = zip_path(plan["root"])
    batches = [units[start:start + FILES_PER_BATCH] for start in range(0, len(units), FILES_PER_BATCH)]

    def fetch(batch: list[dict]) -> dict:
        fetched = ctx.call("select api.job_backup_files(job_id => %s, worker => %s, backup_ids => %s)",
                           ([u["backup_id"] for u in batch],))
        return {b["backup_id"]: b["files"] for b in fetched}

    done = 0
    # The next batch is fetched while this one is compressed (zlib and the database both let
    # go of the GIL), which overlaps the two halves of the work.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"job-{ctx.id}-fetch") as fetcher:
        coming = fetcher.submit(fetch, batches[0]) if batches else None
        for index, batch in enumerate(batches):
            ctx.check()
            files = coming.result()
            coming = fetcher.submit(fetch, batches[index + 1]) if index + 1 < len(batches) else None
            for unit in batch:
                folder = f"{root}/{zip_path(unit['folder'])}"
                for safe, name, contents in _unit_entries(files.get(unit["backup_id"], {})):
                    if safe != name:
                        ctx.log(f"{folder}: {json.dumps(name, ensure_ascii=False)} saved as {safe}")
                    stream.add(contents.encode(), f"{folder}/{safe}")
                info = json.dumps(unit["info"], indent=2, ensure_ascii=False).encode() + b"\n"
                stream.add(info, f"{folder}/info.json")
            yield from stream.all_files()
            done += len(batch)
            ctx.progress(done / len(units))
            ctx.log(f"{done} of {len(units)} folders")
    yield from stream.footer()


def export_final_submissions(ctx: JobContext) -> str:
    plan = ctx.call("select api.job_final_submissions(job_id => %s, worker => %s)")
    units = [u for u in plan["units"] if not u["skipped"]]
    skipped = [u for u in plan["units"] if u["skipped"]]
    ctx.log(f"{len(units)} students or groups with a submission to export")
    for unit in skipped:
        ctx.log(f"left out {unit['folder']}: {unit['skipped']}")
    size = ctx.write_file(_zip_pieces(ctx, plan, units))
    left_out = f", {len(skipped)} left out" if skipped else ""
    return f"{len(units)} folders{left_out}, {size:,} bytes"


def _jsonl_pieces(ctx: JobContext) -> Iterator[bytes]:
    cursor, total, done = {"submitter": 0, "id": 0}, None, 0
    while True:
        ctx.check()
        page = ctx.call("select api.job_backups(job_id => %s, worker => %s, after_submitter => %s, after_id => %s, "
                        "batch_size => %s)", (cursor["submitter"], cursor["id"], BACKUPS_PER_PAGE))
        total = page.get("total", total)
        if not page["backups"]:
            return
        yield "".join(json.dumps(b, ensure_ascii=False, separators=(",", ":")) + "\n" for b in page["backups"]).encode()
        cursor = page["next"]
        done += len(page["backups"])
        ctx.progress(done / total if total else 1)
        ctx.log(f"{done} of {total} backups")
        ctx.counted = done


def export_backups(ctx: JobContext) -> str:
    size = ctx.write_file(_jsonl_pieces(ctx))
    return f"{ctx.counted} backups, {size:,} bytes"


RESEARCH_ROWS_PER_PAGE = 2000  # rows of analytics.backup_runs per call of the research export


def research_dictionary(plan: dict) -> str:
    """README.md of a research export: what it is, and every file's columns with their
    meaning, from the analytics views' own comments (the same text as docs/analytics.md)."""
    lines = [
        f"# Research export of {plan['course']}",
        "",
        "Pseudonymous: no email, name or SID. A student is `student_key`, a group `unit_key`: the same",
        "keys as in the `analytics` views of this course (researchers can join this export to them).",
        f"Taken from the analytics snapshots as refreshed at {plan['refreshed']}. Counts per section",
        f"or group below {plan['min_cell_size']} are suppressed (null, with `suppressed` true).",
        "Each `.jsonl` file holds one JSON object per line. Times are UTC (ISO 8601).",
    ]
    lines += column_tables((f"{d['name']}.jsonl", d["description"],
                            [(c["name"], c["type"], c["meaning"]) for c in d["columns"]]) for d in plan["datasets"])
    return "\n".join(lines) + "\n"


def research_export(ctx: JobContext) -> str:
    """A course's pseudonymous dataset (api.start_research_export): a zip with README.md (the
    data dictionary) and a JSON Lines file per analytics snapshot, streamed a page at a time."""
    plan = ctx.call("select api.job_research_export(job_id => %s, worker => %s)")
    root = f"{zip_path(plan['course'].replace('/', '-'))}-research"
    stream = zipstream.ZipStream(compress_type=zipstream.ZIP_DEFLATED, compress_level=ZIP_LEVEL, sized=False)
    stream.add(research_dictionary(plan).encode(), f"{root}/README.md")
    counts: dict[str, int] = {}
    datasets = [d["name"] for d in plan["datasets"]]

    def rows(index: int, name: str) -> Iterator[bytes]:
        after, counts[name] = 0, 0
        while True:
            ctx.check()
            page = ctx.call("select api.job_research_export(job_id => %s, worker => %s, dataset => %s, "
                            "after_id => %s, batch_size => %s)", (name, after, RESEARCH_ROWS_PER_PAGE))
            if page["rows"]:
                counts[name] += len(page["rows"])
                yield "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                              for r in page["rows"]).encode()
            if page["next"] is None or not page["rows"]:
                break
            after = page["next"]
        ctx.progress((index + 1) / len(datasets))
        ctx.log(f"{name}.jsonl: {counts[name]} rows")

    for index, name in enumerate(datasets):
        stream.add(rows(index, name), f"{root}/{name}.jsonl")
    size = ctx.write_file(stream)
    return f"{len(datasets)} files, {sum(counts.values()):,} rows, {size:,} bytes"


def analytics_refresh(ctx: JobContext) -> str:
    return ctx.call("select api.job_analytics_refresh(job_id => %s, worker => %s)")


def prune(ctx: JobContext) -> str:
    return ctx.call("select api.job_prune(job_id => %s, worker => %s)")


def deadline_reminders(ctx: JobContext) -> str:
    """Who is reminded is the database's decision (api.job_deadline_reminders queues the
    mail in one transaction); the mail loop sends it."""
    return ctx.call("select api.job_deadline_reminders(job_id => %s, worker => %s)")


def extension_digest(ctx: JobContext) -> str:
    return ctx.call("select api.job_extension_digest(job_id => %s, worker => %s)")


HANDLERS: dict[str, Callable[[JobContext], str]] = {
    "test": run_test,
    "export_grades": export_text,
    "export_roster": export_text,
    "export_final_submissions": export_final_submissions,
    "export_backups": export_backups,
    "prune": prune,
    "deadline_reminders": deadline_reminders,
    "extension_digest": extension_digest,
    "autograde": autograder.autograde,
    "autograde_continuous": autograder.autograde_continuous,
    "autograder_supervise": autograder.autograder_supervise,
    "analytics_refresh": analytics_refresh,
    "research_export": research_export,
}


def _heartbeat(ctx: JobContext, done: threading.Event) -> None:
    interval = max(1.0, min(5.0, ctx.lease / 3))
    while not done.wait(interval):
        try:
            ctx.report()
        except psycopg2.Error:
            log.exception("job %s: report failed; trying again", ctx.id)


def run_job(db: Database, job: dict, worker: str, stop: threading.Event) -> str | None:
    """One attempt at a claimed job. Returns its new status (None when it was taken over)."""
    ctx = JobContext(db, job, worker, stop)
    done = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(ctx, done), daemon=True, name=f"job-{ctx.id}-heartbeat")
    beat.start()
    error, result = None, None
    log.info("job %s (%s): attempt %s", ctx.id, job["kind"], job["attempts"])
    try:
        result = HANDLERS[job["kind"]](ctx)
        ctx.check()  # cancelled or taken over at the very end: not finished
    except LeaseLost:
        log.warning("job %s: another worker took it over; this attempt's work is dropped", ctx.id)
        return None
    except WorkerStopping:
        done.set()
        beat.join()
        try:
            ctx.report()
            ctx.call("select api.job_release(job_id => %s, worker => %s)")
        except psycopg2.Error:  # taken over meanwhile, or no database: the lease settles it
            log.exception("job %s: could not hand it back; its lease will expire", ctx.id)
            return None
        log.info("job %s: handed back to the queue (shutting down)", ctx.id)
        return "queued"
    except JobCancelled:
        error = "Cancelled"
    except Exception as exc:  # a job's failure is recorded and retried; it never stops the worker
        error = f"{type(exc).__name__}: {exc}"
        ctx.log("".join(traceback.format_exception(exc)).rstrip())
    finally:
        done.set()
        beat.join()
    try:
        ctx.report()
        status = ctx.call("select api.job_finish(job_id => %s, worker => %s, error => %s, result => %s)",
                          (error, result))
    except psycopg2.Error as exc:
        if exc.pgcode == "PT409":
            log.warning("job %s: another worker took it over before it finished", ctx.id)
            return None
        raise
    log.info("job %s: %s", ctx.id, status)
    return status


def claim(db: Database, worker: str) -> dict | None:
    with db.request(WORKER_CLAIMS, method="POST", path="/worker/jobs") as ctx:
        return ctx.call("select api.job_claim(worker => %s, lease_seconds => %s)",
                        (worker, lease_seconds())).fetchone()[0]


def start_scheduled(db: Database) -> list[int]:
    with db.request(WORKER_CLAIMS, method="POST", path="/worker/schedule") as ctx:
        return ctx.call("select api.run_schedule()").fetchone()[0]


def job_loop(db: Database, listener, worker: str, stop: threading.Event, poll: float) -> None:
    """Claim and run jobs until stop is set: woken by NOTIFY okv3_jobs, or every poll seconds
    (a job waiting out its backoff, a lease that expired, the schedule)."""
    next_look = 0.0
    while not stop.is_set():
        if time.monotonic() >= next_look:
            # each step on its own: a schedule that cannot start does not stop the queue
            try:
                started = start_scheduled(db)
                if started:
                    log.info("scheduled jobs started: %s", started)
            except psycopg2.Error:
                log.exception("schedule: the database did not answer; trying again")
            try:
                job = claim(db, worker)
            except psycopg2.Error:
                log.exception("jobs: the database did not answer; trying again")
                job = None
            if job:
                try:
                    run_job(db, job, worker, stop)
                except psycopg2.Error:
                    # its outcome could not be recorded: the lease runs out and the job is
                    # taken again (by this worker or another), as if this worker had died
                    log.exception("job %s: its outcome was not recorded; the lease will expire", job["id"])
                continue  # there may be more
            next_look = time.monotonic() + poll
        # sleep until a job is queued, a poll is due, or the worker is asked to stop
        ready, _, _ = select.select([listener], [], [], min(1.0, max(0.0, next_look - time.monotonic())))
        if ready:
            listener.poll()
            if listener.notifies:
                listener.notifies.clear()
                next_look = 0.0
