-- app.comment_json(comment_id): a line comment as the pages show it, said once:
-- {"id", "filename", "line", "message" (Markdown source), "kind" (of grading: students see
--  staff comments once it is published), "author", "created_at",
--  "updated_at", "can_edit" (the caller wrote it), "can_delete" (the caller wrote it, or is
--  an instructor of the course or an admin: auth.is_instructor_of), "published" (its kind is
--  published for the assignment, so the backup's students see it), "timezone" (the course's,
--  in which the page shows the times)}. Null when the caller
-- may not see the comment (row-level security).
-- Called by: api.grading_view, api.add_comment, api.edit_comment. Security: invoker (inside
-- those ok_api definers). Raises nothing.
-- requires: auth.is_instructor_of.sql
create or replace function app.comment_json(comment_id bigint)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', c.id, 'filename', c.filename, 'line', c.line, 'message', c.message, 'kind', c.kind,
    'author', u.email, 'created_at', c.created_at, 'updated_at', c.updated_at,
    'can_edit', c.author_id = auth.user_id(),
    'can_delete', c.author_id = auth.user_id() or auth.is_instructor_of(c.course_id),
    'published', c.kind = any(a.published_score_kinds),
    'timezone', k.timezone
  )
  from app.comments as c
  inner join app.courses as k on c.course_id = k.id
  inner join app.backups as b on c.backup_id = b.id
  inner join app.assignments as a on b.assignment_id = a.id
  left join app.users as u on c.author_id = u.id
  where c.id = comment_json.comment_id
$$;

revoke all on function app.comment_json(bigint) from public;
grant execute on function app.comment_json(bigint) to ok_api;
