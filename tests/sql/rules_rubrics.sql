-- Rubrics: TAs and instructors make them (readers apply them); a rubric score is the starting
-- points plus the applied items' points within the bounds, computed in SQL; changing an
-- item's points or the bounds rescores, in one statement, every score that used the rubric
-- (the earlier scores archived, items and notes kept, graders unchanged); a new description
-- changes what students read and no score; students see the items of published scores only.
begin;
select plan(42);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);
select set_config('t.s1id', (select b.id::text from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2id', (select b.id::text from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);

-- Who makes rubrics.
select tests.act_as('reader@a.edu');
select throws_ok($$ select api.save_rubric('cal/cs61a/fa26/hw01', 'composition', '0', '0', '10') $$, 'PT403',
  'Only TAs and instructors can change rubrics', 'a reader does not make rubrics');
select throws_ok($$ select api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '1', 'x') $$, 'PT403',
  'Only TAs and instructors can change rubrics', 'nor items');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.rubric_page('cal/cs61a/fa26/hw01') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a student does not see the rubrics page');

select tests.act_as('ta@a.edu');
select throws_ok($$ select api.save_rubric('cal/cs61a/fa26/hw01', 'composition', '0', '5', '1') $$, 'PT422',
  'The minimum (5) is above the maximum (1)', 'bounds in the wrong order are refused');
select throws_ok($$ select api.save_rubric('cal/cs61a/fa26/hw01', 'composition', 'lots') $$, 'PT422',
  'The starting points must be a number, not ''lots''', 'points are numbers');
select is((select count(*)::int from app.rubrics), 0, 'and nothing was made');
select is(api.save_rubric('cal/cs61a/fa26/hw01', ' Composition ', '0', '0', '10') ->> 'rescored', '0',
  'a TA makes a rubric for composition (0 to 10)');
select set_config('t.base', api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '4', 'Correct base case') ->> 'id', true);
select set_config('t.rec', api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '+6', 'Correct *recursion*') ->> 'id', true);
select set_config('t.style', api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '-2', 'Long lines') ->> 'id', true);
select set_config('t.spare', api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '1', 'Spare') ->> 'id', true);
select throws_ok($$ select api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', 'two', 'x') $$, 'PT422',
  'The points must be a number, not ''two''', 'an item''s points are numbers');
select throws_ok($$ select api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '2', '  ') $$, 'PT422',
  null, 'an item has a description');
select is((select jsonb_agg(i ->> 'points' order by i ->> 'position') from
  jsonb_array_elements(api.rubric_page('cal/cs61a/fa26/hw01') -> 'rubrics' -> 0 -> 'items') as i),
  '["4", "6", "-2", "1"]'::jsonb, 'the page lists the items in order');
select set_config('t.other', api.add_rubric_item('cal/cs61a/fa26/hw01', 'effort', '1', 'Tried') ->> 'id', true);
select is((select count(*)::int from app.rubrics), 2, 'adding an item to a kind without a rubric makes one');

-- A reader grades by rubric.
select tests.act_as('reader@a.edu');
select throws_ok(format($$ select api.grade_by_rubric('cal/cs61a/fa26/hw01', %L, 'correctness', '[]') $$,
  current_setting('t.s1')), 'PT404', 'This assignment has no rubric for correctness scores', 'no rubric, no rubric score');
select throws_ok(format($$ select api.grade_by_rubric('cal/cs61a/fa26/hw01', %L, 'composition', '[{"id": %s}]') $$,
  current_setting('t.s1'), current_setting('t.other')), 'PT422',
  format('Item %s is not in the composition rubric', current_setting('t.other')), 'an item of another rubric is refused');
select throws_ok(format($$ select api.grade_by_rubric('cal/cs61a/fa26/hw01', %L, 'composition', '[{"id": "x"}]') $$,
  current_setting('t.s1')), 'PT422', null, 'items are named by number');
select throws_ok(format($$ select api.grade_by_rubric('cal/cs61a/fa26/hw01', %L, 'composition', '{"id": 1}') $$,
  current_setting('t.s1')), 'PT422', null, 'items are a list');
select throws_ok(format($$ select api.grade_by_rubric('cal/cs61a/fa26/hw01', %L, 'composition', '[1, [2]]') $$,
  current_setting('t.s1')), 'PT422', 'Items must be a list of {"id": item, "note": text}', 'of objects');
select is((select count(*)::int from app.scores where kind = 'composition'), 0, 'refusals record nothing');
select is(api.grade_by_rubric('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'composition',
  format('[{"id": %s}, {"id": %s, "note": "see line 3"}, {"id": %s}]',
    current_setting('t.base'), current_setting('t.rec'), current_setting('t.base'))::jsonb, 'Good') ->> 'score',
  '10', 'base case and recursion (the base case named twice counts once): 4 + 6 = 10');
