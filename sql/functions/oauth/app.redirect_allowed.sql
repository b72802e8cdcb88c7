-- app.redirect_allowed(allowed_uris, redirect_uri): whether an OAuth client may be sent back to
-- redirect_uri: the out-of-band URI (urn:ietf:wg:oauth:2.0:oob, the code is shown on
-- /oauth/code), any loopback http URL on any port (ok-client listens on 127.0.0.1:6165, or
-- another port when that one is busy), or one of the client's registered URIs exactly.
-- Called by: api.oauth_client_info, api.oauth_authorize, api.oauth_exchange_code.
-- Security: invoker. Raises nothing.
create or replace function app.redirect_allowed(allowed_uris text[], redirect_uri text)
returns boolean
language sql
immutable
parallel safe
as $$
  select redirect_uri is not null and (
    redirect_uri = 'urn:ietf:wg:oauth:2.0:oob'
    or redirect_uri ~ '^http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?(/[^\s#]*)?$'
    or redirect_uri = any(allowed_uris)
  )
$$;

revoke all on function app.redirect_allowed(text[], text) from public;
