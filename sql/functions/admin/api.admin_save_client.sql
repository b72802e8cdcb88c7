-- api.admin_save_client(client_id, name, redirect_uris, confidential, active, rotate_secret,
-- register): register an OAuth client (register true: an id already taken is refused, so
-- the register form cannot overwrite a client), or change one (register false: the id must
-- exist); a null argument keeps the value. A new
-- confidential client, or rotate_secret, gets a fresh secret, returned once ("secret"; only
-- its SHA-256 is kept, and the old secret stops working at once); a public client has none.
-- Turning a client off stops its logins and refreshes (app.oauth_client_check).
-- Called by: the admin clients page. Security: definer (ok_owner) after app.require_admin.
-- Raises: PT401, PT403 (app.require_admin); PT422 a malformed id, no name, a redirect URI that
-- is not http(s) or urn:ietf:wg:oauth:2.0:oob; PT409 registering a taken id; PT404 changing
-- an unknown one.
-- requires: app.require_admin.sql
create or replace function api.admin_save_client(
  client_id text, name text default null, redirect_uris text[] default null, confidential boolean default null,
  active boolean default null, rotate_secret boolean default false, register boolean default false
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  existing auth.oauth_clients;
  fresh text := encode(extensions.gen_random_bytes(24), 'hex');
  saved auth.oauth_clients;
  give_secret boolean;
begin
  perform app.require_admin();
  if admin_save_client.client_id is null or admin_save_client.client_id !~ '^[A-Za-z0-9_.-]{1,40}$' then
    raise sqlstate 'PT422' using message = 'A client id is 1 to 40 letters, digits, dots, dashes or underscores';
  end if;
  if exists (select 1 from unnest(admin_save_client.redirect_uris) as r
             where r !~ '^https?://[^\s]+$' and r <> 'urn:ietf:wg:oauth:2.0:oob') then
    raise sqlstate 'PT422' using message = 'Each redirect URI is an http(s) address, or urn:ietf:wg:oauth:2.0:oob';
  end if;
  select c.* into existing from auth.oauth_clients as c where c.client_id = admin_save_client.client_id for update;
  if admin_save_client.register and existing.client_id is not null then
    raise sqlstate 'PT409' using message = format(
      'A client %s is already registered: change it in its row, or choose another id', admin_save_client.client_id);
  end if;
  if not admin_save_client.register and existing.client_id is null then
    raise sqlstate 'PT404' using message = format('No client %s', admin_save_client.client_id);
  end if;
  if existing.client_id is null then
    if coalesce(btrim(admin_save_client.name), '') = '' then
      raise sqlstate 'PT422' using message = 'A new client needs a name';
    end if;
    give_secret := coalesce(admin_save_client.confidential, true);
    insert into auth.oauth_clients (client_id, name, secret_hash, is_confidential, redirect_uris, active)
    values (admin_save_client.client_id, btrim(admin_save_client.name), encode(extensions.digest(fresh, 'sha256'), 'hex'),
            give_secret, coalesce(admin_save_client.redirect_uris, '{}'), coalesce(admin_save_client.active, true))
    returning * into saved;
  else
    give_secret := coalesce(admin_save_client.rotate_secret, false) and coalesce(admin_save_client.confidential, existing.is_confidential);
    update auth.oauth_clients as c
    set name = coalesce(nullif(btrim(admin_save_client.name), ''), c.name),
        redirect_uris = coalesce(admin_save_client.redirect_uris, c.redirect_uris),
        is_confidential = coalesce(admin_save_client.confidential, c.is_confidential),
        active = coalesce(admin_save_client.active, c.active),
        secret_hash = case when give_secret then encode(extensions.digest(fresh, 'sha256'), 'hex') else c.secret_hash end
    where c.client_id = admin_save_client.client_id
    returning * into saved;
  end if;
  return jsonb_build_object('client_id', saved.client_id, 'active', saved.active, 'is_confidential', saved.is_confidential,
                            'secret', case when give_secret then fresh end);
end;
$$;

revoke all on function api.admin_save_client(text, text, text[], boolean, boolean, boolean, boolean) from public;
grant execute on function api.admin_save_client(text, text, text[], boolean, boolean, boolean, boolean) to ok_user;
comment on function api.admin_save_client(text, text, text[], boolean, boolean, boolean, boolean) is
'Register or change an OAuth client; a new secret is returned once (site admins).';
