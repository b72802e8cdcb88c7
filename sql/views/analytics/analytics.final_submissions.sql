-- analytics.final_submissions: for every enrolled student and assignment, the backup that
-- counts for their unit (app.unit_finals: the rule every page and export uses) with its
-- lateness (app.late_by there), the effective due date (extensions of any member included)
-- and the unit's pseudonym. No email, name or SID.
-- Read by: Metabase and researchers (ok_analytics); sql/questions/07_lateness_and_extensions.sql;
-- the research export.
-- Security: a snapshot owned by ok_analytics_owner, refreshed by analytics.refresh_snapshots,
-- which computes it as a site admin would see it (app.unit_finals shows staff every unit).
-- requires: analytics.student_key.sql, analytics.unit_key.sql
create materialized view analytics.final_submissions as
-- each pseudonym computed once per person (a key is an HMAC); a unit's key from its members'
-- keys, over the unit's rows (a window, not a join back)
with keys as materialized (
  select
    e.course_id,
    e.user_id,
    analytics.student_key(e.course_id, e.user_id) as student_key
  from app.enrollments as e
),

finals as (
  select
    a.course_id,
    a.id as assignment_id,
    a.due_at,
    f.*,
    m.user_id as member_id
  from app.assignments as a
  cross join lateral app.unit_finals(a.id) as f
  cross join lateral unnest(f.member_ids) as m (user_id)
),

keyed as (
  select
    f.*,
    k.student_key,
    analytics.unit_key(array_agg(k.student_key) over (
      partition by f.assignment_id, f.unit order by f.member_id rows between unbounded preceding and unbounded following
    )) as unit_key
  from finals as f
  inner join keys as k on f.course_id = k.course_id and f.member_id = k.user_id
)

select
  f.course_id,
  f.assignment_id,
  f.student_key,
  f.unit_key,
  cardinality(f.member_ids) as unit_size,
  f.backup_id,
  f.backup_id is not null as has_backup,
  f.is_submission,
  f.flagged,
  f.submission_time as submitted_at,
  f.due_at,
  f.effective_due as effective_due_at,
  f.effective_due > f.due_at as extended,
  f.late_by is not null as late,
  round((extract(epoch from f.late_by) / 3600)::numeric, 2) as hours_late
from keyed as f
inner join app.enrollments as e on f.member_id = e.user_id and f.course_id = e.course_id and e.role = 'student';

create unique index final_submissions_key_idx on analytics.final_submissions (assignment_id, student_key);
create index final_submissions_course_idx on analytics.final_submissions (course_id, assignment_id);

grant select on analytics.final_submissions to ok_analytics;
comment on materialized view analytics.final_submissions is
'Per enrolled student and assignment: the backup that counts for their unit, its lateness and the effective due date.';
comment on column analytics.final_submissions.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.final_submissions.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.final_submissions.student_key is 'The student''s pseudonym in this course (analytics.student_key).';
comment on column analytics.final_submissions.unit_key is 'The pseudonym of the student''s unit: their group, or themselves alone (a hash of the members'' keys).';
comment on column analytics.final_submissions.unit_size is 'Members of the unit (1 for a student working alone).';
comment on column analytics.final_submissions.backup_id is 'The backup that counts for the unit (null when it sent none).';
comment on column analytics.final_submissions.has_backup is 'Whether the unit sent any backup.';
comment on column analytics.final_submissions.is_submission is 'Whether the backup that counts is a submission (else the newest plain backup counts).';
comment on column analytics.final_submissions.flagged is 'Whether staff or the student flagged it as the one to grade.';
comment on column analytics.final_submissions.submitted_at is 'When it counts as submitted (a staff override or an extension''s custom time, else when it arrived; UTC).';
comment on column analytics.final_submissions.due_at is 'The assignment''s due date (UTC).';
comment on column analytics.final_submissions.effective_due_at is 'The unit''s effective due date: the due date pushed back by the latest extension of any member (UTC).';
comment on column analytics.final_submissions.extended is 'Whether an extension moved the unit''s due date.';
comment on column analytics.final_submissions.late is 'Whether it counts as submitted after the effective due date.';
comment on column analytics.final_submissions.hours_late is 'How late, in hours (null when on time).';
