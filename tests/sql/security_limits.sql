-- Input limits and safe outputs in SQL (issue 7): message kinds per backup (a setting), nesting
-- of messages, finite scores (function and constraint), CSV formula injection, PKCE (S256) in
-- the OAuth code flow, and the out-of-band code page's ownership check.
begin;
select plan(41);
select tests.fixture();
select set_config('t.s1', (select app.hashid_encode(b.id) from app.backups b
  where b.submitter_id = tests.user_id('s1@a.edu') and b.submit), true);

-- Message kinds: at most okv3.backup_max_message_kinds (default 50), checked by the intake
-- function itself, so PostgREST callers are held to it too.
select tests.act_as('s1@a.edu');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  (select jsonb_object_agg('kind' || n, n) from generate_series(1, 51) as n))) ->> 'code', '400',
  '51 message kinds are refused by default');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  (select jsonb_object_agg('kind' || n, n) from generate_series(1, 50) as n))) ->> 'code', '200', '50 are stored');
select set_config('okv3.backup_max_message_kinds', '3', true);
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"a": 1, "b": 2, "c": 3, "d": 4}')) ->> 'message',
  'Invalid argument: at most 3 message kinds per backup', 'the limit is a setting');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"a": 1, "b": 2, "c": 3}')) ->> 'code', '200',
  'three kinds under a limit of three');
select set_config('okv3.backup_max_message_kinds', '', true);

-- Nesting: nothing 64 levels below messages.
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 63) || repeat(']', 63) || '}')::jsonb)) ->> 'code', '200', '63 nested arrays are kept');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 64) || repeat(']', 64) || '}')::jsonb)) ->> 'message',
  'Invalid argument: messages may not nest 64 or more levels deep', '64 are refused');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01',
  ('{"a": ' || repeat('[', 5000) || repeat(']', 5000) || '}')::jsonb)) ->> 'code', '400', 'and 5,000');
reset role;
select is((select count(*)::int from app.backups where submitter_id = tests.user_id('s1@a.edu')), 2 + 3,
  'refused backups store nothing');

-- Scores: finite, within +/-1e15, refused by the function (400) and by the table.
select tests.act_as('ta@a.edu');
select is((api.v3_score_post(current_setting('t.s1'), 'total', 'Infinity', 'x')) ->> 'code', '400', 'Infinity');
select is((api.v3_score_post(current_setting('t.s1'), 'total', '-Infinity', 'x')) ->> 'code', '400', '-Infinity');
select is((api.v3_score_post(current_setting('t.s1'), 'total', 'NaN', 'x')) ->> 'code', '400', 'NaN');
select is((api.v3_score_post(current_setting('t.s1'), 'total', 1e1000, 'x')) ->> 'message',
  'score must be a finite number between -1e15 and 1e15', '1e1000');
select is((api.v3_score_post(current_setting('t.s1'), 'total', -2.5, 'x')) ->> 'code', '200', 'a negative score is fine');
reset role;
select set_config('request.jwt.claims', '{"actor": "tests"}', true);
prepare score_insert(numeric) as
insert into app.scores (backup_id, assignment_id, course_id, user_id, kind, value)
select b.id, b.assignment_id, b.course_id, b.submitter_id, 'effort', $1
from app.backups as b where b.id = app.hashid_decode(current_setting('t.s1'));
select throws_ok('execute score_insert(''Infinity'')', '23514', null, 'the table refuses Infinity');
select throws_ok('execute score_insert(''NaN'')', '23514', null, 'the table refuses NaN');
select throws_ok('execute score_insert(1e1000)', '23514', null, 'the table refuses 1e1000');
select lives_ok('execute score_insert(1e15)', 'the table takes 1e15');

