-- api.start_test_job(offering, seconds, fail): a job that only counts, reporting progress
-- every second for the given seconds (1..600) and, with fail, raising at the end (it is
-- then retried after a backoff, as any failed job): staff use it to see that the workers run,
-- and tests use it to kill a worker mid-job. Answers {"job_id"}.
-- Called by: POST /staff/<offering>/jobs/test (the jobs page). Security: definer as ok_api;
-- the course's staff (app.require_staff).
-- Raises: PT401, PT403, PT404 (app.require_staff); PT422 seconds outside 1..600; PT429
-- (app.enqueue_job).
-- requires: app.require_staff.sql, app.enqueue_job.sql
create or replace function api.start_test_job(offering text, seconds integer default 5, fail boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course bigint := app.require_staff(start_test_job.offering, 'course');
begin
  if start_test_job.seconds is null or start_test_job.seconds not between 1 and 600 then
    raise sqlstate 'PT422' using message = 'A test job runs 1 to 600 seconds';
  end if;
  return jsonb_build_object('job_id', app.enqueue_job(
    course, 'test', format('Test job: %s s%s', start_test_job.seconds,
                           case when start_test_job.fail then ', then fails' else '' end),
    jsonb_build_object('seconds', start_test_job.seconds, 'fail', coalesce(start_test_job.fail, false))
  ));
end;
$$;

revoke all on function api.start_test_job(text, integer, boolean) from public;
alter function api.start_test_job(text, integer, boolean) owner to ok_api;
grant execute on function api.start_test_job(text, integer, boolean) to ok_user;
comment on function api.start_test_job(text, integer, boolean) is
'Start a test job that counts for some seconds and optionally fails (course staff).';
