-- app.parse_course_time(value, course_timezone): read a date-time typed by staff.
-- ISO 8601 with an offset ('2026-12-01T23:59:59-08:00', '...Z') is taken as given;
-- a naive value ('2026-12-01 23:59') is local time in the course's timezone.
-- Called by: api.create_assignment and later date-editing functions.
-- Security: invoker. Raises: PT422 'Invalid date-time' naming the value.
create or replace function app.parse_course_time(value text, course_timezone text)
returns timestamptz
language plpgsql
stable
as $$
begin
  if value is null or btrim(value) = '' then
    raise sqlstate 'PT422' using message = 'A date-time is required';
  end if;
  if btrim(value) ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return btrim(value)::timestamptz;
  end if;
  return btrim(value)::timestamp at time zone course_timezone;
exception
  when invalid_datetime_format or datetime_field_overflow then
    raise sqlstate 'PT422' using
      message = format('Invalid date-time %L: use ISO 8601, e.g. 2026-12-01T23:59', value);
end;
$$;

revoke all on function app.parse_course_time(text, text) from public;
grant execute on function app.parse_course_time(text, text) to ok_api;
