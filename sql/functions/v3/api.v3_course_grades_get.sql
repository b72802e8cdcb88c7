-- api.v3_course_grades_get(): GET /api/v3/course/<offering>/grades and .../export/grades:
-- the gradebook as CSV, okpy/ok's format: Email, SID, then one column per grade column of
-- app.grade_columns, titled "<display name> (<Type>)" (okpy/ok's total, composition, revision
-- and checkpoints, then any other published kind, which okpy/ok dropped), with the values of
-- app.grade_cells: the same definition as the gradebook page (app.grades_csv). One set-based query.
-- Security: definer, after v3.course_access(). Answers 401/403/404 from it.
-- requires: v3.course_access.sql, app.grades_csv.sql
create or replace function api.v3_course_grades_get()
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  access jsonb := v3.course_access();
  grade_course_id bigint;
  csv text;
begin
  if access ? 'error' then
    return access -> 'error';
  end if;
  grade_course_id := (access ->> 'course_id')::bigint;
  csv := app.grades_csv(grade_course_id);
  return v3.reply(200, jsonb_build_object('requester', access ->> 'requester', 'grades', csv));
end;
$$;

revoke all on function api.v3_course_grades_get() from public;
grant execute on function api.v3_course_grades_get() to ok_anon, ok_user;
comment on function api.v3_course_grades_get() is
'GET /api/v3/course/<offering>/[export/]grades: the gradebook as CSV (staff or export token).';
