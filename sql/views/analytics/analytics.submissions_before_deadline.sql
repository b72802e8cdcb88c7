-- analytics.submissions_before_deadline: submissions per whole hour before (negative: after)
-- each assignment's due date: when do students submit? Read by: Metabase and
-- researchers (ok_analytics); sql/questions/02_submissions_before_deadline.sql.
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, refreshed by
-- analytics.refresh_snapshots with the owner's rights (its select-only policies).
create materialized view analytics.submissions_before_deadline as
select
  a.course_id,
  a.id as assignment_id,
  a.name as assignment,
  floor(extract(epoch from a.due_at - b.created_at) / 3600)::integer as hours_before_due,
  count(*) as submissions,
  count(distinct b.submitter_id) as students
from app.backups as b
inner join app.assignments as a on b.assignment_id = a.id
where b.submit
group by a.course_id, a.id, a.name, floor(extract(epoch from a.due_at - b.created_at) / 3600)::integer;

create unique index submissions_before_deadline_key_idx on analytics.submissions_before_deadline (assignment_id, hours_before_due);
create index submissions_before_deadline_course_idx on analytics.submissions_before_deadline (course_id);

grant select on analytics.submissions_before_deadline to ok_analytics;
comment on materialized view analytics.submissions_before_deadline is 'Submissions per hour before (or after) the due date.';
comment on column analytics.submissions_before_deadline.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.submissions_before_deadline.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.submissions_before_deadline.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.submissions_before_deadline.hours_before_due is 'Whole hours between the submission and the due date: 0 is the last hour before it, negative is late.';
comment on column analytics.submissions_before_deadline.submissions is 'Submissions in that hour.';
comment on column analytics.submissions_before_deadline.students is 'Distinct students who submitted in that hour.';
