-- app.shared_best(assignment_id, student_ids): the rule for sharing scores in a group, said
-- once: each given student's best active (not archived) score of each kind on the assignment,
-- taken over their unit, the active members of their current group (app.current_groups), or
-- the student alone when they are in none. One row per distinct student: kinds is a jsonb
-- object {"<kind>": best value}, or null when the unit has no active score.
-- Called by: app.refresh_shared_best, which keeps app.shared_best_scores (the summary the
-- gradebook and the grades CSV read, through app.grade_cells) with it. Meant for the few
-- students one change touches; revision 0019 fills the summary for every student at once.
-- Security: invoker (and plain SQL, so it is inlined into its caller's cached plan);
-- executable by its owner only (the trigger functions run as ok_owner).
-- Raises nothing.
create or replace function app.shared_best(assignment_id bigint, student_ids bigint[])
returns table (student_id bigint, kinds jsonb)
language sql
stable
as $$
  with students as (
    select distinct s.id from unnest(shared_best.student_ids) as s (id)
  ),
  scorers as (
    select s.id as student_id, m.scorer_id
    from students as s
    -- one student at a time (limit 1 keeps the subquery apart, so the student's id is
    -- applied inside the view and reaches its index; a join would group the whole
    -- assignment's memberships first)
    cross join lateral (
      select coalesce((
        select g.member_ids from app.current_groups as g
        where g.assignment_id = shared_best.assignment_id and g.user_id = s.id
        limit 1
      ), array[s.id]) as member_ids
    ) as unit
    cross join lateral unnest(unit.member_ids) as m (scorer_id)
  ),
  best as (
    select p.student_id, sc.kind, max(sc.value) as value
    from scorers as p
    inner join app.scores as sc
      on sc.assignment_id = shared_best.assignment_id and p.scorer_id = sc.user_id and not sc.archived
    group by p.student_id, sc.kind
  )
  select s.id, jsonb_object_agg(b.kind, b.value) filter (where b.kind is not null)
  from students as s
  left join best as b on s.id = b.student_id
  group by s.id
$$;

revoke all on function app.shared_best(bigint, bigint[]) from public;
