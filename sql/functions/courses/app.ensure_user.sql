-- app.ensure_user(email, name): the id of the user with this email, creating the user on
-- first sight (app.ensure_users for one person: a known user's name is filled in only when
-- it was empty; the original overwrote names on every roster import).
-- Called by: api.enroll (instructors add students who never logged in), login; its set form,
-- app.ensure_users, for a roster import.
-- Security: definer: instructors may create users they cannot otherwise see; it returns
-- only the id. Callers check their own right to act first.
-- requires: app.ensure_users.sql
-- Raises: 23514 for an address the users table rejects (callers validate first).
create or replace function app.ensure_user(email text, name text default null)
returns bigint
language sql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
  select u.user_id
  from app.ensure_users(jsonb_build_array(jsonb_build_object('email', ensure_user.email, 'name', ensure_user.name))) as u
$$;

revoke all on function app.ensure_user(text, text) from public;
grant execute on function app.ensure_user(text, text) to ok_api;
