-- Group invitations stay inside the course's students; hidden assignments are hidden everywhere: students, lab assistants and anonymous callers
-- never see or act on one (okpy/ok listed them with their dates to anyone); the course's
-- staff and admins do. POST /api/v3/assignment/<name> changes only the fields it is sent.
begin;
select plan(20);
select tests.fixture();

create function pg_temp.listed(who text) returns text[] language plpgsql as $$
declare
  reply jsonb;
begin
  if who is null then
    perform tests.act_as_anon();
  else
    perform tests.act_as(who);
  end if;
  perform set_config('request.headers', '{"x-ok-offering": "cal/cs61a/fa26"}', true);
  reply := api.v3_course_assignments_get();
  perform set_config('role', 'none', true);
  return array(select a ->> 'name' from jsonb_array_elements(reply -> 'data' -> 'assignments') as a order by 1);
end;
$$;

select is(pg_temp.listed(null), array['cal/cs61a/fa26/hw01'], 'anonymous callers list only visible assignments');
select is(pg_temp.listed('s1@a.edu'), array['cal/cs61a/fa26/hw01'], 'so do students');
select is(pg_temp.listed('lab@a.edu'), array['cal/cs61a/fa26/hw01'], 'and lab assistants');
select is(pg_temp.listed('reader@a.edu'), array['cal/cs61a/fa26/hw01', 'cal/cs61a/fa26/secret'],
  'the course''s staff list the hidden one too');
select is(pg_temp.listed('ta@b.edu'), array['cal/cs61a/fa26/hw01'], 'staff of another course do not');

select tests.act_as('s1@a.edu');
select is((select count(*)::int from api.deadlines('cal/cs61a/fa26/secret')), 0, 'a student has no deadline for it');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/secret')), 0, 'nor a final submission');
select throws_ok($$ select api.request_extension('cal/cs61a/fa26/secret', 'please') $$, 'PT404',
  'No assignment cal/cs61a/fa26/secret', 'nor can ask for an extension on it');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/secret', 's2@a.edu') $$, 'PT404', null,
  'nor invite a partner for it');
select is(tests.v3('s1@a.edu', 'api.v3_group_get()', '{"x-ok-name": "cal/cs61a/fa26/secret", "x-ok-email": "s1@a.edu"}'),
  404, 'the group endpoint knows no hidden assignment');
select tests.act_as('lab@a.edu');
select is((select count(*)::int from api.deadlines('cal/cs61a/fa26/secret')), 0, 'a lab assistant has no deadline for it');
select tests.act_as('reader@a.edu');
select isnt((select count(*)::int from api.deadlines('cal/cs61a/fa26/secret')), 0, 'staff see its deadlines');

-- The group endpoint does not reveal whether an email exists.
select is(
  (select tests.v3('s1@a.edu', 'api.v3_group_get()', '{"x-ok-name": "cal/cs61a/fa26/hw01", "x-ok-email": "nobody@nowhere.edu"}')),
  (select tests.v3('s1@a.edu', 'api.v3_group_get()', '{"x-ok-name": "cal/cs61a/fa26/hw01", "x-ok-email": "s1@b.edu"}')),
  'an unknown email and another student''s answer alike');

-- Invitations: from a student of the course, to a student of the course; an outsider cannot
-- tie a student up in a group (and block them from others).
select tests.act_as('s1@b.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'PT403',
  'Only students of this course can invite partners', 'a student of another course cannot invite');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu') $$, 'PT403',
  'Only students of this course can invite partners', 'staff do not join student groups by invitation');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 'reader@a.edu') $$, 'PT422',
  'reader@a.edu is not a student of this course', 'students invite only students');
select throws_ok($$ select api.group_invite('cal/cs61a/fa26/hw01', 'ghost@a.edu') $$, 'PT422',
  'ghost@a.edu is not a student of this course', 'and an unknown email gets the same answer');

-- An update changes only what it is sent.
select is(tests.v3('ta@a.edu', 'api.v3_assignment_post(display_name => ''Secret project'')',
  '{"x-ok-name": "cal/cs61a/fa26/secret"}'), 200, 'a TA renames the hidden assignment');
reset role;
select is((select visible from app.assignments where name = 'cal/cs61a/fa26/secret'), false,
  'it stays hidden (an update without "visible" no longer un-hides it)');
select is((select display_name || ' ' || (lock_at - due_at)::text from app.assignments where name = 'cal/cs61a/fa26/secret'),
  'Secret project 1 day', 'its dates are kept');

select * from finish();
rollback;
