-- app.final_submissions(assignment_id): the backup that counts for every student or group of
-- an assignment, in one set-based query (no per-student loop):
--   * units: each current active group, and each student not in one; every enrolled student
--     and every group member is listed, and so is anyone who sent a backup without being
--     enrolled (enrolled = false);
--   * chosen backup: the group's flagged submission, else its newest submission, else (staff
--     see it marked as such) its newest plain backup; null when the unit sent nothing;
--   * lateness against the group's effective deadline: the due date, pushed to the latest
--     expiry of an extension granted to any member; a staff override of a backup's
--     submission time wins, then the extension's custom submission time;
--   * reason: a plain-language explanation ("flagged by ana@... on Nov 3 14:05",
--     "latest submission, 2 h late", "no submission: latest backup", "no backups yet").
-- Rows are filtered to what the caller may see: course staff and admins see every unit,
-- students only their own.
-- Called by: api.final_submissions, api.v3_submissions_get (through app.final_submission_ids),
-- grading queues, rollups. Security: definer (a student's row is computed from group-mates'
-- backups, flags and extensions), with the visibility filter above. Raises nothing.
-- requires: app.human_interval.sql
create or replace function app.final_submissions(assignment_id bigint)
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
  with target as (
    select a.id, a.course_id, a.due_at, c.timezone
    from app.assignments as a
    inner join app.courses as c on a.course_id = c.id
    where a.id = final_submissions.assignment_id
      and (
        auth.is_admin()
        or a.course_id = any(auth.course_ids('reader', 'ta', 'instructor'))
        or a.course_id = any(auth.course_ids('student', 'lab_assistant'))
        or exists (select 1 from app.backups as mine where mine.assignment_id = a.id and mine.submitter_id = auth.user_id())
      )
  ),
  people as (
    select e.user_id
    from target as t
    inner join app.enrollments as e on e.course_id = t.course_id and e.role = 'student'
    union
    select distinct b.submitter_id from target as t inner join app.backups as b on b.assignment_id = t.id
    union
    select gm.user_id from target as t inner join app.group_members as gm on gm.assignment_id = t.id
    where gm.status = 'active'
  ),
  units as (
    select p.user_id, gm.group_id, coalesce('g' || gm.group_id, 'u' || p.user_id) as unit
    from people as p
    cross join target as t
    left join app.group_members as gm
      on gm.assignment_id = t.id and gm.user_id = p.user_id and gm.status = 'active'
  ),
  members as (
    select
      u.unit, u.group_id, array_agg(u.user_id order by u.user_id) as member_ids,
      bool_or(exists (
        select 1 from app.enrollments as e, target as t where e.user_id = u.user_id and e.course_id = t.course_id
      )) as enrolled
    from units as u
    group by u.unit, u.group_id
  ),
  extended as (
    select distinct on (u.unit) u.unit, x.expires_at, x.custom_submission_time
    from units as u
    cross join target as t
    inner join app.extensions as x on x.assignment_id = t.id and x.user_id = u.user_id
    order by u.unit, x.expires_at desc
  ),
  chosen as (
    select distinct on (u.unit) u.unit, b.*
    from units as u
    cross join target as t
    inner join app.backups as b on b.assignment_id = t.id and b.submitter_id = u.user_id
    order by u.unit, b.flagged desc, b.submit desc, b.created_at desc, b.id desc
  ),
  timed as (
    select
      m.*, c.id as backup_id, c.submitter_id, c.submit, c.flagged, c.flagged_by, c.flagged_at,
      c.created_at,
      case
        when c.id is null then null
        when c.custom_submission_time is not null then c.custom_submission_time
        when x.custom_submission_time is not null and c.created_at <= x.expires_at then x.custom_submission_time
        else c.created_at
      end as submission_time,
      greatest(t.due_at, x.expires_at) as effective_due,
      t.timezone
    from members as m
    cross join target as t
    left join chosen as c on c.unit = m.unit
    left join extended as x on x.unit = m.unit
  )
  select
    tm.unit, tm.group_id, tm.member_ids, tm.enrolled, tm.backup_id, tm.submitter_id,
    coalesce(tm.submit, false), coalesce(tm.flagged, false), tm.created_at, tm.submission_time,
    tm.effective_due,
    case when tm.submission_time > tm.effective_due then tm.submission_time - tm.effective_due end,
    case
      when tm.backup_id is null then 'no backups yet'
      when tm.flagged then format('flagged by %s on %s', coalesce(f.email, 'staff'),
        to_char(coalesce(tm.flagged_at, tm.created_at) at time zone tm.timezone, 'Mon FMDD HH24:MI'))
      when tm.submit then 'latest submission, ' || case
        when tm.submission_time > tm.effective_due
          then app.human_interval(tm.submission_time - tm.effective_due) || ' late'
        else 'on time' end
      else 'no submission: latest backup'
    end
  from timed as tm
  left join app.users as f on tm.flagged_by = f.id
  where auth.is_admin()
     or (select t.course_id from target as t) = any(auth.course_ids('reader', 'ta', 'instructor'))
     or auth.user_id() = any(tm.member_ids)
$$;

revoke all on function app.final_submissions(bigint) from public;
grant execute on function app.final_submissions(bigint) to ok_api;
comment on function app.final_submissions(bigint) is
'The backup that counts for every student or group of an assignment, with lateness and a reason.';
