-- api.my_enrollments: the signed-in user's courses with their role, newest first; teaches
-- says whether that role is a staff role (reader, TA, instructor).
-- Called by: the student dashboard. Security: invoker (RLS on app.enrollments shows the
-- caller's own rows; staff would also see their students', hence the user filter).
-- requires: auth.staff_roles.sql
create view api.my_enrollments
with (security_invoker = true)
as
select
  c.id as course_id,
  c.offering,
  c.display_name,
  c.active,
  e.role,
  e.section,
  e.role::text = any(auth.staff_roles()) as teaches
from app.enrollments as e
inner join app.courses as c on e.course_id = c.id
where e.user_id = (select auth.user_id())
order by c.active desc, c.created_at desc;

grant select on api.my_enrollments to ok_user;
comment on view api.my_enrollments is 'Courses of the signed-in user, with role and section.';
