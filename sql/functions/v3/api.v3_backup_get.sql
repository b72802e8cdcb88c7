-- api.v3_backup_get(): GET /api/v3/backups/<key>/ (x-ok-key): one backup with its messages,
-- for the autograder and staff scripts. Visible to the submitter, their current group and
-- the course's staff (RLS), and to the course's autograder token (scope `autograder`:
-- app.mint_autograder_token), which sees that course's backups as the staff member it was
-- made for, in that course only.
-- Security: definer as ok_api (the caller's RLS applies). Answers 401 (logged out), 404 (malformed key, or a missing backup for
-- an admin), 403 (not visible: a missing backup looks the same to non-admins).
-- requires: v3.backups_json.sql, v3.auth_error.sql, app.hashid_decode.sql
create or replace function api.v3_backup_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error(case when auth.claims() ->> 'scope' = 'autograder' then 'autograder' else 'all' end);
  backup_id bigint := app.hashid_decode(v3.header('x-ok-key'));
  found_backup jsonb;
begin
  if denied is not null then
    return denied;
  end if;
  if backup_id is null then
    return v3.reply(404, '{}', 'No backup with that key');
  end if;
  -- an autograder token reads its own course's backups, not what its staff member may see
  -- elsewhere (their own work as a student in another course, say)
  if auth.claims() ->> 'scope' = 'autograder' and not exists (
    select 1 from app.backups as b where b.id = backup_id and b.course_id::text = auth.claims() ->> 'course'
  ) then
    return v3.reply(403, '{}', 'You cannot view this backup');
  end if;
  found_backup := v3.backups_json(array[backup_id]) -> 0;
  if found_backup is null then
    if auth.is_admin() then
      return v3.reply(404, '{}', 'No backup with that key');
    end if;
    return v3.reply(403, '{}', 'You cannot view this backup');
  end if;
  return v3.reply(200, found_backup);
end;
$$;

revoke all on function api.v3_backup_get() from public;
alter function api.v3_backup_get() owner to ok_api;
grant execute on function api.v3_backup_get() to ok_anon, ok_user;
comment on function api.v3_backup_get() is 'GET /api/v3/backups/<key>/: a backup with its messages.';
