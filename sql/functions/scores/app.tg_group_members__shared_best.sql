-- app.tg_group_members__shared_best(): keeps app.shared_best_scores after group memberships
-- are added, changed or deleted: for each assignment a statement touched, in
-- assignment order, app.refresh_shared_best recomputes the changed members and everyone in
-- their groups before and after (a member who leaves keeps only their own scores; the group
-- they leave stops sharing theirs; a member who joins shares the group's and brings theirs).
-- An assignment that no longer exists (deleted with its groups) is skipped: its scores went
-- with it, and app.tg_scores__shared_best removed their entries.
-- Called by: the statement triggers _300_shared_best_insert, _300_shared_best_update and
-- _300_shared_best_delete on app.group_members (transition tables new_rows and old_rows).
-- Security: definer (ok_owner): request roles write no summary, and the members' scores may
-- be invisible to the caller. Raises nothing.
create or replace function app.tg_group_members__shared_best()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  touched record;
begin
  -- Each branch reads only the transition tables its event has.
  if TG_OP = 'INSERT' then
    for touched in
      select a.course_id, a.id as assignment_id, array_agg(distinct n.user_id) as user_ids,
        array_agg(distinct n.group_id) as group_ids
      from new_rows as n inner join app.assignments as a on n.assignment_id = a.id
      group by a.course_id, a.id order by a.id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, touched.group_ids);
    end loop;
  elsif TG_OP = 'UPDATE' then
    for touched in
      select a.course_id, a.id as assignment_id, array_agg(distinct c.user_id) as user_ids,
        array_agg(distinct c.group_id) as group_ids
      from (
        select n.assignment_id, n.user_id, n.group_id from new_rows as n
        union all
        select o.assignment_id, o.user_id, o.group_id from old_rows as o
      ) as c
      inner join app.assignments as a on c.assignment_id = a.id
      group by a.course_id, a.id order by a.id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, touched.group_ids);
    end loop;
  else
    for touched in
      select a.course_id, a.id as assignment_id, array_agg(distinct o.user_id) as user_ids,
        array_agg(distinct o.group_id) as group_ids
      from old_rows as o inner join app.assignments as a on o.assignment_id = a.id
      group by a.course_id, a.id order by a.id
    loop
      perform app.refresh_shared_best(touched.course_id, touched.assignment_id, touched.user_ids, touched.group_ids);
    end loop;
  end if;
  return null;
end;
$$;

revoke all on function app.tg_group_members__shared_best() from public;
