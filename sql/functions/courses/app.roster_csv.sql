-- app.roster_csv(course_id, roles): a course's roster as CSV (RFC 4180, CRLF line ends), said
-- once: email,name,sid,class_account,section,role with the role as people write it
-- (app.course_role_label), by email; only the roles given. The roster import
-- (api.roster_import) reads the same columns back. Text cells go through v3.csv_field.
-- Called by: api.v3_course_roster_get (students: okpy/ok's export), api.roster_csv (the
-- roster page's download, every role). Security: invoker, granted to ok_api only (its callers
-- check who may read the roster first). Raises nothing.
-- requires: v3.csv_field.sql, app.course_role_label.sql
create or replace function app.roster_csv(course_id bigint, roles app.course_role[])
returns text
language plpgsql
stable
as $$
begin
  -- plpgsql: v3.csv_field is created after the app functions (a SQL body would be checked
  -- against it at creation)
  return (
    select 'email,name,sid,class_account,section,role' || E'\r\n' || coalesce(string_agg(
      concat_ws(',', v3.csv_field(u.email::text), v3.csv_field(u.name), v3.csv_field(e.sid),
                v3.csv_field(e.class_account), v3.csv_field(e.section), app.course_role_label(e.role)) || E'\r\n',
      '' order by u.email), '')
    from app.enrollments as e
    inner join app.users as u on e.user_id = u.id
    where e.course_id = roster_csv.course_id and e.role = any(roster_csv.roles)
  );
end;
$$;

revoke all on function app.roster_csv(bigint, app.course_role[]) from public;
grant execute on function app.roster_csv(bigint, app.course_role[]) to ok_api;
