-- The autograder (issue #11, point 4): staff start "autograde all" or "autograde one" only
-- with a URL and a key; the job sends the enrolled units' final submissions with a token
-- that reads that course's backups and posts its scores and nothing else, and is revocable;
-- continuous autograding queues a job with each eligible submission; the schedule follows
-- the tasks and sends stuck ones again, 3 tries in all.
begin;
select plan(55);
select tests.fixture();
select set_config('tests.finals', (select jsonb_agg(tests.hashid(b.id) order by b.id)::text from app.backups b
  join app.users u on u.id = b.submitter_id where b.submit and u.email in ('s1@a.edu', 's2@a.edu')), true);
select set_config('tests.ta_id', tests.user_id('ta@a.edu')::text, true);
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('ta@a.edu'), id, 'student' from app.courses where offering = 'cal/cs61b/fa26';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('ta@a.edu'), false from app.assignments a where a.name = 'cal/cs61b/fa26/hw01'
returning set_config('tests.ta_b_backup', tests.hashid(id), true);
select set_config('tests.course_a', (select id::text from app.courses where offering = 'cal/cs61a/fa26'), true);
select set_config('tests.s1_final', (select tests.hashid(b.id) from app.backups b
  join app.users u on u.id = b.submitter_id where b.submit and u.email = 's1@a.edu'), true);
select set_config('tests.b_backup', (select tests.hashid(b.id) from app.backups b
  join app.users u on u.id = b.submitter_id where u.email = 's1@b.edu' limit 1), true);

-- Settings: the URL is a course setting (instructors), checked.
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.start_autograde('cal/cs61a/fa26/hw01') $$, 'PT422',
  'This course has no autograder: an instructor sets its URL in the course settings first', 'no URL, no autograding');
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', autograder_url => 'file:///etc/passwd') $$, 'PT422', null,
  'the URL must be http(s)');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', autograder_url => 'http://ag.example/ x') $$, 'PT422', null,
  'without spaces');
select is(api.update_course('cal/cs61a/fa26', autograder_url => ' http://127.0.0.1:9/ ') ->> 'autograder_url',
  'http://127.0.0.1:9', 'an instructor sets it (trimmed, no trailing slash)');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.start_autograde('cal/cs61a/fa26/hw01') $$, 'PT422',
  'hw01 has no autograder key: set it in the assignment''s settings first', 'no key, no autograding');
select api.update_assignment('cal/cs61a/fa26/hw01', autograder_key => 'hw01-key');
select tests.act_as('instructor@a.edu');
select throws_ok($$ select api.update_course('cal/cs61a/fa26', autograder_url => 'http://ag.example/x?y=/z') $$,
  'PT422', null, 'nor with a query, which would turn the paths the worker adds into a query');
select tests.act_as('admin@x.edu');
select throws_ok($$ select api.start_autograde('cal/cs61a/fa26/hw01') $$, 'PT422',
  'The autograder works with the token of the staff member who sends the work: enroll yourself as staff of the course first',
  'a site admin who is not staff of the course is told why not (the token would read nothing)');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.start_autograde('cal/cs61a/fa26/hw01') $$, 'PT403', null, 'a student starts nothing');
select tests.act_as('ta@b.edu');
select throws_ok($$ select api.start_autograde('cal/cs61a/fa26/hw01') $$, 'PT403', null,
  'nor does another course''s TA');

-- Autograde all: the final submissions of enrolled units, with a token for the TA.
select tests.act_as('ta@a.edu');
select set_config('tests.all', api.start_autograde('cal/cs61a/fa26/hw01') ->> 'job_id', true);
select throws_ok(format('select api.start_autograde(%L, %L)', 'cal/cs61a/fa26/hw01', 'nonsense'), 'PT404', null,
  'autograde one needs a backup of the assignment');
