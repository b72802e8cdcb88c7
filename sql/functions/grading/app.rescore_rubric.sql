-- app.rescore_rubric(rubric_id): after a rubric changed (an item's points, its starting
-- points or bounds), every active score it computed whose value changes is rescored in one
-- statement: the score archived (history kept, as every new score archives the one before),
-- a new one recorded with the same grader, message and rubric, worth app.rubric_value of its
-- applied items, which it keeps with their notes. Scores whose value stays are left alone.
-- Takes the assignment's scores lock (app.lock_shared_best) first, as every change to scores
-- does. Returns how many scores were rescored.
-- Called by: api.save_rubric, api.edit_rubric_item (after their change, in their
-- transaction). Security: definer (the new scores keep their graders, which the caller's
-- row-level security would refuse: only the caller's own scores may be written as theirs);
-- the callers check that the caller is a TA or instructor of the course first.
-- Raises: PT422 when a rescored value would be beyond +/-1e15 (nothing changes).
-- requires: app.lock_shared_best.sql, app.rubric_value.sql
create or replace function app.rescore_rubric(rubric_id bigint)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  changed app.rubrics;
  rescored integer;
begin
  select r.* into changed from app.rubrics as r where r.id = rescore_rubric.rubric_id;
  perform app.lock_shared_best(changed.assignment_id);
  if exists (
    select 1 from app.scores as s
    where s.rubric_id = changed.id and not s.archived
      and not app.rubric_value(changed.start_points, changed.min_points, changed.max_points, (
        select sum(i.points) from app.score_rubric_items as a inner join app.rubric_items as i on a.item_id = i.id
        where a.score_id = s.id
      )) between -1e15 and 1e15
  ) then
    raise sqlstate 'PT422' using message = 'This change would give a score beyond what a score may be (+/-1e15): set bounds';
  end if;
  with recomputed as (
    select
      s.id,
      app.rubric_value(changed.start_points, changed.min_points, changed.max_points, (
        select sum(i.points)
        from app.score_rubric_items as a
        inner join app.rubric_items as i on a.item_id = i.id
        where a.score_id = s.id
      )) as value
    from app.scores as s
    where s.rubric_id = changed.id and not s.archived
  ),

  archived as (
    update app.scores as s
    set archived = true
    from recomputed as c
    where s.id = c.id and s.value <> c.value
    returning s.id, s.backup_id, s.assignment_id, s.course_id, s.user_id, s.grader_id, s.kind, s.message,
    c.value as new_value
  ),

  -- the insert reads each archived row as the update returns it: the old score is already
  -- archived when its successor takes its place among the active scores (one per kind)
  rescored as (
    insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message, rubric_id)
    select o.backup_id, o.assignment_id, o.course_id, o.user_id, o.grader_id, o.kind, o.new_value, o.message, changed.id
    from archived as o
    returning id, backup_id
  ),

  -- the items go with the score; its backup names it (one active score per backup and kind)
  kept_items as (
    insert into app.score_rubric_items (score_id, item_id, course_id, note)
    select n.id, a.item_id, a.course_id, a.note
    from rescored as n
    inner join archived as o on n.backup_id = o.backup_id
    inner join app.score_rubric_items as a on o.id = a.score_id
    returning score_id
  )

  select count(*) into rescored from rescored;
  return rescored;
end;
$$;

revoke all on function app.rescore_rubric(bigint) from public;
grant execute on function app.rescore_rubric(bigint) to ok_api;
