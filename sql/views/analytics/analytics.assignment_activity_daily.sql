-- analytics.assignment_activity_daily: backups and submissions per assignment per day, and
-- how many distinct students were active. No emails, names or SIDs: only counts.
-- Read by: Metabase and researchers (ok_analytics).
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, refreshed by
-- analytics.refresh_snapshots with the owner's rights (its select-only policies).
create materialized view analytics.assignment_activity_daily as
select
  a.course_id,
  a.id as assignment_id,
  a.name as assignment,
  (b.created_at at time zone 'UTC')::date as day_utc,
  count(*) as backups,
  count(*) filter (where b.submit) as submissions,
  count(distinct b.submitter_id) as active_students
from app.backups as b
inner join app.assignments as a on b.assignment_id = a.id
group by a.course_id, a.id, a.name, (b.created_at at time zone 'UTC')::date;

create unique index assignment_activity_daily_key_idx on analytics.assignment_activity_daily (assignment_id, day_utc);
create index assignment_activity_daily_course_idx on analytics.assignment_activity_daily (course_id, day_utc);

grant select on analytics.assignment_activity_daily to ok_analytics;
comment on materialized view analytics.assignment_activity_daily is
'Backups, submissions and active students per assignment and UTC day.';
comment on column analytics.assignment_activity_daily.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.assignment_activity_daily.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.assignment_activity_daily.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.assignment_activity_daily.day_utc is 'The day, in UTC, the backups arrived.';
comment on column analytics.assignment_activity_daily.backups is 'Backups that arrived that day (submissions included).';
comment on column analytics.assignment_activity_daily.submissions is 'Of them, submissions.';
comment on column analytics.assignment_activity_daily.active_students is 'Students (submitters) who sent at least one backup that day.';
