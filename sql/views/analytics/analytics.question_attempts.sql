-- analytics.question_attempts: how students fare on each question of an assignment, from the
-- grading message ok-client sends with each backup ({"<question>": {"passed", "failed",
-- "locked"}}): backups that ran it, students who ran it, failed it at least once, and passed
-- it. Student-sent values that are not small whole numbers count as nothing (a malformed
-- message never breaks the view). Only counts: no emails, names or SIDs.
-- Read by: Metabase and researchers (ok_analytics); the starter question
-- sql/questions/04_hardest_questions.sql.
-- Security: owner rights (ok_analytics_owner), which reads only the grading messages
-- (policy messages_analytics_grading), the backups and the assignments.
create view analytics.question_attempts
with (security_barrier = true)
as
with runs as (
  select
    b.assignment_id,
    b.submitter_id,
    q.key as question,
    case when q.value ->> 'passed' ~ '^[0-9]{1,6}$' then (q.value ->> 'passed')::integer else 0 end as passed,
    case when q.value ->> 'failed' ~ '^[0-9]{1,6}$' then (q.value ->> 'failed')::integer else 0 end as failed,
    case when q.value ->> 'locked' ~ '^[0-9]{1,6}$' then (q.value ->> 'locked')::integer else 0 end as locked
  from app.messages as m
  inner join app.backups as b on m.backup_id = b.id
  cross join lateral jsonb_each(case when jsonb_typeof(m.contents) = 'object' then m.contents else '{}' end) as q
  where m.kind = 'grading' and jsonb_typeof(q.value) = 'object'
)

select
  a.id as assignment_id,
  a.name as assignment,
  r.question,
  count(*) as backups,
  count(distinct r.submitter_id) as students,
  count(distinct r.submitter_id) filter (where r.failed > 0) as students_failed,
  count(distinct r.submitter_id) filter (where r.passed > 0 and r.failed = 0 and r.locked = 0) as students_passed,
  sum(r.failed) as failed_cases
from runs as r
inner join app.assignments as a on r.assignment_id = a.id
group by a.id, a.name, r.question;

grant select on analytics.question_attempts to ok_analytics;
comment on view analytics.question_attempts is
'Per assignment and question: backups that ran it, students who ran it, failed it at least once, passed it.';
comment on column analytics.question_attempts.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.question_attempts.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.question_attempts.question is 'The question (or test) as ok-client names it in its grading message.';
comment on column analytics.question_attempts.backups is 'Backups whose grading message ran the question.';
comment on column analytics.question_attempts.students is 'Students (submitters) who ran it at least once.';
comment on column analytics.question_attempts.students_failed is 'Of them, students with at least one run that failed a case.';
comment on column analytics.question_attempts.students_passed is 'Of them, students with at least one run that passed every case (none failed or locked).';
comment on column analytics.question_attempts.failed_cases is 'Failed cases over all runs.';
