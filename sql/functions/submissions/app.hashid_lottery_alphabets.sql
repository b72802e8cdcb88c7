-- app.hashid_lottery_alphabets(): the 44 alphabets app.hashid_encode may encode with, one per
-- lottery character (the i-th: the default alphabet shuffled by app.hashid_reorder with the
-- i-th character of the alphabet as lottery, Hashids' salt for an empty salt). Immutable and
-- without arguments, so PostgreSQL computes it once when it plans the caller's expression
-- (once per session in plpgsql) instead of shuffling the alphabet for every key.
-- Called by: app.hashid_encode. Security: invoker. Raises nothing.
-- requires: app.hashid_reorder.sql
create or replace function app.hashid_lottery_alphabets()
returns text[]
language sql
immutable
parallel safe
as $$
  select array_agg(app.hashid_reorder(a.alphabet, substr(substr(a.alphabet, k.i, 1) || a.alphabet, 1, 44)) order by k.i)
  from (values ('gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890')) as a (alphabet)
  cross join generate_series(1, 44) as k (i)
$$;

revoke all on function app.hashid_lottery_alphabets() from public;
grant execute on function app.hashid_lottery_alphabets() to ok_api;
