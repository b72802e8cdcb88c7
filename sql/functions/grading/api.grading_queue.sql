-- api.grading_queue(assignment): everything the staff queue page of an assignment shows, in
-- one call:
--   {"name", "display_name", "offering", "timezone",
--    "my_tasks": [{"task_id", "backup_key", "kind", "members": [emails], "done", "score",
--                  "created_at"}, ...]  the caller's tasks, open ones first, in queue order;
--                  score is the backup's active score of the task's kind (by anyone);
--    "next_key": the backup of the caller's next open task (what "Grade next" opens), or null;
--    "progress": [{"grader", "tasks", "done", "remaining", "mine"}, ...] every grader of the
--                assignment, the most outstanding first;
--    "unqueued": [{"members", "backup_key", "reason"}, ...] final submissions in no queue
--                (api.unqueued_submissions);
--    "can_reassign": whether the caller may move tasks between graders (a TA or instructor
--                    of the course, or an admin: auth.is_ta_of),
--    "regrades": regrade requests on the backups of the caller's tasks, open first
--                (app.regrades_json)}
-- A unit's members are its current group's (app.current_groups), like every other page.
-- Called by: GET /staff/<assignment>/queue. Security: definer (ok_owner): app.require_staff
-- refuses anyone but the course's staff (with a reason) first; then it reads the course's
-- tasks, backups and users as its staff may, and the units' members from app.current_groups
-- (owner-only), one index lookup per task. Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, api.unqueued_submissions.sql, app.hashid_encode.sql
-- requires: auth.is_ta_of.sql, app.regrades_json.sql
create or replace function api.grading_queue(assignment text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint;
  -- the caller, once (auth.user_id() reads the request's claims: costly once per row)
  me bigint := auth.user_id();
begin
  -- first, and always: the refusal must not depend on which rows the caller can see
  allowed_course := app.require_staff(grading_queue.assignment, 'assignment');
  return (
    with target as materialized (
      select a.id, a.name, a.display_name, c.offering, c.timezone
      from app.assignments as a
      inner join app.courses as c on a.course_id = c.id
      where a.name = grading_queue.assignment and c.id = allowed_course
    ),
    tasks as materialized (
      select t.id, t.backup_id, t.grader_id, t.kind, t.score_id
      from target as a inner join app.grading_tasks as t on a.id = t.assignment_id
    ),
    mine as materialized (
      select t.id, t.backup_id, t.kind, t.score_id, b.submitter_id, b.created_at
      from tasks as t inner join app.backups as b on t.backup_id = b.id
      where t.grader_id = me
    ),
    -- each of my tasks' unit: the submitter's current group (one index lookup each: limit 1
    -- keeps the subquery apart, so the id reaches the view's index), or the submitter alone;
    -- the members' emails in one join for all the tasks
    members as (
      select m.task_id, array_agg(u.email::text order by u.email) as emails
      from (
        select t.id as task_id, unnest(coalesce((
          select g.member_ids from target as a
          inner join app.current_groups as g on g.assignment_id = a.id
          where g.user_id = t.submitter_id
          limit 1
        ), array[t.submitter_id])) as user_id
        from mine as t
      ) as m
      inner join app.users as u on m.user_id = u.id
      group by m.task_id
    )
    select jsonb_build_object(
      'name', a.name,
      'display_name', a.display_name,
      'offering', a.offering,
      'timezone', a.timezone,
      'my_tasks', coalesce((
        select jsonb_agg(jsonb_build_object(
          'task_id', t.id, 'backup_key', app.hashid_encode(t.backup_id), 'kind', t.kind,
          'done', t.score_id is not null, 'members', to_jsonb(m.emails), 'score', sc.value,
          'created_at', t.created_at
        ) order by t.score_id is not null, t.id)
        from mine as t
        inner join members as m on t.id = m.task_id
        left join app.scores as sc on t.backup_id = sc.backup_id and t.kind = sc.kind and not sc.archived
      ), '[]'::jsonb),
      'next_key', (
        select app.hashid_encode(t.backup_id) from mine as t
        where t.score_id is null
        order by t.id limit 1
      ),
      'progress', coalesce((
        select jsonb_agg(jsonb_build_object(
          'grader', u.email, 'tasks', p.tasks, 'done', p.done, 'remaining', p.tasks - p.done,
          'mine', p.grader_id = me
        ) order by p.tasks - p.done desc, u.email)
        from (
          select t.grader_id, count(*) as tasks, count(t.score_id) as done from tasks as t group by t.grader_id
        ) as p
        inner join app.users as u on p.grader_id = u.id
      ), '[]'::jsonb),
      'unqueued', coalesce((
        select jsonb_agg(to_jsonb(q) order by q.members)
        from api.unqueued_submissions(a.name) as q
      ), '[]'::jsonb),
      'can_reassign', auth.is_ta_of(allowed_course),
      'regrades', app.regrades_json(a.id, null, me)
    )
    from target as a
  );
end;
$$;

revoke all on function api.grading_queue(text) from public;
grant execute on function api.grading_queue(text) to ok_user;
comment on function api.grading_queue(text) is
'The staff queue page of an assignment: my tasks, every grader''s progress, units in no queue.';
