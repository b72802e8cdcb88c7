-- app.tg__audit(): after-row trigger that appends one app.audit_log row per change:
-- who (auth.user_id() and auth.actor(); while a site admin acts as someone, that someone,
-- and the admin in real_actor_id from auth.sudo_by()), when, which table and row, before
-- and after.
-- Called by: triggers _900_audit on audited tables (enrollments, assignments, courses, ...).
-- Security: definer, so that callers need no insert privilege on app.audit_log and cannot
-- write audit rows of their own making. Raises nothing of its own.
create or replace function app.tg__audit()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  old_row jsonb := case when TG_OP in ('UPDATE', 'DELETE') then to_jsonb(OLD) end;
  new_row jsonb := case when TG_OP in ('INSERT', 'UPDATE') then to_jsonb(NEW) end;
  any_row jsonb := coalesce(new_row, old_row);
begin
  if TG_OP = 'UPDATE' and old_row = new_row then
    return null;
  end if;
  insert into app.audit_log (actor_id, real_actor_id, actor, action, table_name, row_key, course_id, before, after)
  values (
    auth.user_id(),
    auth.sudo_by(),
    auth.actor(),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(any_row -> 'id', jsonb_build_object(
      'user_id', any_row -> 'user_id', 'course_id', any_row -> 'course_id')),
    case when TG_TABLE_NAME = 'courses' then (any_row ->> 'id')::bigint
         else (any_row ->> 'course_id')::bigint end,
    old_row,
    new_row
  );
  return null;
end;
$$;

revoke all on function app.tg__audit() from public;
