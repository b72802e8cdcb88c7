-- app.late_by(submission_time, effective_due): how late a backup is, said once: the time
-- from its unit's effective due date (app.unit_dates) to its submission time
-- (app.submission_time), or null when it is on time (or there is no backup).
-- Called by: app.unit_finals, api.assignment_page, v3.backups_json.
-- Security: invoker, immutable (no data). Granted to ok_api. Raises nothing.
create or replace function app.late_by(submission_time timestamptz, effective_due timestamptz)
returns interval
language sql
immutable
parallel safe
as $$
  select case when late_by.submission_time > late_by.effective_due then late_by.submission_time - late_by.effective_due end
$$;

revoke all on function app.late_by(timestamptz, timestamptz) from public;
grant execute on function app.late_by(timestamptz, timestamptz) to ok_api;
