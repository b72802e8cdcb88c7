-- Running a course from the web (issue #10, points 2 to 4): course settings and the defaults
-- new assignments take, assignment settings and template files, copying assignments from
-- another offering, and the roster (one person at a time, or a CSV previewed, then applied).
-- Each is refused, with a reason, to whom it is not for, and a refusal changes nothing.
begin;
select plan(54);
select tests.fixture();
-- last term's offering of CS 61A, with an assignment, its template and a rubric
insert into app.courses (offering, display_name) values ('cal/cs61a/sp26', 'CS 61A');
insert into app.enrollments (user_id, course_id, role)
select tests.user_id(e.email), c.id, e.role::app.course_role
from app.courses c cross join (values ('ta@a.edu', 'ta'), ('reader@a.edu', 'reader')) as e (email, role)
where c.offering = 'cal/cs61a/sp26';
insert into app.assignments (course_id, name, display_name, due_at, lock_at, max_group_size, template_files)
select c.id, 'cal/cs61a/sp26/' || w, 'Old ' || w, '2026-03-01 23:59-08', '2026-03-02 23:59-08', 2, '{"lab.py": "x = 1\n"}'
from app.courses c cross join (values ('hw01'), ('proj1')) as v (w) where c.offering = 'cal/cs61a/sp26';

-- Course settings: instructors only.
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.course_settings_page('cal/cs61a/fa26') $$, 'PT403',
  'Only instructors of cal/cs61a/fa26 can change course settings', 'a TA does not see the settings page');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', term => 'Hacked') $$, 'PT403', null, 'nor changes them');
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', timezone => 'Mars/Olympus') $$, 'PT422',
  'Unknown time zone ''Mars/Olympus''', 'an unknown time zone is refused in words');
select is(api.update_course('cal/cs61a/fa26', term => 'Autumn 2026', timezone => 'America/New_York',
  default_max_group_size => 3, default_published_kinds => array[' Total', 'composition', 'total']) -> 'default_published_kinds',
  '["composition", "total"]'::jsonb, 'published kinds are stored as scores spell them, once each');
select is(api.course_settings_page('cal/cs61a/fa26') ->> 'term_label', 'Autumn 2026', 'the course''s own term label');
select ok(api.course_settings_page('cal/cs61a/fa26') -> 'timezones' ? 'Europe/Berlin', 'with the time zones to pick from');
select is((select c ->> 'term' from jsonb_array_elements(api.my_navigation() -> 'courses') as c
  where c ->> 'offering' = 'cal/cs61a/fa26'), 'Autumn 2026', 'the sidebar says the course''s term label');
select api.update_course('cal/cs61a/fa26', term => '');
select is(api.course_settings_page('cal/cs61a/fa26') ->> 'term_label', 'Fall 2026', 'an empty label goes back to the offering''s');

-- New assignments take the course's defaults; dates are read in the course's (new) zone.
select tests.act_as('ta@a.edu');
select is(api.create_assignment('cal/cs61a/fa26/lab02', 'Lab 2', '2026-12-01T23:59', '2026-12-02T23:59') -> 'max_group_size',
  '3'::jsonb, 'a new assignment takes the default group size');
select is((select published_score_kinds from app.assignments where name = 'cal/cs61a/fa26/lab02'),
  array['composition', 'total'], 'and the default published kinds');
select is((select due_at from app.assignments where name = 'cal/cs61a/fa26/lab02'),
  '2026-12-02 04:59:00+00'::timestamptz, 'read in America/New_York');

-- Assignment settings: TAs and instructors change them; readers read them.
select is(api.update_assignment('cal/cs61a/fa26/lab02', display_name => 'Lab Two', due => '2026-12-03T12:00',
  lock => '2026-12-04T12:00', visible => false, uploads_enabled => true, upload_info => ' lab02.py ') ->> 'display_name',
  'Lab Two', 'a TA changes an assignment''s settings');
select is(api.assignment_settings_page('cal/cs61a/fa26/lab02') ->> 'due_local', '2026-12-03T12:00',
  'the date input shows the course''s wall-clock time');
