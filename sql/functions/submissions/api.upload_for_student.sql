-- api.upload_for_student(assignment, email, files, submit): staff submit on a student's
-- behalf: files ({name: text}) become a backup of the student (a submission when submit),
-- recorded as made by the caller (creator_id; the pages say "uploaded by"). The lock date
-- does not apply (staff decide); the unit's final submission follows the usual rule
-- (app.counting_backup, through the backups' triggers). Answers {"key", "submitter",
-- "submit", "files"}.
-- Called by: POST /staff/<assignment>/upload (the staff assignment page and the grading
-- view). Security: definer as ok_api (the caller's RLS applies: staff of the course may
-- create backups of its students as themselves, and add their files).
-- Raises: PT401, PT403, PT404 (app.require_staff); PT404 the email is not a student of the
-- course; PT422 the files break the intake rule (app.check_files).
-- requires: app.require_staff.sql, app.hashid_encode.sql, app.check_files.sql
create or replace function api.upload_for_student(
  assignment text, email text, files jsonb, submit boolean default true
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(upload_for_student.assignment, 'assignment');
  target app.assignments;
  student bigint;
  offering text;
  created app.backups;
begin
  select a.* into target from app.assignments as a
  where a.name = upload_for_student.assignment and a.course_id = allowed_course;
  select c.offering into offering from app.courses as c where c.id = allowed_course;
  select u.id into student
  from app.users as u
  inner join app.enrollments as e on u.id = e.user_id and e.course_id = allowed_course and e.role = 'student'
  where lower(u.email) = lower(btrim(coalesce(upload_for_student.email, '')));
  if student is null then
    raise sqlstate 'PT404' using message = format(
      '%s is not a student of %s', coalesce(nullif(btrim(upload_for_student.email), ''), '(no email)'), offering
    );
  end if;
  perform app.check_files(upload_for_student.files);
  insert into app.backups (assignment_id, course_id, submitter_id, creator_id, submit, client_name, client_version)
  values (target.id, target.course_id, student, auth.user_id(), coalesce(upload_for_student.submit, true),
          'okv3-web', 'staff upload')
  returning * into created;
  insert into app.messages (backup_id, kind, contents)
  values (created.id, 'file_contents', upload_for_student.files);
  return jsonb_build_object(
    'key', app.hashid_encode(created.id),
    'submitter', (select u.email from app.users as u where u.id = student),
    'submit', created.submit,
    'files', (select count(*) from jsonb_object_keys(upload_for_student.files) as k)
  );
end;
$$;

revoke all on function api.upload_for_student(text, text, jsonb, boolean) from public;
alter function api.upload_for_student(text, text, jsonb, boolean) owner to ok_api;
grant execute on function api.upload_for_student(text, text, jsonb, boolean) to ok_user;
comment on function api.upload_for_student(text, text, jsonb, boolean) is
'Staff upload files as a backup or submission of a student (recorded as made by them).';
