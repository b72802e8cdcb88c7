-- api.assign_grading(assignment, graders, kind): split the final submissions of an assignment
-- among the chosen graders, evenly and deterministically: backups that already have a task
-- (of any kind) are skipped; the rest, in backup-id order, are cut into contiguous chunks of
-- near-equal size, one per grader in email order. Returns {grader email: tasks given}.
-- Called by: staff pages. Security: definer as ok_api (the caller's RLS applies) (RLS: staff write their course's tasks).
-- Raises: PT401; PT404 unknown assignment; PT403 not a TA or instructor; PT422 no graders, or
-- a grader who is not staff of the course.
-- requires: auth.staff_roles.sql
-- requires: app.assignment_for_change.sql, app.unit_finals.sql
create or replace function api.assign_grading(assignment text, graders text[], kind text default 'composition')
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  grader_ids bigint[];
  given jsonb;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can assign grading';
  end if;
  select array_agg(u.id order by lower(u.email)) into grader_ids
  from app.users as u
  inner join app.enrollments as e on e.user_id = u.id and e.course_id = target.course_id
    and e.role::text = any(auth.staff_roles())
  where lower(u.email) = any(select lower(g) from unnest(graders) as g);
  if grader_ids is null or cardinality(grader_ids) <> (select count(distinct lower(g)) from unnest(graders) as g) then
    raise sqlstate 'PT422' using message = 'Every grader must be staff of the course';
  end if;
  with todo as (
    select f.backup_id, row_number() over (order by f.backup_id) - 1 as n, count(*) over () as total
    from app.unit_finals(target.assignment_id) as f
    where f.backup_id is not null
      and not exists (select 1 from app.grading_tasks as t where t.backup_id = f.backup_id)
  ),
  inserted as (
    insert into app.grading_tasks (assignment_id, course_id, backup_id, grader_id, kind)
    select target.assignment_id, target.course_id, d.backup_id,
           grader_ids[1 + (d.n * cardinality(grader_ids)) / d.total], lower(btrim(assign_grading.kind))
    from todo as d
    returning grader_id
  )
  select coalesce(jsonb_object_agg(u.email, c.n), '{}') into given
  from (select i.grader_id, count(*) as n from inserted as i group by i.grader_id) as c
  inner join app.users as u on c.grader_id = u.id;
  return given;
end;
$$;

revoke all on function api.assign_grading(text, text[], text) from public;
alter function api.assign_grading(text, text[], text) owner to ok_api;
grant execute on function api.assign_grading(text, text[], text) to ok_user;
comment on function api.assign_grading(text, text[], text) is 'Split final submissions among graders (TAs, instructors).';
