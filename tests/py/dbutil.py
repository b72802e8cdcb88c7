"""Throwaway databases for tests: a migrated template, cloned per test module.

Used by scripts/run-tests.sh (through the command line below) and by pytest fixtures.
The server is DATABASE_URL's, or the private cluster's; database names carry the
process id so that concurrent runs do not collide.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2

from web.settings import ROOT, database_url, with_user

PG_BIN = Path(os.environ.get("PG_BINDIR", "/usr/lib/postgresql/15/bin"))
PGTAP_SETUP = ROOT / "tests" / "support" / "pgtap_setup.sql"


def url_for(dbname: str, base: str | None = None) -> str:
    parts = urlsplit(base or database_url())
    return urlunsplit((parts.scheme, parts.netloc, "/" + dbname, parts.query, parts.fragment))


def authenticator_url_for(dbname: str) -> str:
    return with_user(url_for(dbname), "authenticator", os.environ.get("AUTHENTICATOR_PASSWORD"))


def session_claims(conn, email: str) -> dict:
    """Claims of a fresh browser session for `email`, made by api.login as sign-in does (the
    pre-request check refuses user claims without a live session's or token's jti)."""
    with conn.cursor() as cur:
        cur.execute("select api.login(%s)", (email,))
        return cur.fetchone()[0]


def _admin_exec(sql: str) -> None:
    conn = psycopg2.connect(url_for("postgres"))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def create_empty(name: str) -> str:
    _admin_exec(f'drop database if exists "{name}" with (force)')
    _admin_exec(f'create database "{name}"')
    return url_for(name)


def drop(name: str) -> None:
    _admin_exec(f'drop database if exists "{name}" with (force)')


def migrate(url: str, target: str = "head", direction: str = "upgrade") -> None:
    env = dict(os.environ, DATABASE_URL=url)
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "alembic"), direction, target],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )


def build_template(name: str) -> str:
    """An empty database, migrated to head, with pgTAP, plpgsql_check and test helpers."""
    url = create_empty(name)
    migrate(url)
    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("create extension if not exists pgtap")
        cur.execute("create extension if not exists plpgsql_check")
        cur.execute(PGTAP_SETUP.read_text())
    conn.close()
    return url


def clone(template: str, prefix: str = "okv3_test") -> tuple[str, str]:
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    _admin_exec(f'create database "{name}" template "{template}"')
    # A database's own privileges are not copied from its template: PUBLIC gets TEMP back.
    # Repeat what sql/02_schemas.sql does on every upgrade.
    _admin_exec(f'revoke temporary on database "{name}" from public')
    _admin_exec(f'grant temporary on database "{name}" to ok_analytics_owner')
    return name, url_for(name)


# The order of a policy's role list is not stable across drop and re-create; sort it.
_POLICY_ROLES = re.compile(r"( TO )([a-z_]+(?:, [a-z_]+)*)(?= USING| WITH CHECK|;)")


def sort_policy_roles(line: str) -> str:
    """A CREATE POLICY line with its roles in name order (pg_dump's order is not stable)."""
    return _POLICY_ROLES.sub(lambda m: m.group(1) + ", ".join(sorted(m.group(2).split(", "))), line)


def dump_schema(url: str) -> str:
    """pg_dump --schema-only of our schemas, without the noise that differs between runs."""
    out = subprocess.run(
        [str(PG_BIN / "pg_dump"), "--schema-only", "--schema=app", "--schema=auth",
         "--schema=v3", "--schema=api", "--schema=analytics", "--schema=extensions", url],
        check=True, capture_output=True, text=True,
    ).stdout
    keep = []
    for line in out.splitlines():
        if line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\restrict", "\\unrestrict")):
            continue
        if line.startswith("CREATE POLICY"):
            line = sort_policy_roles(line)
        if line.strip() or (keep and keep[-1].strip()):
            keep.append(line)
    return "\n".join(keep).strip() + "\n"


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "template":
        build_template(sys.argv[2])
    elif command == "clone":
        print(clone(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "okv3_test")[1])
    elif command == "drop":
        for name in sys.argv[2:]:
            drop(name)
    elif command == "url":
        print(url_for(sys.argv[2]))
    else:
        raise SystemExit(f"unknown command {command}")
