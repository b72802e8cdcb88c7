-- app.grade_cells(course_id): every enrolled student's value in every grade column of the
-- course (app.grade_columns): the best active score among the column's source kinds, shared
-- across the student's current group (app.best_scores); 0 when there is none. One set-based
-- query; the gradebook page and the grades CSV both read it, so they cannot disagree.
-- Called by: api.gradebook, api.v3_course_grades_get (both definers that check the caller).
-- Security: invoker. Raises nothing.
-- requires: app.grade_columns.sql, app.best_scores.sql
create or replace function app.grade_cells(course_id bigint)
returns table (student_id bigint, col integer, value numeric, in_total boolean)
language sql
stable
as $$
  with columns as (
    select c.col, c.assignment_id, c.source_kinds, c.in_total from app.grade_columns(grade_cells.course_id) as c
  ),
  students as (
    select e.user_id from app.enrollments as e where e.course_id = grade_cells.course_id and e.role = 'student'
  ),
  best as (
    select b.student_id, b.assignment_id, b.kind, b.value from app.best_scores(grade_cells.course_id) as b
  )
  select s.user_id, c.col, coalesce(max(b.value), 0), c.in_total
  from students as s
  cross join columns as c
  left join best as b on b.student_id = s.user_id and b.assignment_id = c.assignment_id and b.kind = any(c.source_kinds)
  group by s.user_id, c.col, c.in_total
$$;

revoke all on function app.grade_cells(bigint) from public;
grant execute on function app.grade_cells(bigint) to ok_api;
