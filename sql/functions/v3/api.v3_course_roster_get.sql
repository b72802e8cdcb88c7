-- api.v3_course_roster_get(): GET /api/v3/course/<offering>/roster and .../export/roster:
-- the students as CSV (email,name,sid,class_account,section,role; CRLF line ends; role in
-- display form), with the requester (an email, or "export_access_token").
-- Security: definer, after v3.course_access(). Answers 401/403/404 from it.
-- requires: v3.course_access.sql, v3.csv_field.sql
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
    'roster', (
      select 'email,name,sid,class_account,section,role' || E'\r\n' || coalesce(string_agg(
        concat_ws(',', v3.csv_field(u.email::text), v3.csv_field(u.name), v3.csv_field(e.sid),
                  v3.csv_field(e.class_account), v3.csv_field(e.section), 'Student') || E'\r\n',
        '' order by u.email), '')
      from app.enrollments as e
      inner join app.users as u on e.user_id = u.id
      where e.course_id = (access ->> 'course_id')::bigint and e.role = 'student'
    )
  ));
end;
$$;

revoke all on function api.v3_course_roster_get() from public;
grant execute on function api.v3_course_roster_get() to ok_anon, ok_user;
comment on function api.v3_course_roster_get() is
'GET /api/v3/course/<offering>/[export/]roster: students as CSV (staff or export token).';
