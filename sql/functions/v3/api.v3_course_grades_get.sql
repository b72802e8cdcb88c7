-- api.v3_course_grades_get(): GET /api/v3/course/<offering>/grades and .../export/grades:
-- the gradebook as CSV, okpy/ok's format: Email, SID, then one column per grade column of
-- app.grade_columns, titled "<display name> (<Type>)" (okpy/ok's total, composition, revision
-- and checkpoints, then any other published kind, which okpy/ok dropped), with the values of
-- app.grade_cells: the same definition as the gradebook page. One set-based query.
-- Security: definer, after v3.course_access(). Answers 401/403/404 from it.
-- requires: v3.course_access.sql, v3.csv_field.sql, app.grade_cells.sql
create or replace function api.v3_course_grades_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  access jsonb := v3.course_access();
  grade_course_id bigint;
  csv text;
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  grade_course_id := (access ->> 'course_id')::bigint;
  with columns as (
    select c.col, c.title from app.grade_columns(grade_course_id) as c
  ),
  students as (
    select u.id, u.email::text as email, e.sid
    from app.enrollments as e
    inner join app.users as u on e.user_id = u.id
    where e.course_id = grade_course_id and e.role = 'student'
  ),
  rows_out as (
    select
      g.student_id,
      (
        select string_agg(trim_scale(v.value)::text, ',' order by v.col)
        from unnest(g.cells) with ordinality as v (value, col)
      ) as line
    from app.grade_cells(grade_course_id) as g
  )
  select
    concat_ws(',', 'Email', 'SID', (select string_agg(v3.csv_field(c.title), ',' order by c.col) from columns as c))
    || E'\r\n'
    || coalesce((
      select string_agg(concat_ws(',', v3.csv_field(s.email), v3.csv_field(s.sid), r.line) || E'\r\n', ''
                        order by s.email)
      from students as s
      left join rows_out as r on r.student_id = s.id
    ), '')
  into csv;
  return v3.reply(200, jsonb_build_object('requester', access ->> 'requester', 'grades', csv));
end;
$$;

revoke all on function api.v3_course_grades_get() from public;
grant execute on function api.v3_course_grades_get() to ok_anon, ok_user;
comment on function api.v3_course_grades_get() is
'GET /api/v3/course/<offering>/[export/]grades: the gradebook as CSV (staff or export token).';
