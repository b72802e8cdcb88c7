-- analytics.unit_key(course_id, member_ids): the pseudonym of a group (or of a student working
-- alone) in a course: a hash of its members' student keys (analytics.student_key), so a
-- researcher can tell partners apart from strangers without learning who any of them is.
-- Called by: analytics.final_submissions, analytics.group_members (their refresh).
-- Security: invoker; granted to no login (it calls analytics.student_key). Raises nothing.
-- requires: analytics.student_key.sql
create or replace function analytics.unit_key(course_id bigint, member_ids bigint[])
returns text
language sql
stable
parallel safe
as $$
  select left(md5(string_agg(analytics.student_key(unit_key.course_id, m.id), '-' order by m.id)), 20)
  from unnest(unit_key.member_ids) as m (id)
$$;

revoke all on function analytics.unit_key(bigint, bigint[]) from public;
comment on function analytics.unit_key(bigint, bigint[]) is
'The pseudonym of a group (a hash of its members'' student keys).';
