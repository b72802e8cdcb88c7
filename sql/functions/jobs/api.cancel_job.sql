-- api.cancel_job(job_id): cancel a job of a course one is staff of (or one's own): a queued
-- job at once, a running one at its worker's next report (app.cancel_job). Answers
-- {"state": "cancelled" | "cancelling"}.
-- Called by: POST /staff/jobs/<id>/cancel. Security: definer as ok_api: the job must be
-- visible under the caller's RLS (the jobs_select policy: its creator, the course's staff,
-- admins), then app.cancel_job writes.
-- Raises: PT401; PT404 no such job (or not visible); PT409 already ended (app.cancel_job).
-- requires: app.require_login.sql, app.cancel_job.sql
create or replace function api.cancel_job(job_id bigint)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_login();
  if not exists (select 1 from app.jobs as j where j.id = cancel_job.job_id) then
    raise sqlstate 'PT404' using message = format('No job %s', cancel_job.job_id);
  end if;
  return jsonb_build_object('state', app.cancel_job(cancel_job.job_id));
end;
$$;

revoke all on function api.cancel_job(bigint) from public;
alter function api.cancel_job(bigint) owner to ok_api;
grant execute on function api.cancel_job(bigint) to ok_user;
comment on function api.cancel_job(bigint) is 'Cancel a queued or running job (its creator, the course''s staff).';
