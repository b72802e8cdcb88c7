-- app.refresh_shared_best(course_id, assignment_id, user_ids, group_ids): brings
-- app.shared_best_scores up to date for one assignment after a change to its scores or
-- groups: the given users, the active members of their current groups and of the given groups
-- (everyone whose shared best the change may have moved) get their entry for the assignment
-- recomputed with app.shared_best; an entry with no score left is removed.
-- Concurrency: the assignment's shared-best lock (app.lock_shared_best, held to commit) is
-- taken by a statement of its own; the recomputation runs in the next statements, whose
-- snapshots (read committed) are taken after the lock, so they see every score and group
-- change that an earlier holder committed, and who is affected is decided in that snapshot
-- too. Rows of one student hold every assignment of the course: the upsert merges this
-- assignment's entry into the row as it stands when locked, so two assignments refreshed at
-- once both stay, and it locks the rows in student order, so two such refreshes cannot
-- deadlock on them.
-- Called by: the trigger functions app.tg_scores__shared_best and
-- app.tg_group_members__shared_best. Security: invoker (they run as ok_owner); executable by
-- its owner only. Raises nothing.
-- requires: app.shared_best.sql, app.lock_shared_best.sql
create or replace function app.refresh_shared_best(
  course_id bigint, assignment_id bigint, user_ids bigint[], group_ids bigint[]
)
returns void
language plpgsql
volatile
as $$
declare
  -- the students whose shared best the change may have moved (decided after the lock)
  affected bigint[];
begin
  perform app.lock_shared_best(refresh_shared_best.assignment_id);

  affected := array(
    -- each user with their current group's members, and the members of each given group,
    -- one id at a time (limit 1 keeps each subquery apart, so the id is applied inside the
    -- view and reaches its index; a join would group the whole assignment's memberships)
    select u.id from unnest(refresh_shared_best.user_ids) as u (id)
    union
    select m.id
    from unnest(refresh_shared_best.user_ids) as u (id)
    cross join lateral (
      select g.member_ids from app.current_groups as g
      where g.assignment_id = refresh_shared_best.assignment_id and g.user_id = u.id
      limit 1
    ) as g
    cross join lateral unnest(g.member_ids) as m (id)
    union
    select m.id
    from unnest(refresh_shared_best.group_ids) as gid (id)
    cross join lateral (
      select g.member_ids from app.current_groups as g
      where g.assignment_id = refresh_shared_best.assignment_id and g.group_id = gid.id
      limit 1
    ) as g
    cross join lateral unnest(g.member_ids) as m (id)
  );

  insert into app.shared_best_scores as s (course_id, user_id, best)
  select refresh_shared_best.course_id, b.student_id, jsonb_build_object(refresh_shared_best.assignment_id::text, b.kinds)
  from app.shared_best(refresh_shared_best.assignment_id, affected) as b
  -- a student with no score and no row yet needs none
  where b.kinds is not null
    or exists (
      select 1 from app.shared_best_scores as x
      where x.course_id = refresh_shared_best.course_id and x.user_id = b.student_id
    )
  order by b.student_id
  on conflict on constraint shared_best_scores_pkey do update
  -- a null entry (no score left) is stripped
  set best = jsonb_strip_nulls(s.best || excluded.best)
  where s.best is distinct from jsonb_strip_nulls(s.best || excluded.best);
end;
$$;

revoke all on function app.refresh_shared_best(bigint, bigint, bigint[], bigint[]) from public;
