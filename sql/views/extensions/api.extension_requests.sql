-- api.extension_requests: extension requests the caller may see: staff their course's, a
-- student their own; pending first, newest first; with the course's IANA time zone (timezone)
-- in which the page shows created_at and decided_at.
-- Read by: the staff course page. Security: invoker (RLS on app.extension_requests and users).
create view api.extension_requests
with (security_invoker = true)
as
select
  a.name as assignment,
  c.offering,
  u.email,
  r.reason,
  r.status,
  r.created_at,
  r.decided_at,
  c.timezone
from app.extension_requests as r
inner join app.assignments as a on r.assignment_id = a.id
inner join app.courses as c on r.course_id = c.id
left join app.users as u on r.user_id = u.id
order by r.status = 'pending' desc, r.created_at desc;

grant select on api.extension_requests to ok_user;
comment on view api.extension_requests is 'Extension requests: staff see their course''s, students their own.';
