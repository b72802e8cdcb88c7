-- analytics.question_attempts: how students fare on each question of an assignment, from the
-- grading message ok-client sends with each backup (app.question_facts, each computed once by
-- app.collect_backup_facts with app.grading_results): backups that
-- ran it, students who ran it, failed it at least once, and passed it. Only counts: no
-- emails, names or SIDs.
-- Read by: Metabase and researchers (ok_analytics); the starter question
-- sql/questions/04_hardest_questions.sql.
-- Security: a snapshot owned by ok_analytics_owner (refreshed by analytics.refresh_snapshots).
create materialized view analytics.question_attempts as
select
  a.course_id,
  a.id as assignment_id,
  a.name as assignment,
  q.question,
  q.backups,
  q.students,
  q.students_failed,
  q.students_passed,
  q.failed_cases
from (
  select
    x.assignment_id,
    x.question,
    count(*) as backups,
    count(distinct x.submitter_id) as students,
    count(distinct x.submitter_id) filter (where x.failed > 0) as students_failed,
    count(distinct x.submitter_id) filter (where x.passed > 0 and x.failed = 0 and x.locked = 0) as students_passed,
    sum(x.failed) as failed_cases
  from app.question_facts as x
  group by x.assignment_id, x.question
) as q
inner join app.assignments as a on q.assignment_id = a.id;

create unique index question_attempts_key_idx on analytics.question_attempts (assignment_id, question);
create index question_attempts_course_idx on analytics.question_attempts (course_id);

grant select on analytics.question_attempts to ok_analytics;
comment on materialized view analytics.question_attempts is
'Per assignment and question: backups that ran it, students who ran it, failed it at least once, passed it.';
comment on column analytics.question_attempts.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.question_attempts.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.question_attempts.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.question_attempts.question is 'The question (or test) as ok-client names it in its grading message.';
comment on column analytics.question_attempts.backups is 'Backups whose grading message ran the question.';
comment on column analytics.question_attempts.students is 'Students (submitters) who ran it at least once.';
comment on column analytics.question_attempts.students_failed is 'Of them, students with at least one run that failed a case.';
comment on column analytics.question_attempts.students_passed is 'Of them, students with at least one run that passed every case (none failed or locked).';
comment on column analytics.question_attempts.failed_cases is 'Failed cases over all runs.';
