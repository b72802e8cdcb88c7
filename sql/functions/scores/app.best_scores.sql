-- app.best_scores(course_id): for every student of the course and every assignment, the best
-- active score per kind among the student and the active members of their current group (the
-- rule okpy/ok's exports used: group members share the best score of each kind). One
-- set-based query. Called by: app.grade_cells (the gradebook and the grades CSV: both definer, both
-- check the caller first). Security: invoker. Raises nothing.
create or replace function app.best_scores(course_id bigint)
returns table (student_id bigint, assignment_id bigint, kind text, value numeric)
language sql
stable
as $$
  with students as (
    select e.user_id from app.enrollments as e where e.course_id = best_scores.course_id and e.role = 'student'
  ),
  owners as (
    select s.user_id as student_id, a.id as assignment_id, coalesce(mates.user_id, s.user_id) as owner_id
    from students as s
    cross join app.assignments as a
    left join app.group_members as mine on mine.assignment_id = a.id and mine.user_id = s.user_id and mine.status = 'active'
    left join app.group_members as mates on mates.group_id = mine.group_id and mates.status = 'active'
    where a.course_id = best_scores.course_id
  )
  select o.student_id, o.assignment_id, sc.kind, max(sc.value)
  from owners as o
  inner join app.scores as sc on sc.assignment_id = o.assignment_id and sc.user_id = o.owner_id and not sc.archived
  group by o.student_id, o.assignment_id, sc.kind
$$;

revoke all on function app.best_scores(bigint) from public;
