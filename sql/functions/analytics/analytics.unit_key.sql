-- analytics.unit_key(member_keys): the pseudonym of a group (or of a student working alone) in
-- a course: a hash of its members' student keys (analytics.student_key) in the order of their
-- user ids, so a researcher can tell partners apart from strangers without learning who any
-- of them is. The snapshots compute each student's key once and pass them here.
-- Called by: analytics.final_submissions, analytics.group_members (their refresh).
-- Security: invoker, immutable (no data); granted to no login. Raises nothing.
create or replace function analytics.unit_key(member_keys text[])
returns text
language sql
immutable
parallel safe
as $$
  select left(md5(array_to_string(unit_key.member_keys, '-')), 20)
$$;

revoke all on function analytics.unit_key(text[]) from public;
comment on function analytics.unit_key(text[]) is
'The pseudonym of a group (a hash of its members'' student keys, in the order of their user ids).';
