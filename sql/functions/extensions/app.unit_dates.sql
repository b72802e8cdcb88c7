-- app.unit_dates(assignment_id, member_ids): a unit's effective dates, said once. The due and
-- lock dates are the assignment's, pushed back to the expiry of the extension granted to any
-- member of the unit (the latest, if several); that extension's custom submission time and
-- reason come with it (null when no member has one).
-- Called by: app.final_submissions, api.deadlines, app.unit_dates_for, v3.backups_json.
-- Security: definer: a student's dates depend on their group-mates' extensions, which RLS
-- does not show them; it returns dates only. Granted to ok_api. Raises nothing.
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
  select greatest(a.due_at, x.expires_at), greatest(a.lock_at, x.expires_at), x.expires_at,
         x.custom_submission_time, x.reason
  from app.assignments as a
  left join lateral (
    select e.expires_at, e.custom_submission_time, e.reason
    from app.extensions as e
    where e.assignment_id = a.id and e.user_id = any(unit_dates.member_ids)
    order by e.expires_at desc
    limit 1
  ) as x on true
  where a.id = unit_dates.assignment_id
$$;

revoke all on function app.unit_dates(bigint, bigint[]) from public;
grant execute on function app.unit_dates(bigint, bigint[]) to ok_api;
