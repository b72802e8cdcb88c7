-- Staff submit on a student's behalf: only the course's staff, only for its students; the
-- files become the student's backup (a submission by default, after the lock date too),
-- recorded as made by the staff member; it then counts for the unit by the usual rule, and
-- both the grading view and the student's page say who uploaded it.
begin;
select plan(14);
select tests.fixture();
update app.assignments set due_at = now() - interval '2 days', lock_at = now() - interval '1 day'
where name = 'cal/cs61a/fa26/hw01';

select tests.act_as('s1@a.edu');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 's1@a.edu', '{"a.py": "x"}') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a student does not upload as staff');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 'nobody@x.edu', '{"a.py": "x"}') $$, 'PT404',
  'nobody@x.edu is not a student of cal/cs61a/fa26', 'only for a student of the course');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 'reader@a.edu', '{"a.py": "x"}') $$, 'PT404',
  'reader@a.edu is not a student of cal/cs61a/fa26', 'not for staff');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 's1@b.edu', '{"a.py": "x"}') $$, 'PT404',
  's1@b.edu is not a student of cal/cs61a/fa26', 'not for another course''s student');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 's1@a.edu', '{}') $$, 'PT422',
  'Choose at least one file to upload', 'at least one file');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 's1@a.edu', '{"a.py": 1}') $$, 'PT422',
  'Every file needs a name and text: ''a.py'' is not one', 'files are text');
select throws_ok($$ select api.upload_for_student('cal/cs61a/fa26/hw01', 's1@a.edu',
  (select jsonb_object_agg('f' || i, 'x') from generate_series(1, 101) as i)) $$, 'PT422',
  'At most 100 files at once', 'and not too many');
select is((select count(*)::int from app.backups where creator_id is not null), 0, 'refusals store nothing');

select set_config('t.key', api.upload_for_student('cal/cs61a/fa26/hw01', ' S1@a.edu ', '{"hw01.py": "print(2)"}') ->> 'key',
  true);
select tests.act_as_owner();
select results_eq($$ select submitter_id, creator_id, submit from app.backups where creator_id is not null $$,
  format($$ values (%s::bigint, %s::bigint, true) $$, tests.user_id('s1@a.edu'), tests.user_id('ta@a.edu')),
  'a submission of the student, made by the TA, after the lock date');
select is((select m.contents from app.messages m join app.backups b on b.id = m.backup_id
  where b.creator_id is not null and m.kind = 'file_contents'), '{"hw01.py": "print(2)"}'::jsonb, 'with the files');
select tests.act_as('ta@a.edu');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.key')) -> 'backup' ->> 'uploaded_by', 'ta@a.edu',
  'the grading view says who uploaded it');
select is((api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.key')) -> 'backup' ->> 'counts')::boolean, true,
  'and it counts for the unit (the newest submission)');
select tests.act_as('s1@a.edu');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'backups' -> 0 ->> 'key', current_setting('t.key'),
  'the student sees it first among their backups');
select isnt(api.assignment_page('cal/cs61a/fa26/hw01') -> 'backups' -> 0 ->> 'uploaded_by', null,
  'marked as uploaded by the staff');

select * from finish();
rollback;
