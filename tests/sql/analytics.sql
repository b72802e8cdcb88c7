-- Analytics (issue #13): snapshots computed by their owner, pseudonyms per course that the
-- analytics login cannot compute, small cells suppressed, lateness and extensions from the
-- rules every page uses, the admin's controls, and the staff's live deadline board.
begin;
select plan(33);
select tests.fixture();

-- s1@a.edu also takes CS 61B: a key per student per course.
insert into app.enrollments (user_id, course_id, role)
select tests.user_id('s1@a.edu'), c.id, 'student' from app.courses as c where c.offering = 'cal/cs61b/fa26';
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('s1@a.edu'), false from app.assignments as a where a.name = 'cal/cs61b/fa26/hw01';
-- sections: five students in Section 1, two in Section 2
insert into app.users (email, name) select 'k' || i || '@a.edu', 'K' || i from generate_series(1, 5) as i;
insert into app.enrollments (user_id, course_id, role, section)
select u.id, c.id, 'student', case when u.email in ('k1@a.edu', 'k2@a.edu') then 'Section 2' else 'Section 1' end
from app.users as u cross join app.courses as c
where u.email like 'k_@a.edu' and c.offering = 'cal/cs61a/fa26';
update app.enrollments set section = 'Section 1'
where user_id in (tests.user_id('s1@a.edu'), tests.user_id('s2@a.edu')) and role = 'student'
  and course_id = (select id from app.courses where offering = 'cal/cs61a/fa26');
-- s2 submitted late (after the due date, before the lock) and has an extension on the secret one
update app.backups set custom_submission_time = (select due_at + interval '3 hours' from app.assignments where name = 'cal/cs61a/fa26/hw01')
where submitter_id = tests.user_id('s2@a.edu') and submit;
insert into app.extensions (assignment_id, course_id, user_id, expires_at, reason)
select a.id, a.course_id, tests.user_id('s2@a.edu'), a.due_at + interval '2 days', 'ill'
from app.assignments as a where a.name = 'cal/cs61a/fa26/secret';
insert into app.messages (backup_id, kind, contents)
select b.id, 'analytics', '{"unlock": false, "history": {"all_attempts": 7}, "question": ["q1"]}'
from app.backups as b where b.submitter_id = tests.user_id('s1@a.edu');
-- a grading message on s1's submission: one question passed, one failed
insert into app.messages (backup_id, kind, contents)
select b.id, 'grading', '{"q1": {"passed": 2, "failed": 0, "locked": 0}, "q2": {"passed": 0, "failed": 1, "locked": 0}}'
from app.backups as b
where b.submitter_id = tests.user_id('s1@a.edu') and b.submit;

select is((select count(*)::int from analytics.backup_runs), 0, 'the snapshots hold what their last refresh computed (none yet)');
select ok((analytics.refresh_snapshots() ? 'total'), 'the refresh answers how long each snapshot took');

set local role ok_analytics;
select is((select count(*)::int from analytics.backup_runs), 7, 'every backup, once refreshed');
select is((select count(distinct student_key)::int from analytics.backup_runs
           where student_key in (select student_key from analytics.backup_runs where course_id = (select min(course_id) from analytics.backup_runs))
             and course_id <> (select min(course_id) from analytics.backup_runs)), 0,
  'a student has a different key in each course: no joining a person across courses');
select results_eq($$ select questions_run::int, questions_passed::int, questions_failed::int, failed_cases::int, lines::int,
                            all_attempts::int, requested_questions
                     from analytics.backup_runs where questions_run is not null $$,
  $$ values (2, 1, 1, 1, 1, 7, array['q1']) $$,
  'grading and analytics messages flattened, lines of code counted; no text of them');
select ok((select bool_and(seconds_since_previous is not null) from analytics.backup_runs where is_submission),
  'time since the student''s previous run');
select results_eq($$ select late, hours_late, extended from analytics.final_submissions f
                     join analytics.backup_runs b using (backup_id) where f.assignment_id = b.assignment_id
                     and f.is_submission and f.course_id = (select min(course_id) from analytics.final_submissions)
                     order by f.hours_late nulls first $$,
  $$ values (false, null::numeric, false), (true, 3.00, false) $$,
  'final submissions with their lateness (app.unit_finals)');
select is((select count(*)::int from analytics.final_submissions where extended), 1, 'an extension moves the effective due date');
select is((select hours_extended from analytics.extensions where kind = 'granted'), 48.00, 'extensions: hours past the due date, no reason');
select ok((select bool_and(student_key ~ '^[0-9a-f]{20}$') from analytics.backup_runs), 'a key is 20 hex digits, not an email');
select throws_ok($$ select analytics.student_key(1, 1) $$, '42501', null,
  'the analytics login cannot compute a student''s key from a user id');
select throws_ok($$ select analytics.refresh_snapshots() $$, '42501', null, 'nor refresh the snapshots');
select is_empty($$ select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname in ('app', 'auth', 'api', 'v3', 'alembic') and c.relkind in ('r', 'v', 'm', 'p', 'f')
                     and has_table_privilege(c.oid, 'select') $$,
  'the analytics login reads no table, view or snapshot outside analytics');
reset role;

-- The analytics login can never hurt the server at a deadline: a statement timeout, read only,
-- a connection limit (tests/py/test_analytics_limits.py shows a slow query cancelled while
-- backups are accepted).
select ok((select 'statement_timeout=120s' = any(rolconfig) and 'default_transaction_read_only=on' = any(rolconfig)
           from pg_roles where rolname = 'ok_analytics'), 'the analytics login has a statement timeout and reads only');
select is((select rolconnlimit from pg_roles where rolname = 'ok_analytics'), 10, 'and at most 10 connections');

-- k-anonymity: Section 2 has two students, below the default of 5.
select results_eq($$ select section, members::int, suppressed from analytics.enrollment_by_section
                     where role = 'student' and course_id = (select id from app.courses where offering = 'cal/cs61a/fa26')
                     order by section $$,
  $$ values ('Section 1', 5, false), ('Section 2', null, true) $$,
  'a section with fewer students than the minimum cell size shows no count');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.set_analytics_min_cell(2) $$, 'PT403', null, 'only a site admin sets the minimum cell size');
