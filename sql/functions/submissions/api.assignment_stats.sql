-- api.assignment_stats(assignment, section): everything the assignment stats page shows, in
-- one call, from the rules every other page reads (app.unit_finals: units, the backup that
-- counts, lateness; app.unit_progress: where each unit stands):
--   {"name", "display_name", "offering", "timezone", "due_at", "lock_at", "section",
--    "sections": the sections of the course's students (the filter's choices),
--    "units": {"total", "not_started", "backed_up" (backups, no submission), "submitted"
--              (on time), "late"} of the enrolled units (with section: those with a member in it),
--    "hours": {"labels": ['Mon 14:00' in the course's zone], "counts": [...]} backups per hour
--             from seven days before the due date to the lock date (at most 14 days of hours),
--    "distributions": the units' score distribution per kind (app.score_distributions, as
--             the scores page draws it),
--    "to_remind": [{"members": [emails]}] the enrolled units with backups and no submission,
--             whom staff may want to remind, with "to_remind_emails": every such email}
-- Called by: GET /staff/<assignment>/stats. Security: definer (ok_owner), after
-- app.require_staff: the course's staff and admins; it reads the course's backups as they may.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, app.unit_finals.sql, app.score_distributions.sql, app.unit_progress.sql
create or replace function api.assignment_stats(assignment text, section text default null)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed_course bigint := app.require_staff(assignment_stats.assignment, 'assignment');
  target app.assignments;
  zone text;
  window_start timestamptz;
  window_end timestamptz;
begin
  select a.* into target from app.assignments as a where a.name = assignment_stats.assignment and a.course_id = allowed_course;
  select c.timezone into zone from app.courses as c where c.id = allowed_course;
  window_end := date_trunc('hour', least(target.lock_at, target.due_at + interval '7 days'));
  window_start := date_trunc('hour', greatest(target.due_at - interval '7 days', window_end - interval '14 days'));
  return (
    with units as materialized (
      select f.*,
        app.unit_progress(f.backup_id, f.is_submission, f.late_by) as progress,
        -- the unit's scores: its members' shared best (every member has it; the first says it)
        coalesce((
          select sb.best -> target.id::text from app.shared_best_scores as sb
          where sb.course_id = allowed_course and sb.user_id = f.member_ids[1]
        ), '{}'::jsonb) as scores
      from app.unit_finals(target.id) as f
      where f.enrolled
        and (assignment_stats.section is null or exists (
          select 1 from app.enrollments as e
          where e.course_id = allowed_course and e.user_id = any(f.member_ids) and e.section = assignment_stats.section
        ))
    ),
    counted as (
      -- one range scan of the course's backups by time (backups_course_created_idx), counted
      -- by hour; the hours without any are filled in below
      select date_trunc('hour', b.created_at) as hour, count(*) as backups
      from app.backups as b
      where b.course_id = allowed_course and b.assignment_id = target.id
        and b.created_at >= window_start and b.created_at < window_end + interval '1 hour'
      group by 1
    ),
    hours as (
      select h.hour, coalesce(c.backups, 0) as backups
      from generate_series(window_start, window_end, interval '1 hour') as h (hour)
      left join counted as c on h.hour = c.hour
    ),
    reminded as (
      select u.member_ids from units as u where u.progress = 'backed_up'
    )
    select jsonb_build_object(
      'name', target.name, 'display_name', target.display_name, 'offering', (
        select c.offering from app.courses as c where c.id = allowed_course
      ),
      'timezone', zone, 'due_at', target.due_at, 'lock_at', target.lock_at, 'section', assignment_stats.section,
      'sections', coalesce((
        select jsonb_agg(distinct e.section order by e.section) from app.enrollments as e
        where e.course_id = allowed_course and e.role = 'student' and e.section is not null
      ), '[]'::jsonb),
      'units', (
        select jsonb_build_object(
          'total', count(*),
          'not_started', count(*) filter (where u.progress = 'not_started'),
          'backed_up', count(*) filter (where u.progress = 'backed_up'),
          'submitted', count(*) filter (where u.progress = 'submitted'),
          'late', count(*) filter (where u.progress = 'late')
        ) from units as u
      ),
      'hours', (
        select jsonb_build_object(
          'labels', jsonb_agg(to_char(h.hour at time zone zone, 'Dy HH24:00') order by h.hour),
          'counts', jsonb_agg(h.backups order by h.hour)
        ) from hours as h
      ),
      'distributions', app.score_distributions((select array_agg(u.scores) from units as u)),
      'to_remind', coalesce((
        select jsonb_agg(jsonb_build_object('members', (
          select jsonb_agg(us.email order by us.email) from app.users as us where us.id = any(r.member_ids)
        )) order by r.member_ids) from reminded as r
      ), '[]'::jsonb),
      'to_remind_emails', coalesce((
        select jsonb_agg(us.email order by us.email)
        from reminded as r inner join app.users as us on us.id = any(r.member_ids)
      ), '[]'::jsonb)
    )
  );
end;
$$;

revoke all on function api.assignment_stats(text, text) from public;
grant execute on function api.assignment_stats(text, text) to ok_user;
comment on function api.assignment_stats(text, text) is
'The assignment stats page: units by progress, backups per hour, score distributions, whom to remind (staff).';
