"""Calling an ``api`` function the way PostgREST's ``/rpc/<function>`` does.

The one shared helper behind the /api/v3 shim (and any route that wants PostgREST's
semantics): a schema cache of the api functions' parameters, read from the catalog like
PostgREST's, and ``call()``, which runs ``Database.request`` (role, claims, headers,
pre-request) and then ``select api.f(p := _.p, ...) from json_to_record($body) as _(...)``,
the same argument binding PostgREST uses. Parameter names and types come from the catalog,
never from the request; the body travels as one bound JSON value.
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass

from psycopg2 import sql
from psycopg2.extensions import QuotedString

from web.db import Database

LARGE_BODY = 1 << 20  # after a call with a body this big, the connection is not pooled (web/db.py)
RESPONSE_SETTINGS = sql.SQL(
    "nullif(current_setting('response.status', true), ''), nullif(current_setting('response.headers', true), '')"
)


@dataclass(frozen=True)
class Function:
    name: str
    parameters: tuple[tuple[str, str], ...]  # (name, SQL type), in declaration order
    volatile: bool

    @property
    def types(self) -> dict[str, str]:
        return dict(self.parameters)


class UnknownFunction(LookupError):
    pass


class UnexpectedArguments(ValueError):
    def __init__(self, names: list[str]):
        super().__init__("Unexpected argument" + ("s" if len(names) > 1 else "") + ": " + ", ".join(names))
        self.names = names


@dataclass
class Result:
    body: object
    status: int | None
    headers: list


class SchemaCache:
    """The api schema's functions (PostgREST keeps the same cache and reloads it on NOTIFY)."""

    def __init__(self, database: Database):
        self._database = database
        self._functions: dict[str, Function] | None = None
        self._lock = threading.Lock()

    def reload(self) -> None:
        with self._lock:
            self._functions = None

    def get(self, name: str) -> Function:
        if self._functions is None:
            with self._lock:
                if self._functions is None:
                    self._functions = self._load()
        try:
            return self._functions[name]
        except KeyError:
            raise UnknownFunction(name) from None

    def _load(self) -> dict[str, Function]:
        with self._database.request(None) as ctx:
            rows = ctx.call(
                """
                select p.proname, p.provolatile = 'v',
                       coalesce(array_agg(a.name order by a.n) filter (where a.name is not null), '{}'),
                       coalesce(array_agg(format_type(a.type, null) order by a.n)
                                filter (where a.name is not null), '{}')
                from pg_catalog.pg_proc as p
                left join lateral unnest(p.proargnames, p.proargtypes::oid[])
                  with ordinality as a(name, type, n) on true
                where p.pronamespace = 'api'::regnamespace and p.prokind = 'f'
                group by p.oid, p.proname, p.provolatile
                """
            ).fetchall()
        return {
            name: Function(name, tuple(zip(names, types, strict=True)), volatile)
            for name, volatile, names, types in rows
        }


@functools.lru_cache(maxsize=512)
def _query(function: Function, used: tuple[str, ...]) -> sql.Composed:
    """The statement for a call with these arguments (composed once, then reused)."""
    target = sql.Identifier("api", function.name)
    if not used:
        return sql.SQL("select {target}(), {response}").format(target=target, response=RESPONSE_SETTINGS)
    return sql.SQL("select {target}({args}), {response} from json_to_record(%s::json) as _({columns})").format(
        target=target,
        response=RESPONSE_SETTINGS,
        args=sql.SQL(", ").join(sql.SQL("{0} := _.{0}").format(sql.Identifier(name)) for name in used),
        columns=sql.SQL(", ").join(
            # the type names come from pg_catalog.format_type, not from the request
            sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(function.types[name]))
            for name in used
        ),
    )


def call(
    database: Database,
    cache: SchemaCache,
    function_name: str,
    args: dict,
    *,
    raw_body: bytes | None = None,  # the JSON body whose top-level keys are `args`
    claims: dict | None,
    method: str,
    path: str,
    headers: dict,
) -> Result:
    function = cache.get(function_name)
    types = function.types
    unexpected = sorted(set(args) - set(types))
    if unexpected:
        raise UnexpectedArguments(unexpected)
    used = tuple(name for name in types if name in args)
    params = None
    if used:
        # The JSON body as received, bound as it is (quoted by libpq, never decoded or parsed
        # here: web/jsonbody.py); form fields are serialised into one JSON object.
        params = (QuotedString(raw_body) if raw_body is not None
                  else json.dumps({name: args[name] for name in used}),)
    read_only = method in ("GET", "HEAD") or not function.volatile
    large = raw_body is not None and len(raw_body) > LARGE_BODY
    with database.request(claims, method=method, path=path, headers=headers, read_only=read_only,
                          discard=large) as ctx:
        # The response settings are read in the same statement, after the call (left to right).
        body, status, response_headers = ctx.call(_query(function, used), params).fetchone()
        ctx.read_response(status, response_headers)
    return Result(body=body, status=ctx.response_status, headers=ctx.response_headers)
