-- api.backup_page(name, key): one backup for its page: the /api/v3 backup shape plus its files
-- (name -> text, app.backup_files), its line comments (author, Markdown
-- source), created_at (the exact instant the backup was made: the v3 'created' is naive UTC
-- text) and timezone (its course's IANA zone, in which the page shows it). Null when the key
-- is malformed, belongs to another assignment, or the caller may not see the backup (the page
-- answers 404 in every case, so a stranger learns nothing). Owners, their group and the
-- course's staff see it (RLS).
-- Called by: GET /<assignment>/backups/<key>/ and /<assignment>/submissions/<key>/.
-- Security: definer as ok_api (the caller's RLS applies).
-- requires: v3.backups_json.sql, app.hashid_decode.sql, app.backup_files.sql
create or replace function api.backup_page(name text, key text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select shown || jsonb_build_object(
    -- The files, by name (app.backup_files: which messages are files, said once).
    'files', (
      select coalesce(jsonb_object_agg(f.filename, f.contents order by f.filename), '{}'::jsonb)
      from app.backup_files(app.hashid_decode(key)) as f
    ),
    'created_at', (select b.created_at from app.backups as b where b.id = app.hashid_decode(key)),
    'timezone', shown -> 'assignment' -> 'course' ->> 'timezone',
    'comments', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'filename', cm.filename, 'line', cm.line, 'message', cm.message, 'author', u.email, 'created_at', cm.created_at
      ) order by cm.filename, cm.line, cm.id), '[]'::jsonb)
      from app.comments as cm
      left join app.users as u on cm.author_id = u.id
      where cm.backup_id = app.hashid_decode(key)
    )
  )
  from (select v3.backups_json(array[app.hashid_decode(key)]) -> 0 as shown) as found
  where shown is not null and shown -> 'assignment' ->> 'name' = backup_page.name
$$;

revoke all on function api.backup_page(text, text) from public;
alter function api.backup_page(text, text) owner to ok_api;
grant execute on function api.backup_page(text, text) to ok_user;
comment on function api.backup_page(text, text) is 'A backup with its comments, for its page (owners, group, staff).';
