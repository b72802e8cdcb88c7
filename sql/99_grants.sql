-- 99_grants.sql: schema-level grants, applied after api and analytics are rebuilt.
-- Object-level grants live beside each definition in sql/functions and sql/views.
-- Run by: migrations/replaceables.py after every upgrade. Idempotent.
grant usage on schema api to ok_anon, ok_user, ok_worker, ok_auth;
grant usage on schema analytics to ok_analytics;
revoke all on schema alembic from public;