select tests.act_as('admin@x.edu');
select throws_ok($$ select api.set_analytics_min_cell(0) $$, 'PT422',
  'The minimum cell size is a whole number from 1 to 1000 (5 is usual)', 'a size out of range is refused with the reason');
select is(api.set_analytics_min_cell(2) ->> 'min_cell_size', '2', 'an admin sets it');
select ok((api.start_analytics_refresh() ->> 'job_id') = (api.start_analytics_refresh() ->> 'job_id'),
  'asking twice for a refresh queues one job');
reset role;
select analytics.refresh_snapshots();
select is((select members::int from analytics.enrollment_by_section where section = 'Section 2' and role = 'student'), 2,
  'from the next refresh, cells of that size show');

-- The deadline board, for the course's staff.
select tests.act_as('ta@a.edu');
select is((api.deadline_board('cal/cs61a/fa26') -> 'last_5_minutes' ->> 'backups')::int, 4, 'the board counts the latest uploads');
select is((select jsonb_agg(a ->> 'late') from jsonb_array_elements(api.deadline_board('cal/cs61a/fa26') -> 'assignments') as a),
  '["1"]'::jsonb, 'late submissions per assignment due around now (the secret one is due in 9 days)');
-- k1 has backups of the board's assignment but no submission; k2 has nothing
reset role;
insert into app.backups (assignment_id, course_id, submitter_id, submit)
select a.id, a.course_id, tests.user_id('k1@a.edu'), false from app.assignments as a
where a.name = (select api.deadline_board('cal/cs61a/fa26') -> 'assignments' -> 0 ->> 'name');
select tests.act_as('ta@a.edu');
select is((select jsonb_object_agg(k, (a ->> k)::int) from jsonb_array_elements(api.deadline_board('cal/cs61a/fa26') -> 'assignments') as a
             cross join unnest(array['submitted', 'late', 'backed_up', 'not_started']) as k),
  (select (api.assignment_stats(a ->> 'name') -> 'units') - 'total'::text
   from jsonb_array_elements(api.deadline_board('cal/cs61a/fa26') -> 'assignments') as a),
  'the board sorts students by the stats page''s rule (app.unit_progress; no groups here: a unit is a student)');
