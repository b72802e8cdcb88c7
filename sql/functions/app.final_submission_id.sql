-- app.final_submission_id(assignment_id, user_id): the id of the final submission of the
-- user's current group: the flagged submission of any active member if there is one, else
-- the newest submission of any active member; null when the group never submitted.
-- Called by: api.v3_revision_post and the student pages. Security: definer (a group-mate's
-- flag decides the group's final submission). Raises nothing.
-- requires: app.group_member_ids.sql
create or replace function app.final_submission_id(assignment_id bigint, user_id bigint)
returns bigint
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select b.id
  from app.backups as b
  where b.assignment_id = final_submission_id.assignment_id
    and b.submitter_id = any(app.group_member_ids(final_submission_id.assignment_id, final_submission_id.user_id))
    and b.submit
  order by b.flagged desc, b.created_at desc, b.id desc
  limit 1
$$;

revoke all on function app.final_submission_id(bigint, bigint) from public;
grant execute on function app.final_submission_id(bigint, bigint) to ok_api;
