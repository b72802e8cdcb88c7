-- app.submission_open(assignment_id, lock_at, user_id): whether a submission by this student
-- is taken now, said once for ok-client and the web upload: before the assignment's lock
-- date, or while an extension of any member of the student's current group covers it (the
-- unit's effective lock date, app.unit_dates, which is never before the assignment's and so
-- is looked up only after it). Read from the tables at once: no cache.
-- Called by: api.v3_backups_post, api.upload_files. Security: invoker (inside those ok_api
-- definers). Raises nothing.
-- requires: app.unit_dates.sql, app.group_member_ids.sql
create or replace function app.submission_open(assignment_id bigint, lock_at timestamptz, user_id bigint)
returns boolean
language sql
stable
as $$
  select now() <= submission_open.lock_at
    or now() <= (app.unit_dates(
      submission_open.assignment_id, app.group_member_ids(submission_open.assignment_id, submission_open.user_id)
    )).lock_at
$$;

revoke all on function app.submission_open(bigint, timestamptz, bigint) from public;
grant execute on function app.submission_open(bigint, timestamptz, bigint) to ok_api;
