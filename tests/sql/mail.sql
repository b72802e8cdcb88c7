-- Notifications (issue #11, point 2): who is told what, queued in the transaction of the
-- change: group changes to the members concerned but not the actor; extension answers;
-- scores published (once); regrade answers; receipts only when asked for; reminders and the
-- staff's digest from scheduled jobs, once; nobody who turned a kind off; nothing from a
-- course whose mail is off; unsubscribe links that only the server can make.
begin;
select plan(34);
select tests.fixture();
select tests.act_as('ta@a.edu');
select api.update_assignment('cal/cs61a/fa26/hw01', display_name => 'Homework 1', max_group_size => 2);

-- Groups: the invitee hears of the invitation, the inviter of the answer; the actor of neither.
select tests.act_as('s1@a.edu');
select api.group_invite('cal/cs61a/fa26/hw01', 's2@a.edu');
select tests.act_as_owner();
select results_eq($$ select to_address::text, kind, template, subject from app.email_outbox $$,
  $$ values ('s2@a.edu', 'group', 'group', 'Homework 1: Sam invited Sue to a group') $$,
  'an invitation tells the invitee, not the inviter');
select is((select params ->> 'path' from app.email_outbox), '/cal/cs61a/fa26/hw01/', 'with a link to the assignment');
select is((select params -> 'course' ->> 'display_name' from app.email_outbox), 'CS 61A', 'and the course''s name');
delete from app.email_outbox;
select tests.act_as('s2@a.edu');
select api.group_respond('cal/cs61a/fa26/hw01', true);
select tests.act_as_owner();
select results_eq($$ select to_address::text, subject from app.email_outbox $$,
  $$ values ('s1@a.edu', 'Homework 1: Sue joined the group') $$, 'an acceptance tells the inviter');
delete from app.email_outbox;

-- Turning a kind off: no more of it.
select tests.act_as('s1@a.edu');
select is((select k -> 'on' from jsonb_array_elements(api.mail_settings_page() -> 'kinds') as k where k ->> 'kind' = 'receipt'),
  'false'::jsonb, 'receipts are off until a student turns them on');
select throws_ok($$ select api.set_mail_preferences(array['spam']) $$, 'PT422', 'No such kind of mail: spam',
  'an unknown kind is refused');
select api.set_mail_preferences(array['group']);
select tests.act_as('s2@a.edu');
select api.group_remove('cal/cs61a/fa26/hw01', 's2@a.edu');
select tests.act_as_owner();
select is((select count(*) from app.email_outbox), 0::bigint, 'a student who turned group mail off hears nothing of it');

-- Extensions: the answer goes to the student, with the date in the course's zone.
select tests.act_as('s2@a.edu');
select api.request_extension('cal/cs61a/fa26/hw01', 'Ill');
select tests.act_as('ta@a.edu');
select api.grant_extension('cal/cs61a/fa26/hw01', 's2@a.edu', '2030-01-02T12:00', null, 'Get well');
select tests.act_as_owner();
select results_eq($$ select to_address::text, subject, params ->> 'until', params ->> 'reply' from app.email_outbox $$,
  $$ values ('s2@a.edu', 'Homework 1: your extension request was granted', 'Wed Jan 2, 12:00 PM PST', 'Get well') $$,
  'a granted request tells the student until when, with the reply');
delete from app.email_outbox;
select tests.act_as('s1@a.edu');
select api.request_extension('cal/cs61a/fa26/hw01', 'Busy');
select tests.act_as('ta@a.edu');
select api.deny_extension_request('cal/cs61a/fa26/hw01', 's1@a.edu', 'Start earlier');
select tests.act_as_owner();
select results_eq($$ select to_address::text, params ->> 'status', params ->> 'reply' from app.email_outbox $$,
  $$ values ('s1@a.edu', 'denied', 'Start earlier') $$, 'a denied request tells the student why');
delete from app.email_outbox;

-- Scores published: once per student and kinds.
insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
select b.id, b.assignment_id, b.course_id, b.submitter_id, 'composition', 2
from app.backups b join app.users u on u.id = b.submitter_id
where u.email = 's1@a.edu' and b.submit and b.course_id = (select id from app.courses where offering = 'cal/cs61a/fa26');
-- s1 and s2 are partners again (set up directly: no group mail), so s2 shares s1's score
with partners as (
  insert into app.groups (assignment_id, course_id)
  select id, course_id from app.assignments where name = 'cal/cs61a/fa26/hw01' returning id, assignment_id
)
insert into app.group_members (assignment_id, user_id, group_id, status)
select p.assignment_id, u.id, p.id, 'active' from partners p, app.users u where u.email in ('s1@a.edu', 's2@a.edu');
select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as_owner();
select results_eq($$ select to_address::text, subject from app.email_outbox order by 1 $$,
  $$ values ('s1@a.edu', 'Homework 1: scores published (composition)'), ('s2@a.edu', 'Homework 1: scores published (composition)') $$,
  'publishing tells the students with such a score, and their partners who share it');
select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition', false);
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as_owner();
select is((select count(*) from app.email_outbox), 2::bigint, 'hiding and publishing again tells no one twice');
delete from app.email_outbox;
-- a hidden assignment's scores are told when students can see them
update app.assignments set visible = false where name = 'cal/cs61a/fa26/hw01';
insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
select b.id, b.assignment_id, b.course_id, b.submitter_id, 'total', 5
from app.backups b join app.users u on u.id = b.submitter_id
where u.email = 's1@a.edu' and b.submit and b.course_id = (select id from app.courses where offering = 'cal/cs61a/fa26');
select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'total');
select tests.act_as_owner();
select is((select count(*) from app.email_outbox), 0::bigint, 'publishing scores of a hidden assignment tells nobody');
update app.assignments set visible = true where name = 'cal/cs61a/fa26/hw01';
select results_eq($$ select to_address::text, subject from app.email_outbox order by 1 $$,
  $$ values ('s1@a.edu', 'Homework 1: scores published (composition, total)'),
           ('s2@a.edu', 'Homework 1: scores published (composition, total)') $$,
  'showing it tells them of the kinds they can now see');
