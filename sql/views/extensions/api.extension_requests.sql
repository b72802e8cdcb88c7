-- api.extension_requests: extension requests the caller may see: staff their course's, a
-- student their own; pending first, newest first; with the staff's reply, the extension the
-- student holds now (extended_until: what a grant gave, unless revoked or changed since), and
-- the course's IANA time zone (timezone) in which the page shows the times.
-- Read by: api.staff_course_page, api.assignment_page (the student's own). Security: invoker
-- (RLS on app.extension_requests, app.extensions and app.users).
create view api.extension_requests
with (security_invoker = true)
as
select
  r.id,
  a.name as assignment,
  a.display_name as assignment_display_name,
  c.offering,
  u.email,
  r.reason,
  r.status,
  r.created_at,
  r.decided_at,
  r.reply,
  x.expires_at as extended_until,
  c.timezone
from app.extension_requests as r
inner join app.assignments as a on r.assignment_id = a.id
inner join app.courses as c on r.course_id = c.id
left join app.users as u on r.user_id = u.id
left join app.extensions as x on r.assignment_id = x.assignment_id and r.user_id = x.user_id
order by r.status = 'pending' desc, r.created_at desc;

grant select on api.extension_requests to ok_user;
comment on view api.extension_requests is 'Extension requests: staff see their course''s, students their own.';
