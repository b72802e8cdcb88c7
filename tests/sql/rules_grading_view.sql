-- The grading workspace: a grader's queue page, the grading view of a backup, line comments
-- (added only on lines the backup has; edited by their author; deleted by their author or an
-- instructor), scores from the view (a score completes the task and names the next one), and
-- reassigning a task (TAs and instructors only, to staff only, open tasks only).
begin;
select plan(54);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);
update app.assignments set template_files = '{"hw01.py": "print(0)"}' where name = 'cal/cs61a/fa26/hw01';

-- Who may open the pages.
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.grading_queue('cal/cs61a/fa26/hw01') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'a student gets the reason, not a queue');
select throws_ok(format($$ select api.grading_view('cal/cs61a/fa26/hw01', %L) $$, current_setting('t.s1')), 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'nor a grading view');
select tests.act_as('ta@b.edu');
select throws_ok(format($$ select api.grading_view('cal/cs61a/fa26/hw01', %L) $$, current_setting('t.s1')), 'PT403',
  null, 'staff of another course neither');

select tests.act_as('ta@a.edu');
select is(api.assign_grading('cal/cs61a/fa26/hw01', array['ta@a.edu', 'reader@a.edu']),
  '{"ta@a.edu": 1, "reader@a.edu": 1}'::jsonb, 'two final submissions split between two graders');
select is(jsonb_array_length(api.grading_queue('cal/cs61a/fa26/hw01') -> 'my_tasks'), 1, 'my queue has my task');
select is(api.grading_queue('cal/cs61a/fa26/hw01') -> 'my_tasks' -> 0 -> 'members', '["s2@a.edu"]'::jsonb,
  'with the unit''s members');
select is(jsonb_array_length(api.grading_queue('cal/cs61a/fa26/hw01') -> 'progress'), 2, 'progress for every grader');
select is((api.grading_queue('cal/cs61a/fa26/hw01') ->> 'can_reassign')::boolean, true, 'a TA may reassign');
select is(api.grading_queue('cal/cs61a/fa26/hw01') ->> 'next_key', current_setting('t.s2'), 'grade next opens my task');

-- The grading view.
select throws_ok($$ select api.grading_view('cal/cs61a/fa26/hw01', 'nothere') $$, 'PT404',
  'No backup nothere in cal/cs61a/fa26/hw01', 'an unknown key is refused with its name');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s2')) -> 'backup' -> 'files',
  '{"hw01.py": "print(1)"}'::jsonb, 'the view has the backup''s files');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'template') -> 'compare' -> 'files',
  '{"hw01.py": "print(0)"}'::jsonb, 'and the template to diff against');
select is(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s2')) -> 'task' ->> 'mine', 'true',
  'and the task on it');
select ok(jsonb_array_length(api.grading_view('cal/cs61a/fa26/hw01', current_setting('t.s2')) -> 'timeline') >= 1,
  'and the unit''s timeline');

-- Comments.
select throws_ok(format($$ select api.add_comment('cal/cs61a/fa26/hw01', %L, 'nothere.py', 999, 'hi') $$,
  current_setting('t.s2')), 'PT422', 'The backup has no line 999 in nothere.py', 'no comment on a missing file');
select throws_ok(format($$ select api.add_comment('cal/cs61a/fa26/hw01', %L, 'hw01.py', 2, 'hi') $$,
  current_setting('t.s2')), 'PT422', 'The backup has no line 2 in hw01.py', 'nor on a missing line');
select throws_ok(format($$ select api.add_comment('cal/cs61a/fa26/hw01', %L, 'hw01.py', 1, '  ') $$,
  current_setting('t.s2')), 'PT422', 'Write a comment first', 'nor an empty one');
