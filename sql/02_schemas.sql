-- 02_schemas.sql: schemas, their owner, and default privileges (nothing to PUBLIC).
-- Run by: migrations/bootstrap, before alembic. Idempotent.
--   app        private tables and core logic; holds state; changed by migrations
--   auth       claim helpers and credential tables; holds state; never rebuilt
--   api        views and functions for clients only; rebuilt after every upgrade
--   analytics  PII-free views for Metabase; rebuilt after every upgrade
--   alembic    alembic's version table
do $grant$
begin
  -- The connecting (migration) user must be able to act as the owner.
  execute format('grant ok_owner, ok_analytics_owner to %I', current_user);
  execute format('grant create, connect on database %I to ok_owner', current_database());
  -- No role of ours but an owner may create temporary objects: a pg_temp type or table can shadow
  -- pg_catalog's for any function that searches pg_temp first. PUBLIC holds TEMP on every
  -- new database (a clone of a template too), so this is repeated on each upgrade.
  execute format('revoke temporary on database %I from public', current_database());
  execute format('revoke temporary on database %I from ok_owner', current_database());
  -- But the analytics snapshots' owner: refresh materialized view concurrently needs a
  -- temporary table of its own. No login can act as it (its definers are
  -- analytics.refresh_snapshots and analytics.student_key, which create nothing named).
  execute format('grant temporary on database %I to ok_analytics_owner', current_database());
  execute format('grant connect on database %I to authenticator, ok_analytics', current_database());
end
$grant$;

create schema if not exists app authorization ok_owner;
create schema if not exists auth authorization ok_owner;
create schema if not exists api authorization ok_owner;
create schema if not exists analytics authorization ok_analytics_owner;
create schema if not exists alembic authorization ok_owner;

-- api views run as the caller (security_invoker), so request roles need usage on app
-- and auth; RLS and table grants decide what they see.
grant usage on schema app, auth to ok_anon, ok_user, ok_worker, ok_auth, ok_analytics_owner;
grant usage on schema extensions to ok_owner, ok_anon, ok_user, ok_worker, ok_auth, ok_analytics_owner;
revoke all on schema public from public;

alter default privileges for role ok_owner revoke execute on functions from public;
alter default privileges for role ok_analytics_owner revoke execute on functions from public;
alter default privileges for role ok_owner revoke all on tables from public;
