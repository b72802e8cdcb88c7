-- app.record_revision(backup_id, final_id): score a revision as okpy/ok did: archive the
-- group's earlier "revision" scores for the assignment and record a "revision" score of 2.0
-- on the new backup, graded by the assignment's creator, with a message naming the final
-- submission that was revised.
-- Called by: api.v3_revision_post after it checked revisions are allowed and the group has
-- a final submission. Security: definer (students may not write scores). Raises nothing.
-- requires: app.group_member_ids.sql, app.hashid_encode.sql
create or replace function app.record_revision(backup_id bigint, final_id bigint)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  revised app.backups;
  creator bigint;
begin
  select b.* into revised from app.backups as b where b.id = backup_id;
  select a.creator_id into creator from app.assignments as a where a.id = revised.assignment_id;
  update app.scores as s
  set archived = true
  where s.assignment_id = revised.assignment_id
    and s.kind = 'revision'
    and not s.archived
    and s.user_id = any(app.group_member_ids(revised.assignment_id, revised.submitter_id));
  insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
  values (
    revised.id, revised.assignment_id, revised.course_id, revised.submitter_id, creator, 'revision', 2.0,
    'Revision of final submission ' || app.hashid_encode(final_id)
  );
end;
$$;

revoke all on function app.record_revision(bigint, bigint) from public;
grant execute on function app.record_revision(bigint, bigint) to ok_api;
