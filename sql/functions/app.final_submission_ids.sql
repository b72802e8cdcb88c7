-- app.final_submission_ids(assignment_id): the chosen backups of app.final_submissions, ids
-- only, in id order (units that sent nothing are left out).
-- Called by: api.v3_submissions_get. Security: invoker over app.final_submissions, which
-- shows staff every unit and students their own.
-- requires: app.final_submissions.sql
create or replace function app.final_submission_ids(assignment_id bigint)
returns bigint[]
language sql
stable
as $$
  select coalesce(array_agg(f.backup_id order by f.backup_id), '{}')
  from app.final_submissions(final_submission_ids.assignment_id) as f
  where f.backup_id is not null
$$;

revoke all on function app.final_submission_ids(bigint) from public;
grant execute on function app.final_submission_ids(bigint) to ok_api;