select is(app.queue_mail('scores', 'scores', 'Hi', array[tests.user_id('s1@a.edu')],
  (select id from app.courses where offering <> 'cal/cs61a/fa26' order by id limit 1)), 0,
  'a course mails only its own people');
delete from app.email_outbox;

-- Receipts, once turned on.
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s2@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select is((select count(*) from app.email_outbox), 0::bigint, 'no receipt for a student who did not ask');
select tests.act_as('s2@a.edu');
select api.set_mail_preferences('{}');
select tests.act_as_owner();
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s2@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select is((select subject from app.email_outbox where kind = 'receipt'), 'Homework 1: submission received',
  'a receipt for a student who asked');
select ok((select params ->> 'received' from app.email_outbox where kind = 'receipt') ~ 'P[SD]T$', 'in the course''s time zone');

-- Unsubscribe links: the server's token only.
select set_config('tests.link', (select params -> 'unsubscribe' from app.email_outbox where kind = 'receipt')::text, true);
delete from app.email_outbox;
select tests.act_as_anon();
select throws_ok(format('select api.unsubscribe(%L, %L, %L)', current_setting('tests.link')::jsonb ->> 'user', 'receipt', 'forged'),
  'PT404', 'This unsubscribe link is not valid', 'a forged token changes nothing');
select throws_ok(format('select api.unsubscribe(%L, %L, %L)', current_setting('tests.link')::jsonb ->> 'user', 'group',
  current_setting('tests.link')::jsonb ->> 'token'), 'PT404', null, 'a token is for its own kind only');
select is(api.unsubscribe(current_setting('tests.link')::jsonb ->> 'user', 'receipt', current_setting('tests.link')::jsonb ->> 'token'),
  '{"kind": "receipt", "label": "A receipt for each submission", "email": "s…@a.edu", "off": false}'::jsonb,
  'the link says what it would turn off, without signing in');
select is(api.unsubscribe(current_setting('tests.link')::jsonb ->> 'user', 'receipt', current_setting('tests.link')::jsonb ->> 'token', true) -> 'off',
  'true'::jsonb, 'and turns it off when confirmed');
select tests.act_as_owner();
select is((select mail_muted from app.users where email = 's2@a.edu'), array['receipt'], 'for that student');

-- Regrades: the answer goes to the student.
select tests.act_as('s1@a.edu');
select api.request_regrade('cal/cs61a/fa26/hw01',
  (select tests.hashid(b.id) from app.backups b where b.submitter_id = tests.user_id('s1@a.edu') and b.submit
     and b.course_id = (select id from app.courses where offering = 'cal/cs61a/fa26')), 'composition', 'Please look again');
