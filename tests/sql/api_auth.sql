-- Sign-in, OAuth provider, token and page functions under each role: allowed and refused.
begin;
select plan(41);
select tests.fixture();

-- api.login: only the web app's sign-in role may call it.
select tests.act_as_anon();
select throws_ok($$ select api.login('s1@a.edu') $$, '42501', null, 'anonymous callers cannot sign anyone in');
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.login('admin@x.edu') $$, '42501', null, 'a student cannot sign in as someone else');
select tests.act_as_role('ok_auth');
select is((api.login('S1@A.EDU')) ->> 'email', 's1@a.edu', 'sign-in matches the email whatever its case');
select is((api.login('admin@x.edu')) ->> 'role', 'ok_admin', 'site admins sign in with the admin role');
select ok((api.login('newcomer@a.edu', 'New Comer')) ->> 'sub' is not null, 'a first sign-in creates the user');
select throws_ok($$ select api.login('nope') $$, 'PT422', null, 'a malformed email is refused');

-- api.oauth_authorize: the signed-in user gets a code for an active client and an allowed redirect.
select tests.act_as_anon();
select throws_ok($$ select api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob') $$, '42501', null,
  'anonymous callers get no code');
select tests.act_as('s1@a.edu');
select ok(length(api.oauth_authorize('ok-client', 'http://127.0.0.1:6165/')) > 20, 'a loopback redirect on any port');
select ok(length(api.oauth_authorize('ok-client', 'http://localhost:40000/cb', 'email')) > 20,
  'localhost and the email scope');
select throws_ok($$ select api.oauth_authorize('ok-client', 'https://evil.example/cb') $$, 'PT400',
  'invalid_redirect_uri', 'a foreign redirect is refused');
select throws_ok($$ select api.oauth_authorize('no-such-client', 'urn:ietf:wg:oauth:2.0:oob') $$, 'PT400',
  'invalid_client', 'an unknown client is refused');
select throws_ok($$ select api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob', 'root') $$, 'PT400',
  'invalid_scope', 'an unknown scope is refused');

-- api.oauth_exchange_code / oauth_refresh / oauth_revoke, as the web app's sign-in role.
select set_config('tests.code', api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob'), true);
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.oauth_exchange_code('ok-client', 'x', 'y', 'z') $$, '42501', null,
  'users cannot call the token exchange directly');
select tests.act_as_role('ok_auth');
select is((api.oauth_exchange_code('ok-client', 'wrong-secret', current_setting('tests.code'),
  'urn:ietf:wg:oauth:2.0:oob')) ->> 'error', 'invalid_client', 'a wrong client secret');
select is((api.oauth_exchange_code('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', current_setting('tests.code'),
  'http://127.0.0.1:6165/')) ->> 'error', 'invalid_grant', 'a redirect URI other than the code''s (the code is spent)');
select tests.act_as('s1@a.edu');
select set_config('tests.code', api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob'), true);
select tests.act_as_role('ok_auth');
select set_config('tests.pair', api.oauth_exchange_code('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H',
  current_setting('tests.code'), 'urn:ietf:wg:oauth:2.0:oob')::text, true);
select is(current_setting('tests.pair')::jsonb -> 'claims' ->> 'email', 's1@a.edu', 'a code becomes a token pair');
select is((api.oauth_exchange_code('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', current_setting('tests.code'),
  'urn:ietf:wg:oauth:2.0:oob')) ->> 'error', 'invalid_grant', 'a code works once');
select isnt(
  (api.oauth_refresh('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H',
    current_setting('tests.pair')::jsonb ->> 'refresh_token')) -> 'claims' ->> 'jti',
  current_setting('tests.pair')::jsonb -> 'claims' ->> 'jti', 'a refresh gives a new access token');
select is(
  (api.oauth_refresh('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H',
    current_setting('tests.pair')::jsonb ->> 'refresh_token')) ->> 'refresh_token',
  current_setting('tests.pair')::jsonb ->> 'refresh_token', 'the refresh token stays valid after use');
select is((api.oauth_refresh('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', 'forged')) ->> 'error',
  'invalid_grant', 'an unknown refresh token');
select ok(api.oauth_revoke('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H',
  current_setting('tests.pair')::jsonb ->> 'refresh_token'), 'the client revokes the pair');
select is((api.oauth_refresh('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H',
  current_setting('tests.pair')::jsonb ->> 'refresh_token')) ->> 'error', 'invalid_grant',
  'a revoked refresh token no longer works');
select ok(not api.oauth_revoke('ok-client', 'wrong', 'x'), 'revocation needs the client''s secret');

-- Own tokens: list and revoke; never someone else's.
select tests.act_as('admin@x.edu');
select set_config('tests.other_token', (api.issue_token('s2@a.edu') -> 'claims' ->> 'jti'), true);
select set_config('tests.other_token', (select t.id::text from auth.oauth_tokens as t
  where t.jti = current_setting('tests.other_token')::uuid), true);
select tests.act_as('s1@a.edu');
select is((select count(*)::int from api.my_tokens), 1, 'a user sees only their own tokens');
select throws_ok(
  format('select api.revoke_my_token(%s)', current_setting('tests.other_token')),
  'PT404', null, 'nobody revokes another user''s token');

-- api.sudo: site admins only, audited.
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.sudo('s1@a.edu') $$, '42501', null, 'staff cannot act as students');
select tests.act_as('admin@x.edu');
select throws_ok($$ select api.sudo('s1@a.edu') $$, 'PT403', null,
  'acting as someone starts from a browser session (not okadmin, not an access token)');
