-- 99_grants.sql: schema-level grants, applied after api and analytics are rebuilt.
-- Object-level grants live beside each definition in sql/functions and sql/views.
-- Run by: migrations/replaceables.py after every upgrade. Idempotent.
grant usage on schema api to ok_anon, ok_user, ok_worker, ok_auth;
grant usage on schema analytics to ok_analytics;
revoke all on schema alembic from public;
-- The pseudonymous exports (api.job_final_submissions, api.job_backups: definers owned by
-- ok_owner) name students by analytics.student_key, the one pseudonym researchers see.
grant usage on schema analytics to ok_owner;
-- The research export (api.job_research_export) and the admin's analytics page
-- (api.admin_analytics_page), definers owned by ok_owner, read the analytics snapshots.
grant select on all tables in schema analytics to ok_owner;
