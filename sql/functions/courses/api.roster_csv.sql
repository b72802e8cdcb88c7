-- api.roster_csv(offering): the course's roster, every role, as CSV (app.roster_csv), for the
-- roster page's "Download CSV"; api.roster_import reads the same columns back.
-- Called by: GET /staff/<offering>/roster.csv. Security: definer as ok_api (the caller's RLS
-- applies), after app.require_staff: the course's staff and admins, as the roster page.
-- Raises: PT401, PT403, PT404 (app.require_staff).
-- requires: app.require_staff.sql, app.roster_csv.sql
create or replace function api.roster_csv(offering text)
returns text
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return app.roster_csv(app.require_staff(roster_csv.offering, 'course'), enum_range(null::app.course_role));
end;
$$;

revoke all on function api.roster_csv(text) from public;
alter function api.roster_csv(text) owner to ok_api;
grant execute on function api.roster_csv(text) to ok_user;
comment on function api.roster_csv(text) is 'The course''s roster, every role, as CSV (staff).';
