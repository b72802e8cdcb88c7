-- app.hashid_decode(key): the row id behind a public key, or null when the key is not
-- one that app.hashid_encode produces (so a malformed key simply matches nothing).
-- Called by: api functions that take backup or comment keys from URLs.
-- Security: invoker. Raises nothing.
-- requires: app.hashid_encode.sql
create or replace function app.hashid_decode(public_key text)
returns bigint
language plpgsql
immutable
strict
parallel safe
as $$
declare
  alphabet text := 'gjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890';
  parts text[];
  body text;
  lottery text;
  num numeric := 0;
  pos integer;
begin
  if public_key !~ '^[A-Za-z0-9]{1,32}$' then
    return null;
  end if;
  parts := regexp_split_to_array(public_key, '[abde]');
  body := case when array_length(parts, 1) in (2, 3) then parts[2] else parts[1] end;
  if body = '' or body ~ '[cfhistuCFHISTU]' then
    return null;
  end if;
  lottery := substr(body, 1, 1);
  alphabet := app.hashid_reorder(alphabet, substr(lottery || alphabet, 1, 44));
  for i in 2 .. length(body) loop
    pos := strpos(alphabet, substr(body, i, 1));
    if pos = 0 then
      return null;
    end if;
    num := num * 44 + (pos - 1);
  end loop;
  if length(body) < 2 or num > 9223372036854775807 then
    return null;
  end if;
  if app.hashid_encode(num::bigint) is distinct from public_key then
    return null;
  end if;
  return num::bigint;
end;
$$;

revoke all on function app.hashid_decode(text) from public;
grant execute on function app.hashid_decode(text) to ok_api;
comment on function app.hashid_decode(text) is
'Row id behind a Hashids public key, or null for a key we never issued.';
