-- v3.time(ts): how /api/v3 writes a time: naive UTC 'YYYY-MM-DDTHH:MM:SS', no fraction,
-- no offset (ok-client 1.18.1 parses due_date with exactly %Y-%m-%dT%H:%M:%S).
-- Called by: api.v3_* functions. Security: invoker. Raises nothing.
create or replace function v3.time(ts timestamptz)
returns text
language sql
immutable
parallel safe
as $$
  select to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
$$;

revoke all on function v3.time(timestamptz) from public;
grant execute on function v3.time(timestamptz) to ok_api;