select ok((select (a ->> 'backed_up')::int > 0 and (a ->> 'not_started')::int > 0 and (a ->> 'late')::int > 0
           from jsonb_array_elements(api.deadline_board('cal/cs61a/fa26') -> 'assignments') as a),
  'students in every state but on time there (the comparison above tells them apart)');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.deadline_board('cal/cs61a/fa26') $$, 'PT403', 'This page is for the staff of cal/cs61a/fa26',
  'students are refused, with the reason');
reset role;

-- analytics.backup_runs is kept incrementally (app.collect_backup_facts), not recomputed: a
-- backup that arrives out of order (earlier than s1's others of hw01, with 3 lines of code),
-- one after them, and one staff flagged (it becomes a submission), then a refresh.
insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at)
select a.id, a.course_id, tests.user_id('s1@a.edu'), false, t.at
from app.assignments as a cross join (values (now() - interval '30 days'), (now() + interval '1 hour')) as t (at)
where a.name = 'cal/cs61a/fa26/hw01';
insert into app.messages (backup_id, kind, contents)
select b.id, 'file_contents', jsonb_build_object('hw.py', E'a\nb\nc')
from app.backups as b where b.created_at = (select min(created_at) from app.backups);
update app.backups set flagged = true, submit = true
where id = (select min(id) from app.backups where not submit and submitter_id = tests.user_id('s2@a.edu'));
select is((analytics.refresh_snapshots() ->> 'new_backups')::int, 3, 'a refresh reads only the backups that arrived since');
select results_eq($$ select backup_id, seconds_since_previous, lines_delta, is_submission from analytics.backup_runs
                     order by backup_id $$,
  $$ select b.id, extract(epoch from b.created_at - lag(b.created_at) over w)::double precision,
            f.lines - lag(f.lines) over w, b.submit
     from app.backups as b join app.backup_facts as f on b.id = f.backup_id
     window w as (partition by b.assignment_id, b.submitter_id order by b.created_at, b.id) order by b.id $$,
  'kept incrementally, every backup''s gap, lines changed and submission equal a recomputation');
select ok((select b.created_at > (select min(created_at) from app.backups) and f.seconds_since_previous > 29 * 86400
           from app.backup_facts as f join app.backups as b on b.id = f.backup_id
           where f.submitter_id = tests.user_id('s1@a.edu')
             and f.assignment_id = (select id from app.assignments where name = 'cal/cs61a/fa26/hw01')
           order by b.created_at, b.id offset 1 limit 1),
  'the backup after one that arrived out of order now counts its gap from it');
-- a backup stored late with an old id, more than 100,000 ids below the newest collected (the
-- look-back of app.collect_backup_facts): swept, not missed
insert into app.backups (id, assignment_id, course_id, submitter_id, submit) overriding system value
select 1000000, a.id, a.course_id, tests.user_id('s2@a.edu'), false from app.assignments as a where a.name = 'cal/cs61a/fa26/hw01';
select analytics.refresh_snapshots();
insert into app.backups (id, assignment_id, course_id, submitter_id, submit) overriding system value
select (select max(id) + 1 from app.backups where id < 1000000), a.id, a.course_id, tests.user_id('s2@a.edu'), false
from app.assignments as a where a.name = 'cal/cs61a/fa26/hw01';
select is((analytics.refresh_snapshots() ->> 'new_backups')::int, 1, 'a backup stored late with an id below the look-back is collected');
select is((select count(*)::int from analytics.backup_runs), (select count(*)::int from app.backups), 'every backup is in backup_runs');
-- facts lost while the question rows stay (as a revision that empties app.backup_facts
-- leaves them): collected again with the same test counts
create temporary table before_loss on commit drop as
select backup_id, questions_run, questions_passed, questions_failed, failed_cases from app.backup_facts where questions_run is not null;
delete from app.backup_facts where questions_run is not null;
select analytics.refresh_snapshots();
select results_eq($$ select backup_id, questions_run, questions_passed, questions_failed, failed_cases from app.backup_facts
                     where backup_id in (select backup_id from before_loss) order by backup_id $$,
  $$ select * from before_loss order by backup_id $$,
  'a backup collected again keeps its test counts (from the question rows kept)');
select ok(exists (select 1 from pg_locks where locktype = 'advisory' and classid = 4246 and objid = 2 and objsubid = 2
                  and pid = pg_backend_pid() and granted),
  'one collector at a time: the refresh holds the collector''s advisory lock to its end');

select * from finish();
rollback;
