-- api.set_submission_time(key, at): staff override when one backup counts as submitted (null
-- clears the override). Separate from extensions: granting or revoking an extension never
-- touches it. Audited by the trigger on app.backups.
-- Security: definer as ok_api (the caller's RLS applies) (RLS: staff update their course's backups). Raises: PT401, PT404 unknown
-- key or not staff of its course (indistinguishable on purpose), PT422 bad date.
-- requires: auth.is_staff_of.sql
-- requires: app.require_login.sql, app.parse_course_time.sql
create or replace function api.set_submission_time(key text, at text default null)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.backups;
  tz text;
begin
  perform app.require_login();
  select b.* into target from app.backups as b
  where b.id = app.hashid_decode(key)
    and (auth.is_staff_of(b.course_id));
  if target.id is null then
    raise sqlstate 'PT404' using message = 'No backup with that key in your courses';
  end if;
  select c.timezone into tz from app.courses as c where c.id = target.course_id;
  update app.backups as b
  set custom_submission_time = case when at is null then null else app.parse_course_time(at, tz) end
  where b.id = target.id;
end;
$$;

revoke all on function api.set_submission_time(text, text) from public;
alter function api.set_submission_time(text, text) owner to ok_api;
grant execute on function api.set_submission_time(text, text) to ok_user;
comment on function api.set_submission_time(text, text) is 'Override when one backup counts as submitted (staff).';
