-- app.grade_cells(course_id): every enrolled student's row of the course's grades: one value
-- per grade column (app.grade_columns), in column order, and their total (the columns marked
-- in_total). A value is the best among the column's source kinds of the student's shared
-- best scores (group members share the best active score of each kind: app.shared_best,
-- kept per student in app.shared_best_scores); 0 when there is none. One set-based query over
-- one summary row per student; the gradebook page and the grades CSV both read it, so they
-- cannot disagree.
-- Called by: api.gradebook, api.v3_course_grades_get (both definers that check the caller).
-- Security: invoker. Raises nothing.
-- requires: app.grade_columns.sql
create or replace function app.grade_cells(course_id bigint)
returns table (student_id bigint, cells numeric[], total numeric)
language sql
stable
as $$
  with columns as materialized (
    select c.col, c.assignment_id::text as assignment_key, c.source_kinds, c.in_total
    from app.grade_columns(grade_cells.course_id) as c
  )
  select e.user_id, row_values.cells, row_values.total
  from app.enrollments as e
  left join app.shared_best_scores as s on e.course_id = s.course_id and e.user_id = s.user_id
  cross join lateral (
    select
      coalesce(array_agg(coalesce(v.value, 0) order by c.col), '{}') as cells,
      coalesce(sum(coalesce(v.value, 0)) filter (where c.in_total), 0) as total
    from columns as c
    cross join lateral (
      select max((s.best -> c.assignment_key ->> k.kind)::numeric) as value
      from unnest(c.source_kinds) as k (kind)
    ) as v
  ) as row_values
  where e.course_id = grade_cells.course_id and e.role = 'student'
$$;

revoke all on function app.grade_cells(bigint) from public;
grant execute on function app.grade_cells(bigint) to ok_api;
