-- app.file_digest(filename, contents): what identifies a file for its highlighting, said
-- once: SHA-256 of its name (which chooses the lexer) and its text.
-- Called by: api.highlight_backlog, api.store_highlights, api.grading_view.
-- Security: invoker. Raises nothing.
create or replace function app.file_digest(filename text, contents text)
returns bytea
language sql
immutable
parallel safe
as $$
  select sha256(convert_to(filename || E'\n' || contents, 'UTF8'))
$$;

revoke all on function app.file_digest(text, text) from public;
grant execute on function app.file_digest(text, text) to ok_api;