select tests.act_as('ta@a.edu');
select api.resolve_regrade((select max(id) from app.regrade_requests), 'Fair point', '3');
select tests.act_as_owner();
select results_eq($$ select to_address::text, params ->> 'reply', params ->> 'score' from app.email_outbox where kind = 'regrade' $$,
  $$ values ('s1@a.edu', 'Fair point', '3') $$, 'a resolved regrade tells the student the reply and the score');
delete from app.email_outbox;

-- Reminders: the students with backups but no submission, once.
insert into app.users (email, name) values ('s3@a.edu', 'Sid');
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('s3@a.edu'), id, 'student' from app.courses where offering = 'cal/cs61a/fa26';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s3@a.edu'), false from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
-- s4 too, but with an extension: the assignment's due date is not theirs
insert into app.users (email, name) values ('s4@a.edu', 'Sue');
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('s4@a.edu'), id, 'student' from app.courses where offering = 'cal/cs61a/fa26';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s4@a.edu'), false from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.extensions (assignment_id, course_id, user_id, expires_at)
select a.id, a.course_id, tests.user_id('s4@a.edu'), a.due_at + interval '7 days'
from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.update_assignment('cal/cs61a/fa26/hw01', reminder_hours => 400) $$, 'PT422', null,
  'a reminder is at most two weeks ahead');
select api.update_assignment('cal/cs61a/fa26/hw01', reminder_hours => 72);
select tests.act_as_owner();
update app.scheduled_tasks set next_run_at = now() + interval '1 hour'
where name not in ('deadline_reminders', 'extension_digest');
update app.scheduled_tasks set next_run_at = now() - interval '1 minute' where name in ('deadline_reminders', 'extension_digest');
select tests.act_as_role('ok_worker');
select from api.run_schedule();
select is(api.job_claim('w1') ->> 'kind', 'deadline_reminders', 'the schedule starts the reminders');
select is(api.job_deadline_reminders((select id from app.jobs where name = 'deadline_reminders'), 'w1'),
  '1 reminder(s) for 1 assignment(s)', 'the reminders job reminds');
select tests.act_as_owner();
select results_eq($$ select to_address::text, kind from app.email_outbox $$, $$ values ('s3@a.edu', 'reminder') $$,
  'only the student with backups but no submission, and without an extension past the due date');
update app.jobs set status = 'running', worker = 'w1', attempts = 1 where name = 'deadline_reminders';
select tests.act_as_role('ok_worker');
select is(api.job_deadline_reminders((select id from app.jobs where name = 'deadline_reminders'), 'w1'),
  '0 reminder(s) for 0 assignment(s)', 'and only once');
select tests.act_as_owner();
delete from app.email_outbox;

-- The staff's digest of new requests: one message each to the TAs and instructors, once.
select tests.act_as('s2@a.edu');
select api.request_extension('cal/cs61a/fa26/hw01', 'Another week, please');
select tests.act_as_role('ok_worker');
select is(api.job_claim('w2') ->> 'kind', 'extension_digest', 'the schedule starts the digest');
select is(api.job_extension_digest((select id from app.jobs where name = 'extension_digest'), 'w2'),
  '2 digest(s) for 1 course(s)', 'one digest to each of the course''s TA and instructor');
select tests.act_as_owner();
select results_eq($$ select to_address::text, params -> 'requests' -> 0 ->> 'student' from app.email_outbox order by 1 $$,
  $$ values ('instructor@a.edu', 's2@a.edu'), ('ta@a.edu', 's2@a.edu') $$, 'listing the pending request');
delete from app.email_outbox;
select tests.act_as_role('ok_worker');
select is(api.job_extension_digest((select id from app.jobs where name = 'extension_digest'), 'w2'),
  '0 digest(s) for 0 course(s)', 'a request is in one digest only');

-- A course whose mail is off sends none.
select tests.act_as('instructor@a.edu');
select is(api.update_course('cal/cs61a/fa26', mail_enabled => false) -> 'mail_enabled', 'false'::jsonb,
  'an instructor turns the course''s mail off');
select tests.act_as('s1@a.edu');
select api.group_remove('cal/cs61a/fa26/hw01', 's2@a.edu');
select tests.act_as_owner();
select is((select count(*) from app.email_outbox), 0::bigint, 'then nobody hears of anything (s2, removed, included)');

select * from finish();
rollback;
