-- api.jobs_page(offering): the course's background jobs, newest first (the latest 200), each
-- as app.job_summary with who started it, and whether any is still active (the page then
-- polls). Answers {course: {offering, display_name}, jobs: [...], active: boolean}.
-- Called by: GET /staff/<offering>/jobs. Security: definer as ok_api (the caller's RLS);
-- the course's staff (app.require_staff), who see every job of the course.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, app.job_summary.sql
create or replace function api.jobs_page(offering text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course bigint := app.require_staff(jobs_page.offering, 'course');
begin
  return (
    select jsonb_build_object(
      'course', jsonb_build_object('offering', c.offering, 'display_name', c.display_name),
      'jobs', coalesce((
        select jsonb_agg(app.job_summary(j, c.timezone) || jsonb_build_object('creator', u.email) order by j.id desc)
        from (select * from app.jobs as x where x.course_id = course order by x.id desc limit 200) as j
        left join app.users as u on j.user_id = u.id
      ), '[]'::jsonb),
      'active', exists (select 1 from app.jobs as x where x.course_id = course and x.status in ('queued', 'running'))
    )
    from app.courses as c where c.id = course
  );
end;
$$;

revoke all on function api.jobs_page(text) from public;
alter function api.jobs_page(text) owner to ok_api;
grant execute on function api.jobs_page(text) to ok_user;
comment on function api.jobs_page(text) is 'The course''s background jobs with their state and progress (course staff).';
