-- api.revoke_autograder_tokens(offering): revoke every live autograder token of the course
-- at once (app.mint_autograder_token): the autograder can no longer read the course's
-- backups or post its scores until staff send work again, which makes a new token. The
-- work it still had is given up too, so the supervision sends nothing more (and mints no
-- new token) for it. For a URL that was wrong, or a token that leaked. Answers how many
-- tokens were revoked.
-- Called by: POST /staff/<offering>/autograder-tokens/revoke (course settings).
-- Security: definer (owner: the tasks have no grant for request roles); instructors of the
-- course and admins (app.require_instructor).
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
  update app.autograder_tasks as t set status = 'gave_up', status_at = now()
  where t.course_id = course and t.status not in ('scored', 'gave_up', 'accepted');
  return revoked;
end;
$$;

revoke all on function api.revoke_autograder_tokens(text) from public;
grant execute on function api.revoke_autograder_tokens(text) to ok_user;
comment on function api.revoke_autograder_tokens(text) is
'Revoke the course''s live autograder tokens (instructors).';
