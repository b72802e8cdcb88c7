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
