-- app.queued_ms(request_start): how long an upload waited between the front door receiving it
-- and now, in milliseconds, from the X-Request-Start header nginx sets (and the app's own
-- server, web/live.py, when no nginx is in front): "t=<seconds since the epoch>" with up to
-- microseconds. Null when the header is missing or malformed, or the time is more than an
-- hour away (a clock that is wrong says nothing); at least 0 (clocks a few ms apart).
-- Called by: api.v3_backups_post (app.backups.queued_ms, the deadline board's intake latency).
-- Security: invoker, volatile (reads the clock). Granted to ok_api. Raises nothing.
create or replace function app.queued_ms(request_start text)
returns integer
language sql
volatile
as $$
  select greatest(0, round((extract(epoch from clock_timestamp()) - s.seconds) * 1000))::integer
  from (
    select substring(queued_ms.request_start from '^t=([0-9]{9,11}(?:\.[0-9]{1,6})?)$')::numeric as seconds
  ) as s
  where abs(extract(epoch from clock_timestamp()) - s.seconds) < 3600
$$;

revoke all on function app.queued_ms(text) from public;
grant execute on function app.queued_ms(text) to ok_api;
comment on function app.queued_ms(text) is
'Milliseconds since the front door received the request (X-Request-Start), or null.';
