-- demo.sql: a demo course for `make run`: one admin, an instructor, a TA, a reader, a lab
-- assistant, 30 students, three assignments (past, current, future), groups, backups,
-- submissions, scores, comments. Dates are relative to now, so the course always has a
-- closed, an open and an upcoming assignment. Idempotent: does nothing if the course exists.
-- Run by: ops/seed.py as ok_owner with claims {"actor": "seed"} (audit rows say so).
do $seed$
declare
  demo_course_id bigint;
  offering constant text := 'ok/demo101/fa26';
  file_text constant text := E'def square(x):\n    """Return x squared."""\n    return x * x\n';
begin
  if exists (select 1 from app.courses as c where c.offering = 'ok/demo101/fa26') then
    raise notice 'demo course already present';
    return;
  end if;

  insert into app.courses (offering, display_name, institution, timezone)
  values (offering, 'OK Demo 101', 'OK University', 'America/Los_Angeles')
  returning id into demo_course_id;

  insert into app.users (email, name, is_admin)
  values
  ('admin@example.edu', 'Ada Admin', true),
  ('instructor@example.edu', 'Ivan Instructor', false),
  ('ta@example.edu', 'Tara Assistant', false),
  ('reader@example.edu', 'Rhea Reader', false),
  ('lab@example.edu', 'Lars Lab', false)
  on conflict (lower(email)) do nothing;

  insert into app.users (email, name)
  select format('student%s@example.edu', lpad(n::text, 2, '0')), format('Student %s', n)
  from generate_series(1, 30) as n
  on conflict (lower(email)) do nothing;

  insert into app.enrollments (user_id, course_id, role, sid, section)
  select
    u.id,
    demo_course_id,
    case u.email
      when 'instructor@example.edu' then 'instructor'
      when 'ta@example.edu' then 'ta'
      when 'reader@example.edu' then 'reader'
      when 'lab@example.edu' then 'lab_assistant'
      else 'student'
    end::app.course_role,
    case when u.email like 'student%' then '30' || substr(u.email, 8, 2) || '1234' end,
    case when u.email like 'student%' then 'Section ' || (substr(u.email, 8, 2)::int % 3 + 1) end
  from app.users as u
  where
    u.email in ('instructor@example.edu', 'ta@example.edu', 'reader@example.edu', 'lab@example.edu')
    or u.email ~ '^student[0-9]{2}@example\.edu$';

  insert into app.assignments
    (course_id, name, display_name, due_at, lock_at, max_group_size, revisions_allowed,
     published_score_kinds, creator_id, uploads_enabled)
  select
    demo_course_id, offering || '/' || a.word, a.display_name,
    date_trunc('hour', now()) + a.due_in, date_trunc('hour', now()) + a.due_in + interval '1 day',
    a.group_size, a.word = 'hw01', a.published,
    (select u.id from app.users as u where u.email = 'instructor@example.edu'), true
  from (
    values
    ('hw01', 'Homework 1', interval '-7 days', 1, array['composition', 'correctness', 'total']),
    ('proj01', 'Project 1: Hog', interval '3 days', 2, array[]::text []),
    ('lab05', 'Lab 5', interval '14 days', 1, array[]::text [])
  ) as a (word, display_name, due_in, group_size, published);

  -- Pairs for the project: students 1+2, 3+4, ... 11+12; 13 invited 14 (pending).
  with pairs as (
    select
      a.id as assignment_id,
      a.course_id,
      (n + 1) / 2 as pair_no
    from app.assignments as a, generate_series(1, 14) as n
    where a.name = offering || '/proj01'
    group by a.id, a.course_id, (n + 1) / 2
  )
  insert into app.groups (assignment_id, course_id)
  select p.assignment_id, p.course_id from pairs as p order by p.pair_no;

  insert into app.group_members (assignment_id, user_id, group_id, status)
  select
    g.assignment_id,
    u.id,
    g.id,
    case when u.email = 'student14@example.edu' then 'pending' else 'active' end::app.member_status
  from (
    select
      gr.id,
      gr.assignment_id,
      row_number() over (order by gr.id) as pair_no
    from app.groups as gr
    inner join app.assignments as a on gr.assignment_id = a.id
    where a.name = offering || '/proj01'
  ) as g
  inner join app.users as u
    on u.email in (
      format('student%s@example.edu', lpad((g.pair_no * 2 - 1)::text, 2, '0')),
      format('student%s@example.edu', lpad((g.pair_no * 2)::text, 2, '0'))
    );

  -- Backups: students 1..25 worked on hw01 (three runs, the last one submitted, except
  -- students 21..25 who never submitted); students 1..20 on proj01 (two runs, every
  -- fourth student submitted). Times fall before each assignment's due date.
  insert into app.backups
    (assignment_id, course_id, submitter_id, submit, client_name, client_version, created_at)
  select
    a.id, a.course_id, u.id,
    case
      when a.name like '%/hw01' then k = 3 and s.n <= 20
      else k = 2 and s.n % 4 = 0
    end,
    'ok-client', 'v1.18.1',
    least(a.due_at, now()) - make_interval(hours => s.n + (4 - k) * 6)
  from app.assignments as a
  cross join generate_series(1, 25) as s (n)
  cross join generate_series(1, 3) as k
  inner join app.users as u on u.email = format('student%s@example.edu', lpad(s.n::text, 2, '0'))
  where a.course_id = demo_course_id
    and (
      (a.name like '%/hw01')
      or (a.name like '%/proj01' and s.n <= 20 and k <= 2)
    );

  insert into app.messages (backup_id, kind, contents)
  select b.id, m.kind, m.contents
  from app.backups as b
  cross join lateral (
    values
    ('file_contents', jsonb_build_object('hw01.py', file_text, 'submit', b.submit)),
    ('analytics', jsonb_build_object('time', b.created_at, 'unlock', false, 'question', '["square"]'::jsonb)),
    ('grading', jsonb_build_object('square', jsonb_build_object('passed', 2, 'failed', 0, 'locked', 0)))
  ) as m (kind, contents)
  where b.course_id = demo_course_id;

  -- Scores on hw01's submissions, by the TA; one flagged submission.
  insert into app.scores (backup_id, assignment_id, course_id, user_id, grader_id, kind, value, message)
  select
    b.id, b.assignment_id, b.course_id, b.submitter_id,
    (select u.id from app.users as u where u.email = 'ta@example.edu'),
    k.kind, k.value + (b.submitter_id % 3), k.message
  from app.backups as b
  inner join app.assignments as a on b.assignment_id = a.id
  cross join (
    values ('correctness', 5, 'All tests passed.'), ('composition', 1, 'Clear names; good docstring.')
  ) as k (kind, value, message)
  where a.course_id = demo_course_id and a.name like '%/hw01' and b.submit;

  update app.backups as b
  set flagged = true
  where b.id = (
    select min(b2.id)
    from app.backups as b2
    inner join app.users as u on b2.submitter_id = u.id
    inner join app.assignments as a on b2.assignment_id = a.id
    where u.email = 'student05@example.edu' and a.name like '%/hw01' and b2.submit
  );

  insert into app.comments (backup_id, course_id, author_id, filename, line, message)
  select
    b.id, b.course_id, (select u.id from app.users as u where u.email = 'ta@example.edu'),
    'hw01.py', 3, 'Nice: `x * x` is clearer than `x ** 2` here.'
  from app.backups as b
  inner join app.assignments as a on b.assignment_id = a.id
  where a.course_id = demo_course_id and a.name like '%/hw01' and b.submit and b.submitter_id % 2 = 0;

  insert into app.extensions (assignment_id, course_id, user_id, staff_id, reason, expires_at)
  select
    a.id, a.course_id, u.id, (select s.id from app.users as s where s.email = 'instructor@example.edu'),
    'Medical', a.lock_at + interval '3 days'
  from app.assignments as a
  inner join app.users as u on u.email = 'student22@example.edu'
  where a.name = offering || '/hw01';

  insert into app.client_versions (name, current_version, download_link)
  values ('ok-client', 'v1.18.1', 'https://files.pythonhosted.org/packages/source/o/okpy/okpy-1.18.1.tar.gz')
  on conflict on constraint client_versions_pkey do nothing;
end
$seed$;
