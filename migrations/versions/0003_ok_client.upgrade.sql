insert into auth.oauth_clients
(
  client_id, name, description, secret_hash, is_confidential, redirect_uris,
  default_scopes, active
)
values (
  'ok-client', 'OK Client', 'The ok command-line client (PyPI okpy)',
  encode(extensions.digest('EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', 'sha256'), 'hex'),
  true, array['urn:ietf:wg:oauth:2.0:oob'], array['all', 'email'], true
)
on conflict (client_id) do nothing;
