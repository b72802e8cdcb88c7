-- api.v3_revision_post(assignment, messages, submit): POST /api/v3/revision/ (ok --revise).
-- Stores the backup as a plain backup, as okpy/ok did, then: 403 'Revisions are not enabled
-- for <name>' (data.data.late) unless the assignment allows revisions; 403 'No Submission to
-- Revise' unless the group has a final submission; otherwise archives the group's earlier
-- revision score and records a new one (app.record_revision). Same reply as backups.
-- Security: definer as ok_api (the caller's RLS applies) (the backup is the caller's own); scoring through app.record_revision.
-- requires: api.v3_backups_post.sql, app.unit_finals.sql, app.record_revision.sql
create or replace function api.v3_revision_post(
  assignment text default null,
  messages jsonb default null,
  submit boolean default false
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  stored jsonb := api.v3_backups_post(assignment, messages, false);
  target app.assignments;
  final_id bigint;
begin
  if (stored ->> 'code')::integer <> 200 then
    return stored;
  end if;
  select a.* into target from app.assignments as a where a.name = v3_revision_post.assignment;
  if not coalesce(target.revisions_allowed, false) then
    return v3.reply(403, '{"data": {"backup": true, "late": true}}', 'Revisions are not enabled for ' || target.name);
  end if;
  -- the group's final submission, by the one rule (app.unit_finals), if it is a submission
  select f.backup_id into final_id
  from app.unit_finals(target.id, auth.user_id()) as f
  where auth.user_id() = any(f.member_ids) and f.is_submission;
  if final_id is null then
    return v3.reply(403, '{}', 'No Submission to Revise');
  end if;
  perform app.record_revision(app.hashid_decode(stored -> 'data' ->> 'key'), final_id);
  return stored;
end;
$$;

revoke all on function api.v3_revision_post(text, jsonb, boolean) from public;
alter function api.v3_revision_post(text, jsonb, boolean) owner to ok_api;
grant execute on function api.v3_revision_post(text, jsonb, boolean) to ok_anon, ok_user;
comment on function api.v3_revision_post(text, jsonb, boolean) is 'POST /api/v3/revision/: submit a revision.';
