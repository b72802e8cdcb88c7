-- Grading queues: an even, deterministic split that skips what is queued; the next task;
-- scoring completes tasks; progress per grader; what is in no queue.
begin;
select plan(11);
select tests.fixture();
insert into app.users (email) select format('q%s@a.edu', n) from generate_series(1, 7) as n;
insert into app.enrollments (user_id, course_id, role)
select u.id, c.id, 'student' from app.users u, app.courses c where u.email like 'q%@a.edu' and c.offering = 'cal/cs61a/fa26';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, u.id, true from app.assignments a, app.users u
where a.name = 'cal/cs61a/fa26/hw01' and u.email like 'q%@a.edu';

select tests.act_as('reader@a.edu');
select throws_ok($$ select api.assign_grading('cal/cs61a/fa26/hw01', array['ta@a.edu']) $$, 'PT403', null,
  'readers cannot split the queue');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.assign_grading('cal/cs61a/fa26/hw01', array['s1@a.edu']) $$, 'PT422', null,
  'graders must be staff of the course');
select is(api.assign_grading('cal/cs61a/fa26/hw01', array['ta@a.edu', 'reader@a.edu', 'instructor@a.edu']),
  '{"ta@a.edu": 3, "reader@a.edu": 3, "instructor@a.edu": 3}'::jsonb, '9 final submissions split 3/3/3');
select is(
  (select string_agg(u.email, ',' order by t.backup_id) from app.grading_tasks t join app.users u on u.id = t.grader_id),
  'instructor@a.edu,instructor@a.edu,instructor@a.edu,reader@a.edu,reader@a.edu,reader@a.edu,ta@a.edu,ta@a.edu,ta@a.edu',
  'contiguous chunks in backup order, graders in email order (deterministic)');
select is(api.assign_grading('cal/cs61a/fa26/hw01', array['ta@a.edu']), '{}'::jsonb, 'queued work is skipped');
select is((select count(*)::int from api.unqueued_submissions('cal/cs61a/fa26/hw01')), 0, 'nobody is left out');

-- A late newcomer shows up as unqueued until the next split.
reset role;
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('lab@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select tests.act_as('ta@a.edu');
select is((select count(*)::int from api.unqueued_submissions('cal/cs61a/fa26/hw01')), 1, 'a new submission is unqueued');

select set_config('t.next', api.next_grading_task('cal/cs61a/fa26/hw01') ->> 'backup_key', true);
select isnt(current_setting('t.next'), '', 'a grader gets their next task');
select api.v3_score_post(current_setting('t.next'), 'composition', 2, 'ok');
select isnt(api.next_grading_task('cal/cs61a/fa26/hw01') ->> 'backup_key', current_setting('t.next'),
  'scoring completes the task; the next one comes up');
select is((select done::int || '/' || tasks from api.grading_progress where grader = 'ta@a.edu'), '1/3',
  'progress per grader');
select tests.act_as('s1@a.edu');
select is((select count(*)::int from api.grading_progress), 0, 'students see no queues');

select * from finish();
rollback;
