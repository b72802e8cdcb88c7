-- api.revoke_autograder_tokens(offering): revoke every live autograder token of the course
-- at once (app.mint_autograder_token): the autograder can no longer read the course's
-- backups or post its scores until staff send work again, which makes a new token. For a
-- URL that was wrong, or a token that leaked. Answers how many were revoked.
-- Called by: POST /staff/<offering>/autograder-tokens/revoke (course settings).
-- Security: definer as ok_api (the caller's RLS: oauth_tokens_course_revoke, staff of the
-- course); instructors of the course and admins (app.require_instructor).
-- Raises: PT401, PT403, PT404 (app.require_instructor).
-- requires: app.require_instructor.sql
create or replace function api.revoke_autograder_tokens(offering text)
returns integer
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  course bigint := app.require_instructor(revoke_autograder_tokens.offering, 'revoke the autograder''s tokens');
  revoked integer;
begin
  update auth.oauth_tokens as t
  set revoked_at = now()
  where t.course_id = course and t.revoked_at is null and t.access_expires_at > now();
  get diagnostics revoked = row_count;
  return revoked;
end;
$$;

revoke all on function api.revoke_autograder_tokens(text) from public;
alter function api.revoke_autograder_tokens(text) owner to ok_api;
grant execute on function api.revoke_autograder_tokens(text) to ok_user;
comment on function api.revoke_autograder_tokens(text) is
'Revoke the course''s live autograder tokens (instructors).';
