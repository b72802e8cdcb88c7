"""Attacks on the SQL core from database logins of their own (not through pgTAP, whose own
temporary tables open a session's pg_temp before any test runs).

The researcher login and a request role holding a valid token try to create temporary
objects, the first step of hijacking a security-definer function through pg_temp. No role of
ours holds TEMP on the database, so the step fails even when the researcher's session leaves
read-only mode.
"""

from __future__ import annotations

import psycopg2
import pytest
from psycopg2 import errors

from tests.py import dbutil
from web.settings import with_user


def _connect(db, user: str):
    conn = psycopg2.connect(with_user(dbutil.url_for(db[0]), user, None))
    conn.autocommit = False
    return conn


TRAPS = (
    "create domain pg_temp.text as pg_catalog.text check (value <> '')",
    "create temporary table loot (secret text)",
    "create function pg_temp.trap() returns int language sql as 'select 1'",
)


@pytest.mark.parametrize("statement", TRAPS)
def test_the_researcher_login_cannot_create_temporary_objects_even_read_write(db, statement):
    conn = _connect(db, "ok_analytics")
    try:
        with conn.cursor() as cur:
            # A session may always turn its default read-only mode off: that alone must not help.
            cur.execute("set default_transaction_read_only = off")
            conn.commit()
            cur.execute("begin read write")
            with pytest.raises(errors.InsufficientPrivilege):
                cur.execute(statement)
    finally:
        conn.close()


def test_the_researcher_login_writes_nothing_anywhere(db):
    conn = _connect(db, "ok_analytics")
    try:
        with conn.cursor() as cur:
            cur.execute("set default_transaction_read_only = off")
            conn.commit()
            for statement in (
                "create table public.loot (secret text)",
                "create table analytics.loot (secret text)",
                "create view analytics.loot as select 1",
                "select value from auth.settings",
                "select * from app.users",
            ):
                with pytest.raises(errors.InsufficientPrivilege):
                    cur.execute(statement)
                conn.rollback()
    finally:
        conn.close()


@pytest.mark.parametrize("role", ["ok_anon", "ok_user", "ok_admin", "ok_worker", "ok_auth"])
@pytest.mark.parametrize("statement", TRAPS)
def test_request_roles_cannot_create_temporary_objects(db, admin_conn, role, statement):
    with admin_conn.cursor() as cur:
        cur.execute("select id from app.users order by id limit 1")
        user_id = cur.fetchone()[0] if cur.rowcount else 1
    conn = _connect(db, "authenticator")
    try:
        with conn.cursor() as cur:
            # What PostgREST does for a request with a valid token.
            cur.execute("select set_config('role', %s, true), set_config('request.jwt.claims', %s, true)",
                        (role, f'{{"role": "{role}", "sub": "{user_id}"}}'))
            with pytest.raises(errors.InsufficientPrivilege):
                cur.execute(statement)
    finally:
        conn.close()
