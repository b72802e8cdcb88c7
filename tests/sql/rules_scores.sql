-- Scores: any kind; a new score archives the previous one of the same kind on the same backup;
-- students see only published kinds, the best per kind across their group (tie: newest);
-- revisions archive the group's earlier revision score.
begin;
select plan(12);
select tests.fixture();
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);

select tests.act_as('reader@a.edu');
select is((api.v3_score_post(current_setting('t.s1'), 'Total', 5, 'first')) ->> 'code', '200', 'staff score a backup');
select is((api.v3_score_post(current_setting('t.s1'), 'total', 7, 'regraded')) ->> 'code', '200', 'and score it again');
select is((api.v3_score_post(current_setting('t.s1'), 'checkpoint 1', 1, 'any kind')) ->> 'code', '200', 'any kind is accepted');
reset role;
select is((select string_agg(value::text || case when archived then 'a' else '' end, ',' order by id)
  from app.scores where kind = 'total'), '5a,7', 'the earlier score of that kind is archived, not deleted');

-- Students: published kinds only (hw01 publishes "total").
select tests.act_as('s1@a.edu');
select is((select string_agg(kind || '=' || score, ',') from api.my_scores('cal/cs61a/fa26/hw01')), 'total=7',
  'a student sees the published kind only');
select is((select count(*)::int from app.scores where kind = 'checkpoint 1'), 0, 'unpublished kinds are hidden by RLS');
select tests.act_as('s2@a.edu');
select is((select count(*)::int from api.my_scores('cal/cs61a/fa26/hw01')), 0, 'not a classmate''s scores');

-- In a group the best score per kind is shared.
reset role;
insert into app.groups (assignment_id, course_id) select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 's2@a.edu');
select tests.act_as('ta@a.edu');
select api.v3_score_post(current_setting('t.s2'), 'total', 9, 'better');
select tests.act_as('s1@a.edu');
select is((select score::text from api.my_scores('cal/cs61a/fa26/hw01') where kind = 'total'), '9',
  'the best score across the group');
select tests.act_as('ta@a.edu');
select api.v3_score_post(current_setting('t.s1'), 'total', 9, 'tie, newer');
select tests.act_as('s2@a.edu');
select is((select message from api.my_scores('cal/cs61a/fa26/hw01') where kind = 'total'), 'tie, newer',
  'ties go to the newest score');

-- Revisions.
reset role;
update app.assignments set revisions_allowed = true where name = 'cal/cs61a/fa26/hw01';
select tests.act_as('s1@a.edu');
select is((api.v3_revision_post('cal/cs61a/fa26/hw01', '{}')) ->> 'code', '200', 'a revision is accepted');
select is((api.v3_revision_post('cal/cs61a/fa26/hw01', '{}')) ->> 'code', '200', 'and another');
reset role;
select is((select string_agg(value::text || case when archived then 'a' else '' end, ',' order by id)
  from app.scores where kind = 'revision'), '2.0a,2.0', 'the group''s earlier revision score is archived');

select * from finish();
rollback;