select is(api.assignment_settings_page('cal/cs61a/fa26/lab02') ->> 'upload_info', 'lab02.py', 'text settings are trimmed');
select api.update_assignment('cal/cs61a/fa26/lab02', due => '2026-12-03T23:59:59', lock => '2026-12-04T23:59:59');
select api.update_assignment('cal/cs61a/fa26/lab02', due => '2026-12-03T23:59', lock => '2026-12-04T23:59', max_group_size => 3);
select results_eq($$ select to_char(due_at at time zone 'America/New_York', 'HH24:MI:SS'),
    to_char(lock_at at time zone 'America/New_York', 'HH24:MI:SS') from app.assignments where name = 'cal/cs61a/fa26/lab02' $$,
  $$ values ('23:59:59', '23:59:59') $$, 'dates saved back as the page shows them (to the minute) keep their seconds');
select api.update_assignment('cal/cs61a/fa26/lab02', due => '2026-12-03T23:58');
select is((select to_char(due_at at time zone 'America/New_York', 'HH24:MI:SS') from app.assignments
  where name = 'cal/cs61a/fa26/lab02'), '23:58:00', 'a changed minute is saved as typed');
select throws_ok($$ select api.update_assignment('cal/cs61a/fa26/lab02', lock => '2026-12-01T12:00') $$, 'PT422',
  'The lock date must not be before the due date', 'a lock date before the due date is refused');
select throws_ok($$ select api.update_assignment('cal/cs61a/fa26/lab02', display_name => ' ') $$, 'PT422', null,
  'an empty name is refused');
-- a group of two (one member invited) keeps the group size from going below two
select api.update_assignment('cal/cs61a/fa26/hw01', max_group_size => 2);
select tests.act_as('s1@a.edu');
select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.update_assignment('cal/cs61a/fa26/hw01', max_group_size => 1) $$, 'PT409',
  '1 group(s) have more than 1 members: shrink them before lowering the group size',
  'the group size cannot go below a group that exists, invitations included');
select tests.act_as('reader@a.edu');
select is(api.assignment_settings_page('cal/cs61a/fa26/lab02') -> 'can_change', 'false'::jsonb, 'a reader reads the settings');
select throws_ok($$ select api.update_assignment('cal/cs61a/fa26/lab02', visible => true) $$, 'PT403', null,
  'but cannot change them');
select throws_ok($$ select api.set_template_files('cal/cs61a/fa26/lab02', '{"a.py": "x"}') $$, 'PT403', null,
  'nor the template files');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.assignment_settings_page('cal/cs61a/fa26/lab02') $$, 'PT404', null,
  'a student is told a hidden assignment does not exist');

-- Template files: added (same name replaced), replaced as a whole, removed one by one.
select tests.act_as('ta@a.edu');
select is(api.set_template_files('cal/cs61a/fa26/lab02', '{"lab02.py": "def f():\n    pass\n", "README": "hi"}'),
  '["README", "lab02.py"]'::jsonb, 'template files are added');
select is(api.set_template_files('cal/cs61a/fa26/lab02', '{"tests.py": "assert 1"}'),
  '["README", "lab02.py", "tests.py"]'::jsonb, 'more are added beside them');
select is(api.set_template_files('cal/cs61a/fa26/lab02', '{"lab02.py": "pass\n"}', true),
  '["lab02.py"]'::jsonb, 'or replace them all');
select throws_ok($$ select api.set_template_files('cal/cs61a/fa26/lab02', '{"bad.py": 1}') $$, 'PT422', null,
  'a file that is not text is refused (app.check_files)');
select throws_ok($$ select api.delete_template_file('cal/cs61a/fa26/lab02', 'nope.py') $$, 'PT404',
  'No template file ''nope.py''', 'removing a file that is not there says so');
select is(api.delete_template_file('cal/cs61a/fa26/lab02', 'lab02.py'), '[]'::jsonb, 'a template file is removed');

