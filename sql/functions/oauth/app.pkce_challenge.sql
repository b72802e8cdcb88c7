-- app.pkce_challenge(code_verifier): the RFC 7636 S256 challenge of a verifier,
-- BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) without padding; null when the verifier is not
-- 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 section 4.1), so it can match no challenge.
-- Called by: api.oauth_exchange_code. Security: invoker. Raises nothing.
create or replace function app.pkce_challenge(code_verifier text)
returns text
language sql
immutable
parallel safe
as $$
  select case
    when code_verifier ~ '^[A-Za-z0-9._~-]{43,128}$'
      then rtrim(translate(encode(extensions.digest(code_verifier, 'sha256'), 'base64'), '+/', '-_'), '=')
  end
$$;

revoke all on function app.pkce_challenge(text) from public;
