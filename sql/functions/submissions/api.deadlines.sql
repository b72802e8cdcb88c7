-- api.deadlines(assignment): the effective due and lock dates (app.effective_dates: pushed back by
-- an extension granted to anyone in the student's current group) of everyone who works on
-- the assignment (app.assignment_units: the same people, in the same units, as the final
-- submissions). Staff see everyone; a student sees their own row.
-- Called by: staff pages. Security: definer (extensions of group-mates),
-- filtered to what the caller may see. Raises nothing (unknown assignments give no rows).
-- requires: auth.is_staff_of.sql
-- requires: app.assignment_units.sql, app.effective_dates.sql
create or replace function api.deadlines(assignment text)
returns table (email text, due_at timestamptz, lock_at timestamptz, extended_until timestamptz, extension_reason text)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with target as (
    select a.id, a.course_id from app.assignments as a
    where a.name = deadlines.assignment
      -- a hidden assignment has no deadlines for anyone but its course's staff
      and (a.visible or auth.is_staff_of(a.course_id))
  )
  select u.email::text, d.due_at, d.lock_at, d.extension_expires, d.extension_reason
  from target as t
  cross join lateral app.assignment_units(t.id) as un
  inner join app.users as u on un.user_id = u.id
  cross join lateral app.effective_dates(t.id, un.member_ids) as d
  where auth.is_staff_of(t.course_id) or un.user_id = auth.user_id()
  order by u.email
$$;

revoke all on function api.deadlines(text) from public;
grant execute on function api.deadlines(text) to ok_user;
comment on function api.deadlines(text) is 'Effective due and lock dates per student (extensions applied).';
