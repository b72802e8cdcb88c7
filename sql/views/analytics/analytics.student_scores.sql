-- analytics.student_scores: active scores per pseudonymous student, assignment and kind. No
-- email, name or SID. Read by: Metabase and researchers (ok_analytics); the research export.
-- Security: a snapshot (materialized view) owned by ok_analytics_owner, refreshed by
-- analytics.refresh_snapshots with the owner's rights (the pseudonyms are computed then).
-- requires: analytics.student_key.sql
create materialized view analytics.student_scores as
-- each pseudonym computed once per person (a key is an HMAC), not once per score
with keys as materialized (
  select
    p.course_id,
    p.user_id,
    analytics.student_key(p.course_id, p.user_id) as student_key
  from (
    select distinct
      x.course_id,
      x.user_id
    from app.scores as x
  ) as p
)

select
  s.id as score_id,
  s.course_id,
  a.id as assignment_id,
  a.name as assignment,
  k.student_key,
  s.kind,
  s.value,
  s.created_at
from app.scores as s
inner join app.assignments as a on s.assignment_id = a.id
inner join keys as k on s.course_id = k.course_id and s.user_id = k.user_id
where not s.archived;

create unique index student_scores_key_idx on analytics.student_scores (score_id);
create index student_scores_assignment_idx on analytics.student_scores (course_id, assignment_id, kind);

grant select on analytics.student_scores to ok_analytics;
comment on materialized view analytics.student_scores is 'Active scores per pseudonymous student, assignment and kind.';
comment on column analytics.student_scores.score_id is 'The score''s id (stable).';
comment on column analytics.student_scores.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.student_scores.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.student_scores.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.student_scores.student_key is 'The student''s pseudonym in this course (analytics.student_key): the same in every view and pseudonymous export of the course.';
comment on column analytics.student_scores.kind is 'The kind of score, lower case.';
comment on column analytics.student_scores.value is 'The score.';
comment on column analytics.student_scores.created_at is 'When it was given (UTC).';
