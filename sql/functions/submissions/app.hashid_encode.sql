-- app.hashid_encode(id): the public key of a row id, e.g. 1 -> 'zyGEk3' style strings,
-- byte-for-byte what okpy/ok produced (Hashids, min_length 6, empty salt, default
-- alphabet), so links from the original server keep working.
-- Called by: api views and functions that expose backup, comment and user keys.
-- Security: invoker. Raises 22023 for a negative id.
-- The alphabet, separators and guards below are what Hashids derives from its defaults.
-- requires: app.hashid_reorder.sql, app.hashid_lottery_alphabets.sql
create or replace function app.hashid_encode(id bigint)
returns text
language plpgsql
immutable
strict
parallel safe
as $$
declare
  alphabet text := 'gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890';
  separators constant text := 'cfhistuCFHISTU';
  guards constant text := 'abde';
  min_length constant integer := 6;
  alpha_len constant integer := 44;
  values_hash integer := (id % 100)::integer;
  lottery text;
  encoded text;
  hashed text := '';
  num bigint := id;
  split_at integer;
  excess integer;
begin
  if id < 0 then
    raise invalid_parameter_value using message = 'hashids encode only non-negative ids';
  end if;
  lottery := substr(alphabet, values_hash % alpha_len + 1, 1);
  -- app.hashid_reorder(alphabet, substr(lottery || alphabet, 1, alpha_len)), computed once
  alphabet := (app.hashid_lottery_alphabets())[values_hash % alpha_len + 1];
  loop
    hashed := substr(alphabet, (num % alpha_len)::integer + 1, 1) || hashed;
    num := num / alpha_len;
    exit when num = 0;
  end loop;
  encoded := lottery || hashed;
  if length(encoded) < min_length then
    encoded := substr(guards, (values_hash + ascii(substr(encoded, 1, 1))) % 4 + 1, 1) || encoded;
    if length(encoded) < min_length then
      encoded := encoded || substr(guards, (values_hash + ascii(substr(encoded, 3, 1))) % 4 + 1, 1);
    end if;
    split_at := alpha_len / 2;
    while length(encoded) < min_length loop
      alphabet := app.hashid_reorder(alphabet, alphabet);
      encoded := substr(alphabet, split_at + 1) || encoded || substr(alphabet, 1, split_at);
      excess := length(encoded) - min_length;
      if excess > 0 then
        encoded := substr(encoded, excess / 2 + 1, min_length);
      end if;
    end loop;
  end if;
  return encoded;
end;
$$;

revoke all on function app.hashid_encode(bigint) from public;
grant execute on function app.hashid_encode(bigint) to ok_api;
comment on function app.hashid_encode(bigint) is
'Public key of a row id (Hashids, min length 6, empty salt), as okpy/ok produced.';
