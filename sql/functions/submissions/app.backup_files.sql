-- app.backup_files(backup_id): the files of a backup, said once: the text entries of its
-- file_contents message, by name ("submit" is ok-client's flag, not a file; a non-text entry
-- is not a file either), with each file's number of lines as the code view shows them (an
-- empty file has one empty line; a final newline starts a last, empty line).
-- Called by: api.backup_page (the files it shows), api.v3_comments_post (a comment must name
-- a file and a line the backup has). Security: invoker (the caller's row-level security on
-- app.messages decides whether the backup's files are seen at all). Raises nothing.
create or replace function app.backup_files(backup_id bigint)
returns table (filename text, contents text, line_count integer)
language sql
stable
as $$
  select f.key, f.value #>> '{}', greatest(1, cardinality(string_to_array(f.value #>> '{}', E'\n')))
  from app.messages as m
  cross join lateral jsonb_each(m.contents) as f (key, value)
  where m.backup_id = backup_files.backup_id
    and m.kind = 'file_contents'
    and jsonb_typeof(m.contents) = 'object'
    and f.key <> 'submit'
    and jsonb_typeof(f.value) = 'string'
$$;

revoke all on function app.backup_files(bigint) from public;
grant execute on function app.backup_files(bigint) to ok_api;
