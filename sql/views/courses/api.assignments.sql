-- api.assignments: the assignments the caller may see (visible ones; hidden ones too for the
-- course's staff), with their course's offering and dates, and the course's IANA time zone
-- (timezone), in which pages show the dates and staff's date inputs are read.
-- Read by: the staff course page. Security: invoker (RLS on app.assignments).
create view api.assignments
with (security_invoker = true)
as
select
  a.name,
  a.display_name,
  c.offering,
  a.due_at,
  a.lock_at,
  a.visible,
  a.max_group_size,
  a.revisions_allowed,
  a.published_score_kinds,
  c.timezone
from app.assignments as a
inner join app.courses as c on a.course_id = c.id
order by c.offering, a.due_at, a.name;

grant select on api.assignments to ok_anon, ok_user;
comment on view api.assignments is 'Assignments the caller may see, with dates and settings.';
