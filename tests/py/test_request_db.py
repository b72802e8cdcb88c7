"""web.db.Database.request replays PostgREST's per-request transaction."""

from __future__ import annotations

import json

import psycopg2
import pytest

from tests.py import dbutil
from web.db import Database, http_status_for


@pytest.fixture
def database(db, admin_conn):
    with admin_conn.cursor() as cur:
        cur.execute("select tests.fixture()")
    database = Database(dbutil.authenticator_url_for(db[0]))
    yield database
    database.close()


def _user_claims(admin_conn, email: str) -> dict:
    return dbutil.session_claims(admin_conn, email)


def test_sets_role_claims_method_path_and_headers_like_postgrest(database, admin_conn):
    claims = _user_claims(admin_conn, "s1@a.edu")
    with database.request(claims, method="POST", path="/rpc/x", headers={"User-Agent": "ok-client"}) as ctx:
        row = ctx.call(
            "select current_user, current_setting('search_path'), current_setting('request.method'), "
            "current_setting('request.path'), current_setting('request.headers')::jsonb ->> 'user-agent', "
            "auth.user_id(), current_setting('statement_timeout'), session_user"
        ).fetchone()
    assert row[:6] == ("ok_user", "api", "POST", "/rpc/x", "ok-client", int(claims["sub"]))
    assert row[6] == "10s", "the role's own ALTER ROLE settings are applied, as PostgREST does"
    assert row[7] == "authenticator", "connections are the powerless authenticator login"


def test_anonymous_requests_run_as_ok_anon(database):
    with database.request(None) as ctx:
        assert ctx.call("select current_user, auth.claims() ->> 'role'").fetchone() == ("ok_anon", "ok_anon")


def test_reads_are_read_only_transactions(database, admin_conn):
    claims = _user_claims(admin_conn, "admin@x.edu")
    with pytest.raises(psycopg2.errors.ReadOnlySqlTransaction) as caught:
        with database.request(claims, method="GET") as ctx:
            ctx.call("select api.create_user('ro@x.edu')")
    assert http_status_for(caught.value.pgcode, True) == 405


def test_errors_roll_back_everything(database, admin_conn):
    claims = _user_claims(admin_conn, "admin@x.edu")
    with pytest.raises(psycopg2.Error):
        with database.request(claims, method="POST") as ctx:
            ctx.call("select api.create_user('first@x.edu')")
            ctx.call("select api.create_user('first@x.edu')")  # PT409
    with admin_conn.cursor() as cur:
        cur.execute("select count(*) from app.users where email = 'first@x.edu'")
        assert cur.fetchone()[0] == 0


def test_response_status_and_headers_are_read_back(database):
    with database.request(None, method="POST") as ctx:
        ctx.call("select set_config('response.status', '202', true), "
                 "set_config('response.headers', %s, true)", (json.dumps([{"X-Ok": "yes"}]),))
    assert ctx.response_status == 202
    assert ctx.response_headers == [{"X-Ok": "yes"}]


def test_pre_request_rejects_a_revoked_token(database, admin_conn):
    admin = _user_claims(admin_conn, "admin@x.edu")
    with database.request(admin, method="POST") as ctx:
        issued = ctx.call("select api.issue_token('s1@a.edu')").fetchone()[0]
    claims = issued["claims"]
    with database.request(claims) as ctx:
        assert ctx.call("select auth.user_id()").fetchone()[0] == int(claims["sub"])
    with admin_conn.cursor() as cur:
        cur.execute("update auth.oauth_tokens set revoked_at = now() where jti = %s", (claims["jti"],))
    with pytest.raises(psycopg2.Error) as caught:
        with database.request(claims):
            pass
    assert caught.value.pgcode == "PT401"
    assert http_status_for(caught.value.pgcode, True) == 401


def test_unknown_roles_are_refused_before_touching_the_database(database):
    with pytest.raises(ValueError):
        with database.request({"role": "postgres"}):
            pass


def test_a_role_outside_the_request_roles_cannot_be_assumed(database):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        with database.request(None) as ctx:
            ctx.call("select set_config('role', 'ok_owner', true)")


@pytest.mark.parametrize(
    "sqlstate, authenticated, status",
    [("PT403", True, 403), ("PT422", False, 422), ("42501", False, 401), ("42501", True, 403),
     ("23505", True, 409), ("P0001", True, 400), ("P0002", True, 500), ("53300", True, 503),
     ("22P02", True, 400), (None, True, 500)],
)
def test_sqlstate_to_http_follows_postgrest(sqlstate, authenticated, status):
    assert http_status_for(sqlstate, authenticated) == status


def test_healthy_is_false_when_the_database_is_unreachable():
    database = Database("postgresql://nobody@127.0.0.1:1/none")
    assert database.healthy() is False
