-- analytics.student_scores: active scores per pseudonymous student, assignment and kind.
-- No email, name or SID. Read by: Metabase, researchers. Security: owner rights.
-- requires: analytics.student_key.sql
create view analytics.student_scores
with (security_barrier = true)
as
select
  analytics.student_key(s.user_id) as student_key,
  a.id as assignment_id,
  a.name as assignment,
  s.kind,
  s.value,
  s.created_at
from app.scores as s
inner join app.assignments as a on s.assignment_id = a.id
where not s.archived;

grant select on analytics.student_scores to ok_analytics;
comment on view analytics.student_scores is 'Active scores per pseudonymous student, assignment and kind.';
comment on column analytics.student_scores.student_key is 'The student''s pseudonym (analytics.student_key, an HMAC of the user id with a secret salt): the same in every view and pseudonymous export.';
comment on column analytics.student_scores.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.student_scores.assignment is 'The assignment''s name: <institution>/<course>/<term>/<assignment>.';
comment on column analytics.student_scores.kind is 'The kind of score, lower case.';
comment on column analytics.student_scores.value is 'The score.';
comment on column analytics.student_scores.created_at is 'When it was given (UTC).';
