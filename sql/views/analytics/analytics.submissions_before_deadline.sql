-- analytics.submissions_before_deadline: submissions per whole hour before (negative: after)
-- each assignment's due date: when do students submit? Read by: Metabase. Security: owner rights.
create view analytics.submissions_before_deadline
with (security_barrier = true)
as
select
  a.id as assignment_id,
  a.name as assignment,
  floor(extract(epoch from a.due_at - b.created_at) / 3600)::integer as hours_before_due,
  count(*) as submissions,
  count(distinct b.submitter_id) as students
from app.backups as b
inner join app.assignments as a on b.assignment_id = a.id
where b.submit
group by a.id, a.name, floor(extract(epoch from a.due_at - b.created_at) / 3600)::integer;

grant select on analytics.submissions_before_deadline to ok_analytics;
comment on view analytics.submissions_before_deadline is 'Submissions per hour before (or after) the due date.';
comment on column analytics.submissions_before_deadline.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.submissions_before_deadline.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.submissions_before_deadline.hours_before_due is 'Whole hours between the submission and the due date: 0 is the last hour before it, negative is late.';
comment on column analytics.submissions_before_deadline.submissions is 'Submissions in that hour.';
comment on column analytics.submissions_before_deadline.students is 'Distinct students who submitted in that hour.';