select set_config('t.c1', (api.add_comment('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'hw01.py', 1, 'Use a *name*') ->> 'id'), true);
select is((select message from app.comments where id = current_setting('t.c1')::bigint), 'Use a *name*',
  'a comment on line 1 is kept');
select tests.act_as('reader@a.edu');
select throws_ok(format($$ select api.edit_comment(%s, 'mine now') $$, current_setting('t.c1')), 'PT403',
  'Only its author can edit a comment', 'another grader cannot edit it');
select throws_ok(format($$ select api.delete_comment(%s) $$, current_setting('t.c1')), 'PT403',
  'Only its author or an instructor can delete a comment', 'a reader cannot delete it');
select tests.act_as('ta@a.edu');
select is(api.edit_comment(current_setting('t.c1')::bigint, 'Use a better *name*') ->> 'message', 'Use a better *name*',
  'its author edits it');
select tests.act_as('instructor@a.edu');
select lives_ok(format($$ select api.delete_comment(%s) $$, current_setting('t.c1')), 'an instructor deletes any');
reset role;
select is((select count(*)::int from app.comments), 0, 'the comment is gone');
select is((select count(*)::int from app.audit_log where table_name = 'comments' and action = 'delete'), 1,
  'and its deletion is in the audit log');

-- A comment belongs to a kind of grading: the student sees it once that kind is published.
select tests.act_as('ta@a.edu');
select is(api.add_comment('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'hw01.py', 1, 'Nice') ->> 'kind',
  'composition', 'a comment takes the kind of the backup''s task');
select tests.act_as('s2@a.edu');
select is((select count(*)::int from app.comments), 0, 'the student sees no comment before composition is published');
select is(jsonb_array_length(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s2')) -> 'comments'), 0,
  'nor on their backup''s page');
select tests.act_as('instructor@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as('s2@a.edu');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s2')) -> 'comments' -> 0 ->> 'message', 'Nice',
  'once it is published, the student sees it');

-- The comment bank: saved once per message, used with one click, counted; staff only.
select tests.act_as('ta@a.edu');
select is(api.add_comment('cal/cs61a/fa26/hw01', current_setting('t.s2'), 'hw01.py', 1, 'Name it', save_to_bank => true)
  ->> 'message', 'Name it', 'a comment saved to the bank');
select lives_ok(format($$ select api.add_comment('cal/cs61a/fa26/hw01', %L, 'hw01.py', 1, 'Name it', save_to_bank => true) $$,
  current_setting('t.s1')), 'saving the same words again keeps one entry');
select is(jsonb_array_length(api.comment_bank('cal/cs61a/fa26/hw01')), 1, 'the bank has it once');
select tests.act_as('reader@a.edu');
select is(api.add_comment('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'hw01.py', 1,
  bank_id => (api.comment_bank('cal/cs61a/fa26/hw01') -> 0 ->> 'id')::bigint) ->> 'message', 'Name it',
  'another grader uses it with its id alone');
select is((api.comment_bank('cal/cs61a/fa26/hw01') -> 0 ->> 'uses')::int, 1, 'and the use is counted');
select throws_ok(format($$ select api.add_comment('cal/cs61a/fa26/secret', %L, 'hw01.py', 1, bank_id => 1) $$,
  current_setting('t.s1')), 'PT404', null, 'a saved comment is used on a backup of its own assignment only');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.comment_bank('cal/cs61a/fa26/hw01') $$, 'PT403', null, 'students never see the bank');
select is((select count(*)::int from app.comment_bank), 0, 'nor its rows');

-- Scores from the view, and reassigning.
select tests.act_as('reader@a.edu');
select throws_ok(format($$ select api.grade('cal/cs61a/fa26/hw01', %L, 'composition', 'ten') $$, current_setting('t.s1')),
  'PT422', 'The score must be a number, not ''ten''', 'a score must be a number');
select throws_ok($$ select api.reassign_task((select id from app.grading_tasks limit 1), 'ta@a.edu') $$,
  'PT403', 'Only TAs and instructors can reassign grading tasks', 'readers do not reassign');
select is(api.grade('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'Composition', '2.5', 'Good') ->> 'next_key', null,
  'the reader''s only task is graded: nothing next');
select is((select count(*)::int from app.grading_tasks where score_id is null), 1, 'grading completed that task');
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.reassign_task((select id from app.grading_tasks where score_id is null), 's1@a.edu') $$,
  'PT422', 's1@a.edu is not a grader of this course', 'tasks go to staff only');
select is(api.reassign_task((select id from app.grading_tasks where score_id is null), 'reader@a.edu'), 'reader@a.edu',
  'a TA moves an open task to the reader');
select throws_ok($$ select api.reassign_task((select id from app.grading_tasks where score_id is not null), 'ta@a.edu') $$,
  'PT422', 'That task is graded already', 'a done task stays');

-- The scores page: every unit with its shared best per kind, filters, distributions, CSV.
select tests.act_as('ta@a.edu');
select is(jsonb_array_length(api.scores_page('cal/cs61a/fa26/hw01') -> 'units'), 2,
  'every unit of the assignment: s1 and s2');
select is((select u -> 'scores' ->> 'composition' from jsonb_array_elements(api.scores_page('cal/cs61a/fa26/hw01') -> 'units') as u
           where u -> 'members' ? 's1@a.edu'), '2.5', 'a unit''s scores are its shared best');
select is(jsonb_array_length(api.scores_page('cal/cs61a/fa26/hw01', grader => 'ta@a.edu') -> 'units'), 0,
  'filtered by grader (the TA moved their task to the reader)');
select is(api.scores_page('cal/cs61a/fa26/hw01') -> 'distributions' -> 0 ->> 'kind', 'composition', 'a distribution per kind');
select is((select jsonb_agg(u -> 'members' -> 0) from jsonb_array_elements(
  api.scores_page('cal/cs61a/fa26/hw01', page => 2, page_size => 1) -> 'units') as u), '["s2@a.edu"]'::jsonb,
  'in pages: the second unit alone on page 2 of 1 unit each (ordered by members)');
select is(api.scores_page('cal/cs61a/fa26/hw01', page => 2, page_size => 1) ->> 'unit_count', '2', 'of 2 units');
select throws_ok($$ select api.scores_page('cal/cs61a/fa26/hw01', page => 0) $$, 'PT422', 'page must be 1 or more',
  'pages start at 1');
select is(array_length(string_to_array(rtrim(api.scores_csv('cal/cs61a/fa26/hw01'), E'\r\n'), E'\r\n'), 1), 3,
  'the CSV has every unit (a header and two lines), whatever the page');
select is(split_part(api.scores_csv('cal/cs61a/fa26/hw01'), E'\r\n', 1), 'Members,Sections,Backup,Grader,composition',
  'the CSV''s header names the kinds');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.scores_page('cal/cs61a/fa26/hw01') $$, 'PT403', null, 'students get no scores page');
select throws_ok($$ select api.scores_csv('cal/cs61a/fa26/hw01') $$, 'PT403', null, 'nor its CSV');

select * from finish();
rollback;
