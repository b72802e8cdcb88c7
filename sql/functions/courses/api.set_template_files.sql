-- api.set_template_files(name, files, replace): add template files to an assignment ({name:
-- text}; a file of the same name is replaced), or with replace the whole set. The templates
-- are what the grading view and the student's code view diff a backup against ("the
-- template"), and what ok-client's assignment endpoint serves. Answers the file names.
-- Called by: POST /staff/<assignment>/templates (files or a zip, unpacked by the page).
-- Security: definer (app.assignment_for_change locks the assignment); TAs, instructors and
-- admins; the update runs as ok_api under the caller's RLS (assignments_write).
-- Raises: PT401, PT404 (app.assignment_for_change); PT403 not a TA or instructor; PT422 the
-- files break the intake rule (app.check_files).
-- requires: app.assignment_for_change.sql, app.check_files.sql
create or replace function api.set_template_files(name text, files jsonb, replace boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  target record := app.assignment_for_change(set_template_files.name);
  saved jsonb;
begin
  if not target.is_ta then
    raise sqlstate 'PT403' using message = 'Only TAs and instructors can change template files';
  end if;
  perform app.check_files(set_template_files.files);
  update app.assignments as a
  set template_files = case when coalesce(set_template_files.replace, false) then set_template_files.files
    else a.template_files || set_template_files.files end
  where a.id = target.assignment_id
  returning a.template_files into saved;
  return (select jsonb_agg(k order by k) from jsonb_object_keys(saved) as k);
end;
$$;

revoke all on function api.set_template_files(text, jsonb, boolean) from public;
alter function api.set_template_files(text, jsonb, boolean) owner to ok_api;
grant execute on function api.set_template_files(text, jsonb, boolean) to ok_user;
comment on function api.set_template_files(text, jsonb, boolean) is
'Add (or replace all) template files of an assignment: what diffs start from (TAs, instructors).';
