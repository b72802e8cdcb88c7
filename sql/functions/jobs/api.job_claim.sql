-- api.job_claim(worker, lease_seconds): hand a worker the next job, or null when there is
-- none: the highest priority, then the oldest, among jobs queued and due (run_after), and
-- jobs whose worker stopped renewing their lease (it died: the job runs again). Rows
-- another worker is claiming are skipped (for update skip locked), so several workers never
-- take the same job. The claim starts an attempt: status running, the worker's name, a lease
-- of lease_seconds that api.job_report renews. A job whose lease ran out on its last attempt
-- fails instead ("the worker stopped"); one cancelled meanwhile ends cancelled.
-- Answers {id, kind, params, course_id, attempts, max_attempts, file_name, description}.
-- Called by: worker/jobs.py (python -m worker) as ok_worker. Security: definer (the queue
-- is the owner's; workers hold no table grants).
-- Raises: PT422 a worker name that is empty or longer than 200, a lease outside 2..3600 s.
create or replace function api.job_claim(worker text, lease_seconds integer default 60)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  claimed app.jobs;
begin
  if coalesce(length(job_claim.worker), 0) not between 1 and 200 then
    raise sqlstate 'PT422' using message = 'A worker names itself in 1 to 200 characters';
  end if;
  if job_claim.lease_seconds is null or job_claim.lease_seconds not between 2 and 3600 then
    raise sqlstate 'PT422' using message = 'A lease is 2 to 3600 seconds';
  end if;
  -- Dead workers' jobs that may not run again end here, with the reason in their log.
  update app.jobs as j
  set status = 'failed', finished_at = now(), lease_expires_at = null,
      cancelled_at = case when j.cancel_requested then now() end,
      error = case when j.cancel_requested then 'Cancelled'
                   else format('The worker running it (%s) stopped responding, %s time(s): given up', j.worker, j.attempts) end,
      log = j.log || format(E'%s: %s\n', to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                            case when j.cancel_requested then 'cancelled (its worker had stopped)'
                                 else format('worker %s stopped responding; no attempts left', j.worker) end)
  where j.status = 'running' and j.lease_expires_at < now()
    and (j.attempts >= j.max_attempts or j.cancel_requested);

  update app.jobs as j
  set status = 'running', attempts = j.attempts + 1, worker = job_claim.worker, started_at = now(),
      lease_expires_at = now() + make_interval(secs => job_claim.lease_seconds), error = null,
      log = j.log || format(E'%s: attempt %s of %s on worker %s%s\n',
                            to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                            j.attempts + 1, j.max_attempts, job_claim.worker,
                            case when j.status = 'running' then format(' (worker %s stopped responding)', j.worker) else '' end)
  from (
    select c.id from app.jobs as c
    where (c.status = 'queued' and c.run_after <= now())
       or (c.status = 'running' and c.lease_expires_at < now())
    order by c.priority desc, c.id
    limit 1
    for update skip locked
  ) as picked
  where j.id = picked.id
  returning j.* into claimed;
  if claimed.id is null then
    return null;
  end if;
  return jsonb_build_object('id', claimed.id, 'kind', claimed.name, 'params', claimed.params,
                            'course_id', claimed.course_id, 'attempts', claimed.attempts,
                            'max_attempts', claimed.max_attempts, 'file_name', claimed.file_name,
                            'description', claimed.description);
end;
$$;

revoke all on function api.job_claim(text, integer) from public;
grant execute on function api.job_claim(text, integer) to ok_worker;
comment on function api.job_claim(text, integer) is
'Claim the next job for a worker (queued and due, or abandoned by a dead worker), with a lease (worker).';
