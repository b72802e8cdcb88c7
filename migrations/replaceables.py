"""Apply the replaceable objects in sql/ around alembic's versioned revisions.

Versioned revisions (migrations/versions) own state: tables, constraints, indexes,
policies, triggers. Functions and views are kept one per file in sql/functions/<domain>/
and sql/views/<domain>/ (named <schema>.<object>.sql; the domain folder only sorts them for
people, the schema prefix decides when a file applies) and re-applied after every upgrade:

1. bootstrap_steps()  sql/00_extensions, 01_roles, 02_schemas (as the connecting user)
2. before_steps()     functions that policies and triggers depend on: auth.* and the
                      trigger functions app.tg_* (created or replaced in place), then drop
                      and recreate the stateless schemas api, v3 and analytics, then drop the
                      app views (sql/03_drop_app_views.sql), so that revisions can alter
                      the tables they read
3. alembic revisions
4. after_steps()      the app views (app.*), every app/auth function in place, then the
                      ok-client contract's helpers (v3.*), then api and analytics rebuilt
                      from sql/, then sql/99_grants.sql,
                      then NOTIFY pgrst

Each list is the one definition of its order: online mode (migrations/env.py) executes
the steps through the raw psycopg2 cursor with no parameters (see sqlexec.py for why not
sqlalchemy.text); offline mode (`alembic upgrade head --sql`) prints the same steps as a
script for psql. A step is a file of sql/, sent verbatim, or one fixed statement written
below. A file may name files it needs first in a header line
"-- requires: api.some_view.sql" (a file name, wherever its domain folder); otherwise files
apply in name order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
FUNCTIONS = SQL_DIR / "functions"
VIEWS = SQL_DIR / "views"
BOOTSTRAP_FILES = ["00_extensions.sql", "01_roles.sql", "02_schemas.sql"]
REQUIRES = re.compile(r"^--\s*requires:\s*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Step:
    """One file of sql/ (path) or one fixed statement (statement), never both."""

    path: Path | None = None
    statement: str | None = None

    @property
    def label(self) -> str:
        return str(self.path.relative_to(SQL_DIR.parent)) if self.path else self.statement

    def text(self) -> str:
        return self.path.read_text() if self.path else self.statement


def _file(path: Path) -> Step:
    return Step(path=path)


def _stmt(statement: str) -> Step:  # fixed text, ending with ";"
    return Step(statement=statement)


def ordered(paths: list[Path]) -> list[Path]:
    """Name order, except that a file comes after the files it requires."""
    by_name = {p.name: p for p in paths}
    everywhere = {p.name for p in replaceable_files()}
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
                elif name not in everywhere:
                    raise RuntimeError(f"{path.name} requires unknown file {name}")
        seen.add(path.name)
        done.append(path)

    for path in sorted(paths, key=lambda p: p.name):
        visit(path, ())
    return done


def replaceable_files() -> list[Path]:
    """Every file of sql/functions and sql/views, whatever its domain folder. A name is one
    object, so it may appear once in the whole tree."""
    files = sorted([*FUNCTIONS.rglob("*.sql"), *VIEWS.rglob("*.sql")], key=lambda p: p.name)
    for first, second in zip(files, files[1:], strict=False):
        if first.name == second.name:
            raise RuntimeError(f"{first} and {second}: one object, two files")
    return files


def _files(directory: Path, prefix: str) -> list[Path]:
    """The files of one schema (by name prefix) in every domain folder, in name order."""
    return sorted(directory.rglob(f"{prefix}*.sql"), key=lambda p: p.name)


def bootstrap_steps() -> list[Step]:
    """Extensions, roles, schemas: idempotent, and needs a superuser (see bootstrap)."""
    return [_file(SQL_DIR / name) for name in BOOTSTRAP_FILES]


def before_steps() -> list[Step]:
    return [
        _stmt("set role ok_owner;"),
        _stmt("set local check_function_bodies = off;"),
        *map(_file, ordered(_files(FUNCTIONS, "auth.") + _files(FUNCTIONS, "app.tg_"))),
        _stmt("set local check_function_bodies = on;"),
        _stmt("drop schema if exists api cascade;"),
        _stmt("create schema api authorization ok_owner;"),
        # ok_api owns the api functions that run as definers (they are created by ok_owner
        # and handed over with "alter function ... owner to ok_api", which needs create here).
        _stmt("grant usage, create on schema api to ok_api;"),
        # v3: the ok-client HTTP contract's helpers (envelope, headers, paging, shapes),
        # called by api definers only (api.v3_*, api.backup_page). Stateless like api.
        _stmt("drop schema if exists v3 cascade;"),
        _stmt("create schema v3 authorization ok_owner;"),
        _stmt("grant usage on schema v3 to ok_api;"),
        _stmt("reset role;"),
        _stmt("drop schema if exists analytics cascade;"),
        _stmt("create schema analytics authorization ok_analytics_owner;"),
        _stmt("set role ok_owner;"),
        # App views hold no data; they are rebuilt after the revisions (after api and
        # analytics, which may read them; functions that read them are not dependencies
        # PostgreSQL tracks).
        _file(SQL_DIR / "03_drop_app_views.sql"),
    ]


def after_steps() -> list[Step]:
    return [
        _stmt("set role ok_owner;"),
        *map(_file, ordered(_files(VIEWS, "app."))),
        *map(_file, ordered(_files(FUNCTIONS, "auth.") + _files(FUNCTIONS, "app."))),
        *map(_file, ordered(_files(FUNCTIONS, "v3."))),
        *map(_file, ordered(_files(VIEWS, "api.") + _files(FUNCTIONS, "api."))),
        _stmt("set role ok_analytics_owner;"),
        # The analytics snapshots (materialized views) are computed as they are created, as
        # analytics.refresh_snapshots computes them: with a site admin's claims, under which
        # app.unit_finals shows every unit; for this transaction only.
        _stmt("select set_config('request.jwt.claims', "
              """'{"role": "ok_admin", "actor": "analytics refresh"}', true);"""),
        *map(_file, ordered(_files(VIEWS, "analytics.") + _files(FUNCTIONS, "analytics."))),
        _stmt("select set_config('request.jwt.claims', '', true);"),
        _stmt("reset role;"),  # grants span schemas of both owners
        _file(SQL_DIR / "99_grants.sql"),
        _stmt("notify pgrst, 'reload schema';"),
    ]


def run(cur, steps: list[Step]) -> None:
    """Online: execute each step through a psycopg2 cursor."""
    for step in steps:
        try:
            cur.execute(step.text())
        except Exception as exc:  # name the file: a bare SQL error is hard to place
            raise RuntimeError(f"{step.label}: {exc}") from exc


def render(steps: list[Step]) -> str:
    """Offline: the same steps as a psql script, each file under a comment naming it."""
    parts = []
    for step in steps:
        if step.path is None:
            parts.append(step.statement + "\n")
        else:
            body = step.text().rstrip("\n") + "\n"
            parts.append(f"-- {step.label}\n{body}")
    return "\n".join(parts)


def is_superuser(cur) -> bool:
    cur.execute("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")
    return bool(cur.fetchone()[0])


def bootstrap(cur) -> None:
    """Online bootstrap. Needs a superuser once; later runs by other logins only check."""
    if is_superuser(cur):
        run(cur, bootstrap_steps())
        return
    cur.execute("select count(*) from pg_namespace where nspname in ('app', 'auth', 'api', 'analytics')")
    if cur.fetchone()[0] != 4:
        raise RuntimeError(
            "The OK v3 roles and schemas do not exist and the migration user may not create "
            "them. Have a superuser run sql/00_extensions.sql, sql/01_roles.sql and "
            "sql/02_schemas.sql once (docs/migrations.md)."
        )
