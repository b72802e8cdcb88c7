-- Progress for staff (issue #10, points 5 and 6): an assignment's stats (units by progress
-- from app.unit_finals, backups per hour, whom to remind) and one student's page (every
-- assignment's final submission, group and scores, and a timeline from the stored messages);
-- the course's staff only.
begin;
select plan(14);
select tests.fixture();
-- s3 has only a backup (with a grading message and files); s4 has nothing
insert into app.users (email) values ('s3@a.edu'), ('s4@a.edu');
insert into app.enrollments (user_id, course_id, role, section)
select u.id, c.id, 'student', '102' from app.users u, app.courses c
where u.email in ('s3@a.edu', 's4@a.edu') and c.offering = 'cal/cs61a/fa26';
with b as (
  insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at)
  select a.id, a.course_id, tests.user_id('s3@a.edu'), false, now() - interval '1 hour' * g
  from app.assignments a cross join generate_series(1, 2) as g where a.name = 'cal/cs61a/fa26/hw01'
  returning id, created_at
)
insert into app.messages (backup_id, kind, contents)
select b.id, k.kind, case k.kind
  when 'file_contents' then case when b.created_at < now() - interval '90 minutes'
    then '{"hw01.py": "a\nb\n"}'::jsonb else '{"hw01.py": "a\nc\nd\n"}'::jsonb end
  when 'grading' then '{"q1": {"passed": 2, "failed": 1, "locked": 0}, "q2": {"passed": 1, "failed": 0, "locked": 0}}'::jsonb
  else '{"history": {"questions": {"q1": {"attempts": 1}, "q2": {"attempts": 3}}}}'::jsonb end
from b cross join (values ('file_contents'), ('grading'), ('analytics')) as k (kind);

select tests.act_as('reader@a.edu');
select is(api.assignment_stats('cal/cs61a/fa26/hw01') -> 'units',
  '{"total": 4, "not_started": 1, "backed_up": 1, "submitted": 2, "late": 0}'::jsonb, 'units by progress');
select is(api.assignment_stats('cal/cs61a/fa26/hw01', '102') -> 'units' -> 'total', '2'::jsonb, 'filtered by section');
select is((select jsonb_agg(s ->> 'email' order by s ->> 'email') from jsonb_array_elements(api.gradebook('cal/cs61a/fa26', '102') -> 'students') as s),
  '["s3@a.edu", "s4@a.edu"]'::jsonb, 'the gradebook filters by section too');
select is(api.assignment_stats('cal/cs61a/fa26/hw01') -> 'to_remind_emails', '["s3@a.edu"]'::jsonb,
  'whom to remind: backups but no submission');
select is((select sum(c::integer) from jsonb_array_elements_text(api.assignment_stats('cal/cs61a/fa26/hw01') -> 'hours' -> 'counts') as c),
  (select count(*) from app.backups where assignment_id = (select id from app.assignments where name = 'cal/cs61a/fa26/hw01')),
  'every backup of the week before the deadline is in an hour');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.assignment_stats('cal/cs61a/fa26/hw01') $$, 'PT403', null, 'a student sees no stats');
select throws_ok($$ select api.student_page('cal/cs61a/fa26', 's2@a.edu') $$, 'PT403', null, 'nor a classmate''s page');

select tests.act_as('reader@a.edu');
select is(api.student_page('cal/cs61a/fa26', 'S3@a.edu') -> 'student' ->> 'section', '102', 'a student''s page, by email');
select is((select jsonb_build_array(a ->> 'is_submission', a ->> 'backups', a ->> 'reason')
  from jsonb_array_elements(api.student_page('cal/cs61a/fa26', 's3@a.edu') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw01'), '["false", "2", "no submission: latest backup"]'::jsonb,
  'each assignment with the backup that counts and why');
select is((select jsonb_agg(jsonb_build_array(t -> 'passed', t -> 'failed', t -> 'questions', t -> 'added', t -> 'removed'))
  from jsonb_array_elements(api.student_page('cal/cs61a/fa26', 's3@a.edu') -> 'timeline') as t),
  '[[3, 1, 2, 3, 0], [3, 1, 2, 2, 1]]'::jsonb, 'the timeline: tests, questions tried, lines added and removed');
select is(api.student_page('cal/cs61a/fa26', 's3@a.edu') -> 'chart' -> 'changed', '[3, 3]'::jsonb, 'the chart''s series');
select throws_ok($$ select api.student_page('cal/cs61a/fa26', 's1@b.edu') $$, 'PT404',
  's1@b.edu is not enrolled in cal/cs61a/fa26', 'a student of another course is not found');
select tests.act_as('ta@b.edu');
select throws_ok($$ select api.student_page('cal/cs61a/fa26', 's1@a.edu') $$, 'PT403', null, 'staff of another course are refused');
select tests.act_as('ta@a.edu');
select api.grade('cal/cs61a/fa26/hw01', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), 'composition', '2');
select is((select a -> 'scores' from jsonb_array_elements(api.student_page('cal/cs61a/fa26', 's1@a.edu') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw01'), '[{"kind": "composition", "score": 2, "published": false}]'::jsonb,
  'scores with whether students see them');

select * from finish();
rollback;