-- Copying from another offering of the same course: settings, templates, rubrics; hidden.
select tests.act_as('ta@a.edu');
select api.save_rubric('cal/cs61a/sp26/hw01', 'composition', '0', null, '2');
select api.add_rubric_item('cal/cs61a/sp26/hw01', 'composition', '2', 'Clear names');
select throws_ok($$ select api.copy_assignments('cal/cs61b/fa26', 'cal/cs61a/fa26') $$, 'PT403', null,
  'the source must be a course the caller teaches');
select throws_ok($$ select api.copy_assignments('cal/cs61a/sp26', 'cal/cs61a/fa26') $$, 'PT409',
  'Already in cal/cs61a/fa26: cal/cs61a/fa26/hw01 (nothing was copied)', 'a name already taken refuses the whole copy');
select is((select count(*) from app.assignments where name = 'cal/cs61a/fa26/proj1'), 0::bigint, 'and copies nothing');
select is(api.copy_assignments('cal/cs61a/sp26', 'cal/cs61a/fa26', array['proj1'], 7), '["cal/cs61a/fa26/proj1"]'::jsonb,
  'the ticked assignments are copied');
select results_eq($$ select visible, max_group_size, template_files, due_at from app.assignments where name = 'cal/cs61a/fa26/proj1' $$,
  $$ values (false, 2, '{"lab.py": "x = 1\n"}'::jsonb, '2026-03-08 23:59-07'::timestamptz) $$,
  'hidden, with the settings, the templates, and the dates moved on the course''s clock (23:59 PST to 23:59 PDT)');
select throws_ok($$ select api.copy_assignments('cal/cs61a/sp26', 'cal/cs61a/fa26', '{}') $$, 'PT422',
  'Tick the assignments to copy', 'an empty list copies nothing (it is not "everything")');
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.copy_assignments('cal/cs61a/sp26', 'cal/cs61a/fa26', array['hw01']) $$, 'PT403', null,
  'the caller must be staff of the source');
select tests.act_as_owner();
insert into app.courses (offering, display_name) values ('cal/cs61a/su26', 'CS 61A');
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('ta@a.edu'), c.id, 'ta' from app.courses c where c.offering = 'cal/cs61a/su26';
select tests.act_as('ta@a.edu');
select is(api.copy_assignments('cal/cs61a/sp26', 'cal/cs61a/su26', array['hw01']), '["cal/cs61a/su26/hw01"]'::jsonb,
  'into another offering');
select is((select jsonb_agg(jsonb_build_array(r.kind, r.max_points, i.points, i.description))
  from app.rubrics r join app.rubric_items i on i.rubric_id = r.id join app.assignments a on a.id = r.assignment_id
  where a.name = 'cal/cs61a/su26/hw01'), '[["composition", 2, 2, "Clear names"]]'::jsonb, 'with the rubric and its items');

-- The roster: staff read it; instructors change it.
select tests.act_as('reader@a.edu');
select is(api.roster_page('cal/cs61a/fa26') -> 'can_change', 'false'::jsonb, 'a reader reads the roster');
select throws_ok($$ select api.unenroll('cal/cs61a/fa26', 's1@a.edu') $$, 'PT403', null, 'but cannot unenroll');
select throws_ok($$ select api.roster_import('cal/cs61a/fa26', '[{"row": 2, "email": "x@a.edu"}]', false, true) $$,
  'PT403', null, 'nor import');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.roster_page('cal/cs61a/fa26') $$, 'PT403', null, 'a student does not see the roster');
select tests.act_as('instructor@a.edu');
select is(api.roster_import('cal/cs61a/fa26', '[
  {"row": 2, "email": "new@a.edu", "name": "New", "section": "102"},
  {"row": 3, "email": "bad"},
  {"row": 4, "email": "NEW@a.edu"},
  {"row": 5, "email": "x@a.edu", "role": "wizard"},
  {"row": 6, "email": "s1@a.edu", "section": "101"}]', true, true) -> 'errors',
  '[{"row": 3, "message": "Malformed email address ''bad''"}, {"row": 4, "message": "NEW@a.edu is also on row 2"},
    {"row": 5, "message": "Unknown role ''wizard'': expected student, lab assistant, reader, TA or instructor"}]'::jsonb,
  'bad rows are named by their row');
