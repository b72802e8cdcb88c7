-- Regrade requests: a student asks for a regrade of a published score of their group, with
-- a reason (one open request per score); the request is on the grader's queue, the grading
-- view and the scores page; staff resolve it with a reply, a new score (the old one archived)
-- or both, once; the student sees the outcome; every step is audited.
begin;
select plan(26);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s1id', (select b.id::text from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);

select tests.act_as('ta@a.edu');
select api.assign_grading('cal/cs61a/fa26/hw01', array['reader@a.edu']);
select api.grade('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'composition', '4', 'Fine');

select tests.act_as('s1@a.edu');
select throws_ok(format($$ select api.request_regrade('cal/cs61a/fa26/hw01', %L, 'composition', 'why') $$,
  current_setting('t.s1')), 'PT404', format('There is no published composition score on %s to regrade',
  current_setting('t.s1')), 'an unpublished score cannot be asked about');

select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as('s2@a.edu');
select throws_ok(format($$ select api.request_regrade('cal/cs61a/fa26/hw01', %L, 'composition', 'why') $$,
  current_setting('t.s1')), 'PT404', format('No backup %s in cal/cs61a/fa26/hw01', current_setting('t.s1')),
  'nor another student''s');
select tests.act_as('s1@a.edu');
select throws_ok(format($$ select api.request_regrade('cal/cs61a/fa26/hw01', %L, 'composition', '  ') $$,
  current_setting('t.s1')), 'PT422', 'Say why the score should change', 'a request says why');
select is(api.request_regrade('cal/cs61a/fa26/hw01', current_setting('t.s1'), ' Composition ',
  'Line 2 is *fine*') ->> 'status', 'open', 'a student asks for a regrade of a published score');
select throws_ok(format($$ select api.request_regrade('cal/cs61a/fa26/hw01', %L, 'composition', 'again') $$,
  current_setting('t.s1')), 'PT409', 'A regrade of this composition score is already open', 'once at a time');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'regrades' -> 0 ->> 'status', 'open',
  'the student sees their request open');
select is(api.assignment_page('cal/cs61a/fa26/hw01') -> 'regrades' -> 0 ->> 'score', '4', 'with the score asked about');
select set_config('t.req', (select id::text from app.regrade_requests), true);
select throws_ok(format($$ select api.resolve_regrade(%s, 'no', '10') $$, current_setting('t.req')), 'PT403',
  'Only the course''s staff resolve regrade requests', 'a student does not resolve their own request');
select tests.act_as('s2@a.edu');
select is((select count(*)::int from app.regrade_requests), 0, 'a classmate does not see it');
select throws_ok(format($$ select api.resolve_regrade(%s, 'no') $$, current_setting('t.req')), 'PT404',
  format('No regrade request %s', current_setting('t.req')), 'nor learns it exists');

-- The staff see it where they work.
select tests.act_as('reader@a.edu');
select is(api.grading_queue('cal/cs61a/fa26/hw01') -> 'regrades' -> 0 ->> 'reason', 'Line 2 is *fine*',
  'on the queue of the grader whose task it is');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s1')) -> 'regrades' -> 0 ->> 'requester',
  's1@a.edu', 'on the grading view of the backup');
select is(jsonb_array_length(api.scores_page('cal/cs61a/fa26/hw01') -> 'regrades'), 1, 'and on the scores page');
select tests.act_as('ta@a.edu');
select is(jsonb_array_length(api.grading_queue('cal/cs61a/fa26/hw01') -> 'regrades'), 0,
  'not on the queue of a grader it is not for');

select tests.act_as('reader@a.edu');
select throws_ok(format($$ select api.resolve_regrade(%s, '  ', '') $$, current_setting('t.req')), 'PT422',
  'Reply to the student, or give a new score', 'a resolution says something');
select throws_ok(format($$ select api.resolve_regrade(%s, 'ok', 'six') $$, current_setting('t.req')), 'PT422',
  'The new score must be a number, not ''six''', 'a new score is a number');
select is(api.resolve_regrade(current_setting('t.req')::bigint, 'You are right', '6') ->> 'new_score', '6',
  'the reader resolves it with a reply and a new score');
select results_eq($$ select value, archived, message from app.scores
  where backup_id = current_setting('t.s1id')::bigint and kind = 'composition' order by id $$,
  $$ values (4::numeric, true, 'Fine'::text), (6, false, 'You are right') $$,
  'the old score archived, the new one with the reply as its message');
select throws_ok(format($$ select api.resolve_regrade(%s, 'twice') $$, current_setting('t.req')), 'PT409',
  'This regrade request was already resolved', 'a request is resolved once');

select tests.act_as('s1@a.edu');
select is((api.assignment_page('cal/cs61a/fa26/hw01') -> 'regrades' -> 0) - 'created_at' - 'resolved_at' - 'id'
  - 'backup_key', '{"kind": "composition", "reason": "Line 2 is *fine*", "status": "resolved", "reply": "You are right",
  "requester": "s1@a.edu", "resolver": "reader@a.edu", "score": 4, "new_score": 6}'::jsonb,
  'the student sees the outcome');
select is((select score from api.my_scores('cal/cs61a/fa26/hw01') where kind = 'composition'), 6::numeric,
  'and the new score');
select is(api.request_regrade('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'composition', 'Still') ->> 'status',
  'open', 'once resolved, the new score may be asked about again');
select tests.act_as('ta@a.edu');
select is(api.resolve_regrade((select max(id) from app.regrade_requests), 'No change') ->> 'new_score', null,
  'a reply alone resolves it');
select is((select value from app.scores where not archived and kind = 'composition'
  and backup_id = current_setting('t.s1id')::bigint), 6::numeric, 'and leaves the score');

select tests.act_as_owner();
select is((select string_agg(action, ',' order by id) from app.audit_log where table_name = 'regrade_requests'),
  'insert,update,insert,update', 'every step is audited');
select is(tests.shared_best_drift(), 0::bigint, 'the kept best scores follow');

select * from finish();
rollback;
