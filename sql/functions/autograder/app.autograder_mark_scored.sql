-- app.autograder_mark_scored(): the tasks whose backup got a score since it was sent become
-- 'scored', said once: a score of any kind, from anyone, created at or after the send.
-- Called by: api.job_autograder_poll (before asking the autograder), api.job_autograder_record
-- (again before re-sending: a score may have come in since the poll).
-- Security: invoker (inside those definers). Raises nothing.
create or replace function app.autograder_mark_scored()
returns void
language sql
volatile
as $$
  update app.autograder_tasks as t
  set status = 'scored', status_at = now()
  where t.status in ('queued', 'started', 'deferred', 'finished', 'failed', 'accepted')
    and exists (select 1 from app.scores as s where s.backup_id = t.backup_id and s.created_at >= t.sent_at)
$$;

revoke all on function app.autograder_mark_scored() from public;
