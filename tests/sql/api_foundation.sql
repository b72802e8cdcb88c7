-- The foundation's api functions under each role: what is allowed, what is refused (SQLSTATE).
begin;
select plan(34);
select tests.fixture();

-- api.create_user: admins only.
select tests.act_as_anon();
select throws_ok($$ select api.create_user('new@x.edu') $$, '42501', null, 'anonymous cannot create users');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.create_user('new@x.edu') $$, '42501', null, 'a student cannot create users');
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.create_user('new@x.edu') $$, '42501', null, 'an instructor cannot create users');
select tests.act_as('admin@x.edu');
select is((api.create_user('New@X.edu', 'Nia', false)) ->> 'email', 'New@X.edu', 'an admin creates a user');
select throws_ok($$ select api.create_user('new@x.edu') $$, 'PT409', 'User new@x.edu already exists',
  'the same email in another case is the same user');
select throws_ok($$ select api.create_user('no-at-sign') $$, 'PT422', null, 'a malformed email is refused');

-- api.create_course: admins only; offering, name and timezone validated.
select lives_ok($$ select api.create_course('cal/data8/sp27', 'Data 8', 'America/New_York') $$,
  'an admin opens a course');
select throws_ok($$ select api.create_course('data8', 'Data 8') $$, 'PT422', null, 'a malformed offering is refused');
select throws_ok($$ select api.create_course('oauth/x/sp27', 'X') $$, 'PT422', null, 'a reserved offering is refused');
select throws_ok($$ select api.create_course('cal/x/sp27', ' ') $$, 'PT422', 'A display name is required',
  'a display name is required');
select throws_ok($$ select api.create_course('cal/x/sp27', 'X', 'Nowhere/City') $$, 'PT422',
  'Unknown timezone ''Nowhere/City''', 'an unknown timezone is refused');
select throws_ok($$ select api.create_course('cal/data8/sp27', 'Again') $$, 'PT409', null,
  'an offering exists once');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.create_course('cal/y/sp27', 'Y') $$, '42501', null, 'staff cannot open courses');

-- api.create_assignment: TAs and instructors of the course, and admins.
select tests.act_as('ta@a.edu');
select is(
  (api.create_assignment('cal/cs61a/fa26/lab01', 'Lab 1', '2026-12-01T23:59', '2026-12-02 23:59')) ->> 'due_at',
  '2026-12-02T07:59:00+00:00',
  'a TA creates an assignment; naive dates are course-local (Los Angeles)'
);
select is(
  (api.create_assignment('cal/cs61a/fa26/lab02', 'Lab 2', '2026-12-01T23:59:00Z', '2026-12-01T23:59:00Z')) ->> 'lock_at',
  '2026-12-01T23:59:00+00:00',
  'dates with an offset are taken as given'
);
select throws_ok($$ select api.create_assignment('cal/cs61b/fa26/lab01', 'x', '2026-12-01', '2026-12-02') $$,
  'PT403', null, 'a TA of another course is refused');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab03', 'x', '2026-12-02', '2026-12-01') $$,
  'PT422', 'The lock date must not be before the due date', 'lock before due is refused');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab03', 'x', 'tomorrow-ish', '2026-12-01') $$,
  'PT422', null, 'an unreadable date is refused');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab-3', 'x', '2026-12-01', '2026-12-01') $$,
  'PT422', null, 'a malformed assignment name is refused');
select throws_ok($$ select api.create_assignment('cal/nope/fa26/lab01', 'x', '2026-12-01', '2026-12-01') $$,
  'PT404', 'No course cal/nope/fa26', 'an assignment of an unknown course is refused');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab01', 'x', '2026-12-01', '2026-12-01') $$,
  'PT409', null, 'an assignment name exists once');
select tests.act_as('reader@a.edu');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab04', 'x', '2026-12-01', '2026-12-01') $$,
  'PT403', null, 'a reader cannot create assignments');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab04', 'x', '2026-12-01', '2026-12-01') $$,
  'PT403', null, 'a student cannot create assignments');
select tests.act_as_anon();
select throws_ok($$ select api.create_assignment('cal/cs61a/fa26/lab04', 'x', '2026-12-01', '2026-12-01') $$,
  '42501', null, 'anonymous cannot create assignments');

-- api.enroll: instructors of the course and admins; readers and TAs cannot.
select tests.act_as('instructor@a.edu');
select is((api.enroll('cal/cs61a/fa26', 'fresh@a.edu', 'lab-assistant', '123', '101')) ->> 'role', 'lab_assistant',
  'an instructor enrolls a user who never logged in');
select is((api.enroll('cal/cs61a/fa26', 'fresh@a.edu', 'reader')) ->> 'sid', '123',
  're-enrolling changes the role and keeps the SID');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 'x@a.edu', 'wizard') $$, 'PT422', null,
  'an unknown role is refused');
select throws_ok($$ select api.enroll('cal/cs61b/fa26', 'x@a.edu', 'student') $$, 'PT403', null,
  'an instructor of another course is refused');
select throws_ok($$ select api.enroll('cal/none/fa26', 'x@a.edu', 'student') $$, 'PT404', null,
  'an unknown course is refused');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 'x@a.edu', 'student') $$, 'PT403', null,
  'a TA cannot change enrollment');
select tests.act_as('reader@a.edu');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 'x@a.edu', 'ta') $$, 'PT403', null,
  'a reader cannot change enrollment (the original let them)');

-- api.issue_token and api.set_client_version: admins only.
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.issue_token('s1@a.edu') $$, '42501', null, 'a student cannot mint tokens');
select tests.act_as('admin@x.edu');
select is(
  (select t ->> 'refresh_token' is not null and (t -> 'claims' ->> 'role') = 'ok_user'
     and not exists (select 1 from auth.oauth_tokens as o where o.refresh_token_hash = t ->> 'refresh_token')
   from api.issue_token('s1@a.edu', 'email', 600) as t),
  true,
  'an admin mints a token; only the refresh token''s hash is stored'
);
select throws_ok($$ select api.set_client_version('ok-client', 'latest') $$, 'PT422', null,
  'a malformed version is refused');

select * from finish();
rollback;
