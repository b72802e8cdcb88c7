-- api.job_autograder_poll(job_id, worker): the first step of the scheduled supervision
-- (autograder_supervise): tasks whose backup got a score since it was sent become 'scored';
-- then the tasks the autograder is still working on, by the URL to ask:
--   [{"url", "tasks": [{"id", "remote_id"}]}]
-- The worker asks each URL (POST <url>/results) and gives the answers to
-- api.job_autograder_record.
-- Called by: worker/autograder.py (the autograder_supervise job), as ok_worker.
-- Security: definer (app.held_job: the scheduler). Raises: PT409 (app.held_job); PT422 a
-- job of another kind.
-- requires: app.held_job.sql, app.autograder_mark_scored.sql
create or replace function api.job_autograder_poll(job_id bigint, worker text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_autograder_poll.job_id, job_autograder_poll.worker);
  open_tasks jsonb;
begin
  if held.name <> 'autograder_supervise' then
    raise sqlstate 'PT422' using message = format('Job %s is not the autograder supervision', held.id);
  end if;
  perform app.autograder_mark_scored();
  select coalesce(jsonb_agg(jsonb_build_object('url', g.url, 'tasks', g.tasks) order by g.url), '[]')
  into open_tasks
  from (
    select rtrim(c.autograder_url, '/') as url,
      jsonb_agg(jsonb_build_object('id', t.id, 'remote_id', t.remote_id) order by t.id) as tasks
    from app.autograder_tasks as t inner join app.courses as c on t.course_id = c.id
    where t.status in ('queued', 'started', 'deferred', 'finished', 'failed')
      and t.remote_id is not null and c.autograder_url is not null
    group by rtrim(c.autograder_url, '/')
  ) as g;
  return open_tasks;
end;
$$;

revoke all on function api.job_autograder_poll(bigint, text) from public;
grant execute on function api.job_autograder_poll(bigint, text) to ok_worker;
comment on function api.job_autograder_poll(bigint, text) is
'Supervision: mark scored tasks, and list those to ask the autograder about (worker).';