select tests.act_as_role('ok_worker');
select is(api.job_claim('w1') ->> 'kind', 'autograde', 'a worker takes the autograde job');
select set_config('tests.plan', api.job_autograde(current_setting('tests.all')::bigint, 'w1')::text, true);
select is((current_setting('tests.plan')::jsonb -> 'total')::int, 2, 'two units have a final submission');
select is(current_setting('tests.plan')::jsonb #>> '{plans,0,url}', 'http://127.0.0.1:9', 'sent to the course''s URL');
select is(current_setting('tests.plan')::jsonb #>> '{plans,0,key}', 'hw01-key', 'for the assignment''s key');
select is(current_setting('tests.plan')::jsonb #>> '{plans,0,priority}', 'default', 'at the default priority');
select results_eq(
  $$ select t ->> 'backup' from jsonb_array_elements(current_setting('tests.plan')::jsonb #> '{plans,0,tasks}') as t $$,
  $$ select jsonb_array_elements_text(current_setting('tests.finals')::jsonb) $$,
  'the final submissions, by key');
select results_eq(
  $$ select c ->> 'scope', c ->> 'role', c ->> 'sub', c ->> 'course'
     from (select current_setting('tests.plan')::jsonb #> '{plans,0,claims}' as c) as x $$,
  $$ select 'autograder', 'ok_user', current_setting('tests.ta_id'), current_setting('tests.course_a') $$,
  'the token acts for the TA who started it, in this course, with the autograder scope');
select is((api.job_autograde(current_setting('tests.all')::bigint, 'w1') -> 'total')::int, 2,
  'asking again (a retry) makes no second set of tasks');
select is(api.job_autograde_sent(current_setting('tests.all')::bigint, 'w1',
  (select jsonb_agg(jsonb_build_object('task', t ->> 'id', 'remote_id', 'ag-' || (t ->> 'id')))
   from jsonb_array_elements(current_setting('tests.plan')::jsonb #> '{plans,0,tasks}') as t)), 2,
  'the autograder''s job ids are recorded');
select is((api.job_autograde(current_setting('tests.all')::bigint, 'w1') -> 'already_sent')::int, 2,
  'and a retry sends nothing already sent');
select is(api.job_finish(current_setting('tests.all')::bigint, 'w1', null, 'sent'), 'finished', 'the job finishes');

-- The token: backups and scores of its course, nothing else, until revoked.
select set_config('tests.claims', current_setting('tests.plan')::jsonb #>> '{plans,0,claims}', true);
select set_config('role', 'ok_user', true);
select set_config('request.jwt.claims', current_setting('tests.claims'), true);
select set_config('request.path', '/api/v3/backups/' || current_setting('tests.s1_final') || '/', true);
select lives_ok($$ select auth.check_request() $$, 'the token may read a backup');
select set_config('request.path', '/rpc/v3_score_post', true);
select lives_ok($$ select auth.check_request() $$, 'and post a score (PostgREST''s path too)');
select set_config('request.path', '/api/v3/backups/x/', true);
select is((api.v3_backup_get() ->> 'code')::int, 404, 'a malformed key is not found');
select set_config('request.path', '/rpc/gradebook', true);
select throws_ok($$ select auth.check_request() $$, 'PT403', 'An autograder token only reads backups and posts scores',
  'any other endpoint is refused before it runs');
select set_config('request.path', '/api/v3/user/', true);
select throws_ok($$ select auth.check_request() $$, 'PT403', null, 'even another ok-client endpoint');
select set_config('request.path', '/api/v3/score/', true);
select is((api.v3_score_post(current_setting('tests.s1_final'), 'Total', 3.5, 'All tests passed') ->> 'code')::int, 200, 'the autograder posts a score with it');
select is((api.v3_score_post(current_setting('tests.b_backup'), 'total', 1, 'sneaky') ->> 'code')::int, 401, 'but not on another course''s backup, though its TA...');
select set_config('request.headers', jsonb_build_object('x-ok-key', current_setting('tests.ta_b_backup'))::text, true);
select is((api.v3_backup_get() ->> 'code')::int, 403,
  'nor does it read its TA''s own backup as a student of another course');
select set_config('request.headers', jsonb_build_object('x-ok-key', current_setting('tests.s1_final'))::text, true);
select is((api.v3_backup_get() ->> 'code')::int, 200, 'while its course''s backups it reads');
select set_config('request.jwt.claims', (current_setting('tests.claims')::jsonb || '{"course": "999"}')::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'a token claiming another course is refused');
select set_config('request.jwt.claims', (current_setting('tests.claims')::jsonb || '{"scope": "all"}')::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'or a wider scope');
select tests.act_as_owner();
select results_eq($$ select s.kind, s.value, s.grader_id from app.scores s where s.message = 'All tests passed' $$,
  $$ values ('total', 3.5::numeric, tests.user_id('ta@a.edu')) $$, 'the score is the TA''s, kind lower-cased');
select tests.act_as('instructor@a.edu');
select is(jsonb_array_length(api.course_settings_page('cal/cs61a/fa26') -> 'autograder_tokens'), 2,
  'the course settings list the live autograder tokens (one per attempt that had backups to send)');
select is(api.revoke_autograder_tokens('cal/cs61a/fa26'), 2, 'an instructor revokes them');
select set_config('role', 'ok_user', true);
select set_config('request.jwt.claims', current_setting('tests.claims'), true);
select set_config('request.path', '/api/v3/score/', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'then it no longer works');
select tests.act_as_owner();
select is((select array_agg(distinct status) from app.autograder_tasks), array['gave_up'],
  'and the work it still had is given up (the supervision sends nothing more)');
update app.autograder_tasks set status = 'queued';  -- as if sent again since

-- Supervision: scored tasks are done; stuck ones go again, 3 tries in all.
select tests.act_as_owner();
update app.scheduled_tasks set next_run_at = now() - interval '1 minute' where name <> 'autograder_supervise';
update app.scheduled_tasks set next_run_at = now() + interval '1 hour' where name <> 'autograder_supervise';
update app.scheduled_tasks set next_run_at = now() - interval '1 minute' where name = 'autograder_supervise';
select tests.act_as_role('ok_worker');
select from api.run_schedule();
select is(api.job_claim('w2') ->> 'kind', 'autograder_supervise', 'the schedule starts the supervision');
select set_config('tests.sup', (select id::text from app.jobs where name = 'autograder_supervise'), true);
select is(jsonb_array_length(api.job_autograder_poll(current_setting('tests.sup')::bigint, 'w2') -> 0 -> 'tasks'), 1,
  's1''s task is scored; s2''s is asked about');
select tests.act_as_owner();
select results_eq($$ select u.email::text, t.status from app.autograder_tasks t join app.backups b on b.id = t.backup_id
  join app.users u on u.id = b.submitter_id order by 1 $$, $$ values ('s1@a.edu', 'scored'), ('s2@a.edu', 'queued') $$,
  'the tasks'' states');
select tests.act_as_role('ok_worker');
select is(api.job_autograder_record(current_setting('tests.sup')::bigint, 'w2', '[]') - 'plans',
  '{"gave_up": 0, "resent": 0}', 'a task queued for minutes is left alone');
select tests.act_as_owner();
update app.autograder_tasks set sent_at = now() - interval '31 minutes' where status = 'queued';
select tests.act_as_role('ok_worker');
select set_config('tests.again', api.job_autograder_record(current_setting('tests.sup')::bigint, 'w2', '[]')::text, true);
select is(current_setting('tests.again')::jsonb -> 'resent', '1', 'queued for over 30 minutes: sent again');
select is(current_setting('tests.again')::jsonb #>> '{plans,0,claims,sub}', tests.user_id('ta@a.edu')::text,
  'with a new token for the TA whose job sent it');
select tests.act_as_owner();
select results_eq($$ select status, tries from app.autograder_tasks where status <> 'scored' $$,
  $$ values ('sending', 2::bigint) $$, 'its second try');
update app.autograder_tasks set status = 'started', status_at = now() - interval '6 minutes', tries = 3
where status = 'sending';
select set_config('tests.said', (select jsonb_agg(jsonb_build_object('task', id, 'status', 'started'))::text
  from app.autograder_tasks), true);
select tests.act_as_role('ok_worker');
select is(api.job_autograder_record(current_setting('tests.sup')::bigint, 'w2', current_setting('tests.said')::jsonb) - 'plans',
  '{"gave_up": 1, "resent": 0}', 'running over 5 minutes on its third try: given up');

-- Continuous autograding: a job with each eligible submission, and none otherwise.
select tests.act_as_owner();
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s1@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select is((select count(*) from app.jobs where name = 'autograde_continuous'), 0::bigint, 'off by default');
update app.assignments set continuous_autograding = true where name = 'cal/cs61a/fa26/hw01';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s1@a.edu'), false from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('ta@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select is((select count(*) from app.jobs where name = 'autograde_continuous'), 0::bigint,
  'a plain backup, or staff''s own submission, is not sent');
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s2@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01'
returning set_config('tests.cont_backup', id::text, true);
insert into app.messages (backup_id, kind, contents)
values (current_setting('tests.cont_backup')::bigint, 'file_contents', '{"hw01.py": "print(2)"}');
select results_eq($$ select priority, user_id from app.jobs where name = 'autograde_continuous' $$,
  $$ values (5::bigint, null::bigint) $$,
  'a student''s submission queues a job, after scheduled work, with no owner (its log names the key)');
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s2@a.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01'
returning set_config('tests.cont_backup', id::text, true);
insert into app.messages (backup_id, kind, contents)
values (current_setting('tests.cont_backup')::bigint, 'file_contents', '{"hw01.py": "print(2)"}');
select results_eq($$ select count(*), max(params ->> 'backup_id') from app.jobs where name = 'autograde_continuous' $$,
  $$ values (1::bigint, current_setting('tests.cont_backup')) $$,
  'submitting again before it runs sends the newer submission, in the same job (no flood)');
select set_config('tests.cont_job', (select id::text from app.jobs where name = 'autograde_continuous'), true);
select tests.act_as('s2@a.edu');
select throws_ok(format('select api.job_page(%s)', current_setting('tests.cont_job')),
  'PT404', null, 'the student does not see the job''s log');
select tests.act_as_owner();
update app.jobs set status = 'running', worker = 'w3' where name = 'autograde_continuous';
select tests.act_as_role('ok_worker');
select is(api.job_autograde_continuous((select id from app.jobs where name = 'autograde_continuous'), 'w3'),
  '{"url": "http://127.0.0.1:9", "body": {"emails": ["s2@a.edu"], "submitter": "s2@a.edu", "assignment": "hw01-key",
    "file_contents": {"hw01.py": "print(2)"}}}'::jsonb, 'it sends the files, the submitter and the group, as okpy/ok did');


-- Cancelling stops the sending; revoking stops everything; a slow supervision is not doubled.
select tests.act_as('ta@a.edu');
select set_config('tests.again_all', api.start_autograde('cal/cs61a/fa26/hw01') ->> 'job_id', true);
select tests.act_as_owner();
update app.jobs set status = 'queued', run_after = now() + interval '1 hour' where name = 'autograde_continuous';
update app.jobs set run_after = now() - interval '1 second' where id = current_setting('tests.again_all')::bigint;
select tests.act_as_role('ok_worker');
select is(api.job_claim('w4') ->> 'id', current_setting('tests.again_all'), 'another autograde-all runs');
select from api.job_autograde(current_setting('tests.again_all')::bigint, 'w4');
select tests.act_as('ta@a.edu');
select from api.cancel_job(current_setting('tests.again_all')::bigint);
select tests.act_as_role('ok_worker');
select from api.job_finish(current_setting('tests.again_all')::bigint, 'w4', 'Cancelled');
select tests.act_as_owner();
select is((select array_agg(distinct status) from app.autograder_tasks where job_id = current_setting('tests.again_all')::bigint),
  array['gave_up'], 'cancelled midway: what it had not sent is given up, not sent later by the supervision');
update app.autograder_tasks set status = 'queued', sent_at = now() where job_id = current_setting('tests.again_all')::bigint;
select tests.act_as('instructor@a.edu');
select from api.revoke_autograder_tokens('cal/cs61a/fa26');
select tests.act_as_owner();
select is((select count(*) from app.autograder_tasks where status not in ('scored', 'gave_up', 'accepted')), 0::bigint,
  'revoking the autograder''s access gives up the work it still had');
update app.scheduled_tasks set next_run_at = now() - interval '1 minute' where name = 'autograder_supervise';
update app.jobs set status = 'running', worker = 'w2' where id = current_setting('tests.sup')::bigint;
select tests.act_as_role('ok_worker');
select is(api.run_schedule(), '{}'::bigint[], 'a supervision still running is not joined by another');

select * from finish();
rollback;
