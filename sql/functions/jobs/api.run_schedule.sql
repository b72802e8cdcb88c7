-- api.run_schedule(): start the periodic jobs that are due (app.scheduled_tasks), once across
-- all workers: each due task's next run moves forward by its interval and its job is queued
-- in the same statement, over rows locked with skip locked, so two workers asking at once
-- start each run once. A task missed while no worker ran starts once, not once per missed
-- interval. Answers the ids of the jobs started.
-- Called by: worker/jobs.py at every wake-up, as ok_worker. Security: definer (the schedule
-- and the queue are the owner's). Raises nothing.
-- requires: app.enqueue_job.sql
create or replace function api.run_schedule()
returns bigint[]
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  started bigint[];
begin
  with due as (
    select t.name, t.description from app.scheduled_tasks as t
    where t.next_run_at <= now()
      -- a run still waiting or running is not joined by another (a slow autograder
      -- supervision must not overlap itself)
      and not exists (select 1 from app.jobs as j where j.id = t.last_job_id and j.status in ('queued', 'running'))
    order by t.name
    for update skip locked
  ),
  moved as (
    update app.scheduled_tasks as t
    set next_run_at = now() + t.every, last_run_at = now(),
        last_job_id = app.enqueue_job(null, due.name, due.description, '{}'::jsonb, 10, 1)
    from due
    where t.name = due.name
    returning t.last_job_id
  )
  select coalesce(array_agg(m.last_job_id order by m.last_job_id), '{}') into started from moved as m;
  return started;
end;
$$;

revoke all on function api.run_schedule() from public;
grant execute on function api.run_schedule() to ok_worker;
comment on function api.run_schedule() is 'Start the periodic jobs that are due, once across all workers (worker).';
