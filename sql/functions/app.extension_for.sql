-- app.extension_for(assignment_id, user_id, at_time): the extension that covers the user at
-- at_time, if any: one granted to the user or to any active member of the user's current
-- group (an extension covers the student's group), unexpired at at_time; the latest-expiring
-- one when several apply. Backups are never rewritten: lateness and acceptance read this.
-- Called by: api.v3_backups_post (intake), effective deadlines. Security: definer (a student
-- may not read a group-mate's extension row, but is covered by it). Raises nothing.
-- requires: app.group_member_ids.sql
create or replace function app.extension_for(assignment_id bigint, user_id bigint, at_time timestamptz default now())
returns app.extensions
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select x.*
  from app.extensions as x
  where x.assignment_id = extension_for.assignment_id
    and x.user_id = any(app.group_member_ids(extension_for.assignment_id, extension_for.user_id))
    and x.expires_at >= at_time
  order by x.expires_at desc
  limit 1
$$;

revoke all on function app.extension_for(bigint, bigint, timestamptz) from public;
grant execute on function app.extension_for(bigint, bigint, timestamptz) to ok_api;
