-- api.add_comment(name, key, filename, line, message, kind, bank_id, save_to_bank): a staff
-- member's Markdown comment on a line of a backup of the assignment, from the grading view;
-- answers the comment (app.comment_json) for the page to show in place. With bank_id, the
-- comment is that saved comment of the assignment's bank (its message; the entry's use is
-- counted); with save_to_bank, the message is also saved to the bank (once per message). The line must be one the backup's file
-- has (app.backup_files: 1 to its last line), or the comment would never be shown. The
-- comment belongs to a kind of grading (students see it once that kind is published): the
-- kind given, else the kind of the backup's grading task, else composition.
-- Called by: POST /staff/<assignment>/grade/<key>/comments. Security: definer as ok_api (the
-- caller's RLS applies: staff comment on their course's backups, as themselves).
-- Raises: PT401, PT403, PT404 (app.require_staff_backup: not staff, no such backup);
-- PT404 no such saved comment on this assignment; PT422 empty message, or no such file or
-- line in the backup.
-- requires: app.require_staff_backup.sql, app.backup_files.sql, app.comment_json.sql
create or replace function api.add_comment(
  name text, key text, filename text, line integer, message text default null, kind text default null,
  bank_id bigint default null, save_to_bank boolean default false
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
  said text := add_comment.message;
  comment_kind text := coalesce(
    nullif(lower(btrim(add_comment.kind)), ''),
    (select t.kind from app.grading_tasks as t where t.backup_id = target.id order by t.id limit 1),
    'composition'
  );
begin
  if add_comment.bank_id is not null then
    update app.comment_bank as k
    set uses = k.uses + 1
    where k.id = add_comment.bank_id and k.assignment_id = target.assignment_id
    returning k.message into said;
    if not found then
      raise sqlstate 'PT404' using message = 'No such saved comment on this assignment';
    end if;
  end if;
  if btrim(coalesce(said, '')) = '' then
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
    target.id, target.course_id, auth.user_id(), add_comment.filename, add_comment.line, said, comment_kind
  )
  returning id into added;
  if add_comment.save_to_bank and add_comment.bank_id is null then
    insert into app.comment_bank (assignment_id, course_id, author_id, message)
    values (target.assignment_id, target.course_id, auth.user_id(), said)
    on conflict do nothing;  -- the same words are in the bank already (comment_bank_one_per_message)
  end if;
  return app.comment_json(added);
end;
$$;

revoke all on function api.add_comment(text, text, text, integer, text, text, bigint, boolean) from public;
alter function api.add_comment(text, text, text, integer, text, text, bigint, boolean) owner to ok_api;
grant execute on function api.add_comment(text, text, text, integer, text, text, bigint, boolean) to ok_user;
comment on function api.add_comment(text, text, text, integer, text, text, bigint, boolean) is
'Comment on a line of a backup from the grading view (staff).';
