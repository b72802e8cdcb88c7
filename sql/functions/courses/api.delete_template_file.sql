-- api.delete_template_file(name, filename): remove one template file from an assignment.
-- Called by: the assignment settings page (each template file's Remove button).
-- Security: definer (app.assignment_for_change locks the assignment); TAs, instructors and
-- admins; the update runs as ok_api under the caller's RLS (assignments_write).
-- Raises: PT401, PT404 (app.assignment_for_change); PT403 not a TA or instructor; PT404 no
-- such template file.
-- requires: app.assignment_for_change.sql
create or replace function api.delete_template_file(name text, filename text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(delete_template_file.name);
  saved jsonb;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change template files';
  end if;
  update app.assignments as a
  set template_files = a.template_files - delete_template_file.filename
  where a.id = target.assignment_id and a.template_files ? delete_template_file.filename
  returning a.template_files into saved;
  if not found then
    raise sqlstate 'PT404' using message = format('No template file %L', delete_template_file.filename);
  end if;
  return coalesce((select jsonb_agg(k order by k) from jsonb_object_keys(saved) as k), '[]'::jsonb);
end;
$$;

revoke all on function api.delete_template_file(text, text) from public;
alter function api.delete_template_file(text, text) owner to ok_api;
grant execute on function api.delete_template_file(text, text) to ok_user;
comment on function api.delete_template_file(text, text) is
'Remove one template file from an assignment (TAs, instructors).';
