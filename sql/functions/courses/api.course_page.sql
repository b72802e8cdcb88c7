-- api.course_page(offering): everything a member's course page shows, in one call:
--   {"offering", "display_name", "timezone", "role" (the caller's in the course, or null for
--    a site admin who is not enrolled), "teaches" (the caller is staff of it:
--    auth.is_staff_of, so the page links the staff pages), "assignments": [api.assignments rows of the course,
--    by due date: name, display_name, due_at, lock_at, visible, ..., and the caller's own:
--    "status" ('not started', 'backed up', 'submitted', 'late': of the backup that counts for
--    their unit, app.unit_finals and app.unit_progress), "my_due" and "extended" (their
--    unit's effective due date, app.unit_dates), "final_key", "final_is_submission", "scores" (published: api.my_scores)]}
-- Students and lab assistants see the visible assignments; staff the hidden ones too (RLS on
-- app.assignments, through api.assignments).
-- Called by: GET /<offering>/ (linked from the dashboard). Security: definer as ok_api (the
-- caller's RLS applies).
-- Raises: PT401 not signed in; PT404 'No course <offering>' when it does not exist or the
-- caller is neither enrolled in it nor an admin (the same answer: a stranger learns nothing).
-- requires: app.require_login.sql, api.assignments.sql, auth.is_admin.sql, auth.is_staff_of.sql
-- requires: app.unit_dates.sql, app.unit_finals.sql, app.group_member_ids.sql, app.hashid_encode.sql, api.my_scores.sql
-- requires: app.unit_progress.sql
create or replace function api.course_page(offering text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found app.courses;
  my_role text;
begin
  perform app.require_login();
  select c.* into found from app.courses as c where c.offering = course_page.offering;
  select e.role::text into my_role
  from app.enrollments as e where e.course_id = found.id and e.user_id = auth.user_id();
  if found.id is null or (my_role is null and not auth.is_admin()) then
    raise sqlstate 'PT404' using message = format('No course %s', course_page.offering);
  end if;
  return jsonb_build_object(
    'offering', found.offering,
    'display_name', found.display_name,
    'timezone', found.timezone,
    'role', my_role,
    'teaches', auth.is_staff_of(found.id),
    'assignments', coalesce((
      select jsonb_agg(to_jsonb(a) || jsonb_build_object(
        'status', replace(app.unit_progress(f.backup_id, f.is_submission, f.late_by), '_', ' '),
        'my_due', d.due_at,
        'extended', d.due_at > a.due_at,
        'final_key', app.hashid_encode(f.backup_id),
        'final_is_submission', f.is_submission,
        'scores', (
          select coalesce(jsonb_agg(jsonb_build_object('kind', s.kind, 'score', s.score) order by s.kind), '[]'::jsonb)
          from api.my_scores(a.name) as s
        )
      ) order by a.due_at, a.name)
      from api.assignments as a
      inner join app.assignments as aa on a.name = aa.name
      -- the caller's unit: its effective dates (any member's extension) and the backup that
      -- counts, by the rules every page reads
      cross join lateral app.unit_dates(aa.id, app.group_member_ids(aa.id, auth.user_id())) as d
      left join lateral (
        select uf.backup_id, uf.is_submission, uf.late_by
        from app.unit_finals(aa.id, auth.user_id()) as uf
        where auth.user_id() = any(uf.member_ids)
        limit 1
      ) as f on true
      where a.offering = found.offering
    ), '[]'::jsonb)
  );
end;
$$;

revoke all on function api.course_page(text) from public;
alter function api.course_page(text) owner to ok_api;
grant execute on function api.course_page(text) to ok_user;
comment on function api.course_page(text) is 'A member''s course page: the course and the assignments they may see.';
