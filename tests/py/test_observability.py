"""Observability (issue #12, point 7): one JSON log line per request with its id, role, route,
status and times; the id carried into PostgreSQL; Prometheus metrics for a scraper with the
token; errors sent to Sentry (a fake ingest endpoint here) without credentials."""

from __future__ import annotations

import gzip
import json
import logging
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from tests.py.live import signed_in_client
from web import create_app
from web.db import TRACE


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[dict] = []

    def emit(self, record):
        self.lines.append(json.loads(record.getMessage()))


@pytest.fixture
def app(db, admin_conn, monkeypatch):
    monkeypatch.setenv("OK_METRICS_TOKEN", "scrape-token-0123456789")
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    application = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    yield application
    application.extensions["okv3_database"].close()


@pytest.fixture
def request_log():
    handler = Lines()
    logger = logging.getLogger("okv3.requests")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_each_request_is_one_json_line_with_its_id_and_times(app, request_log):
    client = signed_in_client(app, "ta@a.edu")
    request_log.clear()
    answer = client.get("/staff/cal/cs61a/fa26/", headers={"X-Request-Id": "lb-4f2a9c01"})
    assert answer.status_code == 200 and answer.headers["X-Request-Id"] == "lb-4f2a9c01"
    (line,) = request_log
    assert line["request_id"] == "lb-4f2a9c01" and line["route"] == "/staff/<offering:offering>/"
    assert line["status"] == 200 and line["method"] == "GET" and line["role"] == "ok_user"
    assert line["user_id"] and 0 < line["db_ms"] <= line["duration_ms"]

    # an implausible id is replaced; a token in the query string is never logged
    answer = app.test_client().get("/api/v3/user/?access_token=secret-token-value",
                                   headers={"X-Request-Id": "x" * 200})
    assert answer.status_code == 401 and len(answer.headers["X-Request-Id"]) == 16
    assert "secret-token-value" not in json.dumps(request_log) and request_log[-1]["route"] == "/api/v3/user/"


def test_the_request_id_reaches_postgresql(app):
    database = app.extensions["okv3_database"]
    token = TRACE.set({"id": "req-0123abcd", "db_seconds": 0.0, "role": None, "user_id": None})
    try:
        with database.request(None) as ctx:
            seen = ctx.call("select current_setting('request.id'), current_setting('application_name'), "
                            "(select application_name from pg_stat_activity where pid = pg_backend_pid())").fetchone()
    finally:
        TRACE.reset(token)
    assert seen == ("req-0123abcd", "okv3 req-0123abcd", "okv3 req-0123abcd"), \
        "pg_stat_activity names the request a statement belongs to"
    with database.request(None) as ctx:  # and the next transaction on that connection does not
        assert ctx.call("select current_setting('request.id', true)").fetchone()[0] in (None, "")


def test_metrics_for_the_scraper_only(app, admin_conn):
    client = app.test_client()
    client.get("/api/v3/")
    assert client.get("/metrics").status_code == 404, "no token, no metrics (not even that they exist)"
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404
    with admin_conn.cursor() as cur:
        cur.execute("insert into app.jobs (name, status) values ('test', 'queued'), ('test', 'queued')")
    answer = client.get("/metrics", headers={"Authorization": "Bearer scrape-token-0123456789"})
    assert answer.status_code == 200 and answer.mimetype == "text/plain"
    text = answer.get_data(as_text=True)
    assert 'okv3_http_requests_total{method="GET",route="/api/v3/",status="200"}' in text
    assert 'okv3_http_request_duration_seconds_bucket{le="0.005",route="/api/v3/"}' in text
    assert 'okv3_jobs{state="queued"} 2.0' in text and 'okv3_mail_outbox{state="queued"} 0.0' in text
    assert "okv3_database_up 1.0" in text and 'okv3_db_pool_connections{state="idle"}' in text


class FakeSentry:
    """Sentry's ingest endpoint, as far as the SDK sees it: envelopes POSTed to
    /api/<project>/envelope/, gzipped."""

    def __init__(self):
        self.envelopes: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                fake.envelopes.append(body.decode())
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.dsn = f"http://publickey@127.0.0.1:{self.server.server_address[1]}/42"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_errors_go_to_sentry_without_credentials(db, monkeypatch):
    import sentry_sdk

    fake = FakeSentry()
    monkeypatch.setenv("SENTRY_DSN", fake.dsn)
    app = create_app({"DATABASE_DSN": dbutil.authenticator_url_for(db[0]), "OK_ENV": "test"})
    try:
        @app.get("/boom")  # this test's own app: a route that fails as a bug would
        def boom():
            raise RuntimeError("the bug Sentry should see")

        # made here, so that not even the source lines Sentry sends with a frame hold them
        token, header = secrets.token_hex(12), secrets.token_hex(12)
        answer = app.test_client().get(f"/boom?access_token={token}",
                                       headers={"Authorization": f"Bearer {header}", "X-Request-Id": "req-sentry-01"})
        assert answer.status_code == 500
        sentry_sdk.flush(5)
        sent = "\n".join(fake.envelopes)
        assert "the bug Sentry should see" in sent and "req-sentry-01" in sent
        assert token not in sent and header not in sent
    finally:
        # the SDK is process-wide: later tests send nothing (and init reads SENTRY_DSN when
        # given no DSN, so the variable goes first)
        sentry_sdk.get_client().close(timeout=2)
        monkeypatch.delenv("SENTRY_DSN")
        sentry_sdk.init(dsn=None)
        fake.server.shutdown()
        app.extensions["okv3_database"].close()


def test_statement_statistics_are_kept(admin_conn):
    """pg_stat_statements is preloaded in the private cluster (scripts/pgcluster.sh; compose's
    postgres too) and its view made by migrations: a DBA finds which statements take the time."""
    assert "pg_stat_statements" in scalar(admin_conn, "select current_setting('shared_preload_libraries')")
    scalar(admin_conn, "select count(*) from app.users where email = 'nobody@example.edu'")
    assert scalar(admin_conn, "select count(*) from extensions.pg_stat_statements "
                              "where query like '%from app.users where email = $1%'") >= 1
