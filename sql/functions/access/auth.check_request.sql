-- auth.check_request(): PostgREST's db-pre-request hook (and the Flask shim's, so every page
-- request too). Runs after the role and claims are set and before the main query, and
-- decides whether the request's credential is still good, from the database, every time:
--
-- * No jti: only the anonymous role, or service claims that name no user (no sub) and say
--   who acts (an "actor" claim: the web app's sign-in steps as ok_auth, the worker,
--   okadmin). The server builds those itself and never signs them into a token. Claims
--   that name a user without a jti are refused: every browser session and access token
--   we issue carries one.
-- * A jti of a browser session (auth.sessions, made by api.login and api.sudo): refused
--   when revoked (sign-out, sign out everywhere, a device revoked) or expired; when its
--   sub or sudo_by claim differs from the row; when the claims say ok_admin and the user
--   is no longer a site admin (demotion takes effect on the next request: sign in again
--   for a session with the role you have now); for an impersonation session, when the
--   admin behind it is no longer an admin or their own session has ended. In read-write
--   requests it records last_seen_at (at most once a minute; never waits for a lock).
-- * A jti of an OAuth access token (auth.oauth_tokens): refused when revoked or unknown,
--   when its sub differs, or when it says ok_admin for a user who is no longer an admin.
--   An autograder token (scope `autograder`, bound to a course) must carry exactly its
--   scope and course and the role ok_user, and may reach only the two endpoints the
--   autograder uses, GET /api/v3/backups/<id>/ and POST /api/v3/score/ (PostgREST's
--   /rpc/v3_backup_get and /rpc/v3_score_post; request.path); any other token must not
--   claim a course.
-- Course roles need no check here: policies read enrollments on every statement.
-- Security: definer (reads sessions, tokens and users whatever the caller may see).
-- Raises: PT401 'Token has no jti', 'Session ended', 'Token revoked' (with a detail);
-- PT403 'An autograder token only reads backups and posts scores'.
create or replace function auth.check_request()
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  claims jsonb := auth.claims();
  claimed_jti text := claims ->> 'jti';
  claimed_role text := coalesce(claims ->> 'role', 'ok_anon');
  claimed_sub text := claims ->> 'sub';
  claimed_sudo_by text := claims ->> 'sudo_by';
  seen record;
begin
  if claimed_jti is null then
    if claimed_sub is null and claimed_sudo_by is null
       and (claimed_role = 'ok_anon'
            or (claimed_role in ('ok_auth', 'ok_worker', 'ok_admin') and claims ? 'actor')) then
      return;
    end if;
    raise sqlstate 'PT401' using message = 'Token has no jti',
      detail = 'Every user token and browser session is identified by a jti; sign in again.';
  end if;
  if claimed_jti !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or claimed_sub is null or claimed_role not in ('ok_user', 'ok_admin') then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The token is not one this server issued.';
  end if;

  select
    s.id,
    s.user_id,
    s.sudo_by,
    s.revoked_at is null and s.expires_at > now() as live,
    s.last_seen_at,
    u.is_admin,
    p.revoked_at is null and p.expires_at > now() as parent_live,
    a.is_admin as sudoer_is_admin
  into seen
  from auth.sessions as s
  inner join app.users as u on s.user_id = u.id
  left join auth.sessions as p on s.parent_id = p.id
  left join app.users as a on s.sudo_by = a.id
  where s.jti = claimed_jti::uuid;
  if found then
    if not seen.live then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'This session was signed out, revoked or has expired; sign in again.';
    end if;
    if seen.user_id::text <> claimed_sub or seen.sudo_by::text is distinct from claimed_sudo_by then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'The session''s claims do not match the session; sign in again.';
    end if;
    if claimed_role = 'ok_admin' and not seen.is_admin then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'You are no longer a site administrator; sign in again.';
    end if;
    if seen.sudo_by is not null and not (coalesce(seen.parent_live, false) and coalesce(seen.sudoer_is_admin, false)) then
      raise sqlstate 'PT401' using message = 'Session ended',
        detail = 'The administrator acting as this user has signed out or is no longer an administrator.';
    end if;
    if seen.last_seen_at < now() - interval '1 minute' and current_setting('transaction_read_only') = 'off' then
      update auth.sessions as s
      set last_seen_at = now()
      where s.id in (select l.id from auth.sessions as l where l.id = seen.id for update skip locked);
    end if;
    return;
  end if;

  select t.user_id, u.is_admin, t.course_id
  into seen
  from auth.oauth_tokens as t
  inner join app.users as u on t.user_id = u.id
  where t.jti = claimed_jti::uuid
    and t.revoked_at is null;
  if not found or seen.user_id::text <> claimed_sub or claimed_sudo_by is not null
     or seen.course_id::text is distinct from claims ->> 'course'
     or (seen.course_id is not null and (claims ->> 'scope' is distinct from 'autograder' or claimed_role <> 'ok_user')) then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The access token was revoked or is unknown.';
  end if;
  if seen.course_id is not null and coalesce(current_setting('request.path', true), '')
     !~ '^/(rpc/v3_backup_get|rpc/v3_score_post|api/v3/backups/[A-Za-z0-9]+/?|api/v3/score/?)$' then
    raise sqlstate 'PT403' using message = 'An autograder token only reads backups and posts scores',
      detail = 'It was made for the course''s autograder: GET /api/v3/backups/<id>/ and POST /api/v3/score/.';
  end if;
  if claimed_role = 'ok_admin' and not seen.is_admin then
    raise sqlstate 'PT401' using message = 'Token revoked',
      detail = 'The token was issued to a site administrator who no longer is one; sign in again.';
  end if;
end;
$$;

revoke all on function auth.check_request() from public;
grant execute on function auth.check_request() to ok_anon, ok_user, ok_worker, ok_auth;
comment on function auth.check_request() is
'db-pre-request hook: refuses jti-less user claims, ended or revoked sessions and tokens, and lost admin roles (PT401).';
