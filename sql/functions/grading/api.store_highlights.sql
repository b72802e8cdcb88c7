-- api.store_highlights(highlighter, files): keep the worker's highlighting of files:
-- [{"filename", "contents", "lines": [HTML of each line]}]; the key is computed here from
-- the file (app.file_digest), and a file whose line count differs from its text's (split on
-- newlines, as the pages count) is skipped. Returns how many were stored (a file already
-- kept is left as it is).
-- Called by: worker/highlight.py as ok_worker. Security: definer (the table is the owner's:
-- no request role may write HTML that pages show); executable by ok_worker only.
-- Raises: PT422 no highlighter version, files not a list.
-- requires: app.file_digest.sql
create or replace function api.store_highlights(highlighter text, files jsonb)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  stored integer;
begin
  if btrim(coalesce(highlighter, '')) = '' then
    raise sqlstate 'PT422' using message = 'Name the highlighter version';
  end if;
  if jsonb_typeof(files) is distinct from 'array' then
    raise sqlstate 'PT422' using message = 'files must be a list of {"filename", "contents", "lines"}';
  end if;
  insert into app.highlighted_files (digest, highlighter, lines)
  select app.file_digest(f.item ->> 'filename', f.item ->> 'contents'), store_highlights.highlighter,
    array(select jsonb_array_elements_text(f.item -> 'lines'))
  from jsonb_array_elements(files) as f (item)
  where jsonb_typeof(f.item -> 'lines') = 'array'
    and f.item ->> 'filename' is not null and f.item ->> 'contents' is not null
    and jsonb_array_length(f.item -> 'lines') = cardinality(string_to_array(f.item ->> 'contents' || E'\n', E'\n')) - 1
  on conflict do nothing;
  get diagnostics stored = row_count;
  return stored;
end;
$$;

revoke all on function api.store_highlights(text, jsonb) from public;
grant execute on function api.store_highlights(text, jsonb) to ok_worker;
comment on function api.store_highlights(text, jsonb) is 'Keep the worker''s highlighting of files (worker).';
