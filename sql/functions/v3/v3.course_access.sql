-- v3.course_access(): who may read the course of the request (x-ok-offering), and how.
-- Returns {"course_id", "requester"} when the caller is staff of the course (or a site admin)
-- or presents the course's active export token (x-ok-export-token, hashed and compared);
-- otherwise {"error": <envelope>}: 401 logged out or token missing or inactive, 404 unknown
-- course, 403 not staff or wrong token.
-- Called by: the course endpoints (definer functions that then read the whole course).
-- Security: definer, like the course endpoints that call it: access is decided here, from the
-- export token (compared with the stored hash) or the caller's staff standing, not by RLS.
-- requires: auth.is_staff_of.sql
-- requires: v3.reply.sql, v3.header.sql
create or replace function v3.course_access()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course app.courses;
  token text := v3.header('x-ok-export-token');
begin
  select c.* into course from app.courses as c where c.offering = v3.header('x-ok-offering');
  if token is not null then
    if course.id is null then
      return jsonb_build_object('error', v3.reply(404, '{}', 'No such course'));
    end if;
    if course.export_token_hash is null or not course.export_token_active then
      return jsonb_build_object('error', v3.reply(401, '{}', 'The export token of this course is not active'));
    end if;
    if encode(extensions.digest(token, 'sha256'), 'hex') <> course.export_token_hash then
      return jsonb_build_object('error', v3.reply(403, '{}', 'Wrong export token'));
    end if;
    return jsonb_build_object('course_id', course.id, 'requester', 'export_access_token');
  end if;
  if auth.user_id() is null then
    return jsonb_build_object('error', v3.reply(401, '{}', 'Not logged in'));
  end if;
  if course.id is null then
    return jsonb_build_object('error', v3.reply(404, '{}', 'No such course'));
  end if;
  if not auth.is_staff_of(course.id) then
    return jsonb_build_object('error', v3.reply(403, '{}', 'Only staff of the course can export it'));
  end if;
  return jsonb_build_object('course_id', course.id, 'requester', auth.claims() ->> 'email');
end;
$$;

revoke all on function v3.course_access() from public;
grant execute on function v3.course_access() to ok_api;
