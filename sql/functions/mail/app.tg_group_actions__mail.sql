-- app.tg_group_actions__mail(): tell the students concerned of a group change, from the
-- change's own audit row (app.group_actions, written by app.group_change for every group
-- action): everyone in the group before or after, and the person acted on, except whoever
-- acted. The summary says who did what: "Ana invited Bo", "Bo joined", "Bo declined", "Ana
-- withdrew Bo's invitation", "Ana removed Bo", "Bo left", "Staff added Bo", "Staff removed
-- Bo". Template: group.
-- Called by: trigger _800_mail after insert on app.group_actions.
-- Security: definer (reads names past RLS; queues mail). Raises nothing.
-- requires: app.queue_mail.sql
create or replace function app.tg_group_actions__mail()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  actor text := (select coalesce(u.name, u.email::text) from app.users as u where u.id = new.actor_id);
  target text := (select coalesce(u.name, u.email::text) from app.users as u where u.id = new.target_id);
  work record;
  summary text;
  told bigint[];
begin
  select a.name, a.display_name into work from app.assignments as a where a.id = new.assignment_id;
  summary := case new.action
    when 'invite' then format('%s invited %s to a group', actor, target)
    when 'accept' then format('%s joined the group', target)
    when 'decline' then format('%s declined the invitation', target)
    when 'revoke' then format('%s withdrew %s''s invitation', actor, target)
    when 'remove' then format('%s removed %s from the group', actor, target)
    when 'leave' then format('%s left the group', target)
    when 'staff_add' then format('Staff added %s to a group', target)
    else format('Staff removed %s from the group', target)
  end;
  select coalesce(array_agg(distinct m.user_id), '{}') into told
  from (
    select (x ->> 'user_id')::bigint as user_id
    from jsonb_array_elements(coalesce(new.group_before -> 'members', '[]') || coalesce(new.group_after -> 'members', '[]')) as x
    union all
    select new.target_id
  ) as m
  where m.user_id is not null and m.user_id is distinct from new.actor_id;
  perform app.queue_mail('group', 'group', format('%s: %s', work.display_name, summary), told, new.course_id,
    jsonb_build_object('summary', summary, 'action', new.action, 'assignment', work.display_name,
                       'path', '/' || work.name || '/'));
  return null;
end;
$$;

revoke all on function app.tg_group_actions__mail() from public;
