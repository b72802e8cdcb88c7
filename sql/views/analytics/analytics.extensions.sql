-- analytics.extensions: every extension granted and every extension request, per pseudonymous
-- student: when, how long (hours past the assignment's due date), and what became of a
-- request. No reasons or replies (free text that may name people), no email, name or SID.
-- Read by: Metabase and researchers (ok_analytics); sql/questions/07_lateness_and_extensions.sql.
-- Security: a snapshot owned by ok_analytics_owner, refreshed by analytics.refresh_snapshots.
-- requires: analytics.student_key.sql
create materialized view analytics.extensions as
select
  'granted' as kind,
  x.id as source_id,
  x.course_id,
  x.assignment_id,
  analytics.student_key(x.course_id, x.user_id) as student_key,
  'granted' as status,
  x.created_at,
  x.created_at as decided_at,
  round((extract(epoch from x.expires_at - a.due_at) / 3600)::numeric, 2) as hours_extended,
  x.custom_submission_time is not null as custom_submission_time
from app.extensions as x
inner join app.assignments as a on x.assignment_id = a.id
union all
select
  'requested' as kind,
  r.id as source_id,
  r.course_id,
  r.assignment_id,
  analytics.student_key(r.course_id, r.user_id) as student_key,
  r.status::text as status,
  r.created_at,
  r.decided_at,
  null as hours_extended,
  null as custom_submission_time
from app.extension_requests as r;

create unique index extensions_key_idx on analytics.extensions (kind, source_id);
create index extensions_course_idx on analytics.extensions (course_id, assignment_id);

grant select on analytics.extensions to ok_analytics;
comment on materialized view analytics.extensions is
'Extensions granted and requested, per pseudonymous student and assignment (no reasons).';
comment on column analytics.extensions.kind is '''granted'' (an extension staff gave) or ''requested'' (a student''s request).';
comment on column analytics.extensions.source_id is 'The extension''s or request''s id (unique with kind).';
comment on column analytics.extensions.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.extensions.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.extensions.student_key is 'The student''s pseudonym in this course (analytics.student_key).';
comment on column analytics.extensions.status is 'granted; for a request: pending, approved or denied.';
comment on column analytics.extensions.created_at is 'When it was granted or requested (UTC).';
comment on column analytics.extensions.decided_at is 'When it was granted, or the request answered (null while pending; UTC).';
comment on column analytics.extensions.hours_extended is 'For a granted extension: hours from the assignment''s due date to the extension''s end.';
comment on column analytics.extensions.custom_submission_time is 'For a granted extension: whether it also set a custom submission time.';
