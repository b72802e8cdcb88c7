-- app.tg_jobs__autograder_give_up(): when a job fails for good or is cancelled (both end as
-- 'failed'), the backups it had not yet sent to the autograder are given up: staff who
-- cancelled "autograde all" see nothing more sent, and the supervision does not send them
-- later under its 10-minute rule (api.job_autograder_record). What was sent is still
-- followed. A job re-queued for another attempt is not 'failed' and keeps its tasks.
-- Called by: trigger _700_autograder_give_up after update of status on app.jobs.
-- Security: definer (writes app.autograder_tasks). Raises nothing.
create or replace function app.tg_jobs__autograder_give_up()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update app.autograder_tasks as t set status = 'gave_up', status_at = now()
  where t.job_id = new.id and t.status = 'sending';
  return null;
end;
$$;

revoke all on function app.tg_jobs__autograder_give_up() from public;
