-- v3.reply(status, data, message): the OK envelope {code, message, data} for /api/v3,
-- and response.status set to the same code (PostgREST and the shim send it as the HTTP status).
-- Errors that carry extra data nest it, as okpy/ok did: pass data => {"data": {...}}.
-- With ?envelope=false (passed on as the x-ok-envelope header) the bare payload is returned.
-- Called by: every api.v3_* function. Security: invoker. Raises nothing.
-- requires: v3.header.sql
create or replace function v3.reply(status integer, data jsonb default '{}', message text default 'success')
returns jsonb
language plpgsql
volatile
as $$
begin
  perform set_config('response.status', status::text, true);
  if lower(v3.header('x-ok-envelope')) = 'false' then
    return coalesce(data, '{}'::jsonb);
  end if;
  return jsonb_build_object('code', status, 'message', message, 'data', coalesce(data, '{}'::jsonb));
end;
$$;

revoke all on function v3.reply(integer, jsonb, text) from public;
grant execute on function v3.reply(integer, jsonb, text) to ok_api;
