-- Line comments land on a line the backup has: a file of the backup (app.backup_files, the one
-- rule for which messages are files) and a line within it (0: the file as a whole).
begin;
select plan(10);
select tests.fixture();
update app.messages set contents = '{"hw01.py": "a = 1\nb = 2\nc = 3", "empty.py": "", "submit": true, "notes.bin": {"x": 1}}'
where kind = 'file_contents';
select tests.hashid(b.id) as s1_key, b.id as s1_id
from app.backups as b inner join app.users as u on b.submitter_id = u.id
where u.email = 's1@a.edu' and b.submit \gset

select results_eq(
  format('select filename, line_count from app.backup_files(%s) order by filename', :s1_id),
  $$ values ('empty.py'::text, 1), ('hw01.py'::text, 3) $$,
  'a backup''s files are the text entries of its file_contents message, with their line counts');

select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''hw01.py'', line => 3, message => ''Last line'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 200, 'a comment on the last line is taken');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''empty.py'', line => 1, message => ''Empty'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 200, 'an empty file has the one line its code view shows');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''hw01.py'', line => 0, message => ''The file'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 422, 'line 0 is refused: the code view shows lines from 1');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''hw01.py'', line => 4, message => ''Past the end'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 422, 'a line past the end is refused');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''nothere.py'', line => 1, message => ''Nowhere'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 422, 'a file the backup does not have is refused');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''submit'', line => 0, message => ''Flag'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 422, 'ok-client''s submit flag is not a file');
select is(tests.v3('ta@a.edu', 'api.v3_comments_post(filename => ''notes.bin'', line => 0, message => ''Object'')',
  jsonb_build_object('x-ok-key', :'s1_key')), 422, 'nor is a non-text entry');
reset role;
select is((select count(*)::int from app.comments where backup_id = :s1_id), 2, 'refusals changed nothing');

select tests.act_as('ta@a.edu');
select is(
  (select array_agg(k order by k) from jsonb_object_keys(api.backup_page('cal/cs61a/fa26/hw01', :'s1_key') -> 'files') as k),
  array['empty.py', 'hw01.py'], 'the backup page shows the same files');

select * from finish();
rollback;
