-- app.course_time_text(ts, timezone): how a time reads inside text the database writes for a
-- person (reasons, messages): the instant in the course's IANA time zone with that zone's
-- abbreviation at that instant, the same shape the pages use:
-- 'Fri Nov 27, 2:17 PM PST' (and 'Sat Jun 27, 2:17 PM PDT' in summer). Null in, null out.
-- to_char(ts at time zone tz, '... TZ') cannot do this (the value is then a timestamp without
-- zone, and TZ prints nothing), so the zone is set for this call only: the function's own
-- `set timezone` clause makes the set_config below end with the call (the caller's TimeZone
-- is restored on return).
-- Called by: app.unit_finals (the reason of a flagged submission); every SQL text that
-- shows a time. Security: invoker. Raises: invalid_parameter_value for an unknown time zone
-- (courses' zones are checked when set, so this does not happen for a course's zone).
create or replace function app.course_time_text(ts timestamptz, timezone text)
returns text
language plpgsql
stable
set timezone = 'UTC'
as $$
begin
  if ts is null or timezone is null then
    return null;
  end if;
  perform pg_catalog.set_config('TimeZone', timezone, true);
  return pg_catalog.to_char(ts, 'Dy Mon FMDD, FMHH12:MI AM TZ');
end;
$$;

revoke all on function app.course_time_text(timestamptz, text) from public;
grant execute on function app.course_time_text(timestamptz, text) to ok_api;
