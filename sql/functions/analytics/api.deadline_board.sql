-- api.deadline_board(offering): the live deadline-night board of a course, for its staff, as
-- one answer the page (and each live update of it) renders:
--   * per_minute: backups and submissions in each of the last 60 minutes (course time);
--   * last_5_minutes: backups, submissions and students sending, and the intake latency
--     (app.backups.queued_ms: from the front door receiving an upload to its backup being
--     stored) as p50, p95 and max in ms over the uploads that carried it;
--   * assignments due from 12 hours ago to 7 days ahead or still open for submissions (at
--     most 6, soonest first), each with its students by where their unit stands
--     (app.unit_finals and app.unit_progress, the rules every page uses): submitted on time,
--     submitted late (after the unit's effective due date), backups but no submission, nothing;
--   * errors: the course's jobs (exports, autograding) that failed or are retrying after an
--     error in the last 2 hours (at most 10).
-- Times as timestamptz with the course's time zone (the page shows them in it). A fixed
-- number of set-based queries, whatever the course size.
-- Called by: GET /staff/<offering>/live and its event stream (web/live.py), under the
-- caller's role. Security: definer as ok_api (the caller's RLS) after app.require_staff.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, app.unit_finals.sql, app.unit_progress.sql
create or replace function api.deadline_board(offering text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course bigint := app.require_staff(deadline_board.offering, 'course');
begin
  return (
    select jsonb_build_object(
      'course', jsonb_build_object('id', c.id, 'offering', c.offering, 'display_name', c.display_name, 'timezone', c.timezone),
      'now', now(),
      'per_minute', (
        select jsonb_agg(jsonb_build_object(
            'minute', m.minute, 'backups', coalesce(r.backups, 0), 'submissions', coalesce(r.submissions, 0))
          order by m.minute)
        from generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()),
                             interval '1 minute') as m (minute)
        left join (
          select date_trunc('minute', b.created_at) as minute, count(*) as backups, count(*) filter (where b.submit) as submissions
          from app.backups as b
          where b.course_id = course and b.created_at >= date_trunc('minute', now()) - interval '59 minutes'
          group by 1
        ) as r on m.minute = r.minute
      ),
      'last_5_minutes', (
        select jsonb_build_object(
          'backups', count(*), 'submissions', count(*) filter (where b.submit),
          'students', count(distinct b.submitter_id),
          'latency_samples', count(b.queued_ms),
          'latency_p50_ms', percentile_disc(0.5) within group (order by b.queued_ms),
          'latency_p95_ms', percentile_disc(0.95) within group (order by b.queued_ms),
          'latency_max_ms', max(b.queued_ms))
        from app.backups as b
        where b.course_id = course and b.created_at >= now() - interval '5 minutes'
      ),
      'assignments', coalesce((
        select jsonb_agg(jsonb_build_object(
            'name', a.name, 'display_name', a.display_name, 'due_at', a.due_at, 'lock_at', a.lock_at,
            'submitted', p.submitted, 'backed_up', p.backed_up, 'not_started', p.not_started,
            'late', p.late) order by a.due_at, a.name)
        from (
          select x.* from app.assignments as x
          where x.course_id = course
            and (x.due_at between now() - interval '12 hours' and now() + interval '7 days'
                 or (x.lock_at > now() and x.due_at <= now()))
          order by x.due_at, x.name limit 6
        ) as a
        cross join lateral (
          -- students (a group's members count each), by where their unit stands
          select
            coalesce(sum(cardinality(f.member_ids)) filter (where u.progress = 'submitted'), 0) as submitted,
            coalesce(sum(cardinality(f.member_ids)) filter (where u.progress = 'late'), 0) as late,
            coalesce(sum(cardinality(f.member_ids)) filter (where u.progress = 'backed_up'), 0) as backed_up,
            coalesce(sum(cardinality(f.member_ids)) filter (where u.progress = 'not_started'), 0) as not_started
          from app.unit_finals(a.id) as f
          cross join lateral (select app.unit_progress(f.backup_id, f.is_submission, f.late_by) as progress) as u
          where f.enrolled
        ) as p
      ), '[]'::jsonb),
      'errors', coalesce((
        select jsonb_agg(jsonb_build_object(
            'job_id', j.id, 'description', j.description, 'state', j.status, 'error', left(j.error, 300),
            'at', j.updated_at) order by j.updated_at desc)
        from (
          select x.* from app.jobs as x
          where x.course_id = course and x.error is not null and x.status in ('failed', 'queued')
            and x.updated_at >= now() - interval '2 hours'
          order by x.updated_at desc limit 10
        ) as j
      ), '[]'::jsonb)
    )
    from app.courses as c where c.id = course
  );
end;
$$;

revoke all on function api.deadline_board(text) from public;
alter function api.deadline_board(text) owner to ok_api;
grant execute on function api.deadline_board(text) to ok_user;
comment on function api.deadline_board(text) is
'The live deadline board of a course: uploads per minute, intake latency, progress, late work, errors (course staff).';