select is((select count(*) from app.users where email = 'new@a.edu'), 0::bigint, 'and nothing is applied');
select is(api.roster_import('cal/cs61a/fa26', '[
  {"row": 2, "email": "new@a.edu", "name": "New", "section": "102"},
  {"row": 3, "email": "s1@a.edu", "section": "101"},
  {"row": 4, "email": "ta@a.edu", "role": "TA"}]', true) - 'applied',
  '{"errors": [], "unchanged": 1,
    "additions": [{"row": 2, "sid": null, "name": "New", "role": "student", "email": "new@a.edu", "section": "102"}],
    "changes": [{"row": 3, "sid": null, "was": {"sid": null, "role": "student", "section": null}, "name": null, "role": "student", "email": "s1@a.edu", "section": "101"}],
    "removals": [{"sid": null, "name": "Sue", "role": "student", "email": "s2@a.edu", "section": null}]}'::jsonb,
  'the preview: additions, changes, removals in replace mode (students only), unchanged');
select is((select count(*) from app.users where email = 'new@a.edu'), 0::bigint, 'a preview changes nothing');
select is(api.roster_import('cal/cs61a/fa26', '[
  {"row": 2, "email": "new@a.edu", "name": "New", "section": "102"},
  {"row": 3, "email": "s1@a.edu", "section": "101"},
  {"row": 4, "email": "ta@a.edu", "role": "TA"}]', true, true) -> 'applied', 'true'::jsonb, 'applied');
select results_eq($$ select u.email::text, e.role::text, e.section from app.enrollments e join app.users u on u.id = e.user_id
  join app.courses c on c.id = e.course_id where c.offering = 'cal/cs61a/fa26' and e.role = 'student' order by 1 $$,
  $$ values ('new@a.edu', 'student', '102'), ('s1@a.edu', 'student', '101') $$, 'the roster is as the file says');
select is((select count(*) from jsonb_array_elements(api.roster_page('cal/cs61a/fa26', section => '101') -> 'people')),
  1::bigint, 'the roster filters by section');
-- the CSV download reads back as "nothing to change", a name guarded against formulas included
select tests.act_as_owner();
update app.users set name = '=Dash' where email = 'new@a.edu';
select tests.act_as('instructor@a.edu');
select is((select jsonb_build_array(p -> 'additions', p -> 'changes', p -> 'errors') from api.roster_import('cal/cs61a/fa26', (
  select jsonb_agg(jsonb_build_object('row', n + 1, 'email', f[1], 'name', f[2], 'sid', f[3], 'section', f[5], 'role', f[6]))
  from unnest(string_to_array(rtrim(api.roster_csv('cal/cs61a/fa26'), E'\r\n'), E'\r\n')) with ordinality as l (line, n),
       lateral (select string_to_array(l.line, ',') as f) as s
  where n > 1)) as p), '[[], [], []]'::jsonb, 'the downloaded roster imports as no change');
-- a course keeps an instructor
select throws_ok($$ select api.unenroll('cal/cs61a/fa26', 'instructor@a.edu') $$, 'PT409',
  'That would leave cal/cs61a/fa26 without an instructor: enroll another first', 'the last instructor cannot be unenrolled');
select throws_ok($$ select api.enroll('cal/cs61a/fa26', 'instructor@a.edu', 'ta') $$, 'PT409', null, 'nor demoted');
select is(api.unenroll('cal/cs61a/fa26', 'new@a.edu') ->> 'role', 'student', 'a student is unenrolled');
-- with a second instructor, one may leave: the other counts though the leaver no longer sees the roster
select api.enroll('cal/cs61a/fa26', 'co@a.edu', 'instructor');
select is(api.unenroll('cal/cs61a/fa26', 'instructor@a.edu') ->> 'role', 'instructor',
  'an instructor unenrolls themselves when another instructor remains');

select * from finish();
rollback;
