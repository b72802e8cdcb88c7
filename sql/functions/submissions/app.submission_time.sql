-- app.submission_time(created_at, custom_submission_time, extension_custom_time,
-- extension_expires): when a backup counts as submitted, said once: a staff override of
-- the backup's time wins; else the unit's extension's custom submission time, for a backup
-- made before that extension expired; else the time the backup was made.
-- A backup is late when this is after its unit's effective due date (app.unit_dates):
-- late by app.late_by(submission time, effective due).
-- Called by: app.unit_finals, api.assignment_page, v3.backups_json.
-- Security: invoker, immutable (no data). Granted to ok_api. Raises nothing.
create or replace function app.submission_time(
  created_at timestamptz, custom_submission_time timestamptz,
  extension_custom_time timestamptz, extension_expires timestamptz
)
returns timestamptz
language sql
immutable
parallel safe
as $$
  select coalesce(
    submission_time.custom_submission_time,
    case when submission_time.created_at <= submission_time.extension_expires then submission_time.extension_custom_time end,
    submission_time.created_at
  )
$$;

revoke all on function app.submission_time(timestamptz, timestamptz, timestamptz, timestamptz) from public;
grant execute on function app.submission_time(timestamptz, timestamptz, timestamptz, timestamptz) to ok_api;