select is(api.grade_by_rubric('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'composition',
  format('[{"id": %s}, {"id": %s}]', current_setting('t.base'), current_setting('t.style'))::jsonb) ->> 'score',
  '2', 'base case and long lines: 4 - 2 = 2');
select is((select count(*)::int from app.score_rubric_items), 4, 'the applied items are kept with their scores');
select is((select note from app.score_rubric_items where item_id = current_setting('t.rec')::bigint), 'see line 3',
  'with their notes');
select is(api.grade_by_rubric('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'composition',
  format('[{"id": %s}]', current_setting('t.style'))::jsonb) ->> 'score', '0',
  'a score below the minimum is the minimum');
select is((select count(*)::int from app.scores where kind = 'composition' and archived), 1,
  'regrading archives the earlier score');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s1')) -> 'rubrics' -> 0 -> 'items' -> 1 -> 'applied',
  '{"note": "see line 3"}'::jsonb, 'the grading view shows what this backup''s score applied');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s1')) -> 'rubrics' -> 0 -> 'items' -> 2 -> 'applied',
  'null'::jsonb, 'and what it did not');

-- Changing the rubric rescores every score that used it, in one statement.
select throws_ok(format($$ select api.edit_rubric_item(%s, '5', 'x') $$, current_setting('t.rec')), 'PT403',
  'Only TAs and instructors can change rubrics', 'a reader does not change items');
select tests.act_as('ta@a.edu');
select is(api.edit_rubric_item(current_setting('t.rec')::bigint, '5', 'Correct *recursion*') ->> 'rescored', '1',
  'recursion now gives 5: the one score that applied it is rescored');
select results_eq($$ select value, grader_id, message, archived from app.scores
  where kind = 'composition' and backup_id = current_setting('t.s1id')::bigint order by id $$,
  format($$ values (10::numeric, %1$s::bigint, 'Good'::text, true), (9, %1$s, 'Good', false) $$, tests.user_id('reader@a.edu')),
  'the earlier score archived, the new one worth 9, same grader and message');
select is((select count(*)::int from app.score_rubric_items a inner join app.scores s on s.id = a.score_id
  where not s.archived and s.backup_id = current_setting('t.s1id')::bigint), 2,
  'the new score keeps the applied items');
select is((select value from app.scores where kind = 'composition' and not archived
  and backup_id = current_setting('t.s2id')::bigint), 0::numeric, 'a score that did not apply it is unchanged');
select is(api.save_rubric('cal/cs61a/fa26/hw01', 'composition', '3', '0', '10') ->> 'rescored', '2',
  'starting at 3 rescores both scores');
select results_eq($$ select value from app.scores where kind = 'composition' and not archived order by backup_id $$,
  $$ values (10::numeric), (1::numeric) $$, '3 + 9 capped at 10; 3 - 2 = 1');
select is(api.edit_rubric_item(current_setting('t.rec')::bigint, '5', 'Recursion that stops') ->> 'rescored', '0',
  'a new description rescores nothing');
select is(tests.shared_best_drift(), 0::bigint, 'the kept best scores follow the rescoring');
select throws_ok(format($$ select api.delete_rubric_item(%s) $$, current_setting('t.base')), 'PT409',
  'This item was applied to 4 score(s) and stays in their history: set its points to 0 instead',
  'an applied item is not deleted');
select is(api.delete_rubric_item(current_setting('t.spare')::bigint), current_setting('t.spare')::bigint,
  'an item never applied is');
select is(api.save_rubric('cal/cs61a/fa26/hw01', 'composition', '3', '0', '') ->> 'rescored', '1',
  'no maximum: 3 + 4 + 5 = 12 is no longer capped');
select throws_ok(format($$ select api.edit_rubric_item(%s, '999999999999999', 'Correct base case') $$, current_setting('t.base')),
  'PT422', 'This change would give a score beyond what a score may be (+/-1e15): set bounds',
  'a change that would overflow a score is refused');
select is((select points from app.rubric_items where id = current_setting('t.base')::bigint), 4::numeric,
  'and changes nothing');
select tests.act_as_owner();
select ok(exists (select 1 from app.audit_log where table_name = 'rubric_items' and action = 'update'
  and actor_id = tests.user_id('ta@a.edu')), 'rubric changes are audited, with who made them');

-- Students see the items of published scores, with the descriptions as they are now.
select tests.act_as('s1@a.edu');
select is((select count(*)::int from app.rubric_items), 0, 'before publication a student sees no item');
select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as('s1@a.edu');
select is((select items from api.my_scores('cal/cs61a/fa26/hw01') where kind = 'composition'),
  '[{"note": "", "points": 4, "description": "Correct base case"},
    {"note": "see line 3", "points": 5, "description": "Recursion that stops"}]'::jsonb,
  'after it, the applied items with notes and the new description');

select * from finish();
rollback;
