-- api.add_comment(name, key, filename, line, message, kind): a staff member's Markdown comment
-- on a line of a backup of the assignment, from the grading view; answers the comment
-- (app.comment_json) for the page to show in place. The line must be one the backup's file
-- has (app.backup_files: 1 to its last line), or the comment would never be shown. The
-- comment belongs to a kind of grading (students see it once that kind is published): the
-- kind given, else the kind of the backup's grading task, else composition.
-- Called by: POST /staff/<assignment>/grade/<key>/comments. Security: definer as ok_api (the
-- caller's RLS applies: staff comment on their course's backups, as themselves).
-- Raises: PT401, PT403, PT404 (app.require_staff_backup: not staff, no such backup);
-- PT422 empty message, or no such file or line in the backup.
-- requires: app.require_staff_backup.sql, app.backup_files.sql, app.comment_json.sql
create or replace function api.add_comment(
  name text, key text, filename text, line integer, message text, kind text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target app.backups := app.require_staff_backup(add_comment.name, add_comment.key);
  added bigint;
  comment_kind text := coalesce(
    nullif(lower(btrim(add_comment.kind)), ''),
    (select t.kind from app.grading_tasks as t where t.backup_id = target.id order by t.id limit 1),
    'composition'
  );
begin
  if btrim(coalesce(add_comment.message, '')) = '' then
    raise sqlstate 'PT422' using message = 'Write a comment first';
  end if;
  if not exists (
    select 1 from app.backup_files(target.id) as f
    where f.filename = add_comment.filename and add_comment.line between 1 and f.line_count
  ) then
    raise sqlstate 'PT422' using
      message = format('The backup has no line %s in %s', coalesce(add_comment.line::text, '(none)'), add_comment.filename);
  end if;
  insert into app.comments (backup_id, course_id, author_id, filename, line, message, kind)
  values (
    target.id, target.course_id, auth.user_id(), add_comment.filename, add_comment.line, add_comment.message,
    comment_kind
  )
  returning id into added;
  return app.comment_json(added);
end;
$$;

revoke all on function api.add_comment(text, text, text, integer, text, text) from public;
alter function api.add_comment(text, text, text, integer, text, text) owner to ok_api;
grant execute on function api.add_comment(text, text, text, integer, text, text) to ok_user;
comment on function api.add_comment(text, text, text, integer, text, text) is
'Comment on a line of a backup from the grading view (staff).';
