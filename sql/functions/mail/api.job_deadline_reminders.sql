-- api.job_deadline_reminders(job_id, worker): the scheduled reminders (every 10 minutes): for
-- each assignment whose reminder window has opened (reminder_hours before its due date, and
-- the due date not yet past) and that has not sent it, remind the members of every unit with
-- backups but no submission (app.unit_finals: the rule the pages use, so a group whose mate
-- submitted is not reminded), once: reminder_sent_at is set in the same transaction, and each
-- message is deduplicated by assignment and due date (a moved due date may remind again).
-- Hidden assignments remind nobody, and a unit with an extension past the due date is not
-- told the due date that no longer applies to it (its effective due, app.unit_finals).
-- Template: reminder. Answers a sentence for the job's result.
-- Called by: worker/jobs.py (the deadline_reminders job), as ok_worker.
-- Security: definer (app.held_job: the scheduler's admin view). Raises: PT409 (app.held_job);
-- PT422 a job of another kind.
-- requires: app.held_job.sql, app.unit_finals.sql, app.queue_mail.sql, app.course_time_text.sql
create or replace function api.job_deadline_reminders(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_deadline_reminders.job_id, job_deadline_reminders.worker);
  due record;
  assignments integer := 0;
  messages integer := 0;
begin
  if held.name <> 'deadline_reminders' then
    raise sqlstate 'PT422' using message = format('Job %s is not the deadline reminders', held.id);
  end if;
  for due in
    update app.assignments as a set reminder_sent_at = now()
    from app.courses as c
    where a.course_id = c.id and a.reminder_hours is not null and a.reminder_sent_at is null and a.visible
      and now() between a.due_at - make_interval(hours => a.reminder_hours::integer) and a.due_at
    returning a.id, a.name, a.display_name, a.course_id, a.due_at, c.timezone
  loop
    assignments := assignments + 1;
    messages := messages + app.queue_mail('reminder', 'reminder',
      format('%s is due %s: you have not submitted', due.display_name, app.course_time_text(due.due_at, due.timezone)),
      array(select distinct m.user_id from app.unit_finals(due.id) as f cross join lateral unnest(f.member_ids) as m (user_id)
            where f.enrolled and f.backup_id is not null and not f.is_submission and f.effective_due <= due.due_at),
      due.course_id,
      jsonb_build_object('assignment', due.display_name, 'due', app.course_time_text(due.due_at, due.timezone),
                         'path', '/' || due.name || '/'),
      format('reminder:%s:%s', due.id, extract(epoch from due.due_at)::bigint));
  end loop;
  return format('%s reminder(s) for %s assignment(s)', messages, assignments);
end;
$$;

revoke all on function api.job_deadline_reminders(bigint, text) from public;
grant execute on function api.job_deadline_reminders(bigint, text) to ok_worker;
comment on function api.job_deadline_reminders(bigint, text) is
'The scheduled deadline reminders to students with backups but no submission (worker).';
