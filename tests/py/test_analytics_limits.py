"""The analytics login can never hurt the server at a deadline (issue #13, point 2): its slow
query is cancelled at its statement timeout while students' backups keep being accepted; it
has a connection limit and reads nothing but the analytics schema, read only."""

from __future__ import annotations

import threading
import time

import psycopg2
import psycopg2.sql
import pytest

from tests.py import dbutil
from tests.py.conftest import scalar
from web.settings import with_user


def test_the_analytics_login_is_limited(admin_conn):
    settings = scalar(admin_conn, "select rolconfig from pg_roles where rolname = 'ok_analytics'")
    assert "statement_timeout=120s" in settings and "default_transaction_read_only=on" in settings
    assert "idle_in_transaction_session_timeout=60s" in settings
    assert scalar(admin_conn, "select rolconnlimit from pg_roles where rolname = 'ok_analytics'") == 10


def test_a_slow_analytics_query_is_cancelled_while_backups_are_accepted(db, admin_conn):
    database = psycopg2.sql.Identifier(admin_conn.info.dbname)
    with admin_conn.cursor() as cur:  # this database only: the role's own timeout is 120 s
        cur.execute(psycopg2.sql.SQL("alter role ok_analytics in database {} set statement_timeout = '1s'")
                    .format(database))
        cur.execute("select tests.fixture()")
    analytics = psycopg2.connect(with_user(dbutil.url_for(db[0]), "ok_analytics", None))
    outcome: dict = {}

    def slow() -> None:
        started = time.monotonic()
        try:
            with analytics.cursor() as cur:
                cur.execute("select count(*) from analytics.assignment_progress, pg_sleep(30)")
        except psycopg2.Error as exc:
            outcome["code"], outcome["after"] = exc.pgcode, time.monotonic() - started

    thread = threading.Thread(target=slow)
    thread.start()
    accepted = 0
    with psycopg2.connect(dbutil.url_for(db[0])) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            while thread.is_alive():  # a student's backups, meanwhile, through the intake function
                cur.execute("select tests.act_as_api('s1@a.edu')")
                cur.execute("select api.v3_backups_post('cal/cs61a/fa26/hw01', %s::jsonb)", ('{"file_contents": {}}',))
                reply = cur.fetchone()[0]
                accepted += reply["code"] == 200
                cur.execute("reset role")
    thread.join()
    analytics.close()
    assert outcome.get("code") == "57014", "cancelled by the statement timeout"
    assert outcome["after"] < 5
    assert accepted > 0, "backups went on while the analytics query ran"
    with pytest.raises(psycopg2.Error):
        with psycopg2.connect(with_user(dbutil.url_for(db[0]), "ok_analytics", None)) as conn, conn.cursor() as cur:
            cur.execute("select count(*) from app.backups")
