-- 00_extensions.sql: extensions OK v3 relies on, kept out of the app schemas.
-- Run by: migrations/bootstrap (as a superuser), before alembic. Idempotent.
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists citext with schema extensions;
-- Statement statistics for DBAs (docs/operations.md): its numbers need the server to preload
-- it (scripts/pgcluster.sh and docker-compose.yml do); creating it needs nothing more.
create extension if not exists pg_stat_statements with schema extensions;
