-- auth.course_ids(variadic roles): ids of the courses where the caller is enrolled with
-- one of the given roles ('student', 'lab_assistant', 'reader', 'ta', 'instructor').
-- Called by: RLS policies, always as (select auth.course_ids(...)) so that it runs once per
-- statement, not once per row.
-- Security: definer, because policies on app.enrollments call it and reading enrollments
-- under the caller's own policies would recurse. It only ever reads the caller's rows.
-- An autograder token (scope `autograder`) sees only the course it is bound to (claim
-- "course", checked against the token by auth.check_request): its staff role elsewhere
-- does not travel with it.
-- Raises nothing; anonymous callers get an empty array.
create or replace function auth.course_ids(variadic roles text[])
returns bigint[]
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(e.course_id), '{}')
  from app.enrollments as e
  where e.user_id = auth.user_id()
    and e.role::text = any(roles)
    and (auth.claims() ->> 'scope' is distinct from 'autograder' or e.course_id::text = auth.claims() ->> 'course')
$$;

revoke all on function auth.course_ids(text[]) from public;
grant execute on function auth.course_ids(text[]) to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.course_ids(text[]) is
'Courses where the caller holds one of the given roles (for RLS policies).';
