"""Apply the replaceable objects in sql/ around alembic's versioned revisions.

Versioned revisions (migrations/versions) own state: tables, constraints, indexes,
policies, triggers. Functions and views are kept one per file in sql/functions and
sql/views and re-applied after every upgrade:

1. bootstrap()        sql/00_extensions, 01_roles, 02_schemas (as the connecting user)
2. before_migrations() functions that policies and triggers depend on: auth.* and the
                      trigger functions app.tg_* (created or replaced in place), then
                      drop the app views and drop and recreate the stateless schemas api
                      and analytics, so that revisions can alter the tables they read
3. alembic revisions
4. after_migrations() the app views (sql/views/app.*), every app/auth function in place,
                      then api and analytics rebuilt from sql/, then sql/99_grants.sql,
                      then NOTIFY pgrst

Files are sent through the raw psycopg2 cursor with no parameters (see sqlexec.py for
why not sqlalchemy.text). A file may name files it needs first in a header line
"-- requires: api.some_view.sql"; otherwise files apply in name order.
"""

from __future__ import annotations

import re
from pathlib import Path

from psycopg2 import sql

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
FUNCTIONS = SQL_DIR / "functions"
VIEWS = SQL_DIR / "views"
BOOTSTRAP_FILES = ["00_extensions.sql", "01_roles.sql", "02_schemas.sql"]
REQUIRES = re.compile(r"^--\s*requires:\s*(.+)$", re.MULTILINE)


def _run(cur, path: Path) -> None:
    try:
        cur.execute(path.read_text())
    except Exception as exc:  # name the file: a bare SQL error is hard to place
        raise RuntimeError(f"{path.relative_to(SQL_DIR.parent)}: {exc}") from exc


def ordered(paths: list[Path]) -> list[Path]:
    """Name order, except that a file comes after the files it requires."""
    by_name = {p.name: p for p in paths}
    done: list[Path] = []
    seen: set[str] = set()

    def visit(path: Path, stack: tuple[str, ...]) -> None:
        if path.name in seen:
            return
        if path.name in stack:
            raise RuntimeError(f"circular requires: {' -> '.join(stack + (path.name,))}")
        for needed in REQUIRES.findall(path.read_text()):
            for name in needed.split(","):
                name = name.strip()
                if name in by_name:
                    visit(by_name[name], stack + (path.name,))
                elif not (FUNCTIONS / name).exists() and not (VIEWS / name).exists():
                    raise RuntimeError(f"{path.name} requires unknown file {name}")
        seen.add(path.name)
        done.append(path)

    for path in sorted(paths):
        visit(path, ())
    return done


def is_superuser(cur) -> bool:
    cur.execute("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")
    return bool(cur.fetchone()[0])


def bootstrap(cur) -> None:
    """Extensions, roles, schemas. Needs a superuser once; later runs only check."""
    if is_superuser(cur):
        for name in BOOTSTRAP_FILES:
            _run(cur, SQL_DIR / name)
        return
    cur.execute("select count(*) from pg_namespace where nspname in ('app', 'auth', 'api', 'analytics')")
    if cur.fetchone()[0] != 4:
        raise RuntimeError(
            "The OK v3 roles and schemas do not exist and the migration user may not create "
            "them. Have a superuser run sql/00_extensions.sql, sql/01_roles.sql and "
            "sql/02_schemas.sql once (docs/migrations.md)."
        )


def _files(directory: Path, prefix: str) -> list[Path]:
    return sorted(directory.glob(f"{prefix}*.sql"))


def before_migrations(cur) -> None:
    cur.execute("set role ok_owner")
    cur.execute("set local check_function_bodies = off")
    for path in ordered(_files(FUNCTIONS, "auth.") + _files(FUNCTIONS, "app.tg_")):
        _run(cur, path)
    cur.execute("set local check_function_bodies = on")
    cur.execute("drop schema if exists api cascade")
    cur.execute("create schema api authorization ok_owner")
    # ok_api owns the api functions that run as definers (they are created by ok_owner and
    # handed over with "alter function ... owner to ok_api", which needs create here).
    cur.execute("grant usage, create on schema api to ok_api")
    cur.execute("reset role")
    cur.execute("drop schema if exists analytics cascade")
    cur.execute("create schema analytics authorization ok_analytics_owner")
    cur.execute("set role ok_owner")
    # App views hold no data; they are rebuilt after the revisions (after api and analytics,
    # which may read them; functions that read them are not dependencies PostgreSQL tracks).
    for path in reversed(ordered(_files(VIEWS, "app."))):
        cur.execute(sql.SQL("drop view if exists {}").format(sql.Identifier("app", path.name[4:-4])))


def after_migrations(cur) -> None:
    cur.execute("set role ok_owner")
    for path in ordered(_files(VIEWS, "app.")):
        _run(cur, path)
    for path in ordered(_files(FUNCTIONS, "auth.") + _files(FUNCTIONS, "app.")):
        _run(cur, path)
    for path in ordered(_files(VIEWS, "api.") + _files(FUNCTIONS, "api.")):
        _run(cur, path)
    cur.execute("set role ok_analytics_owner")
    for path in ordered(_files(VIEWS, "analytics.") + _files(FUNCTIONS, "analytics.")):
        _run(cur, path)
    cur.execute("reset role")  # grants span schemas of both owners
    _run(cur, SQL_DIR / "99_grants.sql")
    cur.execute("notify pgrst, 'reload schema'")
