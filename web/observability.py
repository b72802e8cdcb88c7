"""What operators see of the web app: one JSON log line per request, the request's id carried
into PostgreSQL, Prometheus metrics, and errors sent to Sentry when it is configured.

* **Request id.** Each request gets an id: the caller's ``X-Request-Id`` when it is a
  plausible id (nginx or a load balancer may set one), else a new one. It is answered in
  ``X-Request-Id`` and set in every transaction the request opens (``request.id`` and
  ``application_name``, web/db.py), so a slow statement in pg_stat_activity or the server
  log names its request.
* **Log.** One line per request on the ``okv3.requests`` logger (stderr), as JSON: time,
  request id, method, route (the URL rule, not the URL: no ids, no query string, so no
  token is ever logged), status, duration and database time in milliseconds, role and user
  id. ``OK_REQUEST_LOG=off`` turns it off.
* **Metrics.** ``GET /metrics`` in Prometheus' text format, for a scraper holding
  ``OK_METRICS_TOKEN`` (``Authorization: Bearer ...``; without the setting the endpoint does
  not exist): requests and their latency by route, method and status; the job queue and the
  mail outbox by state (api.metrics, read at scrape time); the connection pool's use. With
  several gunicorn processes, set ``PROMETHEUS_MULTIPROC_DIR`` to a directory they share
  (web/gunicorn_conf.py cleans up after a process that exits).
* **Sentry.** With ``SENTRY_DSN`` set, unhandled errors go to Sentry with the request id,
  without cookies, tokens, query strings, request bodies or the stack frames' variables.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
import secrets
import sys
import time
from datetime import UTC, datetime

from flask import Flask, Response, abort, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from web.db import TRACE

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")
log = logging.getLogger("okv3.requests")

REQUESTS = Counter("okv3_http_requests_total", "HTTP requests answered, by route, method and status.",
                   ["route", "method", "status"])
LATENCY = Histogram("okv3_http_request_duration_seconds", "Time to answer a request, by route.", ["route"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
DB_TIME = Histogram("okv3_http_request_database_seconds", "Time a request spent in the database, by route.",
                    ["route"], buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))

# Read from the database at scrape time, not counted here (several processes, one truth).
METRICS_CLAIMS = {"role": "ok_worker", "actor": "metrics"}


def init_app(app: Flask) -> None:
    _configure_log()
    logging_on = os.environ.get("OK_REQUEST_LOG", "on").lower() not in ("off", "0", "false", "no")

    @app.before_request
    def start_trace():
        incoming = request.headers.get("X-Request-Id", "")
        trace = {"id": incoming if REQUEST_ID.match(incoming) else secrets.token_hex(8),
                 "started": time.perf_counter(), "received": time.time(), "db_seconds": 0.0,
                 "role": None, "user_id": None}
        g.okv3_trace = trace
        g.okv3_trace_token = TRACE.set(trace)

    @app.after_request
    def finish_trace(response: Response) -> Response:
        trace = g.get("okv3_trace")
        if trace is None:
            return response
        response.headers["X-Request-Id"] = trace["id"]
        route = request.url_rule.rule if request.url_rule is not None else "(unmatched)"
        duration = time.perf_counter() - trace["started"]
        REQUESTS.labels(route, request.method, str(response.status_code)).inc()
        LATENCY.labels(route).observe(duration)
        DB_TIME.labels(route).observe(trace["db_seconds"])
        if logging_on:
            log.info(json.dumps({
                "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "request_id": trace["id"], "method": request.method, "route": route,
                "status": response.status_code, "duration_ms": round(duration * 1000, 2),
                "db_ms": round(trace["db_seconds"] * 1000, 2), "role": trace["role"], "user_id": trace["user_id"],
            }, separators=(",", ":")))
        return response

    @app.teardown_request
    def end_trace(_exc):
        token = g.pop("okv3_trace_token", None)
        if token is not None:
            TRACE.reset(token)

    token = os.environ.get("OK_METRICS_TOKEN", "")
    if token:
        @app.get("/metrics")
        def metrics() -> Response:
            given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            if not hmac.compare_digest(given.encode(), token.encode()):
                abort(404)
            return Response(_render(app), content_type=CONTENT_TYPE_LATEST)

    dsn = os.environ.get("SENTRY_DSN", "")
    if dsn:
        _init_sentry(dsn, app.config["OK_ENV"])


def _configure_log() -> None:
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def _render(app: Flask) -> bytes:
    """This process's request metrics (or every gunicorn process's, in multiprocess mode), the
    queue and outbox depths from the database, and the connection pool's use."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        requests_part = generate_latest(registry)
    else:
        from prometheus_client import REGISTRY

        requests_part = generate_latest(REGISTRY)
    state = CollectorRegistry()
    jobs = Gauge("okv3_jobs", "Background jobs by state (app.jobs).", ["state"], registry=state)
    outbox = Gauge("okv3_mail_outbox", "Notification mail by state (app.email_outbox).", ["state"], registry=state)
    pool = Gauge("okv3_db_pool_connections", "This process's database connections, in use and idle.",
                 ["state"], registry=state)
    up = Gauge("okv3_database_up", "1 when the database answered the metrics query.", registry=state)
    from web.request_db import database

    try:
        with database().request(METRICS_CLAIMS, method="GET", path="/metrics") as ctx:
            counts = ctx.call("select api.metrics()").fetchone()[0]
        for name, value in counts["jobs"].items():
            jobs.labels(name).set(value)
        for name, value in counts["outbox"].items():
            outbox.labels(name).set(value)
        up.set(1)
    except Exception:  # noqa: BLE001 - a scrape reports the database down rather than failing
        up.set(0)
    in_use, idle = database().pool_use()
    pool.labels("in_use").set(in_use)
    pool.labels("idle").set(idle)
    return requests_part + generate_latest(state)


def _init_sentry(dsn: str, environment: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.flask import FlaskIntegration

    def scrub(event, _hint):
        """No credentials leave: query strings (?access_token=), cookies, auth headers, bodies."""
        req = event.get("request") or {}
        req.pop("query_string", None)
        req.pop("cookies", None)
        req.pop("data", None)
        if isinstance(req.get("url"), str):
            req["url"] = req["url"].split("?", 1)[0]
        headers = req.get("headers") or {}
        for name in list(headers):
            if name.lower() in ("authorization", "cookie", "x-ok-export-token"):
                headers.pop(name)
        trace = TRACE.get()
        if trace is not None:
            event.setdefault("tags", {})["request_id"] = trace["id"]
        return event

    # No local variables in stack frames either: a frame of a request holds its token or body.
    sentry_sdk.init(dsn=dsn, environment=environment, integrations=[FlaskIntegration()],
                    traces_sample_rate=0.0, before_send=scrub, max_request_body_size="never",
                    include_local_variables=False)
