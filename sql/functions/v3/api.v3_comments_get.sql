-- api.v3_comments_get(): GET /api/v3/backups/<key>/comment/ (x-ok-key): line comments on a
-- backup, for whoever may view the backup.
-- Security: definer as ok_api (the caller's RLS applies). Answers 401, 404 (malformed key), 403 (backup not visible).
-- requires: v3.auth_error.sql, v3.time.sql, app.hashid_decode.sql
create or replace function api.v3_comments_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  target_id bigint := app.hashid_decode(v3.header('x-ok-key'));
begin
  if denied is not null then
    return denied;
  end if;
  if target_id is null then
    return v3.reply(404, '{}', 'No backup with that key');
  end if;
  if not exists (select 1 from app.backups as b where b.id = target_id) then
    return v3.reply(403, '{}', 'You cannot view this backup');
  end if;
  return v3.reply(200, jsonb_build_object('comments', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'id', app.hashid_encode(cm.id), 'filename', cm.filename, 'line', cm.line, 'message', cm.message,
      'author', jsonb_build_object('id', app.hashid_encode(cm.author_id), 'email', u.email),
      'created', v3.time(cm.created_at), 'updated', v3.time(cm.updated_at)
    ) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
    from app.comments as cm
    left join app.users as u on cm.author_id = u.id
    where cm.backup_id = target_id
  )));
end;
$$;

revoke all on function api.v3_comments_get() from public;
alter function api.v3_comments_get() owner to ok_api;
grant execute on function api.v3_comments_get() to ok_anon, ok_user;
comment on function api.v3_comments_get() is 'GET /api/v3/backups/<key>/comment/: comments on a backup.';
