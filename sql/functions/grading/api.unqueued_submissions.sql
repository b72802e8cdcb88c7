-- api.unqueued_submissions(assignment): final submissions (or latest backups) that are in no
-- grading queue, so nobody is lost between queues (the original lost students).
-- Security: definer as ok_api (the caller's RLS applies) over app.unit_finals; staff see the course. Raises nothing.
-- requires: api.final_submissions.sql
create or replace function api.unqueued_submissions(assignment text)
returns table (members text[], backup_key text, reason text)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select f.members, f.backup_key, f.reason
  from api.final_submissions(unqueued_submissions.assignment) as f
  where f.backup_key is not null
    and not exists (
      select 1 from app.grading_tasks as t where t.backup_id = app.hashid_decode(f.backup_key)
    )
$$;

revoke all on function api.unqueued_submissions(text) from public;
alter function api.unqueued_submissions(text) owner to ok_api;
grant execute on function api.unqueued_submissions(text) to ok_user;
comment on function api.unqueued_submissions(text) is 'Final submissions that are in no grading queue.';
