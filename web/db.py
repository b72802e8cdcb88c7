"""The one way OK v3's Python code talks to the database: PostgREST's per-request transaction.

Every web route, the /api/v3 shim and okadmin go through ``Database.request()``, which
replays what PostgREST does for a request (PostgREST/postgrest:src/library/PostgREST/
Query/PreQuery.hs, ``txVarQuery``): start a transaction (read only for reads); set, in
this order, ``search_path``, the request role's own settings, ``role``,
``request.jwt.claims``, ``request.method``, ``request.path``, ``request.headers`` and
``request.cookies``, all transaction-local; call the pre-request function; run the
caller's query; read ``response.status``; commit. The connection is the powerless
``authenticator`` login, so a missing grant fails here exactly as it would in production.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg2
import psycopg2.extras
import psycopg2.pool

REQUEST_ROLES = ("ok_anon", "ok_user", "ok_admin", "ok_worker", "ok_auth")
ANON_ROLE = "ok_anon"
PRE_REQUEST = "auth.check_request"
EXPOSED_SCHEMAS = "api"

# PostgREST's SQLSTATE -> HTTP table (docs/references/errors.rst), for PT codes and the rest.
_STATUS_BY_SQLSTATE = {
    "23505": 409, "23503": 409, "25006": 405, "42883": 404, "42P01": 404, "P0001": 400,
}


def http_status_for(sqlstate: str | None, authenticated: bool) -> int:
    if not sqlstate:
        return 500
    if sqlstate.startswith("PT") and sqlstate[2:].isdigit():
        return int(sqlstate[2:])
    if sqlstate == "42501":
        return 403 if authenticated else 401
    if sqlstate.startswith("P0"):
        return _STATUS_BY_SQLSTATE.get(sqlstate, 500)
    if sqlstate.startswith("53"):
        return 503
    return _STATUS_BY_SQLSTATE.get(sqlstate, 400)


@dataclass
class RequestContext:
    """What a request's query sees: a cursor, and the status the SQL asked for."""

    cursor: psycopg2.extensions.cursor
    role: str
    response_status: int | None = None
    response_headers: list = field(default_factory=list)

    def call(self, sql: str, params: dict | tuple | None = None):
        self.cursor.execute(sql, params)
        return self.cursor


class Database:
    def __init__(self, dsn: str, *, max_connections: int = 8, min_connections: int = 0):
        self.dsn = dsn
        self._pool = psycopg2.pool.ThreadedConnectionPool(min_connections, max_connections, dsn)
        self._role_settings: dict[str, list[tuple[str, str]]] | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        self._pool.closeall()

    def _settings_of_roles(self, cur) -> dict[str, list[tuple[str, str]]]:
        """ALTER ROLE ... SET values, which PostgREST applies itself when it switches role."""
        if self._role_settings is None:
            with self._lock:
                cur.execute(
                    """
                    select r.rolname, s.setconfig
                    from pg_catalog.pg_db_role_setting as s
                    inner join pg_catalog.pg_roles as r on s.setrole = r.oid
                    where r.rolname = any(%s)
                      and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
                    """,
                    (list(REQUEST_ROLES),),
                )
                settings: dict[str, list[tuple[str, str]]] = {}
                for role, config in cur.fetchall():
                    for item in config:
                        name, _, value = item.partition("=")
                        settings.setdefault(role, []).append((name, value))
                self._role_settings = settings
        return self._role_settings

    @contextmanager
    def request(
        self,
        claims: dict | None,
        *,
        method: str = "GET",
        path: str = "/",
        headers: dict | None = None,
        cookies: dict | None = None,
        read_only: bool | None = None,
    ) -> Iterator[RequestContext]:
        claims = dict(claims or {})
        role = claims.get("role") or ANON_ROLE
        if role not in REQUEST_ROLES:
            raise ValueError(f"unknown request role {role!r}")
        claims["role"] = role
        if read_only is None:
            read_only = method in ("GET", "HEAD")
        conn = self._pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute("start transaction read only" if read_only else "start transaction read write")
                names = ["search_path"]
                values = [EXPOSED_SCHEMAS]
                for name, value in self._settings_of_roles(cur).get(role, []):
                    names.append(name)
                    values.append(value)
                names += ["role", "request.jwt.claims", "request.method", "request.path",
                          "request.headers", "request.cookies"]
                values += [
                    role,
                    json.dumps(claims, separators=(",", ":")),
                    method,
                    path,
                    json.dumps({k.lower(): v for k, v in (headers or {}).items()}),
                    json.dumps(cookies or {}),
                ]
                cur.execute(
                    "select count(set_config(s.name, s.value, true)) "
                    "from unnest(%s::text[], %s::text[]) with ordinality as s(name, value, n)",
                    (names, values),
                )
                cur.execute(f"select {PRE_REQUEST}()")
                ctx = RequestContext(cursor=cur, role=role)
                yield ctx
                cur.execute(
                    "select nullif(current_setting('response.status', true), ''), "
                    "nullif(current_setting('response.headers', true), '')"
                )
                status, response_headers = cur.fetchone()
                ctx.response_status = int(status) if status else None
                ctx.response_headers = json.loads(response_headers) if response_headers else []
            conn.commit()
        except BaseException:
            if not conn.closed:
                conn.rollback()
            raise
        finally:
            # A connection the server dropped is discarded rather than handed out again.
            self._pool.putconn(conn, close=bool(conn.closed))

    def healthy(self) -> bool:
        try:
            with self.request(None) as ctx:
                return ctx.call("select 1").fetchone()[0] == 1
        except psycopg2.Error:
            return False
