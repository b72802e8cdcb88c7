-- app.my_group_state(assignment_id): the caller's side of the group rules for one
-- assignment, for the controls of their assignment page, said once:
--   {"status": 'active' | 'pending' | null (alone),
--    "invitation": {"from", "members"} when the caller is invited: who invited them (the last
--                  'invite' action naming them) and the group's active members,
--    "pending": [{"email", "invited_by"}] invitations out from the caller's group,
--    "size": members of the caller's group, invitations included (what app.group_add_member
--            compares with the group size), "full": no invitation can be added}
-- Called by: api.assignment_page. Security: definer: an invitee may not read the group's
-- other rows under RLS, yet must see who invited them into which group; it answers only
-- about the caller's own group and invitation. Raises nothing.
create or replace function app.my_group_state(assignment_id bigint)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with mine as (
    select m.group_id, m.status
    from app.group_members as m
    where m.assignment_id = my_group_state.assignment_id and m.user_id = auth.user_id()
  ),
  members as (
    select m.user_id, m.status, u.email,
      (select i.email from app.group_actions as ga inner join app.users as i on ga.actor_id = i.id
       where ga.assignment_id = my_group_state.assignment_id and ga.target_id = m.user_id and ga.action = 'invite'
       order by ga.created_at desc, ga.id desc limit 1) as invited_by
    from mine inner join app.group_members as m on mine.group_id = m.group_id
    inner join app.users as u on m.user_id = u.id
  )
  select jsonb_build_object(
    'status', (select mine.status from mine),
    'invitation', case when (select mine.status from mine) = 'pending' then jsonb_build_object(
      'from', (select m.invited_by from members as m where m.user_id = auth.user_id()),
      'members', (select coalesce(jsonb_agg(m.email order by m.email), '[]'::jsonb) from members as m where m.status = 'active')
    ) end,
    'pending', case when (select mine.status from mine) = 'active' then (
      select coalesce(jsonb_agg(jsonb_build_object('email', m.email, 'invited_by', m.invited_by) order by m.email), '[]'::jsonb)
      from members as m where m.status = 'pending'
    ) else '[]'::jsonb end,
    'size', greatest((select count(*) from members), 1),
    'full', greatest((select count(*) from members), 1) >= (
      select a.max_group_size from app.assignments as a where a.id = my_group_state.assignment_id
    )
  )
$$;

revoke all on function app.my_group_state(bigint) from public;
grant execute on function app.my_group_state(bigint) to ok_api;
