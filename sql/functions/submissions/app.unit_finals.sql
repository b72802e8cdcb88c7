-- app.unit_finals(assignment_id, for_user): the rule, by unit and by id: the backup that counts
-- for every student or group (unit) of an assignment, in one set-based query (no per-student
-- loop). (api.final_submissions is its face for people and clients: emails and backup keys
-- instead of ids; app.submitter_finals is the table of each submitter's own.)
--   * units: app.assignment_units (each current group, and each student not in one; anyone
--     who sent a backup without being enrolled is listed with enrolled = false);
--   * chosen backup: app.counting_backup among the members' own backups that count
--     (app.submitter_finals): the group's flagged submission, else its newest submission, else
--     (staff see it marked as such) its newest plain backup; null when the unit sent nothing;
--   * lateness: app.late_by(app.submission_time(...), effective due of app.effective_dates),
--     the rules every page and export uses;
--   * reason: a plain-language explanation ("flagged by ana@... on Tue Nov 3, 2:05 PM PST",
--     "latest submission, 2 h late", "no submission: latest backup", "no backups yet").
-- Rows are filtered to what the caller may see: course staff and admins see every unit,
-- students only their own. With for_user, only that user's unit is computed (the student's
-- assignment page): the same rule, without the cost of every other unit.
-- Called by: api.final_submissions, api.v3_submissions_get, api.v3_revision_post, api.assignment_page,
-- grading queues, rollups, the analytics snapshot analytics.final_submissions.
-- Security: definer (a student's row is computed from group-mates'
-- backups, flags and extensions), with the visibility filter above. Raises nothing.
-- requires: auth.is_staff_of.sql
-- requires: app.human_interval.sql, app.assignment_units.sql, app.effective_dates.sql, app.submission_time.sql
-- requires: app.late_by.sql, app.counting_backup.sql
create or replace function app.unit_finals(assignment_id bigint, for_user bigint default null)
returns table (
  unit text,
  group_id bigint,
  member_ids bigint[],
  enrolled boolean,
  backup_id bigint,
  submitter_id bigint,
  is_submission boolean,
  flagged boolean,
  created_at timestamptz,
  submission_time timestamptz,
  effective_due timestamptz,
  late_by interval,
  reason text
)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  with target as materialized (
    -- the caller's standing is decided once here, not per unit below
    select a.id, a.course_id, a.due_at, c.timezone, auth.is_staff_of(a.course_id) as caller_is_staff
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.id = unit_finals.assignment_id
      and (
        auth.is_staff_of(a.course_id)
        or a.course_id = any(auth.course_ids('student', 'lab_assistant'))
        or exists (select 1 from app.backups as mine where mine.assignment_id = a.id and mine.submitter_id = auth.user_id())
      )
  ),
  units as (
    select u.* from target as t cross join lateral app.assignment_units(t.id, unit_finals.for_user) as u
  ),
  -- the units the caller may see: every unit for staff, else the caller's own
  members as (
    select u.unit, u.group_id, min(u.member_ids) as member_ids, bool_or(u.enrolled) as enrolled
    from units as u
    group by u.unit, u.group_id
    having (select t.caller_is_staff from target as t) or (select auth.user_id()) = any(min(u.member_ids))
  ),
  -- materialized: lateness below is a column, so app.human_interval is inlined on it instead
  -- of being called once per unit on the whole expression
  timed as materialized (
    select
      m.*, c.id as backup_id, c.submitter_id, c.submit, c.flagged, c.flagged_by, c.flagged_at,
      c.created_at,
      case when c.id is not null then
        app.submission_time(c.created_at, c.custom_submission_time, d.extension_custom_time, d.extension_expires)
      end as submission_time,
      d.due_at as effective_due,
      t.timezone
    from members as m
    cross join target as t
    cross join lateral app.effective_dates(t.id, m.member_ids) as d
    -- the backup that counts (app.counting_backup) among the members' own (their rows of
    -- app.submitter_finals, kept by a trigger): a few index lookups per unit
    cross join lateral (
      select array_agg(s.backup_id) as backup_ids from app.submitter_finals as s
      where s.assignment_id = t.id and s.submitter_id = any(m.member_ids)
    ) as own
    left join lateral app.counting_backup(own.backup_ids) as cb on true
    left join app.backups as c on cb.backup_id = c.id
  )
  select
    tm.unit, tm.group_id, tm.member_ids, tm.enrolled, tm.backup_id, tm.submitter_id,
    coalesce(tm.submit, false), coalesce(tm.flagged, false), tm.created_at, tm.submission_time,
    tm.effective_due,
    tm.late_by,
    case
      when tm.backup_id is null then 'no backups yet'
      when tm.flagged then format('flagged by %s on %s', coalesce(f.email, 'staff'),
        app.course_time_text(coalesce(tm.flagged_at, tm.created_at), tm.timezone))
      when tm.submit then 'latest submission, ' || coalesce(app.human_interval(tm.late_by) || ' late', 'on time')
      else 'no submission: latest backup'
    end
  from (select t2.*, app.late_by(t2.submission_time, t2.effective_due) as late_by from timed as t2) as tm
  left join app.users as f on tm.flagged_by = f.id
$$;

revoke all on function app.unit_finals(bigint, bigint) from public;
grant execute on function app.unit_finals(bigint, bigint) to ok_api, ok_analytics_owner;
comment on function app.unit_finals(bigint, bigint) is
'The backup that counts for every student or group of an assignment, with lateness and a reason.';
