-- api.next_grading_task(assignment): the caller's oldest ungraded task on the assignment:
-- {"task_id", "backup_key", "kind"}, or null when their queue is done. Scoring the backup
-- completes the task (trigger on app.scores).
-- Security: definer as ok_api (the caller's RLS applies) (RLS: staff read their course's tasks). Raises nothing.
create or replace function api.next_grading_task(assignment text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select jsonb_build_object('task_id', t.id, 'backup_key', app.hashid_encode(t.backup_id), 'kind', t.kind)
  from app.grading_tasks as t
  inner join app.assignments as a on t.assignment_id = a.id
  where a.name = next_grading_task.assignment and t.grader_id = auth.user_id() and t.score_id is null
  order by t.id
  limit 1
$$;

revoke all on function api.next_grading_task(text) from public;
alter function api.next_grading_task(text) owner to ok_api;
grant execute on function api.next_grading_task(text) to ok_user;
comment on function api.next_grading_task(text) is 'The caller''s next ungraded task.';
