-- api.grant_extension(assignment, email, expires, custom_submission_time, reason): staff (TAs,
-- instructors, admins) give a student an extension until `expires` (course-local unless it
-- carries an offset). It covers the student's current group. Submissions made while it is
-- unexpired are accepted after the lock and count as on time; with a custom submission time
-- they count as made then. Backups are never rewritten: lateness reads this row. Granting
-- again replaces the extension; a pending request from the student is marked granted, with
-- the reason as the reply the student reads.
-- Called by: staff pages, okadmin. Security: definer as ok_api (the caller's RLS applies) (RLS: staff write their course's rows).
-- Raises: PT401; PT404 unknown assignment or student; PT403 not a TA or instructor; PT422 bad
-- date, or an expiry before the due date.
-- requires: app.extension_target.sql, app.parse_course_time.sql
create or replace function api.grant_extension(
  assignment text, email text, expires text, custom_submission_time text default null, reason text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.extension_target(assignment, email, 'grant extensions');
  student bigint := target.student_id;
  expires_at timestamptz;
  custom_at timestamptz;
  saved app.extensions;
begin
  if not target.enrolled then
    raise sqlstate 'PT404' using message = format('%s is not enrolled in this course', email);
  end if;
  expires_at := app.parse_course_time(expires, target.timezone);
  if expires_at <= target.due_at then
    raise sqlstate 'PT422' using message = 'An extension must end after the due date';
  end if;
  if custom_submission_time is not null then
    custom_at := app.parse_course_time(custom_submission_time, target.timezone);
  end if;
  insert into app.extensions as x
    (assignment_id, course_id, user_id, staff_id, reason, expires_at, custom_submission_time)
  values (target.assignment_id, target.course_id, student, auth.user_id(), coalesce(reason, ''), expires_at, custom_at)
  on conflict on constraint extensions_assignment_user_key do update
  set staff_id = excluded.staff_id, reason = excluded.reason, expires_at = excluded.expires_at,
      custom_submission_time = excluded.custom_submission_time
  returning x.* into saved;
  update app.extension_requests as r
  set status = 'granted', decided_by = auth.user_id(), decided_at = now(), reply = nullif(btrim(grant_extension.reason), '')
  where r.assignment_id = target.assignment_id and r.user_id = student and r.status = 'pending';
  return to_jsonb(saved);
end;
$$;

revoke all on function api.grant_extension(text, text, text, text, text) from public;
alter function api.grant_extension(text, text, text, text, text) owner to ok_api;
grant execute on function api.grant_extension(text, text, text, text, text) to ok_user;
comment on function api.grant_extension(text, text, text, text, text) is 'Grant or change an extension (TAs, instructors).';
