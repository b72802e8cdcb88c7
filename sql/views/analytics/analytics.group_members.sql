-- analytics.group_members: who worked together: every active group membership (app.current_groups,
-- the rule every page uses), as the group's pseudonym, the student's pseudonym and the group's
-- size. No email, name or SID.
-- Read by: Metabase and researchers (ok_analytics).
-- Security: a snapshot owned by ok_analytics_owner, refreshed by analytics.refresh_snapshots.
-- requires: analytics.student_key.sql, analytics.unit_key.sql
create materialized view analytics.group_members as
-- each pseudonym computed once per person (a key is an HMAC); a group's key from its
-- members' keys, over the group's rows (a window, not a join back)
with keys as materialized (
  select
    e.course_id,
    e.user_id,
    analytics.student_key(e.course_id, e.user_id) as student_key
  from app.enrollments as e
)

select
  a.course_id,
  g.assignment_id,
  analytics.unit_key(array_agg(k.student_key) over (
    partition by g.group_id order by g.user_id rows between unbounded preceding and unbounded following
  )) as unit_key,
  k.student_key,
  cardinality(g.member_ids) as group_size,
  gm.created_at as joined_at
from app.current_groups as g
inner join app.assignments as a on g.assignment_id = a.id
inner join keys as k on a.course_id = k.course_id and g.user_id = k.user_id
inner join app.group_members as gm on g.assignment_id = gm.assignment_id and g.user_id = gm.user_id;

create unique index group_members_key_idx on analytics.group_members (assignment_id, student_key);
create index group_members_course_idx on analytics.group_members (course_id, assignment_id);

grant select on analytics.group_members to ok_analytics;
comment on materialized view analytics.group_members is
'Active group memberships: the group''s and the student''s pseudonyms, and the group''s size.';
comment on column analytics.group_members.course_id is 'The course''s id (filter on it: every view has it).';
comment on column analytics.group_members.assignment_id is 'The assignment''s id (stable; join between views on it).';
comment on column analytics.group_members.unit_key is 'The group''s pseudonym (the same unit_key as in final_submissions).';
comment on column analytics.group_members.student_key is 'The student''s pseudonym in this course (analytics.student_key).';
comment on column analytics.group_members.group_size is 'Active members of the group.';
comment on column analytics.group_members.joined_at is 'When the student''s membership began (the invitation; UTC).';
