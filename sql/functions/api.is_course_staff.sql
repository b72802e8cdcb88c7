-- api.is_course_staff(name): whether the caller counts as staff (auth.is_staff_of) of the
-- course that `name` names: a course offering ("cal/cs61a/fa26") or an assignment name
-- ("cal/cs61a/fa26/hw01"), hidden assignments included. False for an unknown name.
-- Called by: the staff pages, before each page, to answer 403 instead of a half-empty page.
-- Security: definer (reads a hidden assignment's course for its staff); answers only yes/no.
-- Raises nothing.
-- requires: auth.is_staff_of.sql
create or replace function api.is_course_staff(name text)
returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(bool_or(auth.is_staff_of(t.course_id)), false)
  from (
    select c.id as course_id from app.courses as c where c.offering = is_course_staff.name
    union all
    select a.course_id from app.assignments as a where a.name = is_course_staff.name
  ) as t
$$;

revoke all on function api.is_course_staff(text) from public;
grant execute on function api.is_course_staff(text) to ok_user;
comment on function api.is_course_staff(text) is
'Whether the caller is staff of the course an offering or assignment name names.';
