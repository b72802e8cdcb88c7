"""Migrations: empty -> head, head -> base -> head, and the drift check against the snapshot."""

from __future__ import annotations

import psycopg2
import pytest

from tests.py import dbutil, schema_snapshot


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
    assert schema_snapshot.drift(dbutil.dump_schema(empty_db)) == ""
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
    assert schema_snapshot.drift(dbutil.dump_schema(empty_db)) == ""


def test_drift_check_catches_a_schema_edit_without_a_migration(empty_db):
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("alter table app.backups add column sneaky text")
    diff = schema_snapshot.drift(dbutil.dump_schema(empty_db))
    assert "+    sneaky text" in diff


def test_drift_check_catches_a_dropped_policy(empty_db):
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("drop policy backups_select on app.backups")
    assert "backups_select" in schema_snapshot.drift(dbutil.dump_schema(empty_db))


def test_sql_text_with_colon_words_survives_the_migration_path(empty_db):
    """The :word trap: function bodies pass through the raw driver, not sqlalchemy.text()."""
    dbutil.migrate(empty_db)
    with psycopg2.connect(empty_db) as conn, conn.cursor() as cur:
        cur.execute("select prosrc from pg_proc where proname = 'parse_course_time'")
        assert "'(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'" in cur.fetchone()[0]
