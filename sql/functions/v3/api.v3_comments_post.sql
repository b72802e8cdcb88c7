-- api.v3_comments_post(filename, line, message): POST /api/v3/backups/<key>/comment/
-- (x-ok-key): add a Markdown line comment. The original let anyone logged in comment on any
-- backup; here only those who may view the backup can (RLS on app.comments).
-- The comment must name a file of the backup (app.backup_files) and a line it has (1 to its
-- last line): a comment elsewhere would never be shown.
-- Security: definer as ok_api (the caller's RLS applies). Answers 400 (missing or bad field), 401, 404 (malformed key),
-- 403 (backup not visible), 422 (no such file or line); success data {}.
-- requires: v3.auth_error.sql, app.hashid_decode.sql, app.backup_files.sql
create or replace function api.v3_comments_post(
  filename text default null,
  line integer default null,
  message text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  denied jsonb := v3.auth_error('all');
  target app.backups;
begin
  if denied is not null then
    return denied;
  end if;
  if filename is null or line is null or message is null or btrim(message) = '' or line < 0 then
    return v3.reply(400, '{}', 'filename, line (0 or more) and message are required');
  end if;
  select b.* into target from app.backups as b where b.id = app.hashid_decode(v3.header('x-ok-key'));
  if app.hashid_decode(v3.header('x-ok-key')) is null then
    return v3.reply(404, '{}', 'No backup with that key');
  end if;
  if target.id is null then
    return v3.reply(403, '{}', 'You cannot comment on this backup');
  end if;
  -- A comment is on a line the backup has, or it would never be shown.
  if not exists (
    select 1 from app.backup_files(target.id) as f
    where f.filename = v3_comments_post.filename and v3_comments_post.line between 1 and f.line_count
  ) then
    return v3.reply(422, '{}', format('The backup has no line %s in %s', line, filename));
  end if;
  insert into app.comments (backup_id, course_id, author_id, filename, line, message)
  values (target.id, target.course_id, auth.user_id(), filename, line, message);
  return v3.reply(200, '{}');
end;
$$;

revoke all on function api.v3_comments_post(text, integer, text) from public;
alter function api.v3_comments_post(text, integer, text) owner to ok_api;
grant execute on function api.v3_comments_post(text, integer, text) to ok_anon, ok_user;
comment on function api.v3_comments_post(text, integer, text) is
'POST /api/v3/backups/<key>/comment/: add a line comment.';
