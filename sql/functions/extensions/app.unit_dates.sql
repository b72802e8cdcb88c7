-- app.unit_dates(assignment_id, member_ids): a unit's effective dates (app.effective_dates,
-- where the rule is said: the assignment's due and lock dates pushed back by the latest
-- extension of any member, with that extension's custom submission time and reason), for
-- functions owned by ok_api, under whose rights RLS would hide a group-mate's extension.
-- Called by: api.assignment_page, v3.backups_json, app.submission_open (api.v3_backups_post,
-- api.upload_files).
-- Security: definer: a student's dates depend on their group-mates' extensions, which RLS
-- does not show them; it returns dates only. Granted to ok_api. Raises nothing.
-- requires: app.effective_dates.sql
create or replace function app.unit_dates(
  assignment_id bigint, member_ids bigint[],
  out due_at timestamptz, out lock_at timestamptz, out extension_expires timestamptz,
  out extension_custom_time timestamptz, out extension_reason text
)
returns record
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select d.due_at, d.lock_at, d.extension_expires, d.extension_custom_time, d.extension_reason
  from app.effective_dates(unit_dates.assignment_id, unit_dates.member_ids) as d
$$;

revoke all on function app.unit_dates(bigint, bigint[]) from public;
grant execute on function app.unit_dates(bigint, bigint[]) to ok_api;
