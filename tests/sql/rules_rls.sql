-- Row-level security through the api objects, role by role: students and lab assistants see
-- their own and their group's work; readers, TAs and instructors their course; only
-- instructors change course settings and enrollment; admins everything. Attempts across
-- courses and students are refused.
begin;
select plan(26);
select tests.fixture();
insert into app.groups (assignment_id, course_id) select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 'lab@a.edu');
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.b', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@b.edu') and b.submit), true);

-- Students and lab assistants: own and group only.
select tests.act_as('lab@a.edu');
select isnt(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1')), null, 'a lab assistant sees a group-mate''s backup');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s2')), null, 'but not a classmate''s');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 1, 'and only their group''s final row');
select is((select count(*)::int from api.deadlines('cal/cs61a/fa26/hw01')), 1, 'and only their own deadline');
select tests.act_as('s1@a.edu');
select is((select count(*)::int from api.assignment_scores('cal/cs61a/fa26/hw01') where email <> 's1@a.edu'), 0,
  'a student''s score table holds no one else');
select throws_ok(format('select api.set_submission_time(%L, %L)', current_setting('t.s1'), '2026-01-01'), 'PT404', null,
  'students cannot override submission times');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', 'Hacked') $$, 'PT403', null, 'or change the course');
select tests.act_as('s1@b.edu');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'backups', '[]'::jsonb,
  'another course''s student sees no backups of this course');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1')), null, 'nor any backup page');

-- Readers: the whole course, read; no settings, enrollment or roles.
select tests.act_as('reader@a.edu');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 2, 'a reader sees the course');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.b')), null, 'not another course');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', 'Renamed') $$, 'PT403', null,
  'readers cannot change course settings (okpy/ok let them)');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 'new@a.edu', 'student') $$, 'PT403', null,
  'readers cannot change enrollment');
select tests.act_as_api('reader@a.edu');
with changed as (update app.enrollments set role = 'instructor' where user_id = tests.user_id('reader@a.edu') returning 1)
select is(count(*)::int, 0, 'readers cannot promote themselves, even directly') from changed;

-- TAs: grading powers; not course settings or roles.
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', 'Renamed') $$, 'PT403', null, 'TAs cannot change settings');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 's2@a.edu', 'ta') $$, 'PT403', null, 'TAs cannot change roles');
select throws_ok(format('select api.set_submission_time(%L, %L)', current_setting('t.b'), '2026-01-01'), 'PT404', null,
  'TAs cannot touch another course''s backups');
select throws_ok($$ select api.grant_extension('cal/cs61b/fa26/hw01', 's1@b.edu', '2099-01-01') $$, 'PT403', null,
  'nor grant extensions there');
select lives_ok(format('select api.set_submission_time(%L, %L)', current_setting('t.s2'), '2026-01-01 09:00'),
  'TAs override submission times in their course');

-- Instructors: settings, enrollment and roles of their course only.
select tests.act_as('instructor@a.edu');
select is((api.update_course('cal/cs61a/fa26', 'CS 61A Fall', 'America/New_York')) ->> 'timezone', 'America/New_York',
  'instructors change course settings');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', null, 'Mars/Base') $$, 'PT422', null, 'validated');
select lives_ok($$ select api.enroll('cal/cs61a/fa26', 's2@a.edu', 'reader') $$, 'instructors change roles');
select throws_ok($$ select api.update_course('cal/cs61b/fa26', 'Mine now') $$, 'PT403', null,
  'but not another course''s settings');
select tests.act_as_api('instructor@a.edu');
with changed as (update app.courses set display_name = 'x' where offering = 'cal/cs61b/fa26' returning 1)
select is(count(*)::int, 0, 'not even directly') from changed;

-- Admins: everything.
select tests.act_as('admin@x.edu');
select isnt(api.backup_page('cal/cs61b/fa26/hw01', current_setting('t.b')), null, 'admins see every course');
select lives_ok($$ select api.update_course('cal/cs61b/fa26', 'CS 61B') $$, 'and change any course');

select * from finish();
rollback;
