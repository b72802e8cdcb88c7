-- A student's course page (api.course_page): every visible assignment with their own status
-- (by the backup that counts for their unit), their effective due date (an extension of any
-- group member moves it) and published scores; nothing of a classmate's.
begin;
select plan(8);
select tests.fixture();
insert into app.assignments (course_id, name, display_name, due_at, lock_at, visible)
select c.id, 'cal/cs61a/fa26/hw02', 'Homework 2', now() - interval '2 days', now() + interval '5 days', true
from app.courses c where c.offering = 'cal/cs61a/fa26';
-- s1 submits hw02 late; s2 has only a backup of hw02
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id(e.email), e.email = 's1@a.edu'
from app.assignments a cross join (values ('s1@a.edu'), ('s2@a.edu')) as e (email)
where a.name = 'cal/cs61a/fa26/hw02';

select tests.act_as('s1@a.edu');
select is((select jsonb_object_agg(a ->> 'name', a ->> 'status') from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a),
  '{"cal/cs61a/fa26/hw01": "submitted", "cal/cs61a/fa26/hw02": "late"}'::jsonb,
  'the student''s status on each visible assignment (the hidden one is not listed)');
select isnt(api.course_page('cal/cs61a/fa26') -> 'assignments' -> 0 ->> 'final_key', null, 'with the backup that counts');
select is((select a -> 'scores' from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw01'), '[]'::jsonb, 'no score yet');
select tests.act_as('s2@a.edu');
select is((select a ->> 'status' from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw02'), 'backed up', 'a backup without a submission');
select tests.act_as('ta@a.edu');
select api.grant_extension('cal/cs61a/fa26/hw02', 's1@a.edu', to_char(now() + interval '3 days', 'YYYY-MM-DD"T"HH24:MI'), reason => 'ill');
select api.grade('cal/cs61a/fa26/hw01', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit and b.assignment_id =
  (select id from app.assignments where name = 'cal/cs61a/fa26/hw01')), 'total', '7');
select tests.act_as('s1@a.edu');
select is((select (a ->> 'extended')::boolean from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw02'), true, 'an extension moves the student''s due date');
select is((select a ->> 'status' from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw02'), 'submitted', 'and the submission is on time again');
select is((select a -> 'scores' from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw01'), '[{"kind": "total", "score": 7}]'::jsonb,
  'published scores (total is published for hw01)');
select tests.act_as('s2@a.edu');
select is((select (a ->> 'extended')::boolean from jsonb_array_elements(api.course_page('cal/cs61a/fa26') -> 'assignments') as a
  where a ->> 'name' = 'cal/cs61a/fa26/hw02'), false, 'a classmate''s extension is not theirs');

select * from finish();
rollback;
