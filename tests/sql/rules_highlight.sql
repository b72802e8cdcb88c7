-- Highlighting ahead of grading: the worker (and only it) gets the files of backups with
-- open grading tasks that are not highlighted yet for its version, each file once, and keeps
-- its lines (a line count that does not match the file is refused); the grading view returns
-- the kept lines for its own highlighter version only (tests/py/test_worker.py: the worker
-- does it, woken by a new task).
begin;
select plan(15);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);

select tests.act_as('ta@a.edu');
select throws_ok($$ select api.highlight_backlog('v1') $$, '42501', null, 'a request role does not read the backlog');
select throws_ok($$ select api.store_highlights('v1', '[]') $$, '42501', null, 'nor writes highlighted lines');
select api.assign_grading('cal/cs61a/fa26/hw01', array['ta@a.edu']);

select tests.act_as_owner();
select set_config('t.last_task', (select max(id)::text from app.grading_tasks), true);
select tests.act_as_role('ok_worker');
select is(api.highlight_backlog('v1') -> 'files', '[{"filename": "hw01.py", "contents": "print(1)"}]'::jsonb,
  'two queued submissions with the same file: highlighted once');
select is(api.highlight_backlog('v1', 1) -> 'files', '[{"filename": "hw01.py", "contents": "print(1)"}]'::jsonb,
  'a batch of one task');
select is(api.highlight_backlog('v1', 1, (api.highlight_backlog('v1', 1) ->> 'last_task')::bigint) -> 'files',
  '[{"filename": "hw01.py", "contents": "print(1)"}]'::jsonb, 'then the next task');
select is(api.highlight_backlog('v1', 5, current_setting('t.last_task')::bigint), '{"files": [], "last_task": null}'::jsonb,
  'and after the last one, nothing: the pass is over');
select throws_ok($$ select api.highlight_backlog('v1', 0) $$, 'PT422', 'batch_size must be between 1 and 200',
  'a batch has a size');
select is(api.store_highlights('v1', '[{"filename": "hw01.py", "contents": "print(1)", "lines": ["a", "b"]}]'), 0,
  'lines that do not match the file are not kept');
select is(api.store_highlights('v1',
  '[{"filename": "hw01.py", "contents": "print(1)", "lines": ["<span class=\"nb\">print</span>(1)"]}]'), 1,
  'the worker keeps a file''s lines');
select is(api.store_highlights('v1', '[{"filename": "hw01.py", "contents": "print(1)", "lines": ["x"]}]'), 0,
  'once');
select is(api.highlight_backlog('v1') -> 'files', '[]'::jsonb, 'then the backlog is empty');
select is(jsonb_array_length(api.highlight_backlog('v2') -> 'files'), 1, 'but not for another highlighter version');

select tests.act_as('ta@a.edu');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s1'), null, 'v1') -> 'highlighted',
  '{"hw01.py": ["<span class=\"nb\">print</span>(1)"]}'::jsonb, 'the grading view returns the kept lines');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s1'), null, 'v2') -> 'highlighted',
  '{}'::jsonb, 'for its own version only');

select tests.act_as_owner();
select isnt(app.file_digest('a', E'b\nc'), app.file_digest(E'a\nb', 'c'), 'a name and a text never run together');

select * from finish();
rollback;
