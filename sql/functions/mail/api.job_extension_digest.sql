-- api.job_extension_digest(job_id, worker): the scheduled digest of new extension requests
-- (hourly): for each course with requests not yet told (digested_at null), one message to
-- each of its TAs and instructors listing the requests still pending (student, assignment,
-- reason), with a link to the course's staff page where they are granted or denied; the
-- requests are marked told in the same transaction. Template: extension_requests.
-- Answers a sentence for the job's result.
-- Called by: worker/jobs.py (the extension_digest job), as ok_worker.
-- Security: definer (app.held_job). Raises: PT409 (app.held_job); PT422 a job of another kind.
-- requires: app.held_job.sql, app.queue_mail.sql
create or replace function api.job_extension_digest(job_id bigint, worker text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  held app.jobs := app.held_job(job_extension_digest.job_id, job_extension_digest.worker);
  course record;
  courses integer := 0;
  messages integer := 0;
begin
  if held.name <> 'extension_digest' then
    raise sqlstate 'PT422' using message = format('Job %s is not the extension digest', held.id);
  end if;
  for course in
    with told as (
      update app.extension_requests as r set digested_at = now()
      where r.digested_at is null
      returning r.id, r.course_id, r.assignment_id, r.user_id, r.reason, r.status
    )
    select t.course_id, c.offering, c.display_name,
      jsonb_agg(jsonb_build_object('student', u.email, 'assignment', a.display_name, 'reason', t.reason)
                order by a.display_name, u.email) as requests
    from told as t
    inner join app.courses as c on t.course_id = c.id
    inner join app.assignments as a on t.assignment_id = a.id
    inner join app.users as u on t.user_id = u.id
    where t.status = 'pending'
    group by t.course_id, c.offering, c.display_name
  loop
    courses := courses + 1;
    messages := messages + app.queue_mail('extension_requests', 'extension_requests',
      format('%s: %s new extension request(s)', course.display_name, jsonb_array_length(course.requests)),
      array(select e.user_id from app.enrollments as e
            where e.course_id = course.course_id and e.role in ('ta', 'instructor')),
      course.course_id,
      jsonb_build_object('requests', course.requests, 'path', '/staff/' || course.offering || '/'));
  end loop;
  return format('%s digest(s) for %s course(s)', messages, courses);
end;
$$;

revoke all on function api.job_extension_digest(bigint, text) from public;
grant execute on function api.job_extension_digest(bigint, text) to ok_worker;
comment on function api.job_extension_digest(bigint, text) is
'The scheduled digest of new extension requests to each course''s staff (worker).';