select tests.sign_in('admin@x.edu');
select is((api.sudo('s1@a.edu')) ->> 'email', 's1@a.edu', 'an admin acts as a student');
select throws_ok($$ select api.sudo('ghost@a.edu') $$, 'PT404', null, 'an unknown user');
select ok(exists (select 1 from app.audit_log where action = 'sudo' and actor = 'admin@x.edu'
  and after ->> 'acting_as' = 's1@a.edu'), 'acting as someone is written to the audit log');

-- api.rotate_export_token: instructors of the course and admins.
select tests.act_as('ta@a.edu');
select throws_ok($$ select api.rotate_export_token('cal/cs61a/fa26') $$, 'PT403', null, 'a TA cannot');
select tests.act_as('instructor@a.edu');
select ok(length(api.rotate_export_token('cal/cs61a/fa26')) = 48, 'an instructor gets a new token, once');

-- Pages: the assignment page and a backup page, through RLS.
select tests.act_as('s1@a.edu');
select is(jsonb_array_length((api.assignment_page('cal/cs61a/fa26/hw01')) -> 'backups'), 2,
  'a student''s assignment page lists their own backups');
select is(api.assignment_page('cal/cs61a/fa26/secret'), null, 'a hidden assignment has no page for students');
select is(
  api.backup_page('cal/cs61a/fa26/hw01', (select tests.hashid(b.id) from app.backups as b
    inner join app.users as u on b.submitter_id = u.id where u.email = 's2@a.edu' limit 1)),
  null, 'another student''s backup page is not found');

-- The email outbox: the worker role only.
reset role;
insert into app.email_outbox (to_address, subject, body_text) values ('s1@a.edu', 'Hello', 'Hi');
select tests.act_as('admin@x.edu');
select throws_ok($$ select api.outbox_claim() $$, '42501', null, 'not even admins claim mail');
select tests.act_as_role('ok_worker');
select is(jsonb_array_length(api.outbox_claim(10)), 1, 'the worker claims queued mail');
select is(api.outbox_finish((select id from app.email_outbox limit 1), null), 'sent', 'and records it sent');
select throws_ok($$ select api.outbox_claim(0) $$, 'PT422', null, 'a batch size must be 1..500');
-- a message whose worker died while sending is taken again, but not after the fifth attempt
reset role;
insert into app.email_outbox (to_address, subject, body_text, status, claimed_at, attempts)
values ('s2@a.edu', 'Again', 'Hi', 'sending', now() - interval '11 minutes', 4),
       ('s3@a.edu', 'Never', 'Hi', 'sending', now() - interval '11 minutes', 5);
select tests.act_as_role('ok_worker');
select is((select jsonb_agg(m ->> 'to_address') from jsonb_array_elements(api.outbox_claim(10)) as m),
  '["s2@a.edu"]', 'a stale message is taken again before its fifth attempt');
reset role;
select results_eq($$ select status::text, last_error from app.email_outbox where to_address = 's3@a.edu' $$,
  $$ values ('failed', 'Gave up after 5 attempts: the worker stopped while sending it') $$,
  'and marked failed after it, so a message that kills its worker cannot loop forever');

select * from finish();
rollback;
