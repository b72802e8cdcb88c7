-- analytics.enrollment_by_section: how many people each course has per section and role.
-- Small cells can identify people: a count below analytics.min_cell_size() (k-anonymity,
-- default 5) is suppressed (null, with suppressed true).
-- Read by: Metabase and researchers (ok_analytics).
-- Security: a snapshot owned by ok_analytics_owner, refreshed by analytics.refresh_snapshots.
-- requires: analytics.min_cell_size.sql
create materialized view analytics.enrollment_by_section as
select
  e.course_id,
  coalesce(nullif(btrim(e.section), ''), '(none)') as section,
  e.role::text as role,
  case when count(*) >= analytics.min_cell_size() then count(*) end as members,
  count(*) < analytics.min_cell_size() as suppressed
from app.enrollments as e
group by e.course_id, coalesce(nullif(btrim(e.section), ''), '(none)'), e.role;

create unique index enrollment_by_section_key_idx on analytics.enrollment_by_section (course_id, section, role);

grant select on analytics.enrollment_by_section to ok_analytics;
comment on materialized view analytics.enrollment_by_section is
'People per course, section and role; counts below the minimum cell size are suppressed.';
comment on column analytics.enrollment_by_section.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.enrollment_by_section.section is 'The section as the roster names it; (none) when it names none.';
comment on column analytics.enrollment_by_section.role is 'The course role: student, lab_assistant, grader, ta or instructor.';
comment on column analytics.enrollment_by_section.members is 'People with that section and role; null when fewer than the minimum cell size (analytics.snapshot.min_cell_size).';
comment on column analytics.enrollment_by_section.suppressed is 'Whether the count is suppressed because it is below the minimum cell size.';
