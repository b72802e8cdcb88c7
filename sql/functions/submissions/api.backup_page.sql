-- api.backup_page(name, key): one backup for its page: the /api/v3 backup shape plus its files
-- (name -> text, from the file_contents message), its line comments (author, Markdown
-- source), created_at (the exact instant the backup was made: the v3 'created' is naive UTC
-- text) and timezone (its course's IANA zone, in which the page shows it). Null when the key
-- is malformed, belongs to another assignment, or the caller may not see the backup (the page
-- answers 404 in every case, so a stranger learns nothing). Owners, their group and the
-- course's staff see it (RLS).
-- Called by: GET /<assignment>/backups/<key>/ and /<assignment>/submissions/<key>/.
-- Security: definer as ok_api (the caller's RLS applies).
-- requires: v3.backups_json.sql, app.hashid_decode.sql
create or replace function api.backup_page(name text, key text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select shown || jsonb_build_object(
    -- The files: the text entries of the file_contents message ("submit" is ok-client's flag,
    -- not a file), by name.
    'files', (
      select coalesce(jsonb_object_agg(f.key, f.value order by f.key), '{}'::jsonb)
      from jsonb_array_elements(shown -> 'messages') as m (message)
      cross join lateral jsonb_each(m.message -> 'contents') as f (key, value)
      where m.message ->> 'kind' = 'file_contents' and jsonb_typeof(m.message -> 'contents') = 'object'
        and f.key <> 'submit' and jsonb_typeof(f.value) = 'string'
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
