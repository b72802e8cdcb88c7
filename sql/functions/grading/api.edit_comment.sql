-- api.edit_comment(comment_id, message): its author rewrites a line comment; answers the
-- comment (app.comment_json).
-- Called by: the grading view's comment "Edit" form. Security: definer as ok_api (the
-- caller's RLS applies: a comment is updated by its author only).
-- Raises: PT401 not signed in; PT404 no such comment (or not visible); PT403 not its author;
-- PT422 empty message.
-- requires: app.require_login.sql, app.comment_json.sql
create or replace function api.edit_comment(comment_id bigint, message text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  found app.comments;
begin
  perform app.require_login();
  select c.* into found from app.comments as c where c.id = edit_comment.comment_id;
  if found.id is null then
    raise sqlstate 'PT404' using message = 'No such comment';
  end if;
  if found.author_id is distinct from auth.user_id() then
    raise sqlstate 'PT403' using message = 'Only its author can edit a comment';
  end if;
  if btrim(coalesce(edit_comment.message, '')) = '' then
    raise sqlstate 'PT422' using message = 'A comment cannot be empty: delete it instead';
  end if;
  update app.comments as c set message = edit_comment.message where c.id = found.id;
  return app.comment_json(found.id);
end;
$$;

revoke all on function api.edit_comment(bigint, text) from public;
alter function api.edit_comment(bigint, text) owner to ok_api;
grant execute on function api.edit_comment(bigint, text) to ok_user;
comment on function api.edit_comment(bigint, text) is 'Edit one''s own line comment.';
