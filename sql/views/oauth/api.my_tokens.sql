-- api.my_tokens: the signed-in user's OAuth tokens (one per device or script that logged in),
-- newest first, without any secret: client, scopes, when made and last refreshed, expiry.
-- Read by: the "Signed-in devices" page. Security: invoker (RLS: a user's own tokens).
create view api.my_tokens
with (security_invoker = true)
as
select
  t.id,
  t.client_id,
  t.scopes,
  t.created_at,
  t.last_refreshed_at,
  t.refresh_expires_at,
  t.revoked_at,
  t.revoked_at is null and t.refresh_expires_at > now() as live
from auth.oauth_tokens as t
where t.user_id = (select auth.user_id())
order by t.created_at desc;

grant select on api.my_tokens to ok_user;
comment on view api.my_tokens is 'The signed-in user''s tokens (no secrets).';
