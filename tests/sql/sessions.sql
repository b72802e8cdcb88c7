-- Browser sessions are rows, checked on every request by auth.check_request(); sudo is an
-- impersonation session audited as the admin who acts (issue 7, points 4 and 6).
begin;
select plan(55);
select tests.fixture();
insert into app.users (email, name, is_admin) values ('admin2@x.edu', 'Second admin', true);

-- Sign-in records a session; its claims carry the session's jti.
select tests.sign_in('s1@a.edu');
select ok(auth.claims() ->> 'jti' is not null, 'session claims carry a jti');
select is((select count(*)::int from auth.sessions where user_id = tests.user_id('s1@a.edu') and revoked_at is null),
  1, 'a sign-in is a session row');
select lives_ok($$ select auth.check_request() $$, 'a live session passes the pre-request check');
select ok((select expires_at between now() + interval '13 days' and now() + interval '15 days' from auth.sessions
  where id = auth.session_id()), 'sessions last 14 days by default');
select tests.act_as_role('ok_auth');
select throws_ok($$ select api.login('s1@a.edu', null, 60) $$, 'PT422', null, 'a session lasts at least 5 minutes');
select throws_ok($$ select api.login('s1@a.edu', null, 7776001) $$, 'PT422', null, 'and at most 90 days');

-- The attack: a copied cookie (the same claims) after sign-out.
select tests.sign_in('s1@a.edu');
select set_config('tests.s1_cookie', current_setting('request.jwt.claims'), true);
select ok(api.logout(), 'sign-out revokes the session');
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended',
  'the signed-out session''s claims are refused (a copied cookie no longer works)');
select ok(not api.logout(), 'signing out twice revokes nothing more');

-- Claims that name a user need a jti; the anonymous role and service claims do not.
select tests.act_as('s1@a.edu');
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token has no jti',
  'user claims without a jti (what a session was before) are refused');
select tests.act_as('admin@x.edu');
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token has no jti',
  'admin claims without a jti are refused');
select set_config('request.jwt.claims', jsonb_build_object('role', 'ok_user', 'sub', tests.user_id('s1@a.edu')::text,
  'jti', extensions.gen_random_uuid())::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'an unknown jti is refused');
