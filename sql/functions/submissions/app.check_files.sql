-- app.check_files(files): the intake rule for files people upload through the pages, said
-- once: a JSON object of {name: text}, at least one file and at most 100, each name non-empty
-- and at most 255 characters, each value text. (The pages refuse bytes that are not UTF-8
-- before calling; PostgreSQL's text holds no NUL.)
-- Called by: api.upload_for_student, api.set_template_files, api.upload_files.
-- Security: invoker (pure). Raises: PT422 with what is wrong.
create or replace function app.check_files(files jsonb)
returns void
language plpgsql
immutable
as $$
declare
  bad_name text;
begin
  if files is null or jsonb_typeof(files) <> 'object' or files = '{}'::jsonb then
    raise sqlstate 'PT422' using message = 'Choose at least one file to upload';
  end if;
  if (select count(*) from jsonb_object_keys(files) as k) > 100 then
    raise sqlstate 'PT422' using message = 'At most 100 files at once';
  end if;
  select f.key into bad_name
  from jsonb_each(files) as f
  where jsonb_typeof(f.value) <> 'string' or btrim(f.key) = '' or length(f.key) > 255
  order by f.key limit 1;
  if found then
    raise sqlstate 'PT422' using message = format('Every file needs a name and text: %L is not one', bad_name);
  end if;
end;
$$;

revoke all on function app.check_files(jsonb) from public;
grant execute on function app.check_files(jsonb) to ok_api;
