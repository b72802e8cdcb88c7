-- app.csv_field(value): one CSV field (RFC 4180): quoted when it holds a comma, quote or line
-- break, with quotes doubled; null is empty. Called by: the roster and grades exports.
-- Security: invoker. Raises nothing.
create or replace function app.csv_field(value text)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when value is null then ''
    when value ~ '[,"\r\n]' then '"' || replace(value, '"', '""') || '"'
    else value
  end
$$;

revoke all on function app.csv_field(text) from public;
grant execute on function app.csv_field(text) to ok_api;
