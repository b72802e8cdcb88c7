"""The one way OK v3's Python code talks to the database: PostgREST's per-request transaction.

Every web route, the /api/v3 shim and okadmin go through ``Database.request()``, which
replays what PostgREST does for a request (PostgREST/postgrest:src/library/PostgREST/
Query/PreQuery.hs, ``txVarQuery``): start a transaction (read only for reads); set, in
this order, ``search_path``, the request role's own settings, ``role``,
``request.jwt.claims``, ``request.method``, ``request.path``, ``request.headers`` and
``request.cookies``, all transaction-local; call the pre-request function; run the
caller's query; read ``response.status``; commit. The connection is the powerless
``authenticator`` login, so a missing grant fails here exactly as it would in production.

When the caller traces its work (``TRACE``, set per web request by web/observability.py),
the transaction also carries the request's id, as ``request.id`` and in
``application_name`` (so pg_stat_activity and the server log name the request a slow
statement belongs to), and the time spent here is added to the trace.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import psycopg2
import psycopg2.extensions
from psycopg2 import sql

# A request opens with: begin with the access mode, the settings in PostgREST's order
# (transaction-local), then the pre-request hook; sent together with the request's first call.
_SETTINGS = (
    "select count(set_config(s.name, s.value, true)) "
    "from unnest(%s::text[], %s::text[]) with ordinality as s(name, value, n); "
    "select auth.check_request()"
)
_BEGIN_READ_ONLY = "begin read only; " + _SETTINGS
_BEGIN_READ_WRITE = "begin read write; " + _SETTINGS

# The trace of the work in progress (a web request's id, its database time, its role and
# user), or None: set by web/observability.py, read and added to by Database.request.
TRACE: ContextVar[dict | None] = ContextVar("okv3_trace", default=None)

REQUEST_ROLES = ("ok_anon", "ok_user", "ok_admin", "ok_worker", "ok_auth")
ANON_ROLE = "ok_anon"
EXPOSED_SCHEMAS = "api"

# PostgREST's SQLSTATE -> HTTP table (docs/references/errors.rst), for PT codes and the rest.
_STATUS_BY_SQLSTATE = {
    "23505": 409, "23503": 409, "25006": 405, "42883": 404, "42P01": 404, "P0001": 400,
}


# A lost or refused connection (a restart, a failover, the server down) is 503 with this
# message, as PostgREST answers 503 when it cannot reach the database; whether a write
# made just then was kept is unknown, so the client is told to try again.
DATABASE_UNAVAILABLE = ("The database is not answering (restarting or unreachable): try again in a moment; "
                        "this request may not have been saved")


def connection_lost(exc: BaseException) -> bool:
    """Whether a database error means the connection was lost or refused, not that a query
    failed: the server shut down or crashed (57P01-57P03), a connection exception (08xxx),
    or a socket that closed under psycopg2 (no SQLSTATE)."""
    if not isinstance(exc, (psycopg2.OperationalError, psycopg2.InterfaceError)):
        return False
    code = exc.pgcode or ""
    return code == "" or code.startswith("08") or code in ("57P01", "57P02", "57P03")


def http_status_for(sqlstate: str | None, authenticated: bool) -> int:
    if not sqlstate:
        return 500
    if sqlstate.startswith("08"):
        return 503
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
    response_read: bool = False  # set when the caller read response.* in its own query
    # The transaction's opening (begin, settings, pre-request), sent with the first call so
    # that a request costs two round trips: opening + call, then commit.
    opening: str | None = None

    def read_response(self, status: str | None, headers: str | None) -> None:
        self.response_status = int(status) if status else None
        self.response_headers = json.loads(headers) if headers else []
        self.response_read = True

    def call(self, query, params: dict | tuple | None = None):
        if self.opening is not None:
            text = query.as_string(self.cursor) if isinstance(query, sql.Composable) else query
            # The opening is already quoted by mogrify; protect its % signs from a second pass.
            opening = self.opening if params is None else self.opening.replace("%", "%%")
            self.opening = None
            query = opening + "; " + text
        self.cursor.execute(query, params)
        return self.cursor

    def open(self) -> None:
        """Send the opening now if no call has carried it (so the pre-request check runs)."""
        if self.opening is not None:
            self.cursor.execute(self.opening)
            self.opening = None


class _Pool:
    """Keeps up to `size` idle connections, opened lazily (psycopg2's pools close every
    connection above `minconn` when it is returned, and open `minconn` eagerly)."""

    def __init__(self, dsn: str, size: int):
        self._dsn = dsn
        self._idle: list = []
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self.in_use = 0  # connections handed out now (for /metrics)

    def get(self):
        self._slots.acquire()
        with self._lock:
            self.in_use += 1
            if self._idle:
                return self._idle.pop()
        try:
            # UTF-8 whatever the server's or PGCLIENTENCODING's: JSON bodies are bound as the
            # UTF-8 bytes they arrived as (web/postgrest.py).
            conn = psycopg2.connect(self._dsn, client_encoding="UTF8")
        except BaseException:
            with self._lock:
                self.in_use -= 1
            self._slots.release()
            raise
        conn.autocommit = True  # transactions are begun explicitly, with their access mode
        return conn

    def put(self, conn, discard: bool = False) -> None:
        try:
            if discard or conn.closed:
                conn.close()
            else:
                with self._lock:
                    self._idle.append(conn)
        finally:
            with self._lock:
                self.in_use -= 1
            self._slots.release()

    def discard_idle(self) -> None:
        """Close every idle connection: after one was found dead (a restart), the others
        are too, and each would otherwise fail one more request."""
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    def use(self) -> tuple[int, int]:
        with self._lock:
            return self.in_use, len(self._idle)

    def close(self) -> None:
        with self._lock:
            for conn in self._idle:
                conn.close()
            self._idle.clear()


class Database:
    def __init__(self, dsn: str, *, max_connections: int = 8, min_connections: int = 0):
        self.dsn = dsn
        self._pool = _Pool(dsn, max_connections)
        self._role_settings: dict[str, list[tuple[str, str]]] | None = None
        self._lock = threading.Lock()
        if min_connections:  # connect now, so that an unreachable database shows at once
            self._pool.put(self._pool.get())

    def close(self) -> None:
        self._pool.close()

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
        discard: bool = False,
    ) -> Iterator[RequestContext]:
        """One request's transaction. ``discard`` closes the connection afterwards instead of
        pooling it: after a statement of megabytes libpq keeps its enlarged buffers for the
        connection's life."""
        claims = dict(claims or {})
        role = claims.get("role") or ANON_ROLE
        if role not in REQUEST_ROLES:
            raise ValueError(f"unknown request role {role!r}")
        claims["role"] = role
        if read_only is None:
            read_only = method in ("GET", "HEAD")
        trace = TRACE.get()
        started = time.perf_counter()
        conn = self._pool.get()
        in_transaction = False
        try:
            with conn.cursor() as cur:
                role_settings = self._settings_of_roles(cur)
                names = ["search_path"]
                values = [EXPOSED_SCHEMAS]
                for name, value in role_settings.get(role, []):
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
                if trace is not None:
                    names += ["request.id", "application_name"]
                    values += [trace["id"], f"okv3 {trace['id']}"]
                    trace["role"], trace["user_id"] = role, claims.get("sub")
                in_transaction = True
                opening = cur.mogrify(_BEGIN_READ_ONLY if read_only else _BEGIN_READ_WRITE, (names, values))
                ctx = RequestContext(cursor=cur, role=role, opening=opening.decode())
                yield ctx
                ctx.open()
                if not ctx.response_read:
                    cur.execute(
                        "select nullif(current_setting('response.status', true), ''), "
                        "nullif(current_setting('response.headers', true), '')"
                    )
                    ctx.read_response(*cur.fetchone())
                cur.execute("commit")
                in_transaction = False
        except BaseException as exc:
            if in_transaction and not conn.closed:
                try:
                    conn.cursor().execute("rollback")
                except psycopg2.Error:
                    conn.close()
            if conn.closed and connection_lost(exc):
                self._pool.discard_idle()
            raise
        finally:
            # A connection the server dropped is discarded rather than handed out again.
            self._pool.put(conn, discard=discard or bool(conn.closed))
            if trace is not None:
                trace["db_seconds"] += time.perf_counter() - started

    def pool_use(self) -> tuple[int, int]:
        """Connections of this process's pool: (in use, idle)."""
        return self._pool.use()

    def healthy(self) -> bool:
        try:
            with self.request(None) as ctx:
                return ctx.call("select 1").fetchone()[0] == 1
        except psycopg2.Error:
            return False
