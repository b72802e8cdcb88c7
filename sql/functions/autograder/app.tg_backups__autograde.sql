-- app.tg_backups__autograde(): continuous autograding: a submission of an assignment with
-- continuous_autograding and an autograder key, in a course with an autograder URL, from an
-- enrolled student, is sent to the autograder as it arrives: a high-priority job
-- (autograde_continuous) queued in the submitting transaction (a refused or rolled-back
-- submission sends nothing). okpy/ok sent only enrolled submitters; so do we.
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
begin
  select a.display_name, a.name into work
  from app.assignments as a
  inner join app.courses as c on a.course_id = c.id
  where a.id = new.assignment_id and a.continuous_autograding and a.autograder_key is not null
    and c.autograder_url is not null
    and exists (select 1 from app.enrollments as e
                where e.course_id = c.id and e.user_id = new.submitter_id and e.role = 'student');
  if not found then
    return null;
  end if;
  perform app.enqueue_job(new.course_id, 'autograde_continuous',
    format('Continuous autograding of %s, backup %s', work.display_name, app.hashid_encode(new.id)),
    jsonb_build_object('target', work.name, 'backup_id', new.id), 20);
  return null;
end;
$$;

revoke all on function app.tg_backups__autograde() from public;
