-- api.job_prune(job_id, worker): the scheduled "prune" job's work, in one transaction:
-- delete result files past their expiry (the job keeps its log; file_bytes becomes null),
-- sessions and OAuth tokens ended (expired or revoked) more than 30 days ago, and
-- authorization codes expired more than 30 days ago (the admin clients page lists recent
-- ones), mail sent or given up more than 90 days ago, and jobs ended more than 90 days ago
-- (with their logs; not one whose autograder tasks are still followed). Answers what it
-- deleted, as a sentence for the job's result.
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
  mails bigint;
  old_jobs bigint;
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
  delete from app.email_outbox as o
  where o.status in ('sent', 'failed') and coalesce(o.sent_at, o.created_at) < now() - interval '90 days';
  get diagnostics mails = row_count;
  delete from app.jobs as j
  where j.status in ('finished', 'failed') and j.finished_at < now() - interval '90 days'
    and not exists (select 1 from app.autograder_tasks as t
                    where t.job_id = j.id and t.status not in ('scored', 'gave_up', 'accepted'));
  get diagnostics old_jobs = row_count;
  return format('Deleted %s expired export file(s), %s old session(s), %s old token(s), %s old authorization code(s), '
                '%s old message(s), %s old job(s)', files, sessions, tokens, codes, mails, old_jobs);
end;
$$;

revoke all on function api.job_prune(bigint, text) from public;
grant execute on function api.job_prune(bigint, text) to ok_worker;
comment on function api.job_prune(bigint, text) is 'The scheduled prune job: delete expired files, sessions, tokens, codes, old mail and old jobs (worker).';
