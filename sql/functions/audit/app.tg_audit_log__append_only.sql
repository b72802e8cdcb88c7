-- app.tg_audit_log__append_only(): refuses any update, delete or truncate of app.audit_log.
-- Nobody, admins and the owner included, rewrites history; only a migration that drops
-- this trigger can. Called by: triggers _001_append_only on app.audit_log.
-- Security: invoker. Raises: 42501 'audit log is append-only'.
create or replace function app.tg_audit_log__append_only()
returns trigger
language plpgsql
volatile
as $$
begin
  raise insufficient_privilege using message = 'audit log is append-only';
end;
$$;

revoke all on function app.tg_audit_log__append_only() from public;
