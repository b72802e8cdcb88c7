-- A big course for bench/course_scale.py: 2,000 students, 4 staff, 10 assignments (7 past,
-- 3 open), groups of two on every assignment, 25 backups per student per assignment
-- (500,000 backups, each with file_contents, analytics and grading messages), about 3 submissions
-- each, a few flags, extensions and late submissions, and published scores on the past
-- assignments' submissions. Set-based; run as ok_owner. The size is a setting:
-- bench.students (default 2,000, even) and bench.backups_per_student (per assignment,
-- default 25; the 8th, 16th, 24th... and the last are submissions).
-- Each student's shared best scores (app.shared_best_scores) are kept by statement triggers;
-- here the whole course's rows arrive in one transaction, before any statistics, where the
-- planner would take every fresh table for empty and scan it once per student. So the triggers
-- are off while the course is made, and the summary is refreshed per assignment at the end,
-- after analyze, with the same function the triggers call.
alter table app.group_members disable trigger _300_shared_best_insert;
alter table app.scores disable trigger _300_shared_best_insert;

insert into app.courses (offering, display_name) values ('cal/scale/fa26', 'Scale 101');

insert into app.users (email, name)
select format('student%s@scale.edu', n), format('Student %s', n) from generate_series(1, coalesce(nullif(current_setting('bench.students', true), '')::integer, 2000)) as n
union all
select format('grader%s@scale.edu', n), format('Grader %s', n) from generate_series(1, 4) as n;

insert into app.enrollments (user_id, course_id, role, sid, section)
select u.id, c.id,
  case when u.email like 'grader%' then 'ta' else 'student' end::app.course_role,
  case when u.email like 'student%' then (3030000000 + u.id)::text end,
  case when u.email like 'student%' then 'Section ' || (u.id % 40) end
from app.users as u cross join app.courses as c
where c.offering = 'cal/scale/fa26';

insert into app.assignments (course_id, name, display_name, due_at, lock_at, max_group_size, published_score_kinds)
select c.id, format('cal/scale/fa26/a%s', n), format('Assignment %s', n),
  now() + make_interval(days => (n - 8) * 7), now() + make_interval(days => (n - 8) * 7 + 1), 2,
  case when n <= 7 then array['composition', 'correctness', 'total'] else '{}' end
from app.courses as c cross join generate_series(1, 10) as n
where c.offering = 'cal/scale/fa26';

-- Pairs: students 2k-1 and 2k on every assignment.
with pairs as (
  select a.id as assignment_id, a.course_id, k
  from app.assignments as a cross join generate_series(1, coalesce(nullif(current_setting('bench.students', true), '')::integer, 2000) / 2) as k
  where a.course_id = (select id from app.courses where offering = 'cal/scale/fa26')
),
made as (
  insert into app.groups (assignment_id, course_id)
  select p.assignment_id, p.course_id from pairs as p order by p.assignment_id, p.k
  returning id, assignment_id
),
numbered as (
  select m.id, m.assignment_id, row_number() over (partition by m.assignment_id order by m.id) as k from made as m
)
insert into app.group_members (assignment_id, user_id, group_id, status)
select n.assignment_id, u.id, n.id, 'active'
from numbered as n
inner join app.users as u on u.email in (format('student%s@scale.edu', 2 * n.k - 1), format('student%s@scale.edu', 2 * n.k));

-- 25 backups per student per assignment; the 8th, 16th and 24th are submissions; times
-- spread over the two weeks before each due date, a few after it.
insert into app.backups (assignment_id, course_id, submitter_id, submit, created_at, client_name, client_version)
select a.id, a.course_id, e.user_id, r % 8 = 0 or r = coalesce(nullif(current_setting('bench.backups_per_student', true), '')::integer, 25),
  a.due_at - make_interval(hours => (14 * 24 - r * 13 - (e.user_id % 11))::integer)
  + make_interval(mins => ((e.user_id % 7) * 3)::integer),
  'ok-client', 'v1.18.1'
from app.assignments as a
inner join app.enrollments as e on e.course_id = a.course_id and e.role = 'student'
cross join generate_series(1, coalesce(nullif(current_setting('bench.backups_per_student', true), '')::integer, 25)) as r
where a.course_id = (select id from app.courses where offering = 'cal/scale/fa26');

insert into app.messages (backup_id, kind, contents)
select b.id, m.kind, m.contents
from app.backups as b
cross join lateral (values
  ('file_contents', jsonb_build_object('hw.py', 'def f(x):' || chr(10) || repeat('    x = x + 1' || chr(10), (b.id % 17)::integer)
                                                || '    return x * ' || b.id)),
  ('analytics', jsonb_build_object('time', b.created_at, 'unlock', false,
                                   'history', jsonb_build_object('all_attempts', b.id % 40))),
  -- ok-client's grading message: three questions, the third failing in two backups of three
  ('grading', jsonb_build_object(
    'q1', jsonb_build_object('passed', 2, 'failed', 0, 'locked', 0),
    'q2', jsonb_build_object('passed', 1, 'failed', (b.id % 2)::integer, 'locked', 0),
    'q3', jsonb_build_object('passed', 0, 'failed', case when b.id % 3 = 0 then 0 else 3 end, 'locked', 0)))
) as m (kind, contents)
where b.course_id = (select id from app.courses where offering = 'cal/scale/fa26');

-- Flags for every 10th pair; extensions for every 50th student.
update app.backups as b set flagged = true, flagged_at = b.created_at, flagged_by = b.submitter_id
from (
  select distinct on (b2.assignment_id, b2.submitter_id) b2.id
  from app.backups as b2
  inner join app.users as u on b2.submitter_id = u.id
  where b2.submit and b2.course_id = (select id from app.courses where offering = 'cal/scale/fa26')
    and (u.id % 20) = 1
  order by b2.assignment_id, b2.submitter_id, b2.created_at
) as pick
where b.id = pick.id;

insert into app.extensions (assignment_id, course_id, user_id, reason, expires_at)
select a.id, a.course_id, e.user_id, 'bench', a.due_at + interval '3 days'
from app.assignments as a
inner join app.enrollments as e on e.course_id = a.course_id and e.role = 'student' and e.user_id % 50 = 0
where a.course_id = (select id from app.courses where offering = 'cal/scale/fa26');

-- Scores on the past assignments' newest submissions.
insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
select f.id, f.assignment_id, f.course_id, f.submitter_id,
  (select u.id from app.users as u where u.email = 'grader1@scale.edu'), k.kind, (f.id % 5) + k.base, 'bench'
from (
  select distinct on (b.assignment_id, b.submitter_id) b.*
  from app.backups as b
  inner join app.assignments as a on b.assignment_id = a.id
  where b.submit and a.course_id = (select id from app.courses where offering = 'cal/scale/fa26') and a.due_at < now()
  order by b.assignment_id, b.submitter_id, b.created_at desc
) as f
cross join (values ('composition', 0), ('correctness', 5), ('total', 10)) as k (kind, base);

analyze;

select app.refresh_shared_best(a.course_id, a.id, array(
  select sc.user_id from app.scores as sc where sc.assignment_id = a.id
  union
  select m.user_id from app.group_members as m where m.assignment_id = a.id
), '{}')
from app.assignments as a
where a.course_id = (select id from app.courses where offering = 'cal/scale/fa26')
order by a.id;
alter table app.group_members enable trigger _300_shared_best_insert;
alter table app.scores enable trigger _300_shared_best_insert;
