-- api.job_autograder_record(job_id, worker, statuses): the second step of the supervision:
-- record what the autograder said of each task (statuses: [{"task", "remote_id", "status"}],
-- its status queued, started, deferred, finished or failed; an unknown or null status, a job
-- it has lost, counts as failed; an answer about an earlier send of the task, whose job id
-- is no longer the task's, is ignored); tasks whose backup got a score since it was sent
-- become 'scored'; then apply okpy/ok's rule, said here once: a task is stuck when queued
-- more than 30 minutes after it was sent, started (or deferred) more than 5 minutes ago,
-- failed, finished more than 2 minutes ago without a score, or left 'sending' for 10
-- minutes by a job no longer running. A stuck task is sent again, up to 3 tries in all;
-- after the third it is given up. Answers the sends to make:
--   {"gave_up", "resent", "plans": [{"url", "key", "priority", "claims", "tasks"}]}
-- (app.autograder_plans, each with a token for the staff member whose job first sent it).
-- Called by: worker/autograder.py (the autograder_supervise job), as ok_worker.
-- Security: definer (app.held_job: the scheduler). Raises: PT409 (app.held_job); PT422 a
-- job of another kind, or statuses not a JSON array.
-- requires: app.held_job.sql, app.autograder_mark_scored.sql, app.autograder_plans.sql
create or replace function api.job_autograder_record(job_id bigint, worker text, statuses jsonb default '[]')
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_autograder_record.job_id, job_autograder_record.worker);
  given_up integer;
  again bigint[];
begin
  if held.name <> 'autograder_supervise' then
    raise sqlstate 'PT422' using message = format('Job %s is not the autograder supervision', held.id);
  end if;
  if jsonb_typeof(job_autograder_record.statuses) is distinct from 'array' then
    raise sqlstate 'PT422' using message = 'statuses must be a JSON array of {task, status}';
  end if;
  update app.autograder_tasks as t
  set status = r.said, status_at = now()
  from (
    select s.task, s.remote_id, case when s.status in ('queued', 'started', 'deferred', 'finished', 'failed')
                                     then s.status else 'failed' end as said
    from jsonb_to_recordset(job_autograder_record.statuses) as s (task bigint, remote_id text, status text)
  ) as r
  where t.id = r.task and t.remote_id = r.remote_id
    and t.status in ('queued', 'started', 'deferred', 'finished', 'failed') and t.status <> r.said;
  -- a score that came in since the poll counts before anything is sent again
  perform app.autograder_mark_scored();

  with stuck as (
    select t.id, t.tries from app.autograder_tasks as t
    where (t.status = 'queued' and t.sent_at < now() - interval '30 minutes')
       or (t.status in ('started', 'deferred') and t.status_at < now() - interval '5 minutes')
       or t.status = 'failed'
       or (t.status = 'finished' and t.status_at < now() - interval '2 minutes')
       or (t.status = 'sending' and t.status_at < now() - interval '10 minutes'
           and not exists (select 1 from app.jobs as j where j.id = t.job_id and j.status in ('queued', 'running')))
    for update of t skip locked
  ),
  gave as (
    update app.autograder_tasks as t set status = 'gave_up', status_at = now()
    from stuck as s where t.id = s.id and s.tries >= 3
    returning t.id
  ),
  resent as (
    update app.autograder_tasks as t set status = 'sending', tries = t.tries + 1, status_at = now()
    from stuck as s where t.id = s.id and s.tries < 3
    returning t.id
  )
  select (select count(*) from gave), (select array_agg(r.id) from resent as r) into given_up, again;
  return jsonb_build_object('gave_up', given_up, 'resent', coalesce(cardinality(again), 0),
                            'plans', app.autograder_plans(coalesce(again, '{}')));
end;
$$;

revoke all on function api.job_autograder_record(bigint, text, jsonb) from public;
grant execute on function api.job_autograder_record(bigint, text, jsonb) to ok_worker;
comment on function api.job_autograder_record(bigint, text, jsonb) is
'Supervision: record the autograder''s statuses; send stuck tasks again (3 tries) or give them up (worker).';
