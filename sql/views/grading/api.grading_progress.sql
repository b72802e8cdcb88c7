-- api.grading_progress: per assignment and grader: tasks, done, left; the most outstanding
-- first. Read by: staff pages. Security: invoker (RLS: staff see their course's tasks).
create view api.grading_progress
with (security_invoker = true)
as
select
  a.name as assignment,
  u.email as grader,
  count(*) as tasks,
  count(*) filter (where t.score_id is not null) as done,
  count(*) filter (where t.score_id is null) as remaining
from app.grading_tasks as t
inner join app.assignments as a on t.assignment_id = a.id
inner join app.users as u on t.grader_id = u.id
group by a.name, u.email
order by a.name asc, remaining desc, u.email asc;

grant select on api.grading_progress to ok_user;
comment on view api.grading_progress is 'Grading tasks per assignment and grader: done and left.';
