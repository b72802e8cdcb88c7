-- Row-level security of the foundation, role by role, and the pre-request token check.
begin;
select plan(22);
select tests.fixture();

select tests.act_as_anon();
select is((select count(*)::int from app.courses), 2, 'anonymous sees the course list');
select is((select count(*)::int from app.assignments), 2, 'anonymous sees visible assignments only');
select throws_ok($$ select count(*) from app.backups $$, '42501', null, 'anonymous cannot read backups at all');
select throws_ok($$ select count(*) from app.users $$, '42501', null, 'anonymous cannot read users at all');

select tests.act_as('s1@a.edu');
select is((select count(*)::int from app.backups), 2, 'a student sees only their own backups');
select is((select count(*)::int from app.messages), 2, 'a student sees only their own backups'' messages');
select is(
  (select string_agg(email::text, ',' order by email) from app.users),
  'instructor@a.edu,reader@a.edu,s1@a.edu,ta@a.edu',
  'a student sees themself and their course''s staff, not other students or other courses'
);
select is((select count(*)::int from app.enrollments), 1, 'a student sees only their own enrollment');
select is((select count(*)::int from app.assignments), 2, 'a student does not see hidden assignments');
select is((select count(*)::int from api.my_enrollments), 1, 'api.my_enrollments lists the student''s course');
select throws_ok(
  $$ insert into app.backups (assignment_id, course_id, submitter_id)
     select a.id, a.course_id, tests.user_id('s2@a.edu') from app.assignments as a
     where a.name = 'cal/cs61a/fa26/hw01' $$,
  '42501', null, 'a student cannot store a backup in another student''s name'
);
select throws_ok($$ update app.backups set flagged = true where submit $$, '42501', null,
  'a student cannot change backups directly: request roles write no table');

select tests.act_as('lab@a.edu');
select is((select count(*)::int from app.backups), 0, 'a lab assistant has no staff view of backups');

select tests.act_as('reader@a.edu');
select is((select count(*)::int from app.backups), 4, 'a reader sees the course''s backups');
select is((select count(*)::int from app.assignments), 3, 'staff see every visible assignment and the hidden ones of their own course');
select tests.act_as_api('reader@a.edu');
with changed as (update app.courses set display_name = 'Hacked' returning 1)
select is(count(*)::int, 0, 'a reader cannot change course settings') from changed;

select tests.act_as('ta@b.edu');
select is((select count(*)::int from app.backups), 2, 'staff of another course see only their own course''s backups');
select is((select count(*)::int from app.users where email = 's1@a.edu'), 0, 'nor that course''s students');

select tests.act_as_api('instructor@a.edu');
with changed as (update app.courses set display_name = 'CS 61A!' returning 1)
select is(count(*)::int, 1, 'an instructor changes their own course only') from changed;

select tests.act_as('admin@x.edu');
select is((select count(*)::int from app.backups), 6, 'a site admin sees every backup');

-- The pre-request hook: a revoked token's jti is refused with PT401, a live one passes.
select tests.act_as('admin@x.edu');
select set_config('tests.claims', (api.issue_token('s1@a.edu') -> 'claims')::text, true);
select tests.act_as('s1@a.edu');
select set_config('request.jwt.claims', current_setting('tests.claims'), true);
select lives_ok($$ select auth.check_request() $$, 'a live token passes the pre-request check');
reset role;
update auth.oauth_tokens set revoked_at = now() where jti = (current_setting('tests.claims')::jsonb ->> 'jti')::uuid;
select tests.act_as('s1@a.edu');
select set_config('request.jwt.claims', current_setting('tests.claims'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked',
  'a revoked token is refused at once, before it expires');

select * from finish();
rollback;
