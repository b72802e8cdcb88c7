-- Page functions: each staff page is one api call that returns everything it shows, and
-- refuses everyone but the course's staff with a reason (app.require_staff).
begin;
select plan(17);
select tests.fixture();

select tests.act_as('reader@a.edu');
select is(api.staff_course_page('cal/cs61a/fa26') ->> 'timezone', 'America/Los_Angeles', 'the course page carries its zone');
select is(
  (select jsonb_agg(a ->> 'name' order by a ->> 'name') from jsonb_array_elements(api.staff_course_page('cal/cs61a/fa26') -> 'assignments') as a),
  '["cal/cs61a/fa26/hw01", "cal/cs61a/fa26/secret"]'::jsonb, 'staff see every assignment, the hidden one too');
select is(jsonb_typeof(api.staff_course_page('cal/cs61a/fa26') -> 'requests'), 'array', 'and the extension requests');

select is(api.staff_assignment_page('cal/cs61a/fa26/hw01') ->> 'timezone', 'America/Los_Angeles', 'the assignment page carries its zone');
select is(jsonb_array_length(api.staff_assignment_page('cal/cs61a/fa26/hw01') -> 'finals'),
  (select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 'the final submissions are api.final_submissions''');
select is((api.staff_assignment_page('cal/cs61a/fa26/hw01') ->> 'unqueued')::int,
  (select count(*)::int from api.unqueued_submissions('cal/cs61a/fa26/hw01')), 'the unqueued count is api.unqueued_submissions''');
select is(api.staff_assignment_page('cal/cs61a/fa26/secret') ->> 'name', 'cal/cs61a/fa26/secret', 'a hidden assignment''s page, for staff');

select tests.act_as('s1@a.edu');
select throws_ok($$ select api.staff_course_page('cal/cs61a/fa26') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a student is refused the course page, with the reason');
select throws_ok($$ select api.staff_assignment_page('cal/cs61a/fa26/secret') $$, 'PT404',
  'No assignment cal/cs61a/fa26/secret', 'a hidden assignment''s page is refused as if it did not exist');
select throws_ok($$ select api.staff_assignment_page('cal/cs61a/fa26/nothing') $$, 'PT404',
  'No assignment cal/cs61a/fa26/nothing', 'exactly as a name that does not exist');
select throws_ok($$ select api.staff_assignment_page('cal/cs61a/fa26/hw01') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a visible assignment''s staff page is refused with the reason');

select tests.act_as('lab@a.edu');
select throws_ok($$ select api.staff_course_page('cal/cs61a/fa26') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a lab assistant is not staff');

select tests.act_as('ta@b.edu');
select throws_ok($$ select api.staff_assignment_page('cal/cs61a/fa26/hw01') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'another course''s TA is refused');
select throws_ok($$ select api.staff_course_page('cal/nothing/fa26') $$, 'PT404',
  'No course cal/nothing/fa26', 'an unknown course is named in the refusal');
select throws_ok($$ select api.staff_course_page('cal/cs61a/fa26/hw01') $$, 'PT404',
  'No course cal/cs61a/fa26/hw01', 'an assignment name is not a course');
select throws_ok($$ select api.staff_assignment_page('cal/cs61a/fa26') $$, 'PT404',
  'No assignment cal/cs61a/fa26', 'an offering is not an assignment');

select tests.act_as_anon();
select throws_ok($$ select api.staff_course_page('cal/cs61a/fa26') $$, '42501', null, 'anonymous callers may not call it at all');

select * from finish();
rollback;
