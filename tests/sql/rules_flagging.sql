-- Flagging: students flag their group's backups while open (a backup becomes a submission);
-- staff flag any backup of their course at any time; nobody flags another group's work; at
-- most one flag per group. (Two sessions racing: tests/py/test_concurrency.py.)
begin;
select plan(12);
select tests.fixture();
select set_config('t.s1_backup', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and not b.submit), true);
select set_config('t.s1_submission', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2_submission', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);
select set_config('t.b_submission', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@b.edu') and b.submit), true);

select tests.act_as('s1@a.edu');
select lives_ok($$ select api.flag_backup(current_setting('t.s1_backup')) $$, 'a student flags a plain backup');
reset role;
select ok((select submit and flagged and flagged_by = tests.user_id('s1@a.edu') from app.backups
  where id = app.hashid_decode(current_setting('t.s1_backup'))), 'it is promoted to a flagged submission');
select tests.act_as('s1@a.edu');
select lives_ok($$ select api.flag_backup(current_setting('t.s1_submission')) $$, 'flagging another clears the first');
reset role;
select is((select count(*)::int from app.backups where flagged and submitter_id = tests.user_id('s1@a.edu')), 1,
  'one flag per student');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.flag_backup(current_setting('t.s2_submission')) $$, 'PT403', null,
  'a student cannot flag a classmate''s backup (sabotage)');
select throws_ok($$ select api.flag_backup('zzzzzz') $$, 'PT404', null, 'an unknown key');

-- In a group, a member's flag replaces a group-mate's.
reset role;
insert into app.groups (assignment_id, course_id)
select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 's2@a.edu');
select tests.act_as('s2@a.edu');
select lives_ok($$ select api.flag_backup(current_setting('t.s1_submission')) $$, 'a member flags a group-mate''s backup');
select lives_ok($$ select api.flag_backup(current_setting('t.s2_submission')) $$, 'and then their own');
reset role;
select is((select count(*)::int from app.backups b where b.flagged
  and b.submitter_id in (tests.user_id('s1@a.edu'), tests.user_id('s2@a.edu'))), 1, 'one flag per group');

-- After the lock date: students cannot, staff can; staff of another course cannot.
update app.assignments set due_at = now() - interval '2 days', lock_at = now() - interval '1 day'
where name = 'cal/cs61a/fa26/hw01';
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.flag_backup(current_setting('t.s1_backup')) $$, 'PT403', null,
  'students cannot change the flag after the lock date');
select tests.act_as('reader@a.edu');
select lives_ok($$ select api.flag_backup(current_setting('t.s1_backup')) $$, 'staff flag at any time');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.flag_backup(current_setting('t.b_submission')) $$, 'PT403', null,
  'staff cannot flag another course''s backups');

select * from finish();
rollback;
