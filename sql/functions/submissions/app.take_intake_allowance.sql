-- app.take_intake_allowance(user_id): whether this user may send one more backup now, said
-- once: a token bucket per user of okv3.intake_burst backups (a PostgreSQL setting, default
-- 120), refilled at okv3.intake_per_second (default 1, so 3,600 an hour). ok-client sends
-- one or two backups a run and replays its queue of unsent ones in a burst, well inside
-- that; a script calling it in a loop is held to the refill rate, and everyone else's
-- backups go on. A refused backup takes nothing from the bucket, so the limit lifts as soon
-- as the bucket refills. One upsert on the user's own row: no other user waits for it.
-- Called by: api.v3_backups_post (the caller, before the backup is stored).
-- Security: definer (app.intake_allowances has no grant for request roles); executable by
-- ok_api only. Raises nothing.
create or replace function app.take_intake_allowance(user_id bigint)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  burst double precision := coalesce(nullif(current_setting('okv3.intake_burst', true), '')::double precision, 120);
  per_second double precision := coalesce(nullif(current_setting('okv3.intake_per_second', true), '')::double precision, 1);
  granted boolean;
begin
  insert into app.intake_allowances as a (user_id, tokens, refreshed_at, allowed)
  values (take_intake_allowance.user_id, burst - 1, now(), true)
  on conflict on constraint intake_allowances_pkey do update
  set tokens = least(burst, a.tokens + extract(epoch from now() - a.refreshed_at) * per_second)
               - case when least(burst, a.tokens + extract(epoch from now() - a.refreshed_at) * per_second) >= 1
                      then 1 else 0 end,
      allowed = least(burst, a.tokens + extract(epoch from now() - a.refreshed_at) * per_second) >= 1,
      refreshed_at = now()
  returning a.allowed into granted;
  return granted;
end;
$$;

revoke all on function app.take_intake_allowance(bigint) from public;
grant execute on function app.take_intake_allowance(bigint) to ok_api;
