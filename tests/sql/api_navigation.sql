-- The sidebar's courses (api.my_navigation): a student's own, a TA's marked as taught, every
-- course for a site admin, no answer to a visitor who is not signed in; terms as people say them, newest first.
begin;
select plan(8);
select tests.fixture();
insert into app.courses (offering, display_name) values ('cal/cs61a/sp27', 'CS 61A'), ('cal/cs10/fa25', 'CS 10');
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('s1@a.edu'), c.id, 'student' from app.courses c where c.offering in ('cal/cs61a/sp27', 'cal/cs10/fa25');

select tests.act_as('s1@a.edu');
select is((select jsonb_agg(c ->> 'offering') from jsonb_array_elements(api.my_navigation() -> 'courses') as c),
  '["cal/cs61a/sp27", "cal/cs61a/fa26", "cal/cs10/fa25"]'::jsonb, 'a student''s courses, the newest term first');
select is(api.my_navigation() -> 'courses' -> 0 ->> 'term', 'Spring 2027', 'terms as people say them');
select is((select bool_or((c ->> 'teaches')::boolean) from jsonb_array_elements(api.my_navigation() -> 'courses') as c),
  false, 'a student teaches nothing: no Teaching section');
select is((api.my_navigation() ->> 'is_admin')::boolean, false, 'and is no admin');
select tests.act_as('ta@a.edu');
select is(api.my_navigation() -> 'courses', '[{"offering": "cal/cs61a/fa26", "display_name": "CS 61A", "term": "Fall 2026",
  "role": "ta", "teaches": true, "active": true}]'::jsonb, 'a TA''s course, taught');
select tests.act_as('admin@x.edu');
select is(jsonb_array_length(api.my_navigation() -> 'courses'), 4, 'a site admin sees every course');
select is((select count(*)::int from jsonb_array_elements(api.my_navigation() -> 'courses') as c
  where c ->> 'role' = 'admin' and (c ->> 'teaches')::boolean), 4, 'as their admin, able to open the staff pages');
select tests.act_as_anon();
select throws_ok($$ select api.my_navigation() $$, '42501', null, 'a visitor who is not signed in may not ask');

select * from finish();
rollback;