-- CSV fields: formula triggers are prefixed with a quote (then quoted as RFC 4180 needs).
select is(v3.csv_field('=1+1'), '''=1+1', '= is neutralised');
select is(v3.csv_field('+1'), '''+1', '+ is neutralised');
select is(v3.csv_field('-2+3+cmd|'' /C calc''!A0'), '''-2+3+cmd|'' /C calc''!A0', '- is neutralised');
select is(v3.csv_field('@SUM(A1)'), '''@SUM(A1)', '@ is neutralised');
select is(v3.csv_field(E'\t=1'), E'''\t=1', 'a leading tab is neutralised');
select is(v3.csv_field(E'\r=1'), E'"''\r=1"', 'a leading carriage return is neutralised, then quoted');
select is(v3.csv_field('=HYPERLINK("x","y")'), '"''=HYPERLINK(""x"",""y"")"', 'prefixed, then quoted');
select is(v3.csv_field('Sam, Jr.'), '"Sam, Jr."', 'plain text is only quoted as needed');
select is(v3.csv_field('a=b'), 'a=b', 'only a leading trigger counts');

-- PKCE: RFC 7636 appendix B's example verifier and challenge.
select is(app.pkce_challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'),
  'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256 of the RFC''s verifier');
select is(app.pkce_challenge('too-short'), null, 'a verifier under 43 characters matches nothing');
insert into auth.oauth_clients (client_id, name, secret_hash, is_confidential, redirect_uris, active)
values ('public-cli', 'Public', '', false, array['http://127.0.0.1:7000/cb'], true);
select tests.act_as('s1@a.edu');
select throws_ok($$ select api.oauth_authorize('public-cli', 'http://127.0.0.1:7000/cb') $$, 'PT400',
  'invalid_request', 'a public client must send a code challenge');
select throws_ok($$ select api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob', 'all',
  'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'plain') $$, 'PT400', 'invalid_request', 'plain is refused');
select set_config('t.code', api.oauth_authorize('public-cli', 'http://127.0.0.1:7000/cb', 'all',
  'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256'), true);
select ok(api.oauth_code_pending(current_setting('t.code')), 'the code is pending for its user');
select tests.act_as('s2@a.edu');
select ok(not api.oauth_code_pending(current_setting('t.code')), 'and not for anyone else');
select tests.act_as_role('ok_auth');
select is((api.oauth_exchange_code('public-cli', null, current_setting('t.code'), 'http://127.0.0.1:7000/cb',
  code_verifier => 'wrong-verifier-wrong-verifier-wrong-verifier-0')) ->> 'error', 'invalid_grant',
  'a wrong verifier spends the code and gets nothing');
select tests.act_as('s1@a.edu');
select ok(not api.oauth_code_pending(current_setting('t.code')), 'a spent code is no longer pending');
select set_config('t.code', api.oauth_authorize('public-cli', 'http://127.0.0.1:7000/cb', 'all',
  'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', 'S256'), true);
select tests.act_as_role('ok_auth');
select is((api.oauth_exchange_code('public-cli', null, current_setting('t.code'), 'http://127.0.0.1:7000/cb',
  code_verifier => 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')) -> 'claims' ->> 'email', 's1@a.edu',
  'the right verifier, and no secret, for a public client');
select tests.act_as('s1@a.edu');
select set_config('t.code', api.oauth_authorize('ok-client', 'urn:ietf:wg:oauth:2.0:oob'), true);
select tests.act_as_role('ok_auth');
select is((api.oauth_exchange_code('ok-client', 'EWKtcCp5nICeYgVyCPypjs3aLORqQ3H', current_setting('t.code'),
  'urn:ietf:wg:oauth:2.0:oob', code_verifier => 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')) ->> 'error',
  'invalid_grant', 'a verifier for a code issued without a challenge is a downgrade, refused');

-- Each user's allowance of backups: a burst, then the refill rate; others are not held up.
select tests.act_as_owner();
select set_config('okv3.intake_burst', '3', true), set_config('okv3.intake_per_second', '0.001', true);
delete from app.intake_allowances;
select tests.act_as_api('s2@a.edu');
select set_config('tests.before', (select count(*)::text from app.backups where submitter_id = tests.user_id('s2@a.edu')), true);
select is(array_agg((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"file_contents": {}}')) ->> 'code'),
  array['200', '200', '200', '429'], 'a user''s fourth backup in a burst of three is refused with 429')
from generate_series(1, 4);
select is(current_setting('response.headers'), '[{"Retry-After": "5"}]', 'saying when to try again');
select is((select count(*)::text from app.backups where submitter_id = tests.user_id('s2@a.edu')),
  (current_setting('tests.before')::int + 3)::text, 'and storing nothing of the refused one');
select tests.act_as_api('s1@a.edu');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"file_contents": {}}')) ->> 'code', '200',
  'another student''s backups go on');
select tests.act_as_owner();
update app.intake_allowances set refreshed_at = refreshed_at - interval '2 hours'
where user_id = tests.user_id('s2@a.edu');
select tests.act_as_api('s2@a.edu');
select is((api.v3_backups_post('cal/cs61a/fa26/hw01', '{"file_contents": {}}')) ->> 'code', '200',
  'once the bucket has refilled, the next one (ok-client''s retry) is stored');

select * from finish();
rollback;
