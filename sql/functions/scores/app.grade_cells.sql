-- app.grade_cells(course_id): every enrolled student's value in every grade column of the
-- course (app.grade_columns): the best active score among the column's source kinds, shared
-- across the student's current group (the rule okpy/ok's exports used: the active members of
-- a group share the best score of each kind); 0 when there is none. One set-based query; the
-- gradebook page and the grades CSV both read it, so they cannot disagree.
-- How: scores go to their columns first, and are reduced to the best per column and sharing
-- unit (the scorer's active group for the assignment, or the scorer alone when they have
-- none); each student then takes their unit's value, so a group's members are credited once
-- per column rather than once per score.
-- Called by: api.gradebook, api.v3_course_grades_get (both definers that check the caller).
-- Security: invoker. Raises nothing.
-- requires: app.grade_columns.sql
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
  per_unit as (
    select c.col, gm.group_id, case when gm.group_id is null then sc.user_id end as solo_id, max(sc.value) as value
    from app.scores as sc
    inner join (
      select c.col, c.assignment_id, k.kind from columns as c cross join lateral unnest(c.source_kinds) as k (kind)
    ) as c on sc.assignment_id = c.assignment_id and sc.kind = c.kind
    left join app.group_members as gm
      on sc.assignment_id = gm.assignment_id and sc.user_id = gm.user_id and gm.status = 'active'
    where sc.course_id = grade_cells.course_id and not sc.archived
    group by c.col, gm.group_id, case when gm.group_id is null then sc.user_id end
  ),
  -- One row per student and column at most: a student is an active member of at most one
  -- group per assignment, and is a unit alone only when they are in none.
  credited as (
    select coalesce(gm.user_id, u.solo_id) as student_id, u.col, u.value
    from per_unit as u
    left join app.group_members as gm on u.group_id = gm.group_id and gm.status = 'active'
  )
  select s.user_id, c.col, coalesce(cr.value, 0), c.in_total
  from students as s
  cross join columns as c
  left join credited as cr on s.user_id = cr.student_id and c.col = cr.col
$$;

revoke all on function app.grade_cells(bigint) from public;
grant execute on function app.grade_cells(bigint) to ok_api;
