-- app.ensure_user(email, name): the id of the user with this email, creating the user on
-- first sight. A known user's name is filled in only when it was empty (the original
-- overwrote names on every roster import).
-- Called by: api.enroll (instructors add students who never logged in), login.
-- Security: definer: instructors may create users they cannot otherwise see; it returns
-- only the id. Callers check their own right to act first.
-- Raises: 23514 for an address the users table rejects (callers validate first).
create or replace function app.ensure_user(email text, name text default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  found_id bigint;
begin
  insert into app.users as u (email, name)
  values (btrim(ensure_user.email), nullif(btrim(ensure_user.name), ''))
  on conflict (lower(email))
  do update set name = coalesce(u.name, excluded.name)
  returning u.id into found_id;
  return found_id;
end;
$$;

revoke all on function app.ensure_user(text, text) from public;
grant execute on function app.ensure_user(text, text) to ok_api;
