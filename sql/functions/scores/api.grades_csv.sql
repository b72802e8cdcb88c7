-- api.grades_csv(offering): the course's grades as CSV (app.grades_csv: the gradebook's
-- columns and values, okpy/ok's format), for the gradebook's "Download CSV".
-- Called by: GET /staff/<offering>/grades.csv. Security: definer (ok_owner), after
-- app.require_staff: the course's staff and admins only, as the gradebook.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, app.grades_csv.sql
create or replace function api.grades_csv(offering text)
returns text
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return app.grades_csv(app.require_staff(grades_csv.offering, 'course'));
end;
$$;

revoke all on function api.grades_csv(text) from public;
grant execute on function api.grades_csv(text) to ok_user;
comment on function api.grades_csv(text) is 'The course''s grades as CSV (staff): the gradebook as a file.';
