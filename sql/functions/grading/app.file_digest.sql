-- app.file_digest(filename, contents): what identifies a file for its highlighting, said
-- once: SHA-256 over the SHA-256 of its name (which chooses the lexer) and of its text.
-- Called by: api.highlight_backlog, api.store_highlights, api.grading_view.
-- Security: invoker. Raises nothing.
create or replace function app.file_digest(filename text, contents text)
returns bytea
language sql
immutable
parallel safe
as $$
  -- each part hashed on its own: no name and text run together into another pair's
  select sha256(sha256(convert_to(filename, 'UTF8')) || sha256(convert_to(contents, 'UTF8')))
$$;

revoke all on function app.file_digest(text, text) from public;
grant execute on function app.file_digest(text, text) to ok_api;
