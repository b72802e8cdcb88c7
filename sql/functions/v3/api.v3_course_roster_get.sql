-- api.v3_course_roster_get(): GET /api/v3/course/<offering>/roster and .../export/roster:
-- the students as CSV (app.roster_csv: email,name,sid,class_account,section,role; CRLF line
-- ends; role in display form), with the requester (an email, or "export_access_token").
-- Security: definer, after v3.course_access(). Answers 401/403/404 from it.
-- requires: v3.course_access.sql, app.roster_csv.sql
create or replace function api.v3_course_roster_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  access jsonb := v3.course_access();
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  return v3.reply(200, jsonb_build_object(
    'requester', access ->> 'requester',
    'roster', app.roster_csv((access ->> 'course_id')::bigint, array['student']::app.course_role[])
  ));
end;
$$;

revoke all on function api.v3_course_roster_get() from public;
grant execute on function api.v3_course_roster_get() to ok_anon, ok_user;
comment on function api.v3_course_roster_get() is
'GET /api/v3/course/<offering>/[export/]roster: students as CSV (staff or export token).';
