-- app.tg_backups__autograde(): continuous autograding: a submission of an assignment with
-- continuous_autograding and an autograder key, in a course with an autograder URL, from an
-- enrolled student, is sent to the autograder as it arrives: a job (autograde_continuous)
-- queued in the submitting transaction (a refused or rolled-back submission sends nothing).
-- okpy/ok sent only enrolled submitters; so do we. A student who submits again before their
-- job has started does not queue another: the waiting job is pointed at the newer
-- submission, so a student in a submit loop holds at most one waiting job per assignment.
-- The job has no owner (the student must not read its log, which names the autograder's URL
-- and key); it runs after scheduled work and "autograde one" (priority 5), before exports.
-- Called by: trigger _810_autograde after insert on app.backups (submissions only).
-- Security: definer (reads the course's settings; queues a job). Raises nothing.
-- requires: app.enqueue_job.sql
create or replace function app.tg_backups__autograde()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  work record;
  queued bigint;
begin
  select a.display_name, a.name, a.id into work
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.id = new.assignment_id and a.continuous_autograding and a.autograder_key is not null
    and c.autograder_url is not null
    and exists (select 1 from app.enrollments as e
                where e.course_id = c.id and e.user_id = new.submitter_id and e.role = 'student');
  if not found then
    return null;
  end if;
  update app.jobs as j
  set params = j.params || jsonb_build_object('backup_id', new.id),
      description = format('Continuous autograding of %s, backup %s', work.display_name, app.hashid_encode(new.id))
  where j.course_id = new.course_id and j.name = 'autograde_continuous' and j.status = 'queued' and j.attempts = 0
    and j.params ->> 'assignment_id' = work.id::text and j.params ->> 'submitter_id' = new.submitter_id::text;
  if found then
    return null;
  end if;
  queued := app.enqueue_job(new.course_id, 'autograde_continuous',
    format('Continuous autograding of %s, backup %s', work.display_name, app.hashid_encode(new.id)),
    jsonb_build_object('target', work.name, 'backup_id', new.id, 'assignment_id', work.id,
                       'submitter_id', new.submitter_id), 5);
  update app.jobs as j set user_id = null where j.id = queued;
  return null;
end;
$$;

revoke all on function app.tg_backups__autograde() from public;
