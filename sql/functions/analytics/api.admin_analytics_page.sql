-- api.admin_analytics_page(): what an admin sees of the analytics side: when the snapshots
-- were last refreshed and the minimum cell size in force (analytics.snapshot) and set, the
-- refresh schedule, the rows of each snapshot, every course (for its research export), and the
-- latest 20 refresh and research-export jobs. Answers {snapshot {refreshed, min_cell_size},
-- min_cell_setting, schedule {every, next_run}, snapshots [{name, rows}], courses [{offering,
-- display_name, students}], jobs [app.job_summary + offering]}; times in UTC.
-- Called by: GET /admin/analytics. Security: definer (ok_owner) after app.require_admin.
-- Raises: PT401, PT403 (app.require_admin).
-- requires: app.require_admin.sql, app.job_summary.sql, app.course_time_text.sql, app.human_interval.sql
-- requires: analytics.min_cell_size.sql
create or replace function api.admin_analytics_page()
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_admin();
  return jsonb_build_object(
    'snapshot', (
      select jsonb_build_object('refreshed', app.course_time_text(s.refreshed_at, 'UTC'), 'min_cell_size', s.min_cell_size)
      from analytics.snapshot as s
    ),
    'min_cell_setting', (select s.value from auth.settings as s where s.name = 'analytics_min_cell'),
    'schedule', (
      select jsonb_build_object('every', app.human_interval(t.every), 'next_run', app.course_time_text(t.next_run_at, 'UTC'))
      from app.scheduled_tasks as t where t.name = 'analytics_refresh'
    ),
    -- the planner's row estimates, kept by autovacuum and each refresh: no count of millions
    'snapshots', coalesce((
      select jsonb_agg(jsonb_build_object('name', s.name, 'rows', greatest(s.reltuples, 0)::bigint) order by s.name)
      from (
        select c.relname::text as name, c.reltuples
        from pg_catalog.pg_class as c inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where n.nspname = 'analytics' and c.relkind = 'm'
        union all
        -- analytics.backup_runs is a view of the table the refresh appends to
        select 'backup_runs', c.reltuples from pg_catalog.pg_class as c where c.oid = 'app.backup_facts'::regclass
      ) as s
    ), '[]'::jsonb),
    'courses', coalesce((
      select jsonb_agg(jsonb_build_object('offering', c.offering, 'display_name', c.display_name,
                                          'students', (select count(*) from app.enrollments as e
                                                       where e.course_id = c.id and e.role = 'student'))
                       order by c.offering)
      from app.courses as c
    ), '[]'::jsonb),
    'jobs', coalesce((
      select jsonb_agg(app.job_summary(j, 'UTC') || jsonb_build_object('offering', c.offering) order by j.id desc)
      from (
        select * from app.jobs as x where x.name in ('analytics_refresh', 'research_export') order by x.id desc limit 20
      ) as j
      left join app.courses as c on j.course_id = c.id
    ), '[]'::jsonb)
  );
end;
$$;

revoke all on function api.admin_analytics_page() from public;
grant execute on function api.admin_analytics_page() to ok_user;
comment on function api.admin_analytics_page() is
'The analytics snapshots'' freshness, the minimum cell size, research exports (site admins).';
