-- app.hashid_reorder(alphabet, salt): the "consistent shuffle" of the Hashids algorithm
-- (hashids 1.x, as okpy/ok used with min_length 6, empty salt, default alphabet).
-- Called by: app.hashid_encode, app.hashid_decode. Security: invoker. Raises nothing.
create or replace function app.hashid_reorder(alphabet text, salt text)
returns text
language plpgsql
immutable
strict
parallel safe
as $$
declare
  chars text[] := regexp_split_to_array(alphabet, '');
  salt_len integer := length(salt);
  idx integer := 0;
  total integer := 0;
  code integer;
  j integer;
  tmp text;
begin
  if salt_len = 0 then
    return alphabet;
  end if;
  for i in reverse array_length(chars, 1) - 1 .. 1 loop
    code := ascii(substr(salt, idx + 1, 1));
    total := total + code;
    j := (code + idx + total) % i;
    tmp := chars[i + 1];
    chars[i + 1] := chars[j + 1];
    chars[j + 1] := tmp;
    idx := (idx + 1) % salt_len;
  end loop;
  return array_to_string(chars, '');
end;
$$;

revoke all on function app.hashid_reorder(text, text) from public;
grant execute on function app.hashid_reorder(text, text) to ok_api;
