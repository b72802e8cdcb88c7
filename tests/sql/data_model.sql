-- The data model: every table exists, and constraints make bad states impossible.
begin;
select plan(26);

select tables_are('app', array[
  'users', 'courses', 'enrollments', 'assignments', 'backups', 'messages', 'groups',
  'group_members', 'group_actions', 'extensions', 'extension_requests', 'scores', 'comments',
  'grading_tasks', 'client_versions', 'jobs', 'email_outbox', 'autograder_tasks', 'intake_allowances', 'audit_log', 'submitter_finals',
  'shared_best_scores', 'comment_bank', 'rubrics', 'rubric_items', 'score_rubric_items', 'regrade_requests', 'highlighted_files',
  'job_files', 'scheduled_tasks', 'backup_facts', 'question_facts', 'intake_announcements'
], 'app holds the whole data model');
select tables_are('auth', array['oauth_clients', 'oauth_grants', 'oauth_tokens', 'sessions', 'settings'],
  'auth holds the credential tables');

select tests.fixture();

select throws_ok(
  $$ insert into app.users (email) values ('S1@A.EDU') $$, '23505', null,
  'emails are unique whatever their case'
);
select throws_ok(
  $$ insert into app.users (email) values ('not-an-address') $$, '23514', null,
  'a malformed email is refused'
);
select throws_ok(
  $$ insert into app.courses (offering, display_name) values ('cs61a-fall', 'x') $$, '23514', null,
  'an offering must look like institution/course/term'
);
select throws_ok(
  $$ insert into app.courses (offering, display_name) values ('admin/cs61a/fa26', 'x') $$, '23514', null,
  'an offering may not start with a reserved word'
);
select throws_ok(
  $$ insert into app.courses (offering, display_name, timezone) values ('cal/x/fa26', 'x', 'Mars/Olympus') $$,
  '22023', null,
  'an unknown timezone is refused'
);
select throws_ok(
  $$ insert into app.enrollments (user_id, course_id, role)
     select tests.user_id('s1@a.edu'), c.id, 'ta' from app.courses as c where c.offering = 'cal/cs61a/fa26' $$,
  '23505', null,
  'one role per user per course'
);
select throws_ok(
  $$ insert into app.assignments (course_id, name, display_name, due_at, lock_at)
     select c.id, 'cal/cs61a/fa26/late', 'x', now(), now() - interval '1 hour'
     from app.courses as c where c.offering = 'cal/cs61a/fa26' $$,
  '23514', null,
  'the lock date cannot be before the due date'
);
select throws_ok(
  $$ insert into app.assignments (course_id, name, display_name, due_at, lock_at)
     select c.id, 'cal/cs61b/fa26/hw09', 'x', now(), now()
     from app.courses as c where c.offering = 'cal/cs61a/fa26' $$,
  'PT422', 'Assignment name must start with the course offering',
  'an assignment name must start with its own course''s offering'
);
select throws_ok(
  $$ insert into app.assignments (course_id, name, display_name, due_at, lock_at, max_group_size)
     select c.id, 'cal/cs61a/fa26/g0', 'x', now(), now(), 0
     from app.courses as c where c.offering = 'cal/cs61a/fa26' $$,
  '23514', null,
  'group size is at least one'
);
select throws_ok(
  $$ insert into app.backups (assignment_id, course_id, submitter_id)
     select a.id, c.id, tests.user_id('s1@b.edu')
     from app.assignments as a, app.courses as c
     where a.name = 'cal/cs61a/fa26/hw01' and c.offering = 'cal/cs61b/fa26' $$,
  '23503', null,
  'a backup''s course is always its assignment''s course'
);
select throws_ok(
  $$ update app.backups set flagged = true where not submit $$, '23514', null,
  'only a submission can be flagged'
);
select lives_ok(
  $$ update app.backups set flagged = true
     where submit and submitter_id = tests.user_id('s1@a.edu') $$,
  'a submission can be flagged'
);
select throws_ok(
  $$ insert into app.backups (assignment_id, course_id, submitter_id, submit, flagged)
     select b.assignment_id, b.course_id, b.submitter_id, true, true
     from app.backups as b where b.flagged $$,
  '23505', null,
  'at most one flagged backup per student per assignment'
);
select lives_ok(
  $$ insert into app.messages (backup_id, kind, contents)
     select b.id, k.kind, k.contents
     from app.backups as b
     cross join (values ('analytics', '{"time": "2026-01-01", "history": {"q1": {"attempts": 3}}}'::jsonb),
                        ('email', '"s1@a.edu"'::jsonb), ('timestamp', '1700000000'::jsonb),
                        ('some_future_kind', '[1, 2, {"x": null}]'::jsonb)) as k (kind, contents)
     where b.flagged $$,
  'messages store any kind with any JSON value'
);
select throws_ok(
  $$ insert into app.messages (backup_id, kind, contents)
     select b.id, 'file_contents', '{}' from app.backups as b where b.flagged $$,
  '23505', null,
  'one message per kind per backup'
);

-- Groups: one group per user per assignment.
insert into app.groups (assignment_id, course_id)
select a.id, a.course_id from app.assignments as a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.groups (assignment_id, course_id)
select a.id, a.course_id from app.assignments as a where a.name = 'cal/cs61a/fa26/hw01';
select lives_ok(
  $$ insert into app.group_members (assignment_id, user_id, group_id, status)
     select g.assignment_id, tests.user_id('s1@a.edu'), min(g.id), 'active'
     from app.groups as g group by g.assignment_id $$,
  'a student joins a group'
);
select throws_ok(
  $$ insert into app.group_members (assignment_id, user_id, group_id, status)
     select g.assignment_id, tests.user_id('s1@a.edu'), max(g.id), 'pending'
     from app.groups as g group by g.assignment_id $$,
  '23505', null,
  'a student is in at most one group per assignment'
);

-- Scores: one active score per kind per backup; kinds are normalised.
select lives_ok(
  $$ insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
     select b.id, b.assignment_id, b.course_id, b.submitter_id, 'total', 10
     from app.backups as b where b.flagged $$,
  'a score is recorded'
);
select throws_ok(
  $$ insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
     select b.id, b.assignment_id, b.course_id, b.submitter_id, 'total', 11
     from app.backups as b where b.flagged $$,
  '23505', null,
  'two active scores of one kind on one backup are impossible'
);
select throws_ok(
  $$ insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
     select b.id, b.assignment_id, b.course_id, b.submitter_id, ' Total ', 11
     from app.backups as b where b.flagged $$,
  '23514', null,
  'score kinds are stored lower-case and trimmed'
);

-- The audit log is append-only, for the owner too.
select ok(
  (select count(*) > 0 from app.audit_log where table_name = 'enrollments' and actor = 'fixture'),
  'enrollment changes are audited with the actor'
);
select throws_ok($$ update app.audit_log set actor = 'someone else' $$, '42501', 'audit log is append-only',
  'audit rows cannot be updated');
select throws_ok($$ delete from app.audit_log $$, '42501', 'audit log is append-only',
  'audit rows cannot be deleted');
select throws_ok($$ truncate app.audit_log $$, '42501', 'audit log is append-only',
  'the audit log cannot be truncated');

select * from finish();
rollback;
