-- api.delete_comment(comment_id): delete a line comment: its author may, and so may an
-- instructor of the course or an admin (auth.is_instructor_of). The deletion is in the audit
-- log with the comment's text (app.comments' audit trigger).
-- Called by: the grading view's comment "Delete" button.
-- Security: definer (ok_owner): row-level security lets only authors delete, and an
-- instructor removes others' comments; the function decides who may, from the caller's
-- claims, and deletes only a comment the caller could see.
-- Raises: PT401 not signed in; PT404 no such comment (or not visible to the caller);
-- PT403 neither its author nor an instructor.
-- requires: app.require_login.sql, auth.is_staff_of.sql, auth.is_instructor_of.sql
create or replace function api.delete_comment(comment_id bigint)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found app.comments;
begin
  perform app.require_login();
  select c.* into found from app.comments as c where c.id = delete_comment.comment_id;
  -- visible to the caller: their own, or their course's as staff
  if found.id is null or not (found.author_id = auth.user_id() or auth.is_staff_of(found.course_id)) then
    raise sqlstate 'PT404' using message = 'No such comment';
  end if;
  if not (found.author_id = auth.user_id() or auth.is_instructor_of(found.course_id)) then
    raise sqlstate 'PT403' using message = 'Only its author or an instructor can delete a comment';
  end if;
  delete from app.comments as c where c.id = found.id;
end;
$$;

revoke all on function api.delete_comment(bigint) from public;
grant execute on function api.delete_comment(bigint) to ok_user;
comment on function api.delete_comment(bigint) is 'Delete a line comment (its author, or an instructor).';
