-- api.create_course(offering, display_name, timezone, institution): open a course offering.
-- Called by: okadmin course create. Security: definer as ok_api (the caller's RLS applies); admins only.
-- Raises: PT401/PT403 (not an admin); PT422 malformed offering, empty display name or unknown
-- timezone; PT409 offering already exists.
create or replace function api.create_course(
  offering text,
  display_name text,
  timezone text default 'America/Los_Angeles',
  institution text default ''
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  created app.courses;
begin
  perform app.require_admin();
  if offering is null
     or offering !~ '^[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/(fa|sp|su|wi|au|yr)[0-9]{2}$' then
    raise sqlstate 'PT422' using
      message = format('Malformed offering %L: expected institution/course/term, e.g. cal/cs61a/fa26', offering);
  end if;
  if display_name is null or btrim(display_name) = '' then
    raise sqlstate 'PT422' using message = 'A display name is required';
  end if;
  if not exists (select 1 from pg_catalog.pg_timezone_names as z where z.name = timezone) then
    raise sqlstate 'PT422' using message = format('Unknown timezone %L', timezone);
  end if;
  insert into app.courses (offering, display_name, timezone, institution)
  values (offering, btrim(display_name), timezone, coalesce(institution, ''))
  on conflict on constraint courses_offering_key do nothing
  returning * into created;
  if created.id is null then
    raise sqlstate 'PT409' using message = format('Course %s already exists', offering);
  end if;
  return to_jsonb(created);
exception
  when check_violation then
    raise sqlstate 'PT422' using message = format('Offering %L is not allowed: %s', offering, sqlerrm);
end;
$$;

revoke all on function api.create_course(text, text, text, text) from public;
alter function api.create_course(text, text, text, text) owner to ok_api;
grant execute on function api.create_course(text, text, text, text) to ok_admin;
comment on function api.create_course(text, text, text, text) is 'Open a course offering (admins).';
