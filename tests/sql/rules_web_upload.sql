-- Uploading from the browser (issue #10, point 8): when the assignment takes uploads, a
-- student's files become a backup in ok-client's shape, under ok-client's intake rules (the
-- lock date and the group's extensions, app.submission_open, shared with api.v3_backups_post);
-- a refused upload stores nothing and says why.
begin;
select plan(11);
select tests.fixture();
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{"hw01.py": "x = 1"}') $$, 'PT403',
  'This assignment does not take uploads from the browser: submit with ok-client', 'uploads are off by default');
select tests.act_as('ta@a.edu');
select api.update_assignment('cal/cs61a/fa26/hw01', uploads_enabled => true);
select tests.act_as('s1@a.edu');
select is(api.upload_files('cal/cs61a/fa26/hw01', '{"hw01.py": "x = 1\n"}') ->> 'submit', 'true', 'a submission from the browser');
select is((select m.contents from app.messages m join app.backups b on b.id = m.backup_id
  where b.submitter_id = tests.user_id('s1@a.edu') and m.kind = 'file_contents' and b.client_name = 'okv3-web'),
  '{"hw01.py": "x = 1\n", "submit": true}'::jsonb, 'stored as ok-client stores it');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{"submit": "x"}') $$, 'PT422', null,
  'a file named "submit" would be taken for ok-client''s flag');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{}') $$, 'PT422', 'Choose at least one file to upload',
  'no files');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/secret', '{"a.py": "x"}') $$, 'PT404', null,
  'a hidden assignment does not exist for a student');
select tests.act_as('s1@b.edu');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{"a.py": "x"}') $$, 'PT403',
  'Only people enrolled in the course can upload', 'someone from another course is refused');
-- closed: backups still, submissions only with an extension
select tests.act_as_owner();
update app.assignments set due_at = now() - interval '2 days', lock_at = now() - interval '1 day'
where name = 'cal/cs61a/fa26/hw01';
select tests.act_as('s2@a.edu');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{"a.py": "x"}') $$, 'PT403', null,
  'after the lock date a submission is refused');
select is(api.upload_files('cal/cs61a/fa26/hw01', '{"a.py": "x"}', false) ->> 'submit', 'false', 'a backup is taken');
select tests.act_as('ta@a.edu');
select api.grant_extension('cal/cs61a/fa26/hw01', 's2@a.edu', to_char(now() + interval '1 day', 'YYYY-MM-DD"T"HH24:MI'));
select tests.act_as('s2@a.edu');
select is(api.upload_files('cal/cs61a/fa26/hw01', '{"a.py": "y"}') ->> 'submit', 'true', 'an extension reopens it');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.upload_files('cal/cs61a/fa26/hw01', '{"a.py": "x"}') $$, 'PT403', null,
  'but not for a classmate outside the group');

select * from finish();
rollback;
