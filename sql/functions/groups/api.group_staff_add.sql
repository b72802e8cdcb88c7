-- api.group_staff_add(assignment, email, partner_email): staff put a student into the group of
-- partner_email (created if the partner has none), directly active, at any time. The size
-- limit and the enrollment and one-group rules still hold.
-- Called by: staff pages. Security: definer; readers, TAs, instructors and admins only.
-- Raises: PT401; PT404 unknown assignment; PT403 not staff; PT422 not enrolled, already
-- grouped, group full, same person.
-- requires: app.assignment_for_change.sql, app.group_change.sql, app.user_in_course.sql, app.group_add_member.sql
create or replace function api.group_staff_add(assignment text, email text, partner_email text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(assignment);
  student bigint;
  partner bigint;
  added record;
begin
  if not target.is_staff then
    raise sqlstate 'PT403' using message = 'Only course staff can place students in groups';
  end if;
  student := app.user_in_course(email, target.course_id);
  partner := app.user_in_course(partner_email, target.course_id);
  if student is null or partner is null then
    raise sqlstate 'PT422' using message = 'Both students must be enrolled in the course';
  end if;
  if student = partner then
    raise sqlstate 'PT422' using message = 'A student cannot be grouped with themself';
  end if;
  if exists (select 1 from app.group_members as m where m.assignment_id = target.assignment_id and m.user_id = student) then
    raise sqlstate 'PT422' using message = format('%s is already in a group for this assignment', email);
  end if;
  added := app.group_add_member(target.assignment_id, partner, student, 'active');
  return app.group_change(target.assignment_id, 'staff_add', student, added.new_group_id, added.group_before);
end;
$$;

revoke all on function api.group_staff_add(text, text, text) from public;
grant execute on function api.group_staff_add(text, text, text) to ok_user;
comment on function api.group_staff_add(text, text, text) is 'Staff put a student into a group.';
