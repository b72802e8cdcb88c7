-- app.email_is_valid(email): whether a typed address is one OK accepts for a person, said
-- once: after trimming, something@domain.tld with no spaces, at most 254 characters (the
-- users table's own check is looser: it also holds addresses made before this rule).
-- Called by: api.login, api.create_user, api.enroll, api.roster_import.
-- Security: invoker (pure). Raises nothing.
create or replace function app.email_is_valid(email text)
returns boolean
language sql
immutable
parallel safe
as $$
  select coalesce(btrim(email_is_valid.email) ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
                  and length(btrim(email_is_valid.email)) <= 254, false)
$$;

revoke all on function app.email_is_valid(text) from public;
grant execute on function app.email_is_valid(text) to ok_api;
