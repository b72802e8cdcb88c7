-- api.admin_jobs_page(): the site's background work, for its operators: the schedule
-- (app.scheduled_tasks: every task with its interval, last and next run, and its latest job's
-- state) and the latest 100 jobs of every course and of the schedule, each as app.job_summary
-- with its course, plus how many jobs wait and run now. Answers {schedule, jobs, queued,
-- running}.
-- Called by: GET /admin/jobs. Security: definer (ok_owner) after app.require_admin.
-- Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql, app.job_summary.sql, app.course_time_text.sql, app.human_interval.sql
create or replace function api.admin_jobs_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  return jsonb_build_object(
    'schedule', coalesce((
      select jsonb_agg(jsonb_build_object(
        'name', t.name, 'description', t.description, 'every', app.human_interval(t.every),
        'last_run', app.course_time_text(t.last_run_at, 'UTC'), 'next_run', app.course_time_text(t.next_run_at, 'UTC'),
        'last_job', case when j.id is not null then app.job_summary(j, 'UTC') end) order by t.name)
      from app.scheduled_tasks as t left join app.jobs as j on t.last_job_id = j.id
    ), '[]'::jsonb),
    'jobs', coalesce((
      select jsonb_agg(app.job_summary(j, coalesce(c.timezone, 'UTC'))
                       || jsonb_build_object('offering', c.offering, 'creator', u.email) order by j.id desc)
      from (select * from app.jobs as x order by x.id desc limit 100) as j
      left join app.courses as c on j.course_id = c.id
      left join app.users as u on j.user_id = u.id
    ), '[]'::jsonb),
    'queued', (select count(*) from app.jobs as x where x.status = 'queued'),
    'running', (select count(*) from app.jobs as x where x.status = 'running')
  );
end;
$$;

revoke all on function api.admin_jobs_page() from public;
grant execute on function api.admin_jobs_page() to ok_user;
comment on function api.admin_jobs_page() is 'The schedule and the latest background jobs of the whole site (site admins).';
