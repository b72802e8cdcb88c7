-- app.held_job(job_id, worker): the job a worker is running, said once for every call a
-- worker makes about its job: the row, when the job is running and held by that worker,
-- locked until the caller's transaction ends; then, for the rest of the transaction, the
-- request acts as the job's creator (request.jwt.claims: their id, ok_admin for a site
-- admin), so the checks the job's functions make (auth.is_staff_of and the like) are made
-- of the creator now: a TA who lost their role since starting an export exports nothing.
-- Those functions are definers, so these checks, not the tables' policies, guard the data.
-- Scheduled jobs have no creator and act as ok_admin with the actor 'scheduler'.
-- Called by: api.job_report, api.job_file_chunk, api.job_finish, api.job_release,
-- api.job_export_text, api.job_final_submissions, api.job_backup_files, api.job_backups,
-- api.job_prune, api.job_deadline_reminders, api.job_extension_digest,
-- api.job_analytics_refresh, api.job_research_export.
-- Security: definer (reads app.jobs past RLS; only the owner may call it).
-- Raises: PT409 'Job <id> is not running on worker <w>' (another worker took it over after
-- the lease expired, or it was finished).
create or replace function app.held_job(job_id bigint, worker text)
returns app.jobs
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs;
  creator_is_admin boolean;
begin
  select j.* into held from app.jobs as j
  where j.id = held_job.job_id and j.status = 'running' and j.worker = held_job.worker
  -- locked to the end of the caller's transaction: the lease cannot pass to another worker
  -- (job_claim skips locked rows) between this check and the caller's update of the job
  for update;
  if held.id is null then
    raise sqlstate 'PT409' using message = format('Job %s is not running on worker %s', held_job.job_id, held_job.worker);
  end if;
  select u.is_admin into creator_is_admin from app.users as u where u.id = held.user_id;
  perform pg_catalog.set_config('request.jwt.claims', case
    when held.user_id is null then '{"role": "ok_admin", "actor": "scheduler"}'
    else jsonb_build_object('sub', held.user_id::text, 'job', held.id,
                            'role', case when creator_is_admin then 'ok_admin' else 'ok_user' end)::text
  end, true);
  return held;
end;
$$;

revoke all on function app.held_job(bigint, text) from public;
