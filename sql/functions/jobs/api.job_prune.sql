-- api.job_prune(job_id, worker): the scheduled "prune" job's work, in one transaction:
-- delete result files past their expiry (the job keeps its log; file_bytes becomes null),
-- sessions and OAuth tokens ended (expired or revoked) more than 30 days ago, and
-- authorization codes expired more than 30 days ago (the admin clients page lists recent
-- ones). Answers what it deleted, as a sentence for the job's result.
-- Called by: worker/jobs.py as ok_worker. Security: definer (app.held_job).
-- Raises: PT409 (app.held_job); PT422 a job of another kind.
-- requires: app.held_job.sql
create or replace function api.job_prune(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_prune.job_id, job_prune.worker);
  files bigint;
  sessions bigint;
  tokens bigint;
  codes bigint;
begin
  if held.name <> 'prune' then
    raise sqlstate 'PT422' using message = format('Job %s is not a prune job', held.id);
  end if;
  with expired as (
    update app.jobs as j set file_bytes = null
    where j.file_expires_at <= now() and j.file_bytes is not null
    returning j.id
  ),
  gone as (
    delete from app.job_files as f using expired as e where f.job_id = e.id returning f.job_id
  )
  select count(distinct g.job_id) into files from gone as g;
  delete from auth.sessions as s
  where least(s.expires_at, coalesce(s.revoked_at, 'infinity')) < now() - interval '30 days';
  get diagnostics sessions = row_count;
  delete from auth.oauth_tokens as t
  where least(t.refresh_expires_at, coalesce(t.revoked_at, 'infinity')) < now() - interval '30 days';
  get diagnostics tokens = row_count;
  delete from auth.oauth_grants as g where g.expires_at < now() - interval '30 days';
  get diagnostics codes = row_count;
  return format('Deleted %s expired export file(s), %s old session(s), %s old token(s), %s old authorization code(s)',
                files, sessions, tokens, codes);
end;
$$;

revoke all on function api.job_prune(bigint, text) from public;
grant execute on function api.job_prune(bigint, text) to ok_worker;
comment on function api.job_prune(bigint, text) is 'The scheduled prune job: delete expired files, sessions, tokens and codes (worker).';
