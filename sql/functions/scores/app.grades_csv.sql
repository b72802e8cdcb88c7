-- app.grades_csv(course_id): the course's grades as CSV (RFC 4180), okpy/ok's format, said
-- once: Email, SID, then one column per grade column of app.grade_columns, titled
-- "<display name> (<Type>)", with the values of app.grade_cells (the gradebook page's
-- definition); one line per enrolled student, by email. Text cells go through v3.csv_field.
-- Called by: api.v3_course_grades_get (the v3 export), api.grades_csv (the gradebook's
-- download). Security: invoker (inside those definers, after their access checks).
-- Raises nothing.
-- requires: v3.csv_field.sql, app.grade_cells.sql, app.grade_columns.sql
create or replace function app.grades_csv(course_id bigint)
returns text
language plpgsql
stable
as $$
begin
  -- plpgsql: v3.csv_field is created after the app functions (a SQL body would be checked
  -- against it on creation)
  return (
  with columns as (
    select c.col, c.title from app.grade_columns(grades_csv.course_id) as c
  ),
  students as (
    select u.id, u.email::text as email, e.sid
    from app.enrollments as e
    inner join app.users as u on e.user_id = u.id
    where e.course_id = grades_csv.course_id and e.role = 'student'
  ),
  rows_out as (
    select
      g.student_id,
      (
        select string_agg(trim_scale(v.value)::text, ',' order by v.col)
        from unnest(g.cells) with ordinality as v (value, col)
      ) as line
    from app.grade_cells(grades_csv.course_id) as g
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
  );
end;
$$;

revoke all on function app.grades_csv(bigint) from public;
grant execute on function app.grades_csv(bigint) to ok_api;
