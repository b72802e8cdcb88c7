-- api.upload_files(assignment, files, submit): a student uploads files from the browser, when
-- the assignment takes uploads: stored as a backup in ok-client's shape (a file_contents
-- message of {name: text}, with "submit": true for a submission), under the same intake rules:
-- the files' rule (app.check_files; the body size is bounded before this runs), and a
-- submission only while app.submission_open says so (the lock date, or an extension of the
-- group). Unlike ok-client, a refused submission stores nothing: the page says why instead.
-- Answers {"key", "submit", "files"}.
-- Called by: POST /<assignment>/upload (the assignment page's upload card).
-- Security: definer as ok_api (the caller's RLS applies: a user inserts backups in their own
-- name only, and files only into a backup made in the same transaction).
-- Raises: PT401; PT404 unknown or hidden assignment; PT403 not enrolled in the course, uploads
-- off, or (submit) the assignment closed; PT422 the files (app.check_files).
-- requires: app.require_login.sql, app.check_files.sql, app.submission_open.sql
-- requires: app.hashid_encode.sql, app.course_time_text.sql
create or replace function api.upload_files(assignment text, files jsonb, submit boolean default true)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record;
  created app.backups;
begin
  perform app.require_login();
  select a.id, a.course_id, a.name, a.lock_at, a.uploads_enabled, c.timezone into target
  from app.assignments as a inner join app.courses as c on a.course_id = c.id
  where a.name = upload_files.assignment;
  if target.id is null then
    raise sqlstate 'PT404' using message = format('No assignment %s', upload_files.assignment);
  end if;
  if not exists (select 1 from app.enrollments as e where e.course_id = target.course_id and e.user_id = auth.user_id()) then
    raise sqlstate 'PT403' using message = 'Only people enrolled in the course can upload';
  end if;
  if not target.uploads_enabled then
    raise sqlstate 'PT403' using message = 'This assignment does not take uploads from the browser: submit with ok-client';
  end if;
  perform app.check_files(upload_files.files);
  if upload_files.files ? 'submit' then
    raise sqlstate 'PT422' using message = 'A file may not be named "submit" (ok-client uses that name)';
  end if;
  if coalesce(upload_files.submit, true) and not app.submission_open(target.id, target.lock_at, auth.user_id()) then
    raise sqlstate 'PT403' using message = format(
      'The assignment closed %s: submissions are no longer taken (upload it as a backup, or ask for an extension)',
      app.course_time_text(target.lock_at, target.timezone));
  end if;
  insert into app.backups (assignment_id, course_id, submitter_id, submit, client_name, client_version)
  values (target.id, target.course_id, auth.user_id(), coalesce(upload_files.submit, true), 'okv3-web', 'browser upload')
  returning * into created;
  insert into app.messages (backup_id, kind, contents)
  values (created.id, 'file_contents',
          upload_files.files || case when created.submit then '{"submit": true}'::jsonb else '{}'::jsonb end);
  return jsonb_build_object(
    'key', app.hashid_encode(created.id), 'submit', created.submit,
    'files', (select count(*) from jsonb_object_keys(upload_files.files) as k)
  );
end;
$$;

revoke all on function api.upload_files(text, jsonb, boolean) from public;
alter function api.upload_files(text, jsonb, boolean) owner to ok_api;
grant execute on function api.upload_files(text, jsonb, boolean) to ok_user;
comment on function api.upload_files(text, jsonb, boolean) is
'Upload files from the browser as a backup or submission (students, when the assignment takes uploads).';
