-- app.mint_autograder_token(course_id, user_id): a token for the course's autograder, made
-- for the staff member whose work it does: scope 'autograder', bound to the course (claim
-- "course"), never an admin's role, valid 2 hours (okpy/ok's autograder token lived as
-- long). auth.check_request lets it call only GET /api/v3/backups/<id>/ and POST
-- /api/v3/score/; auth.course_ids limits it to its course, and it stops working when
-- revoked (api.revoke_autograder_tokens) or when its user is no longer staff there.
-- Returns the claims, which the worker signs (web/tokens.py) and sends; only the token's
-- jti is stored, with a random refresh hash that no one holds (it cannot be refreshed).
-- Called by: app.autograder_plans. Security: definer (inserts into auth.oauth_tokens).
-- Raises nothing.
-- requires: app.token_claims.sql
create or replace function app.mint_autograder_token(course_id bigint, user_id bigint)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  holder app.users;
  issued auth.oauth_tokens;
begin
  select u.* into holder from app.users as u where u.id = mint_autograder_token.user_id;
  insert into auth.oauth_tokens
    (client_id, user_id, scopes, course_id, refresh_token_hash, access_expires_at, refresh_expires_at)
  values (
    'course-autograder', holder.id, '{autograder}', mint_autograder_token.course_id,
    encode(extensions.digest(extensions.gen_random_bytes(32), 'sha256'), 'hex'),
    now() + interval '2 hours', now() + interval '2 hours'
  )
  returning * into issued;
  return app.token_claims(holder.id, holder.email::text, false, issued.scopes, issued.jti, issued.access_expires_at)
    || jsonb_build_object('course', issued.course_id::text);
end;
$$;

revoke all on function app.mint_autograder_token(bigint, bigint) from public;
