-- Final submissions: flagged, else newest submission of any current member, else (marked)
-- the newest backup; lateness against the group's effective deadline; a reason per row;
-- students see their own row, staff the course. Each submitter's own backup that counts
-- (app.submitter_finals, kept by triggers) always equals a recomputation from the backups.
begin;
select plan(18);
select tests.fixture();
insert into app.users (email) values ('s3@a.edu');
insert into app.enrollments (user_id, course_id, role)
select u.id, c.id, 'student' from app.users u, app.courses c where u.email = 's3@a.edu' and c.offering = 'cal/cs61a/fa26';
-- s2 submits again, late (after the due date); s1's newest backup is a plain one.
update app.assignments set due_at = now() - interval '3 hours', lock_at = now() + interval '1 day'
where name = 'cal/cs61a/fa26/hw01';
-- (A backup's time never changes: the fixture rewrites history with triggers off.)
set local session_replication_role = replica;
update app.backups set created_at = now() - interval '5 hours' where course_id = (select id from app.courses where offering = 'cal/cs61a/fa26');
set local session_replication_role = origin;
insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at)
select a.id, a.course_id, tests.user_id('s2@a.edu'), true, now() - interval '1 hour'
from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at)
select a.id, a.course_id, tests.user_id('s1@a.edu'), false, now()
from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';

select tests.act_as('reader@a.edu');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 3,
  'staff see one row per student (s3 never started)');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where submitter = 's1@a.edu'),
  'latest submission, on time', 'a newer plain backup does not replace a submission');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where submitter = 's2@a.edu'),
  'latest submission, 2 h late', 'the newest submission counts, with its lateness');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where members = array['s3@a.edu']),
  'no backups yet', 'a student who never started is listed');

-- An extension moves the group's effective deadline: the late submission is on time.
select tests.act_as('ta@a.edu');
select api.grant_extension('cal/cs61a/fa26/hw01', 's2@a.edu', (now() + interval '1 day')::text);
select tests.act_as('reader@a.edu');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where submitter = 's2@a.edu'),
  'latest submission, on time', 'inside an extension a submission counts as on time');

-- Groups: the group's flagged submission wins for every member.
reset role;
insert into app.groups (assignment_id, course_id) select a.id, a.course_id from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
insert into app.group_members (assignment_id, user_id, group_id, status)
select g.assignment_id, u.id, g.id, 'active' from app.groups g, app.users u where u.email in ('s1@a.edu', 's2@a.edu');
update app.backups set flagged = true, flagged_by = tests.user_id('s1@a.edu'), flagged_at = now()
where submitter_id = tests.user_id('s1@a.edu') and submit;
select tests.act_as('reader@a.edu');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 2, 'a pair counts once');
select matches((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where members = array['s1@a.edu', 's2@a.edu']),
  '^flagged by s1@a\.edu on ', 'the flag decides, and says who flagged');

-- Only plain backups: staff see the newest one, marked as such.
reset role;
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s3@a.edu'), false from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select tests.act_as('instructor@a.edu');
select is((select reason from api.final_submissions('cal/cs61a/fa26/hw01') where members = array['s3@a.edu']),
  'no submission: latest backup', 'a group that never submitted shows its latest backup');

-- Students see their own row only; other courses see nothing.
select tests.act_as('s3@a.edu');
select is((select array_agg(members[1]) from api.final_submissions('cal/cs61a/fa26/hw01')), array['s3@a.edu'],
  'a student sees only their own row');
select tests.act_as('ta@b.edu');
select is((select count(*)::int from api.final_submissions('cal/cs61a/fa26/hw01')), 0, 'another course''s staff see nothing');

-- Unenrolled submitters are shown to staff, never dropped.
reset role;
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s1@b.edu'), true from app.assignments a where a.name = 'cal/cs61a/fa26/hw01';
select tests.act_as('reader@a.edu');
select is((select enrolled from api.final_submissions('cal/cs61a/fa26/hw01') where members = array['s1@b.edu']), false,
  'a submitter who is not enrolled is listed as such');

-- The summary equals a recomputation (app.counting_backup over each submitter's backups)
-- after every kind of change: inserts, flags, unflags, submit changes, deletes.
reset role;
create temporary view recomputed as
select p.assignment_id, p.submitter_id, c.backup_id
from (select distinct b.assignment_id, b.submitter_id from app.backups as b) as p
cross join lateral app.counting_backup(array(
  select b.id from app.backups as b where b.assignment_id = p.assignment_id and b.submitter_id = p.submitter_id
)) as c;
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'the summary equals a recomputation after inserts and a flag');

update app.backups set flagged = false, flagged_by = null, flagged_at = null where flagged;
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'after an unflag the submitter''s row is recomputed');

update app.backups set submit = false
where id = (select s.backup_id from app.submitter_finals as s where s.submitter_id = tests.user_id('s2@a.edu')
            and s.assignment_id = (select id from app.assignments where name = 'cal/cs61a/fa26/hw01'));
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'after a submission is turned into a plain backup');

update app.backups set submit = true, flagged = true, flagged_by = submitter_id, flagged_at = now()
where id = (select min(b.id) from app.backups as b where b.submitter_id = tests.user_id('s1@a.edu'));
update app.backups set custom_submission_time = now() - interval '1 day' where submitter_id = tests.user_id('s2@a.edu');
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, u.id, s.submit
from app.assignments as a cross join app.users as u cross join (values (true), (false), (true)) as s (submit)
where a.name = 'cal/cs61a/fa26/hw01' and u.email in ('s1@a.edu', 's2@a.edu', 's3@a.edu');
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'after flagging an old backup, a time override and several inserts in one statement');
select is((select s.backup_id from app.submitter_finals as s where s.submitter_id = tests.user_id('s1@a.edu')
           and s.assignment_id = (select id from app.assignments where name = 'cal/cs61a/fa26/hw01')),
  (select min(b.id) from app.backups as b where b.submitter_id = tests.user_id('s1@a.edu')),
  'a flagged backup stays the one that counts when newer submissions arrive');

-- A missing row (never kept) is made from all the submitter's backups, not from the new one.
delete from app.submitter_finals where submitter_id = tests.user_id('s2@a.edu');
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s2@a.edu'), false from app.assignments as a where a.name = 'cal/cs61a/fa26/hw01';
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'a missing row is made from all the submitter''s backups');

delete from app.backups
where id in (select s.backup_id from app.submitter_finals as s where s.submitter_id = tests.user_id('s3@a.edu'));
delete from app.backups where submitter_id = tests.user_id('s1@b.edu');
select set_eq('select assignment_id, submitter_id, backup_id from app.submitter_finals',
  'select * from recomputed', 'after deletes (a submitter with none left has no row)');

select * from finish();
rollback;
