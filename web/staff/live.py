"""The live deadline board: a course's staff watch uploads arrive (GET /staff/<offering>/live),
updated by server-sent events (GET /staff/<offering>/live/events) while backups arrive.

How it stays cheap with hundreds of uploads a second:

* Stored backups announce their course (trigger _950_notify_intake: NOTIFY okv3_intake), at
  most once per course per second (the first transaction of the second to claim the course's
  row of app.intake_announcements; the others do not wait): PostgreSQL serializes the commits
  of transactions that notified, so one announcement per backup would slow the intake.
* One listener thread per web process (``IntakeListener``, started with the first stream)
  holds one connection that LISTENs, and collects the courses announced. Every
  ``BATCH_SECONDS`` it wakes only the streams of courses that changed, and those of the batch
  before once more (the backups of a second that another announced are stored by then):
  however many uploads arrive, a browser gets at most one update per batch.
* A woken stream asks the database for the whole board (api.deadline_board, under the
  viewer's own role and claims, so a viewer who lost their staff role sees a refusal) and
  sends it as one ``board`` event, rendered by the same template as the page.
* Without news, a stream sends a comment every ``HEARTBEAT_SECONDS`` (proxies keep it open)
  and the page's numbers of the last minutes still move: the board is sent again at least
  every ``REFRESH_SECONDS``. A stream ends after ``STREAM_SECONDS``; the browser's
  EventSource reconnects by itself (``retry``), so no thread is held for ever.
* A process serves at most ``OK_LIVE_STREAMS`` streams at once (default 4: each holds one of
  gunicorn's threads); beyond that it answers 503 and the page falls back to reloading the
  board (GET /staff/<offering>/live/board) every 10 seconds.
"""

from __future__ import annotations

import json
import logging
import select
import threading
import time

import psycopg2
from flask import Response, current_app, render_template, stream_with_context

from web.request_db import api_request, database
from web.staff import blueprint

log = logging.getLogger("okv3.live")

CHANNEL = "okv3_intake"
BATCH_SECONDS = 2.0
HEARTBEAT_SECONDS = 15.0
REFRESH_SECONDS = 30.0
STREAM_SECONDS = 300.0


class IntakeListener:
    """LISTEN okv3_intake on one connection; wake the waiting streams of the courses that
    changed, once per batch."""

    def __init__(self, dsn: str, batch_seconds: float = BATCH_SECONDS):
        self._dsn = dsn
        self._batch = batch_seconds
        self._changed = threading.Condition()
        self._versions: dict[int, int] = {}
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.listening = threading.Event()

    def start(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="okv3-intake-listener", daemon=True)
                self._thread.start()

    def version(self, course_id: int) -> int:
        with self._changed:
            return self._versions.get(course_id, 0)

    def wait(self, course_id: int, seen: int, timeout: float) -> int:
        """The course's version once it differs from ``seen``, or after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._versions.get(course_id, 0) == seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return self._versions.get(course_id, 0)

    def _publish(self, courses: set[int]) -> None:
        with self._changed:
            for course in courses:
                self._versions[course] = self._versions.get(course, 0) + 1
            self._changed.notify_all()

    def _run(self) -> None:
        backoff = 1.0
        while True:
            try:
                self._listen()
            except psycopg2.Error:
                if self.listening.is_set():
                    backoff = 1.0  # it had been listening: a new failure starts waiting short again
                log.exception("intake listener: the database connection failed; listening again in %.0f s", backoff)
            self.listening.clear()
            time.sleep(backoff)
            backoff = min(backoff * 2, 30.0)

    def _listen(self) -> None:
        conn = psycopg2.connect(self._dsn, application_name="okv3 live board")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("listen okv3_intake")
            self.listening.set()
            pending: set[int] = set()
            announced: set[int] = set()  # the courses announced in the batch before this one
            flush_at = time.monotonic() + self._batch
            while True:
                if select.select([conn], [], [], max(0.0, flush_at - time.monotonic()))[0]:
                    conn.poll()
                    while conn.notifies:
                        payload = conn.notifies.pop(0).payload
                        if payload.isdigit():
                            pending.add(int(payload))
                if time.monotonic() >= flush_at:
                    # A course is announced at most once a second (app.tg_backups__notify_intake):
                    # the backups of that second after the announcing one are not announced, so a
                    # course's boards are updated once more a batch later, when those are stored.
                    if pending or announced:
                        self._publish(pending | announced)
                    announced, pending = pending, set()
                    flush_at = time.monotonic() + self._batch
        finally:
            conn.close()


_LISTENER_KEY = "okv3_intake_listener"
_STREAMS_KEY = "okv3_live_streams"


def listener() -> IntakeListener:
    found = current_app.extensions.get(_LISTENER_KEY)
    if found is None:
        found = current_app.extensions.setdefault(_LISTENER_KEY, IntakeListener(database().dsn))
    found.start()
    return found


def _board(offering: str) -> dict:
    with api_request() as ctx:
        return ctx.call("select api.deadline_board(offering => %s)", (offering,)).fetchone()[0]


def _event(board: dict) -> str:
    html = render_template("staff/_live_board.html", board=board)
    return f"event: board\ndata: {json.dumps({'html': html})}\n\n"


@blueprint.get("/<offering:offering>/live")
def live(offering: str):
    return render_template("staff/live.html", board=_board(offering), offering=offering,
                           batch_seconds=BATCH_SECONDS)


@blueprint.get("/<offering:offering>/live/events")
def live_events(offering: str):
    """The event stream: the board now, then again each time its course had uploads (at most
    once per batch) or every REFRESH_SECONDS, until STREAM_SECONDS have passed."""
    streams = current_app.extensions.setdefault(_STREAMS_KEY, {"open": 0, "lock": threading.Lock()})
    limit = current_app.config["OK_LIVE_STREAMS"]
    with streams["lock"]:
        if streams["open"] >= limit:
            return Response("retry: 10000\n\n", status=503, mimetype="text/event-stream",
                            headers={"Retry-After": "10", "Cache-Control": "no-store"})
        streams["open"] += 1
    try:
        first = _board(offering)  # refused here (not staff) as the page would be: no stream opens
    except BaseException:
        with streams["lock"]:
            streams["open"] -= 1
        raise
    intake = listener()
    course = first["course"]["id"]

    def generate():
        try:
            seen = intake.version(course)
            yield f"retry: 3000\n\n{_event(first)}"
            ends = time.monotonic() + STREAM_SECONDS
            sent = time.monotonic()
            while time.monotonic() < ends:
                now = intake.wait(course, seen, min(HEARTBEAT_SECONDS, REFRESH_SECONDS - (time.monotonic() - sent)))
                if now != seen or time.monotonic() - sent >= REFRESH_SECONDS:
                    seen = now
                    yield _event(_board(offering))
                    sent = time.monotonic()
                else:
                    yield ": still here\n\n"
        finally:
            with streams["lock"]:
                streams["open"] -= 1

    return Response(stream_with_context(generate()), mimetype="text/event-stream",
                    headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@blueprint.get("/<offering:offering>/live/board")
def live_board(offering: str):
    """The board alone (the page's fallback when no stream can be opened)."""
    return render_template("staff/_live_board.html", board=_board(offering))
