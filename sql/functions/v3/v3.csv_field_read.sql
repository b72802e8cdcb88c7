-- v3.csv_field_read(value): a text field of a CSV this server wrote, read back: undoes
-- v3.csv_field's formula guard (one leading single quote before =, +, -, @, a tab or a
-- carriage return), so a downloaded roster imports as no change. Any other value is kept
-- as given, a leading quote included. (Quoting and line breaks are the CSV reader's part.)
-- Called by: api.roster_import (every text cell of an uploaded roster). Security: invoker.
-- Raises nothing.
create or replace function v3.csv_field_read(value text)
returns text
language sql
immutable
parallel safe
as $$
  select case when value ~ '^''[-=+@\t\r]' then substr(value, 2) else value end
$$;

revoke all on function v3.csv_field_read(text) from public;
grant execute on function v3.csv_field_read(text) to ok_api;
