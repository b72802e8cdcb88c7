-- analytics.assignment_progress: per assignment, how many enrolled students have started (sent
-- a backup), submitted, or not started, and how many extensions were granted or requested.
-- Read by: Metabase and researchers (ok_analytics); sql/questions/01_progress_per_assignment.sql.
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, refreshed by
-- analytics.refresh_snapshots with the owner's rights (its select-only policies).
create materialized view analytics.assignment_progress as
select
  a.course_id,
  a.id as assignment_id,
  a.name as assignment,
  count(e.user_id) as students,
  count(e.user_id) filter (where w.started) as started,
  count(e.user_id) filter (where w.submitted) as submitted,
  count(e.user_id) filter (where not coalesce(w.started, false)) as not_started,
  (
    select count(*) from app.extensions as x
    where x.assignment_id = a.id
  ) as extensions_granted,
  (
    select count(*) from app.extension_requests as r
    where r.assignment_id = a.id
  ) as extensions_requested
from app.assignments as a
inner join app.enrollments as e on a.course_id = e.course_id and e.role = 'student'
left join lateral (
  select
    true as started,
    bool_or(b.submit) as submitted
  from app.backups as b
  where b.assignment_id = a.id and b.submitter_id = e.user_id
  having count(*) > 0
) as w on true
group by a.course_id, a.id, a.name;

create unique index assignment_progress_key_idx on analytics.assignment_progress (assignment_id);
create index assignment_progress_course_idx on analytics.assignment_progress (course_id);

grant select on analytics.assignment_progress to ok_analytics;
comment on materialized view analytics.assignment_progress is 'Students started, submitted and not started, and extension counts, per assignment.';
comment on column analytics.assignment_progress.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.assignment_progress.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.assignment_progress.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.assignment_progress.students is 'Students enrolled in the assignment''s course.';
comment on column analytics.assignment_progress.started is 'Of them, students who sent at least one backup.';
comment on column analytics.assignment_progress.submitted is 'Of them, students who submitted at least once (their own submissions; a group mate''s does not count).';
comment on column analytics.assignment_progress.not_started is 'Students who sent no backup.';
comment on column analytics.assignment_progress.extensions_granted is 'Extensions granted on the assignment (one per student).';
comment on column analytics.assignment_progress.extensions_requested is 'Extension requests made by students, whatever their answer.';
