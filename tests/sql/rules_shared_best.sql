-- Shared best scores (app.shared_best_scores): after every kind of change to scores and
-- groups, the kept summary equals app.shared_best recomputed from scratch
-- (tests.shared_best_drift() is 0), and the gradebook
-- cells follow: a score counts for the scorer's active group-mates, a member who leaves keeps
-- only their own scores, archived and deleted scores stop counting.
begin;
select plan(14);
select tests.fixture();

create function pg_temp.best(email text) returns jsonb language sql as $$
  select s.best -> a.id::text from app.shared_best_scores as s, app.assignments as a
  where a.name = 'cal/cs61a/fa26/hw01' and s.user_id = tests.user_id(email)
$$;
select set_config('t.s1', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);
select set_config('t.s2', (select tests.hashid(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s2@a.edu') and b.submit), true);

select tests.act_as('ta@a.edu');
select is(array[
  api.v3_score_post(current_setting('t.s1'), 'total', 7, 'first') ->> 'code',
  api.v3_score_post(current_setting('t.s2'), 'total', 4, 'first') ->> 'code',
  api.v3_score_post(current_setting('t.s2'), 'correctness', 2, 'first') ->> 'code'
], array['200', '200', '200'], 'staff score s1 and s2 alone');
reset role;
select is(tests.shared_best_drift(), 0::bigint, 'scores added: the summary equals the rule');
select is(pg_temp.best('s1@a.edu'), '{"total": 7}'::jsonb, 'alone, a student has their own best');

-- s1 and s2 become a group: each now has the better of both, per kind.
insert into app.groups (assignment_id, course_id) select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 's2@a.edu');
select is(tests.shared_best_drift(), 0::bigint, 'a group formed: the summary equals the rule');
select is(pg_temp.best('s2@a.edu'), '{"total": 7, "correctness": 2}'::jsonb, 'group members share the best of each kind');

-- A regrade archives s1's 7: the group's best total is s2's 4.
select tests.act_as('ta@a.edu');
select is(api.v3_score_post(current_setting('t.s1'), 'total', 3, 'regraded') ->> 'code', '200', 'a regrade');
reset role;
select is(pg_temp.best('s1@a.edu'), '{"total": 4, "correctness": 2}'::jsonb, 'an archived score stops counting');

-- s2 leaves: each keeps only their own scores.
delete from app.group_members where user_id = tests.user_id('s2@a.edu');
select is(tests.shared_best_drift(), 0::bigint, 'a member left: the summary equals the rule');
select is(pg_temp.best('s1@a.edu'), '{"total": 3}'::jsonb, 'the one who stays loses the leaver''s scores');
select is(pg_temp.best('s2@a.edu'), '{"total": 4, "correctness": 2}'::jsonb, 'the leaver keeps their own');

-- Deleting scores removes the entry; the gradebook's cells read the summary.
delete from app.scores where user_id = tests.user_id('s2@a.edu');
select is(pg_temp.best('s2@a.edu'), null, 'no score left: no entry');
select is(tests.shared_best_drift(), 0::bigint, 'scores deleted: the summary equals the rule');
select is(
  (select g.cells[1] from app.grade_cells((select id from app.courses where offering = 'cal/cs61a/fa26')) as g
   where g.student_id = tests.user_id('s1@a.edu')),
  3::numeric, 'the gradebook cell is the kept best of the published kind');

-- Deleting the assignment (its scores and groups go with it) leaves nothing behind.
delete from app.assignments where name = 'cal/cs61a/fa26/hw01';
select is(tests.shared_best_drift(), 0::bigint, 'an assignment deleted: the summary equals the rule');

select * from finish();
rollback;
