-- api.start_autograde(assignment, backup): send work to the course's autograder, as a job:
-- without backup, every final submission of the assignment ("autograde all": one per
-- enrolled student or group, app.unit_finals, at the autograder's default priority); with
-- a backup key, that one backup at high priority (from the grading page). The job's log
-- shows what was sent and what the autograder answered; the schedule then follows each
-- task (api.job_autograder_record). Answers {"job_id"}.
-- Called by: POST /staff/<assignment>/autograde (the assignment page), POST
-- /staff/<assignment>/grade/<key>/autograde (the grading page).
-- Security: definer as ok_api; the course's staff (app.require_staff,
-- app.require_staff_backup).
-- Raises: PT401, PT403, PT404 (app.require_staff, app.require_staff_backup); PT422 when the
-- caller is not enrolled as staff (a site admin who is not: the token would read nothing),
-- when the course has no autograder URL or the assignment no autograder key (saying where
-- to set them); PT429 (app.enqueue_job).
-- requires: app.require_staff.sql, app.require_staff_backup.sql, app.enqueue_job.sql, auth.staff_roles.sql
create or replace function api.start_autograde(assignment text, backup text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course bigint := app.require_staff(start_autograde.assignment, 'assignment');
  work record;
  one app.backups;
begin
  select a.id, a.display_name, a.autograder_key, c.autograder_url into work
  from app.assignments as a inner join app.courses as c on a.course_id = c.id
  where a.name = start_autograde.assignment;
  if start_autograde.backup is not null then
    one := app.require_staff_backup(start_autograde.assignment, start_autograde.backup);
  end if;
  if not exists (select 1 from app.enrollments as e
                 where e.course_id = course and e.user_id = auth.user_id() and e.role::text = any(auth.staff_roles())) then
    raise sqlstate 'PT422' using message =
      'The autograder works with the token of the staff member who sends the work: enroll yourself as staff of the course first';
  end if;
  if work.autograder_url is null then
    raise sqlstate 'PT422' using message =
      'This course has no autograder: an instructor sets its URL in the course settings first';
  end if;
  if work.autograder_key is null then
    raise sqlstate 'PT422' using message =
      format('%s has no autograder key: set it in the assignment''s settings first', work.display_name);
  end if;
  return jsonb_build_object('job_id', app.enqueue_job(
    course, 'autograde',
    case when one.id is null then format('Autograde all final submissions of %s', work.display_name)
         else format('Autograde backup %s of %s', start_autograde.backup, work.display_name) end,
    jsonb_build_object('target', start_autograde.assignment, 'assignment_id', work.id, 'backup_id', one.id,
                       'priority', case when one.id is null then 'default' else 'high' end),
    case when one.id is null then 0 else 10 end
  ));
end;
$$;

revoke all on function api.start_autograde(text, text) from public;
alter function api.start_autograde(text, text) owner to ok_api;
grant execute on function api.start_autograde(text, text) to ok_user;
comment on function api.start_autograde(text, text) is
'Send every final submission of an assignment, or one backup, to the course''s autograder (course staff).';
