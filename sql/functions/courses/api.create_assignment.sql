-- api.create_assignment(...): create an assignment in the course its name starts with.
-- The name is "<offering>/<word>"; due and lock dates without an offset are read in the
-- course's timezone (app.parse_course_time). Without a group size it takes the course's
-- default; it starts with the course's default published score kinds (course settings).
-- Called by: okadmin assignment create, the staff course page's "New assignment" form.
-- Security: definer as ok_api (the caller's RLS applies); site admins, or TAs and instructors of the course.
-- Raises: PT401 not logged in; PT404 no course for the name's offering; PT403 not staff of it;
-- PT422 malformed name, bad dates, lock before due, group size below 1; PT409 name taken.
-- requires: app.require_login.sql, app.parse_course_time.sql
-- requires: auth.is_ta_of.sql
create or replace function api.create_assignment(
  name text,
  display_name text,
  due text,
  lock text,
  max_group_size integer default null,
  revisions_allowed boolean default false,
  visible boolean default true
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course app.courses;
  due_at timestamptz;
  lock_at timestamptz;
  created app.assignments;
begin
  perform app.require_login();
  if name is null or name !~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[a-z]{2}[0-9]{2}/\w+$' then
    raise sqlstate 'PT422' using
      message = format('Malformed assignment name %L: expected <offering>/<word>, e.g. cal/cs61a/fa26/hw01', name);
  end if;
  select c.* into course
  from app.courses as c
  where c.offering = regexp_replace(name, '/\w+$', '');
  if course.id is null then
    raise sqlstate 'PT404' using message = format('No course %s', regexp_replace(name, '/\w+$', ''));
  end if;
  if not auth.is_ta_of(course.id) then
    raise sqlstate 'PT403' using message = format('Only staff of %s can create assignments', course.offering);
  end if;
  if display_name is null or btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  due_at := app.parse_course_time(due, course.timezone);
  lock_at := app.parse_course_time(lock, course.timezone);
  if lock_at < due_at then
    raise sqlstate 'PT422' using message = 'The lock date must not be before the due date';
  end if;
  if max_group_size < 1 then
    raise sqlstate 'PT422' using message = 'The group size must be at least 1';
  end if;
  insert into app.assignments
    (course_id, name, display_name, due_at, lock_at, max_group_size, revisions_allowed, visible,
     creator_id, published_score_kinds)
  values
    (course.id, name, btrim(display_name), due_at, lock_at, coalesce(max_group_size, course.default_max_group_size),
     coalesce(revisions_allowed, false), coalesce(visible, true), auth.user_id(), course.default_published_kinds)
  on conflict on constraint assignments_name_key do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('Assignment %s already exists', name);
  end if;
  return to_jsonb(created);
end;
$$;

revoke all on function api.create_assignment(text, text, text, text, integer, boolean, boolean) from public;
alter function api.create_assignment(text, text, text, text, integer, boolean, boolean) owner to ok_api;
grant execute on function api.create_assignment(text, text, text, text, integer, boolean, boolean)
to ok_user;
comment on function api.create_assignment(text, text, text, text, integer, boolean, boolean) is
'Create an assignment; naive dates are course-local (staff and admins).';
