-- app.tg_assignments__check_name(): an assignment's name must be "<course offering>/<word>".
-- Called by: trigger _010_check_name on app.assignments (insert, or update of name/course).
-- Security: definer (reads the course's offering whatever the caller may see).
-- Raises: PT422 'Assignment name must start with the course offering'.
create or replace function app.tg_assignments__check_name()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course_offering text;
begin
  select c.offering into course_offering from app.courses as c where c.id = NEW.course_id;
  if course_offering is null
     or left(NEW.name, length(course_offering) + 1) <> course_offering || '/'
     or substr(NEW.name, length(course_offering) + 2) !~ '^\w+$' then
    raise sqlstate 'PT422' using
      message = 'Assignment name must start with the course offering',
      detail = format('%s is not %s/<word>', NEW.name, course_offering);
  end if;
  return NEW;
end;
$$;

revoke all on function app.tg_assignments__check_name() from public;
