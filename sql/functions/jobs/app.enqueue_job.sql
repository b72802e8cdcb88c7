-- app.enqueue_job(course_id, kind, description, params, priority, max_attempts): queue
-- background work inside the transaction that decides it, said once: a row of app.jobs for
-- the caller (auth.user_id(); none for scheduled work), which the insert trigger announces
-- to the workers at commit (NOTIFY okv3_jobs). A rolled-back decision queues nothing; a
-- committed one cannot be lost by a process dying after the commit. Higher priority runs
-- first. An export's file is named here, said once: "<target>-<what>-<date>.<ext>", the
-- target (params.target: an offering or assignment name) with / as -, the date in the
-- course's time zone, "-anonymized" when params.anonymized.
-- Kinds (worker/jobs.py runs them): export_grades, export_roster, export_final_submissions,
-- export_backups, test, prune, deadline_reminders, extension_digest, autograde,
-- autograde_continuous, autograder_supervise, analytics_refresh, research_export. A course
-- keeps at most 20 jobs waiting or running at once (enqueues of a course are serialised to
-- count them), continuous autograding aside: a job per submission, never refused, nor counted.
-- Called by: api.start_export, api.start_test_job, api.retry_job, api.run_schedule,
-- api.start_autograde, app.tg_backups__autograde, api.start_analytics_refresh,
-- api.start_research_export.
-- Security: definer (request roles write no jobs themselves).
-- Raises: PT422 an unknown kind; PT429 20 jobs of the course waiting or running.
create or replace function app.enqueue_job(
  course_id bigint, kind text, description text, params jsonb default '{}',
  priority bigint default 0, max_attempts bigint default 3
)
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  queued bigint;
  zone text := coalesce((select c.timezone from app.courses as c where c.id = enqueue_job.course_id), 'UTC');
  stem text := replace(coalesce(enqueue_job.params ->> 'target', ''), '/', '-');
  day text := to_char(now() at time zone zone, 'YYYY-MM-DD');
  anonymized text := case when (enqueue_job.params ->> 'anonymized')::boolean then '-anonymized' else '' end;
begin
  if enqueue_job.kind is null or enqueue_job.kind not in (
    'export_grades', 'export_roster', 'export_final_submissions', 'export_backups', 'test', 'prune',
    'deadline_reminders', 'extension_digest', 'autograde', 'autograde_continuous', 'autograder_supervise',
    'analytics_refresh', 'research_export'
  ) then
    raise sqlstate 'PT422' using message = format('No such kind of job: %s', enqueue_job.kind);
  end if;
  -- continuous autograding queues a job per submission, as students submit: never refused
  if enqueue_job.course_id is not null and enqueue_job.kind <> 'autograde_continuous' then
    -- serialise a course's enqueues (key space 4245), so that two at once cannot both pass at 19
    perform pg_advisory_xact_lock(4245, (enqueue_job.course_id % 2147483647)::integer);
  end if;
  if enqueue_job.course_id is not null and enqueue_job.kind <> 'autograde_continuous' and (
    select count(*) from app.jobs as j
    where j.course_id = enqueue_job.course_id and j.status in ('queued', 'running')
      and j.name <> 'autograde_continuous'
  ) >= 20 then
    raise sqlstate 'PT429' using message =
      '20 jobs of this course are waiting or running: wait for them to finish, or cancel some';
  end if;
  insert into app.jobs (course_id, user_id, name, description, params, priority, max_attempts, file_name, file_type)
  select enqueue_job.course_id, auth.user_id(), enqueue_job.kind, enqueue_job.description,
         coalesce(enqueue_job.params, '{}'), coalesce(enqueue_job.priority, 0), coalesce(enqueue_job.max_attempts, 3),
         f.file_name, f.file_type
  from (
    select case enqueue_job.kind
        when 'export_grades' then stem || '-grades-' || day || '.csv'
        when 'export_roster' then stem || '-roster-' || day || '.csv'
        when 'export_final_submissions' then stem || '-final-submissions' || anonymized || '-' || day || '.zip'
        when 'export_backups' then stem || '-backups-' || day || '.jsonl'
        when 'research_export' then stem || '-research-' || day || '.zip'
      end as file_name,
      case enqueue_job.kind
        when 'export_grades' then 'text/csv'
        when 'export_roster' then 'text/csv'
        when 'export_final_submissions' then 'application/zip'
        when 'export_backups' then 'application/jsonl'
        when 'research_export' then 'application/zip'
      end as file_type
  ) as f
  returning id into queued;
  return queued;
end;
$$;

revoke all on function app.enqueue_job(bigint, text, text, jsonb, bigint, bigint) from public;
grant execute on function app.enqueue_job(bigint, text, text, jsonb, bigint, bigint) to ok_api;
