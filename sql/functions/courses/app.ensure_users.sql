-- app.ensure_users(people): the ids of the users with these emails, creating the ones never
-- seen, in one statement (a roster of 2,000 is one insert, not 2,000 calls): the set form of
-- app.ensure_user, with the same rule for names (a known user's name is filled in only when
-- it was empty). people: [{"email", "name"}], one entry per address (callers remove
-- duplicates, case-insensitively, first). Returns (email as given, trimmed; user_id).
-- Called by: api.roster_import, app.ensure_user. Security: definer: instructors may create users they cannot
-- otherwise see; it returns only ids. Callers check their own right to act first.
-- Raises: 23514 for an address the users table rejects (callers validate first).
create or replace function app.ensure_users(people jsonb)
returns table (email text, user_id bigint)
language sql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
  with wanted as (
    select btrim(p ->> 'email') as email, nullif(btrim(p ->> 'name'), '') as name
    from jsonb_array_elements(ensure_users.people) as p
  ),
  saved as (
    insert into app.users as u (email, name)
    select w.email, w.name from wanted as w
    on conflict (lower(email))
    do update set name = coalesce(u.name, excluded.name)
    returning u.id, u.email
  )
  select w.email, s.id from wanted as w inner join saved as s on lower(w.email) = lower(s.email)
$$;

revoke all on function app.ensure_users(jsonb) from public;
grant execute on function app.ensure_users(jsonb) to ok_api;
