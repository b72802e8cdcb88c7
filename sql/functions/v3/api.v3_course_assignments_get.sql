-- api.v3_course_assignments_get(): GET /api/v3/course/<offering>/assignments (x-ok-offering):
-- the course's assignments that the caller may see (public: anonymous callers get the visible
-- ones; okpy/ok listed hidden ones too, to anyone: fixed; the course's staff and admins also
-- get the hidden ones). "active" is the string "True" or "False", true until the lock date.
-- Security: definer as ok_api (the caller's RLS, assignments_select, decides what is listed).
-- Answers 404 for an unknown course.
-- requires: v3.reply.sql, v3.time.sql
create or replace function api.v3_course_assignments_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  listed_course_id bigint;
begin
  select c.id into listed_course_id from app.courses as c where c.offering = v3.header('x-ok-offering');
  if listed_course_id is null then
    return v3.reply(404, '{}', 'No such course');
  end if;
  return v3.reply(200, jsonb_build_object('assignments', (
    select coalesce(jsonb_agg(jsonb_build_object(
      'name', a.name, 'display_name', a.display_name,
      'due_date', v3.time(a.due_at), 'lock_date', v3.time(a.lock_at),
      'max_group_size', a.max_group_size, 'url', coalesce(a.url, ''),
      'active', case when now() <= a.lock_at then 'True' else 'False' end
    ) order by a.due_at, a.name), '[]'::jsonb)
    from app.assignments as a
    where a.course_id = listed_course_id
  )));
end;
$$;

revoke all on function api.v3_course_assignments_get() from public;
alter function api.v3_course_assignments_get() owner to ok_api;
grant execute on function api.v3_course_assignments_get() to ok_anon, ok_user;
comment on function api.v3_course_assignments_get() is
'GET /api/v3/course/<offering>/assignments: the course''s assignments (public).';
