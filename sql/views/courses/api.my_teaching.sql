-- api.my_teaching: the courses the signed-in user teaches (api.my_enrollments.teaches).
-- Read by: the staff pages. Security: invoker (RLS: one's own enrollments).
-- requires: api.my_enrollments.sql
create view api.my_teaching
with (security_invoker = true)
as
select
  e.offering,
  e.display_name,
  e.role
from api.my_enrollments as e
where e.teaches;

grant select on api.my_teaching to ok_user;
comment on view api.my_teaching is 'Courses the signed-in user teaches, with their role.';
