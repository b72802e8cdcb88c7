-- auth.group_mates(): (assignment_id, user_id) of every active member of every group the
-- caller is an active member of, the caller included. Group work is pooled: members see each
-- other's backups, and each other in the users table.
-- Called by: RLS policies on app.backups and app.users, as an uncorrelated subquery, so it
-- runs once per statement. Security: definer (students cannot read others' membership rows,
-- and the policies on app.group_members would otherwise recurse). Raises nothing.
create or replace function auth.group_mates()
returns table (assignment_id bigint, user_id bigint)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select g.assignment_id, m.user_id
  from app.current_groups as g
  cross join lateral unnest(g.member_ids) as m (user_id)
  where g.user_id = auth.user_id()
$$;

revoke all on function auth.group_mates() from public;
grant execute on function auth.group_mates() to ok_user;
comment on function auth.group_mates() is 'Active group-mates of the caller, per assignment (for RLS).';
