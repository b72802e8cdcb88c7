-- api.job_autograde_sent(job_id, worker, sent): record what the autograder answered to one
-- batch: sent is [{"task", "remote_id"}], remote_id its job id for the backup, or null when
-- it answered without one (the test key's "OK"): the task is then 'accepted' and not
-- followed. Only tasks being sent are changed; sent_at and status_at are now.
-- Answers how many tasks were recorded.
-- Called by: worker/autograder.py after each batch (the autograde and autograder_supervise
-- jobs), as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job); PT422 when sent is not a
-- JSON array.
-- requires: app.held_job.sql
create or replace function api.job_autograde_sent(job_id bigint, worker text, sent jsonb)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_autograde_sent.job_id, job_autograde_sent.worker);
  recorded integer;
begin
  if jsonb_typeof(job_autograde_sent.sent) is distinct from 'array' then
    raise sqlstate 'PT422' using message = 'sent must be a JSON array of {task, remote_id}';
  end if;
  update app.autograder_tasks as t
  set remote_id = nullif(s.remote_id, ''),
      status = case when nullif(s.remote_id, '') is null then 'accepted' else 'queued' end,
      sent_at = now(), status_at = now()
  from jsonb_to_recordset(job_autograde_sent.sent) as s (task bigint, remote_id text)
  where t.id = s.task and t.status = 'sending'
    and (t.job_id = held.id or held.name = 'autograder_supervise');
  get diagnostics recorded = row_count;
  return recorded;
end;
$$;

revoke all on function api.job_autograde_sent(bigint, text, jsonb) from public;
grant execute on function api.job_autograde_sent(bigint, text, jsonb) to ok_worker;
comment on function api.job_autograde_sent(bigint, text, jsonb) is
'Record the autograder''s job ids for a batch of sent backups (worker).';
