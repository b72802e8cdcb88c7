-- api.my_sessions: the signed-in user's live browser sessions (one per browser that signed
-- in, plus any session in which a site admin acts as them), newest first, without the jti:
-- user agent, when signed in, last seen (last change made), expiry, and which is this one.
-- Read by: the "Signed-in devices" page. Security: invoker (RLS: a user's own sessions).
create view api.my_sessions
with (security_invoker = true)
as
select
  s.id,
  s.user_agent,
  s.created_at,
  s.last_seen_at,
  s.expires_at,
  s.sudo_by is not null as by_administrator,
  s.id = (select auth.session_id()) as current
from auth.sessions as s
where
  s.user_id = (select auth.user_id())
  and s.revoked_at is null
  and s.expires_at > now()
order by s.created_at desc;

grant select on api.my_sessions to ok_user;
comment on view api.my_sessions is 'The signed-in user''s live browser sessions (no secrets).';