select set_config('request.jwt.claims', '{"role": "ok_user", "sub": "1", "jti": "not-a-uuid"}', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'a malformed jti is refused');
select tests.act_as_anon();
select lives_ok($$ select auth.check_request() $$, 'anonymous requests need no jti');
select set_config('request.jwt.claims', '{"role": "ok_anon", "sub": "1"}', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token has no jti', 'a sub under the anonymous role needs one');
select tests.act_as_role('ok_auth');
select set_config('request.jwt.claims', '{"role": "ok_auth", "actor": "login"}', true);
select lives_ok($$ select auth.check_request() $$, 'the web app''s sign-in steps (service claims) need no jti');
select tests.act_as_role('ok_admin');
select set_config('request.jwt.claims', '{"role": "ok_admin", "actor": "okadmin"}', true);
select lives_ok($$ select auth.check_request() $$, 'nor does okadmin');
select set_config('request.jwt.claims', '{"role": "ok_admin"}', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token has no jti', 'service claims say who acts');

-- Claims are checked against the row: user, expiry, and the admin flag as it is now.
select tests.sign_in('s1@a.edu');
select set_config('request.jwt.claims', (auth.claims() || jsonb_build_object('sub', tests.user_id('s2@a.edu')::text))::text,
  true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'a session''s jti under another sub');
select tests.sign_in('s1@a.edu');
reset role;
update auth.sessions set expires_at = now() - interval '1 second' where jti = (auth.claims() ->> 'jti')::uuid;
select set_config('role', 'ok_user', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'an expired session is refused');
select tests.sign_in('s1@a.edu');
select set_config('request.jwt.claims', (auth.claims() || '{"role": "ok_admin"}')::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended',
  'a session cannot claim the admin role the user does not have');

select tests.sign_in('admin2@x.edu');
select set_config('tests.admin2_cookie', current_setting('request.jwt.claims'), true);
select set_config('tests.admin2_token', (api.issue_token('admin2@x.edu') -> 'claims')::text, true);
select lives_ok($$ select auth.check_request() $$, 'an admin''s session passes');
reset role;
update app.users set is_admin = false where email = 'admin2@x.edu';
select set_config('role', 'ok_admin', true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended',
  'an admin demoted in the database loses the admin session on the next request');
select set_config('request.jwt.claims', current_setting('tests.admin2_token'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked',
  'and the admin access tokens minted before the demotion');
select tests.sign_in('admin2@x.edu');
select is(auth.claims() ->> 'role', 'ok_user', 'signing in again gives the role the user has now');
select lives_ok($$ select auth.check_request() $$, 'and that session passes');

-- Last seen: recorded by read-write requests.
reset role;
update auth.sessions set last_seen_at = now() - interval '1 hour' where jti = (auth.claims() ->> 'jti')::uuid;
select set_config('role', 'ok_user', true);
select auth.check_request();
select is((select last_seen_at from auth.sessions where id = auth.session_id()), now(),
  'a read-write request records when the session was last seen');

-- The devices page: own live sessions, revoke one, never someone else's, never revive one.
select tests.sign_in('s2@a.edu');
select set_config('tests.s2_session', auth.session_id()::text, true);
select tests.sign_in('s1@a.edu');
select set_config('tests.s1_phone', current_setting('request.jwt.claims'), true);
select set_config('tests.s1_phone_id', auth.session_id()::text, true);
select tests.sign_in('s1@a.edu');
select is((select count(*)::int from api.my_sessions), 5, 'a user sees their own live sessions');
select is((select count(*)::int from api.my_sessions where current), 1, 'and which one is this browser');
select throws_ok(format('select api.revoke_my_session(%s)', current_setting('tests.s2_session')), 'PT404', null,
  'nobody signs out another user''s session');
select throws_ok($$ select jti from auth.sessions $$, '42501', null, 'nor reads a session''s jti');
select lives_ok(format('select api.revoke_my_session(%s)', current_setting('tests.s1_phone_id')),
  'a user signs out one of their sessions');
select throws_ok(format('update auth.sessions set revoked_at = null where id = %s', current_setting('tests.s1_phone_id')),
  '42501', null, 'but cannot bring it back');
select set_config('tests.s1_current', current_setting('request.jwt.claims'), true);
select set_config('request.jwt.claims', current_setting('tests.s1_phone'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'the revoked session is refused');

-- Sign out everywhere: every session and token of the user.
select tests.act_as('admin@x.edu');
select set_config('tests.s1_token', (api.issue_token('s1@a.edu') -> 'claims')::text, true);
select tests.act_as('s1@a.edu');
select set_config('request.jwt.claims', current_setting('tests.s1_current'), true);
select is(api.sign_out_everywhere(), 5, 'sign out everywhere revokes the user''s live sessions and tokens');
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'this browser is signed out');
select set_config('request.jwt.claims', current_setting('tests.s1_token'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Token revoked', 'and so is ok-client');

-- Sudo: an impersonation session whose audit rows name the admin as the real actor.
select tests.sign_in('admin@x.edu');
select set_config('tests.admin_cookie', current_setting('request.jwt.claims'), true);
select set_config('tests.sudo', api.sudo('ta@a.edu')::text, true);
select is(current_setting('tests.sudo')::jsonb ->> 'sudo_by', tests.user_id('admin@x.edu')::text,
  'the impersonation session''s claims name the admin');
select tests.act_as('ta@a.edu');
select set_config('request.jwt.claims', current_setting('tests.sudo'), true);
select lives_ok($$ select auth.check_request() $$, 'the impersonation session passes');
select api.grant_extension('cal/cs61a/fa26/hw01', 's2@a.edu', '2099-01-01');
reset role;
select results_eq(
  $$ select actor_id, actor, real_actor_id from app.audit_log where table_name = 'extensions' $$,
  $$ values (tests.user_id('ta@a.edu'), 'ta@a.edu'::text, tests.user_id('admin@x.edu')) $$,
  'an action under sudo is audited as the impersonated user and the admin who really acted');
select is((select count(*)::int from app.audit_log where real_actor_id is not null and table_name <> 'extensions'), 0,
  'nothing else was done under sudo');
select set_config('role', 'ok_user', true);
select set_config('request.jwt.claims', (current_setting('tests.sudo')::jsonb
  || jsonb_build_object('sudo_by', tests.user_id('admin2@x.edu')::text))::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'claims cannot name another admin');
select set_config('request.jwt.claims', (current_setting('tests.sudo')::jsonb - 'sudo_by')::text, true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'nor hide the admin');
select set_config('request.jwt.claims', current_setting('tests.sudo'), true);
select throws_ok($$ select api.sudo('s1@a.edu') $$, '42501', null, 'the impersonated TA cannot sudo');
select throws_ok($$ select api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob') $$, 'PT403', 'access_denied',
  'nor get an OAuth code: a token would act as the TA with no trace of the admin');

-- Leaving sudo returns to the admin's own session; the impersonation session ends.
select is(api.stop_sudo(), current_setting('tests.admin_cookie')::jsonb,
  'stopping returns the admin''s own session claims');
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'the impersonation session is over');
reset role;
select ok(exists (select 1 from app.audit_log where action = 'sudo_end' and actor_id = tests.user_id('admin@x.edu')
  and row_key ->> 'id' = tests.user_id('ta@a.edu')::text and after ->> 'acting_as' = 'ta@a.edu'), 'leaving is audited');
select tests.act_as('admin@x.edu');
select set_config('request.jwt.claims', current_setting('tests.admin_cookie'), true);
select lives_ok($$ select auth.check_request() $$, 'the admin''s own session lives on');
select throws_ok($$ select api.stop_sudo() $$, 'PT409', null, 'an admin who is not acting as anyone has nothing to stop');

-- The admin behind an impersonation session is re-checked too.
select set_config('tests.sudo', api.sudo('s1@a.edu')::text, true);
reset role;
update app.users set is_admin = false where email = 'admin@x.edu';
select tests.act_as('s1@a.edu');
select set_config('request.jwt.claims', current_setting('tests.sudo'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended',
  'an admin demoted while acting as someone loses that session on the next request');
select is(api.stop_sudo(), null, 'leaving sudo gives nothing back to a demoted admin');
reset role;
select is((select revoked_at is not null from auth.sessions
  where jti = (current_setting('tests.admin_cookie')::jsonb ->> 'jti')::uuid), true, 'whose own session is revoked');
reset role;
update app.users set is_admin = true where email = 'admin@x.edu';

-- Signing out while acting as someone signs the browser out, the admin's session too.
select tests.sign_in('admin@x.edu');
select set_config('tests.admin_cookie', current_setting('request.jwt.claims'), true);
select set_config('tests.sudo', api.sudo('s2@a.edu')::text, true);
select tests.act_as('s2@a.edu');
select set_config('request.jwt.claims', current_setting('tests.sudo'), true);
select ok(api.logout(), 'sign-out under sudo');
select set_config('request.jwt.claims', current_setting('tests.admin_cookie'), true);
select throws_ok($$ select auth.check_request() $$, 'PT401', 'Session ended', 'ends the admin''s session behind it');

select * from finish();
rollback;
