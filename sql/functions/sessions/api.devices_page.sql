-- api.devices_page(): everything the "Signed-in devices" page shows, in one call:
--   {"sessions": [api.my_sessions rows, newest first: the caller's browser sessions],
--    "tokens": [api.my_tokens rows, newest first: the caller's ok-client and personal tokens]}
-- Called by: the student settings page /settings/tokens. Security: invoker (both views are
-- the caller's own rows under row-level security). Raises nothing.
-- requires: api.my_sessions.sql, api.my_tokens.sql
create or replace function api.devices_page()
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'sessions', coalesce((select jsonb_agg(to_jsonb(s) order by s.created_at desc) from api.my_sessions as s), '[]'),
    'tokens', coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at desc) from api.my_tokens as t), '[]')
  )
$$;

revoke all on function api.devices_page() from public;
grant execute on function api.devices_page() to ok_user;
comment on function api.devices_page() is
'The caller''s signed-in browsers and devices (sessions and tokens), for the devices page.';
