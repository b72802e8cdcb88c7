-- Rollups: the assignment score table and the course gradebook for staff, in one query each;
-- analytics views with pseudonymous keys, readable by the analytics login only.
begin;
select plan(17);
select tests.fixture();
update app.assignments set published_score_kinds = array['total', 'composition'] where name = 'cal/cs61a/fa26/hw01';
insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
select b.id, b.assignment_id, b.course_id, b.submitter_id, k.kind, k.value
from app.backups b
cross join (values ('total', 8), ('composition', 2), ('private', 1)) as k (kind, value)
where b.submit and b.submitter_id = tests.user_id('s1@a.edu');

select tests.act_as('reader@a.edu');
select is((select scores from api.assignment_scores('cal/cs61a/fa26/hw01') where email = 's1@a.edu'),
  '{"total": 8, "private": 1, "composition": 2}'::jsonb, 'staff see every kind in the score table');
select is((select scores from api.assignment_scores('cal/cs61a/fa26/hw01') where email = 's2@a.edu'), '{}'::jsonb,
  'unscored students are listed');
select is((select (s ->> 'total')::numeric from jsonb_array_elements(api.gradebook('cal/cs61a/fa26') -> 'students') as s
           where s ->> 'email' = 's1@a.edu'), 10::numeric,
  'the gradebook totals published kinds only');
select is((select s -> 'cells' from jsonb_array_elements(api.gradebook('cal/cs61a/fa26') -> 'students') as s
           where s ->> 'email' = 's1@a.edu'),
  '[8, 2, 0]'::jsonb, 'one cell per grade column, as in the CSV');
select is((select jsonb_agg(c ->> 'title') from jsonb_array_elements(api.gradebook('cal/cs61a/fa26') -> 'columns') as c),
  '["hw01 (Total)", "hw01 (Composition)", "secret (Total)"]'::jsonb, 'the CSV''s column titles');
select is(jsonb_array_length(api.gradebook('cal/cs61a/fa26') -> 'students'), 2, 'one row per student');
select is(
  (api.v3_course_grades_get() -> 'data' ->> 'grades'),
  E'Email,SID,hw01 (Total),hw01 (Composition),secret (Total)\r\ns1@a.edu,,8,2,0\r\ns2@a.edu,,0,0,0\r\n',
  'the grades export: okpy/ok''s CSV, same best scores')
from (select set_config('request.headers', '{"x-ok-offering": "cal/cs61a/fa26"}', true)) as h;
select tests.act_as('ta@b.edu');
select throws_ok($$ select api.gradebook('cal/cs61a/fa26') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'another course''s staff are refused, with the reason');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.gradebook('cal/cs61a/fa26') $$, 'PT403',
  'This page is for the staff of cal/cs61a/fa26', 'students are refused, with the reason');
select throws_ok($$ select api.gradebook('cal/nothing/fa26') $$, 'PT404',
  'No course cal/nothing/fa26', 'an unknown course is named in the refusal');

-- Analytics: pseudonymous keys, no identities, the analytics login only. The views are
-- snapshots: what the login reads is what the last refresh computed.
reset role;
-- ok-client's grading message, sent with the backup (a backup's messages never change: each
-- is read once, at the first refresh after it arrived)
insert into app.messages (backup_id, kind, contents)
select b.id, 'grading', '{"Question 1": {"passed": 1, "failed": 2, "locked": 0}, "Question 2": {"passed": "x"}, "junk": 3}'
from app.backups b join app.users u on u.id = b.submitter_id where u.email = 's1@a.edu' and b.submit;
select analytics.refresh_snapshots();
set local role ok_analytics;
select is((select count(distinct student_key)::int from analytics.student_scores), 1, 'scores per pseudonymous student');
select ok((select student_key !~ '@' and length(student_key) = 20 from analytics.student_scores limit 1),
  'the key is not an email');
select is((select students::int || '/' || started || '/' || submitted || '/' || not_started
  from analytics.assignment_progress where assignment = 'cal/cs61a/fa26/hw01'), '2/2/2/0',
  'students, started, submitted, not started');
select is((select sum(submissions)::int from analytics.submissions_before_deadline where assignment = 'cal/cs61a/fa26/hw01'), 2,
  'submissions per hour before the deadline');
select throws_ok($$ select count(*) from app.scores $$, '42501', null, 'the analytics login cannot read app tables');

-- Per question, from ok-client's grading messages; the views' owner reads no other kind.
reset role;
select set_config('role', 'ok_analytics', true);
select results_eq($$ select question, students::int, students_failed::int, students_passed::int, failed_cases::int
  from analytics.question_attempts where assignment = 'cal/cs61a/fa26/hw01' order by question $$,
  $$ values ('Question 1', 1, 1, 0, 2), ('Question 2', 1, 0, 0, 0) $$,
  'per question: who ran it, failed it, passed it; malformed values count as nothing');
reset role;
select set_config('role', 'ok_analytics_owner', true);
select is((select count(*) from app.messages where kind <> 'grading'), 0::bigint,
  'the analytics views'' owner reads grading messages only, not students'' files');
reset role;

select * from finish();
rollback;
