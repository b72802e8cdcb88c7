"""Migrations: empty -> head, head -> base -> head, the drift check against the snapshot, and the
offline script (alembic upgrade head --sql) applied with psql."""

from __future__ import annotations

import os
import subprocess

import psycopg2
import pytest

from tests.py import dbutil, schema_snapshot
from web.settings import ROOT


@pytest.fixture
def empty_db():
    name = "okv3_migrate_test"
    url = dbutil.create_empty(name)
    yield url
    dbutil.drop(name)


def _count(url: str, sql: str) -> int:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


def test_empty_to_head_matches_the_committed_snapshot(empty_db):
    dbutil.migrate(empty_db)
    assert schema_snapshot.drift(empty_db) == ""
    assert _count(empty_db, "select count(*) from alembic.alembic_version") == 1
    assert _count(empty_db, "select count(*) from auth.oauth_clients where client_id = 'ok-client' and active") == 1


def test_head_to_base_and_back_gives_the_same_schema(empty_db):
    dbutil.migrate(empty_db)
    first = dbutil.dump_schema(empty_db)
    dbutil.migrate(empty_db, "base", "downgrade")
    assert _count(empty_db, "select count(*) from pg_tables where schemaname in ('app', 'auth')") == 0
    assert _count(empty_db, "select count(*) from pg_views where schemaname = 'api'") == 0
    dbutil.migrate(empty_db)
    assert dbutil.dump_schema(empty_db) == first


def test_upgrading_again_is_harmless(empty_db):
    dbutil.migrate(empty_db)
    dbutil.migrate(empty_db)
    assert schema_snapshot.drift(empty_db) == ""


def test_drift_check_catches_a_schema_edit_without_a_migration(empty_db):
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("alter table app.backups add column sneaky text")
    diff = schema_snapshot.drift(empty_db)
    assert "+    sneaky text" in diff


def test_drift_check_catches_a_dropped_policy(empty_db):
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("drop policy backups_select on app.backups")
    assert "backups_select" in schema_snapshot.drift(empty_db)


def test_drift_check_names_the_table_file_that_differs(empty_db):
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("create index sneaky_idx on app.scores (kind)")
    diff = schema_snapshot.drift(empty_db)
    assert "sql/tables/scores/app.scores.sql" in diff and "sneaky_idx" in diff
    assert "app.backups.sql" not in diff


def test_drift_check_catches_a_function_that_is_not_its_file(empty_db):
    """Functions are checked against their own files: a body edited in place, a leftover
    function no file defines, and a stale overload left behind by a changed signature."""
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("create or replace function app.late_by(submission_time timestamptz, effective_due timestamptz) "
                    "returns interval language sql immutable as $$ select interval '0' $$")
        cur.execute("create function app.forgotten() returns int language sql as $$ select 1 $$")
        cur.execute("create function app.human_interval(a interval, b int) returns text "
                    "language sql as $$ select '' $$")
    problems = schema_snapshot.drift(empty_db)
    assert "app.late_by: its body differs from sql/functions/submissions/app.late_by.sql" in problems
    assert "app.forgotten: in the database, but no sql/functions or sql/views file defines it" in problems
    assert "app.human_interval: 2 in the database, 1 in sql/functions/courses/app.human_interval.sql" in problems


def test_drift_check_catches_a_function_whose_owner_rights_or_grants_are_not_its_file_s(empty_db):
    """Who a function runs as and who may call it are checked against its file too: a definer
    handed back to ok_owner would see every row past the caller's row-level security."""
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("alter function api.staff_assignment_page(text) owner to ok_owner")
        cur.execute("grant execute on function app.late_by(timestamptz, timestamptz) to ok_user")
        cur.execute("alter function app.human_interval(interval) security definer")
    problems = schema_snapshot.drift(empty_db)
    assert ("api.staff_assignment_page: owned by ok_owner, "
            "sql/functions/submissions/api.staff_assignment_page.sql says ok_api") in problems
    assert "app.late_by: executable by ['ok_api', 'ok_user'] in the database, by ['ok_api'] in" in problems
    assert "app.human_interval: security definer in the database, not in" in problems


def test_sql_text_with_colon_words_survives_the_migration_path(empty_db):
    """The :word trap: function bodies pass through the raw driver, not sqlalchemy.text()."""
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("select prosrc from pg_proc where proname = 'parse_course_time'")
        assert "'(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'" in cur.fetchone()[0]


@pytest.fixture
def second_empty_db():
    name = "okv3_migrate_offline_test"
    url = dbutil.create_empty(name)
    yield url
    dbutil.drop(name)


def test_offline_script_applied_with_psql_matches_online_and_the_snapshot(empty_db, second_empty_db, tmp_path):
    """`alembic upgrade head --sql` is the whole upgrade a DBA reviews and runs with psql."""
    script = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "alembic"), "upgrade", "head", "--sql"],
        cwd=ROOT, check=True, capture_output=True, text=True, env=dict(os.environ, DATABASE_URL="postgresql://offline.invalid/none"),
    ).stdout
    statements = [line for line in script.splitlines() if line in ("BEGIN;", "COMMIT;")]
    assert statements == ["BEGIN;", "COMMIT;"], "one transaction, as online"
    for expected in ("-- sql/00_extensions.sql", "-- sql/03_drop_app_views.sql",
                     "-- migrations/versions/0001_data_model.upgrade.sql", "INSERT INTO alembic.alembic_version",
                     "-- sql/99_grants.sql", "notify pgrst, 'reload schema';", "set role ok_analytics_owner;"):
        assert expected in script, expected
    path = tmp_path / "upgrade.sql"
    path.write_text(script)
    subprocess.run([str(dbutil.PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path), second_empty_db],
                   check=True, capture_output=True, text=True)
    offline = dbutil.dump_schema(second_empty_db)
    assert schema_snapshot.drift(second_empty_db) == ""
    dbutil.migrate(empty_db)
    assert dbutil.dump_schema(empty_db) == offline
    head = "select version_num from alembic.alembic_version"
    with psycopg2.connect(second_empty_db) as a, a.cursor() as ca, psycopg2.connect(empty_db) as b, b.cursor() as cb:
        ca.execute(head)
        cb.execute(head)
        assert ca.fetchall() == cb.fetchall()


def test_offline_script_without_bootstrap_below_head_has_no_replaceables():
    script = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "alembic"), "-x", "bootstrap=no", "upgrade", "0008:0009", "--sql"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    assert "-- migrations/versions/0009_oauth_pkce_limits.upgrade.sql" in script
    assert "-- sql/00_extensions.sql" not in script and "-- sql/99_grants.sql" not in script
