-- api.job_page(job_id): one job as app.job_summary, with who started it, its log and its
-- course, for its page (which polls this while the job is active). Whoever may see the job
-- may see its page: its creator, the course's staff and admins (the jobs_select policy).
-- Called by: GET /staff/jobs/<id> and /staff/jobs/<id>.json. Security: definer as ok_api
-- (the caller's RLS decides). Raises: PT401 not signed in; PT404 no such job (or not
-- visible to the caller).
-- requires: app.job_summary.sql, app.require_login.sql
create or replace function api.job_page(job_id bigint)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  page jsonb;
begin
  perform app.require_login();
  select app.job_summary(j, coalesce(c.timezone, 'UTC')) || jsonb_build_object(
      'creator', u.email, 'log', j.log,
      'course', case when c.id is not null then jsonb_build_object('offering', c.offering, 'display_name', c.display_name) end)
  into page
  from app.jobs as j
  left join app.courses as c on j.course_id = c.id
  left join app.users as u on j.user_id = u.id
  where j.id = job_page.job_id;
  if page is null then
    raise sqlstate 'PT404' using message = format('No job %s', job_page.job_id);
  end if;
  return page;
end;
$$;

revoke all on function api.job_page(bigint) from public;
alter function api.job_page(bigint) owner to ok_api;
grant execute on function api.job_page(bigint) to ok_user;
comment on function api.job_page(bigint) is 'One background job with its log (its creator, the course''s staff).';
