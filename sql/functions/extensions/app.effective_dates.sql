-- app.effective_dates(assignment_id, member_ids): a unit's effective dates, said once. The due
-- and lock dates are the assignment's, pushed back to the expiry of the extension granted to
-- any member of the unit (the latest, if several); that extension's custom submission time
-- and reason come with it (null when no member has one). One row.
-- Called by: app.unit_dates (the definer that functions owned by ok_api call), and directly by
-- the owner's definers that compute every unit at once (app.unit_finals, api.deadlines):
-- a set-returning SQL function of the caller's rights, so PostgreSQL inlines it into their
-- query instead of calling it once per unit.
-- Security: invoker; it reads every member's extension only under a caller that may (the
-- owner); granted to no role but its owner. Raises nothing.
create or replace function app.effective_dates(assignment_id bigint, member_ids bigint[])
returns table (
  due_at timestamptz, lock_at timestamptz, extension_expires timestamptz,
  extension_custom_time timestamptz, extension_reason text
)
language sql
stable
as $$
  select greatest(a.due_at, x.expires_at), greatest(a.lock_at, x.expires_at), x.expires_at,
         x.custom_submission_time, x.reason
  from app.assignments as a
  left join lateral (
    -- one index lookup per member (its own subquery, so it is not turned into a scan of the
    -- assignment's extensions), however many extensions the assignment has
    select e.expires_at, e.custom_submission_time, e.reason
    from unnest(effective_dates.member_ids) as m (user_id)
    cross join lateral (
      select x.expires_at, x.custom_submission_time, x.reason
      from app.extensions as x
      where x.assignment_id = a.id and x.user_id = m.user_id
      limit 1
    ) as e
    order by e.expires_at desc
    limit 1
  ) as x on true
  where a.id = effective_dates.assignment_id
$$;

revoke all on function app.effective_dates(bigint, bigint[]) from public;
