-- What a student sees of their backup: its neighbours in their group's timeline, a diff
-- against the template, the previous submission or another of their backups (never a
-- stranger's), and the backup's scores with their rubric items once, and only once, the
-- kind is published.
begin;
select plan(10);
select tests.fixture();
update app.assignments set template_files = '{"hw01.py": "print(0)"}' where name = 'cal/cs61a/fa26/hw01';
select set_config('t.b1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and not b.submit), true);
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);
select tests.act_as('ta@a.edu');
select api.add_rubric_item('cal/cs61a/fa26/hw01', 'composition', '2', 'Clear names');
select api.grade_by_rubric('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'composition',
  (select jsonb_build_array(jsonb_build_object('id', id, 'note', 'good')) from app.rubric_items));

select tests.act_as('s1@a.edu');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1')) ->> 'older_key', current_setting('t.b1'),
  'the submission''s older neighbour is the student''s backup');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.b1')) ->> 'newer_key', current_setting('t.s1'),
  'and the other way');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'template') -> 'compare' -> 'files',
  '{"hw01.py": "print(0)"}'::jsonb, 'a diff against the template');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1'), current_setting('t.b1')) -> 'compare' ->> 'key',
  current_setting('t.b1'), 'or against another of their backups');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1'), current_setting('t.s2')) -> 'compare',
  'null'::jsonb, 'never against a classmate''s');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1'), 'previous') -> 'compare',
  'null'::jsonb, 'no earlier submission, nothing to compare');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1')) -> 'scores', '[]'::jsonb,
  'no score before publication');
select tests.act_as('ta@a.edu');
select api.publish_scores('cal/cs61a/fa26/hw01', 'composition');
select tests.act_as('s1@a.edu');
select is((api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s1')) -> 'scores' -> 0) - 'message',
  '{"kind": "composition", "score": 2, "items": [{"description": "Clear names", "points": 2, "note": "good"}]}'::jsonb,
  'after it, the score with its rubric items');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s2')), null, 'a classmate''s backup is nothing');
select tests.act_as('s2@a.edu');
select is(api.backup_page('cal/cs61a/fa26/hw01', current_setting('t.s2'), current_setting('t.s1')) -> 'compare',
  'null'::jsonb, 'nor can a classmate diff against it');

select * from finish();
rollback;
